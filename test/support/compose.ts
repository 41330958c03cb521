/**
 * A real Compose validator for tests: Debian's docker-compose (installed by scripts/engine.sh).
 * `docker-compose -f FILE config -q` checks a file against the compose schema it ships and exits
 * non-zero on any violation. Suites that need it skip visibly without it, and fail under CI=true.
 */
import {spawnSync} from 'node:child_process';
import {describe, it} from 'vitest';

function probe(): {ok: boolean; why: string} {
	const r = spawnSync('docker-compose', ['version', '--short'], {encoding: 'utf8', timeout: 30_000});
	if (r.error) return {ok: false, why: `docker-compose not runnable (${r.error.message}): run bash scripts/engine.sh`};
	return r.status === 0 ? {ok: true, why: ''} : {ok: false, why: r.stderr.trim()};
}

const state = probe();

export function composeConfig(file: string, options: {cwd: string; quiet?: boolean; project?: string}): {code: number; stdout: string; stderr: string} {
	const args = ['-f', file, ...(options.project ? ['-p', options.project] : []), 'config', ...(options.quiet === false ? [] : ['-q'])];
	const r = spawnSync('docker-compose', args, {encoding: 'utf8', cwd: options.cwd, timeout: 60_000});
	if (r.error) throw r.error;
	return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr};
}

export function composeRun(args: readonly string[], cwd: string, timeout = 180_000): {code: number; stdout: string; stderr: string} {
	const r = spawnSync('docker-compose', [...args], {encoding: 'utf8', cwd, timeout});
	if (r.error) throw r.error;
	return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr};
}

export function describeCompose(name: string, body: () => void): void {
	if (state.ok) {
		describe(name, body);
		return;
	}
	if (process.env['CI'] === 'true') {
		describe(name, () => {
			it('needs docker-compose (CI=true: a skip is a failure)', () => {
				throw new Error(state.why);
			});
		});
		return;
	}
	console.warn(`[docker-helper tests] SKIPPING "${name}": ${state.why}`);
	describe.skip(name, body);
}
