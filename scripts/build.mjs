// Bundle source/ into dist/ with esbuild. Dependencies stay external (installed by npm);
// code splitting keeps Ink, React and each view out of the start-up path until they are imported.
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
	packages: 'external',
	jsx: 'automatic',
	sourcemap: 'linked',
	minifySyntax: true,
	define: {__DOCKER_HELPER_VERSION__: JSON.stringify(pkg.version)},
	chunkNames: 'chunks/[name]-[hash]',
	logLevel: 'warning',
});
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
