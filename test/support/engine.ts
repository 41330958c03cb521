/**
 * Real-engine test support. Integration suites call `describeEngine(...)`: with an engine
 * reachable they run; without one they skip with a visible message, except under CI=true,
 * where a missing engine fails the run.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {describe, it} from 'vitest';

export const FIXTURE_IMAGE = 'docker-helper-fixture/busybox:1';

function probe(): {ok: boolean; why: string} {
	const r = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], {encoding: 'utf8', timeout: 10_000});
	if (r.error) return {ok: false, why: `docker CLI not runnable: ${r.error.message}`};
	if (r.status !== 0) return {ok: false, why: (r.stderr || 'no answer').trim().split('\n')[0]!};
	const img = spawnSync('docker', ['image', 'inspect', FIXTURE_IMAGE], {encoding: 'utf8', timeout: 10_000});
	if (img.status !== 0) return {ok: false, why: `fixture image ${FIXTURE_IMAGE} missing: run bash scripts/engine.sh`};
	return {ok: true, why: ''};
}

const state = probe();
export const engineAvailable = state.ok;

/** A describe() that runs only with a real engine, and fails under CI=true without one. */
export function describeEngine(name: string, body: () => void): void {
	if (state.ok) {
		describe(name, body);
		return;
	}
	if (process.env['CI'] === 'true') {
		describe(name, () => {
			it('needs a Docker Engine (CI=true: a skip is a failure)', () => {
				throw new Error(`No Docker Engine for integration tests: ${state.why}. Run: bash scripts/engine.sh`);
			});
		});
		return;
	}
	console.warn(`[docker-helper tests] SKIPPING "${name}": no Docker Engine (${state.why}). Run: sudo bash scripts/engine.sh`);
	describe.skip(name, body);
}

/** A unique name for containers a test creates, so parallel test files never collide. */
export function uniqueName(prefix: string): string {
	return `dhtest-${prefix}-${randomBytes(4).toString('hex')}`;
}

export function docker(args: readonly string[], options: {input?: string; allowFail?: boolean} = {}): string {
	try {
		return execFileSync('docker', [...args], {encoding: 'utf8', input: options.input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 120_000}).trim();
	} catch (error) {
		if (options.allowFail) return '';
		const e = error as {stderr?: string; message: string};
		throw new Error(`docker ${args.join(' ')} failed: ${e.stderr ?? e.message}`, {cause: error});
	}
}

/** Remove containers by name, ignoring ones that are already gone. */
export function removeContainers(...names: string[]): void {
	if (names.length > 0) docker(['rm', '-f', '-v', ...names], {allowFail: true});
}

/** Runs a long-lived container from the fixture whose health probe always fails (one retry, every second): it turns unhealthy within seconds. */
export function runUnhealthy(name: string): string {
	return docker([
		'run',
		'-d',
		'--name',
		name,
		'--health-cmd',
		'echo probe-said-no; exit 1',
		'--health-interval',
		'1s',
		'--health-retries',
		'1',
		FIXTURE_IMAGE,
		'sleep',
		'600',
	]);
}
