// Shared by the benchmarks: a whole-process timing under GNU time, and the pure lint core bundled for in-process runs.
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Wall seconds and peak RSS of one run of `cmd args` (stdout discarded), with NO_COLOR set. */
export function timed(label, cmd, args) {
	const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {
		encoding: 'utf8',
		stdio: ['ignore', 'ignore', 'pipe'],
		maxBuffer: 1 << 26,
		env: {...process.env, NO_COLOR: '1'},
	});
	const last = r.stderr.trim().split('\n').pop() ?? '';
	const [wall, rss] = last.split(' ').map(Number);
	return {label, wall, rssMiB: rss / 1024, code: r.status};
}

/** Bundles lintSource and the rule list into one ESM file (the CLI bundle does not export them). */
export async function bundleLintCore(outfile) {
	await build({
		stdin: {
			contents: "export {lintSource} from './source/core/lint/engine.ts'; export {rules} from './source/core/lint/rules/index.ts';",
			resolveDir: root,
			loader: 'ts',
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		outfile,
		logLevel: 'error',
	});
}
