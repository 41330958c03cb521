// Bundle source/ into dist/ with esbuild. Pure-JS dependencies are bundled: resolving Ink's ~40
// packages at run time cost ~0.5 s of the menu's first frame, bundled it is a single chunk read.
// Code splitting keeps Ink, React and each view out of the start-up path until they are imported.
// Only the start-up path is bundled (Ink, React, meow, chalk, wrap-ansi, string-width and what they pull in);
// every other direct dependency stays external and is resolved by Node at run time, so CommonJS
// packages loaded with import() (yaml, dockerfile-ast) keep their named exports.
import {readFileSync, rmSync, chmodSync} from 'node:fs';
import {build} from 'esbuild';

const BUNDLED = new Set(['ink', 'react', 'meow', 'chalk', 'wrap-ansi', 'string-width']);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
await build({
	entryPoints: {cli: 'source/bin.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	external: Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name)),
	alias: {'react-devtools-core': './scripts/stubs/react-devtools-core.mjs'},
	// Bundled CommonJS (react) calls require(); give ESM chunks one.
	banner: {js: "import {createRequire as __dhCreateRequire} from 'node:module'; const require = __dhCreateRequire(import.meta.url);"},
	jsx: 'automatic',
	// Source maps only when asked for (DOCKER_HELPER_SOURCEMAPS=1 npm run build): they are most of the package's weight.
	sourcemap: process.env.DOCKER_HELPER_SOURCEMAPS === '1' ? 'linked' : false,
	minifySyntax: true,
	// NODE_ENV picks React's production build (the development one is larger and slower to load);
	// process.env.NODE_ENV is read nowhere else in source/.
	define: {__DOCKER_HELPER_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"'},
	chunkNames: 'chunks/[name]-[hash]',
	logLevel: 'warning',
});
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
