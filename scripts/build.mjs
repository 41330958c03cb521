// Bundle source/ into dist/ with esbuild. Pure-JS dependencies are bundled: resolving Ink's ~40
// packages at run time cost ~0.5 s of the menu's first frame, bundled it is a single chunk read.
// Code splitting keeps Ink, React and each view out of the start-up path until they are imported.
// Kept external (installed by npm): packages with native or optional parts, or UMD builds.
import {readFileSync, rmSync, chmodSync} from 'node:fs';
import {build} from 'esbuild';

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
	external: ['dockerode', 'systeminformation', 'dockerfile-ast', 'vscode-languageserver-types', 'vscode-languageserver-textdocument'],
	alias: {'react-devtools-core': './scripts/stubs/react-devtools-core.mjs'},
	// Bundled CommonJS (react) calls require(); give ESM chunks one.
	banner: {js: "import {createRequire as __dhCreateRequire} from 'node:module'; const require = __dhCreateRequire(import.meta.url);"},
	jsx: 'automatic',
	sourcemap: 'linked',
	minifySyntax: true,
	define: {__DOCKER_HELPER_VERSION__: JSON.stringify(pkg.version)},
	chunkNames: 'chunks/[name]-[hash]',
	logLevel: 'warning',
});
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
