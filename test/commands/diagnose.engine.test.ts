/**
 * diagnose against the real engine: make a representative set of failures happen,
 * run the BUILT CLI on each as soon as it has happened, and assert the top finding.
 */
import {execFile} from 'node:child_process';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {SCENARIOS, buildImages, cleanup, startScenarios, waitFor, type Scenario} from '../../scripts/diagnose-scenarios.mjs';
import {containerChoices} from '../../source/commands/diagnose.js';
import {createContext} from '../../source/context.js';
import {CLI, runCli, runJson} from '../support/cli.js';
import {randomBytes} from 'node:crypto';
import {describeEngine} from '../support/engine.js';

/** Every engine object of the diagnose suites is named dh-dg-…. */
const dgName = (p: string) => `dh-dg-${p}-${randomBytes(4).toString('hex')}`;

const WANTED = [
	'oom-killed',
	'entrypoint-path-missing',
	'command-not-found',
	'not-executable',
	'crlf-entrypoint',
	'exec-format-error',
	'host-port-allocated',
	'healthcheck-failing',
	'healthcheck-probe-missing',
	'crash-loop',
	'volume-permission',
	'read-only-fs',
	'sigkill-stop-timeout',
	'sigkill-docker-kill',
	'stopped-sigterm',
	'dns-failure',
	'healthy-running',
	'healthy-healthcheck',
	// Running containers: diagnosed too, from a stats sample and the sockets listening inside.
	'memory-near-limit',
	'pids-near-limit',
	'cpu-throttled',
	'healthcheck-slow',
	'listening-loopback',
	'published-port-not-listening',
	'published-port-all-addresses',
	// Start-time errors, resource limits, files and mounts, restart policies: real on this engine.
	'unknown-user',
	'network-missing',
	'join-stopped-container',
	'fork-failed',
	'too-many-open-files',
	'secret-not-mounted',
	'script-not-found-in-workdir',
	'bind-mount-became-directory',
	'exit-zero-restart-always',
	'on-failure-exhausted',
];

interface Run {
	code: number;
	doc: any;
}

function diagnoseAsync(name: string): Promise<Run> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [CLI, 'diagnose', name, '--json'], {env: {...process.env, NO_COLOR: '1'}, maxBuffer: 64 * 1024 * 1024}, (error, stdout) => {
			try {
				resolve({code: error ? Number((error as {code?: number}).code ?? 1) : 0, doc: JSON.parse(stdout)});
			} catch (e) {
				reject(new Error(`diagnose ${name}: not JSON: ${stdout.slice(0, 300)} (${String(e)})`));
			}
		});
	});
}

describeEngine('diagnose on real failures', () => {
	const list = SCENARIOS.filter((s) => WANTED.includes(s.id));
	const names = new Map<string, string>(list.map((s) => [s.id, dgName(`diag-${s.id}`)]));
	const runs = new Map<string, Run>();
	const failures = new Map<string, string>();
	let extra: Array<{container?: string; network?: string; volume?: string; path?: string}> = [];
	const retried: string[] = [];

	beforeAll(async () => {
		buildImages([...new Set(list.flatMap((s) => s.images ?? []))]);
		const started = await startScenarios(
			list,
			(s: Scenario) => names.get(s.id)!,
			async (s, name) => runs.set(s.id, await diagnoseAsync(name)),
			8,
		);
		extra = started.extra;
		started.results.forEach((r, i) => r.status === 'rejected' && failures.set(list[i]!.id, r.reason.message));
		// Docker 20.10 on cgroup v1 sometimes loses the OOM flag when the kill races with the exit
		// (OOMKilled false, no oom event): that is the engine's record, not diagnose's mistake. Retry the scenario then.
		const oom = SCENARIOS.find((s) => s.id === 'oom-killed')!;
		for (let attempt = 0; attempt < 2; attempt++) {
			const facts = runs.get('oom-killed')?.doc.result.reports[0].facts;
			if (!facts || facts.state.oomKilled || facts.events.list.some((e: {action: string}) => e.action === 'oom')) break;
			const name = dgName('diag-oom-retry');
			retried.push(names.get('oom-killed')!);
			names.set('oom-killed', name);
			await oom.start(name, () => undefined);
			await waitFor(name, oom.until);
			runs.set('oom-killed', await diagnoseAsync(name));
		}
	}, 240_000);

	afterAll(() => cleanup([...names.values(), ...retried], extra));

	for (const id of WANTED) {
		const scenario = SCENARIOS.find((s) => s.id === id)!;
		it(`${id}: ${scenario.expect ? `top finding ${scenario.expect}` : 'no error-severity finding, exit 0'}`, () => {
			expect(failures.get(id), `scenario did not happen: ${failures.get(id)}`).toBeUndefined();
			const run = runs.get(id)!;
			const report = run.doc.result.reports[0];
			if (scenario.expect === null) {
				expect(report.findings.filter((f: {severity: string}) => f.severity === 'error')).toEqual([]);
				expect(run.code).toBe(0);
			} else {
				const f = report.facts;
				expect(
					report.findings[0]?.id,
					`${id}: exit ${f.state.exitCode}, OOMKilled ${f.state.oomKilled}, events ${f.events.list.map((e: {action: string}) => e.action).join(',')}${f.events.error ? ` (${f.events.error})` : ''}`,
				).toBe(scenario.expect);
			}
			expect(report.facts.container.name).toBe(names.get(id));
		});
	}

	it('exit code 1 for a failing container, with the evidence in the text rendering', () => {
		expect(runs.get('oom-killed')!.code).toBe(1);
		const r = runCli(['diagnose', names.get('oom-killed')!]);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('Killed by the kernel OOM killer');
		expect(r.stdout).toContain(`docker inspect --format '{{json .State.OOMKilled}}' ${names.get('oom-killed')}`);
		expect(r.stdout).not.toContain('\u001B[');
	});

	it('SIGTERM exit 143 is not a failure (exit 0), SIGKILL after a stop timeout is told apart from docker kill', () => {
		expect(runs.get('stopped-sigterm')!.code).toBe(0);
		const stop = runs.get('sigkill-stop-timeout')!.doc.result.reports[0].findings[0];
		const kill = runs.get('sigkill-docker-kill')!.doc.result.reports[0].findings[0];
		expect(stop.evidence.map((e: {value: string}) => e.value)).toEqual(expect.arrayContaining(['signal=15', 'signal=9']));
		expect(kill.evidence.map((e: {value: string}) => e.value)).not.toContain('signal=15');
	});

	it('a running container listening on loopback only is failing (exit 1) with the socket as evidence', () => {
		const run = runs.get('listening-loopback')!;
		expect(run.code).toBe(1);
		const top = run.doc.result.reports[0].findings[0];
		expect(top.evidence.find((e: {label: string}) => e.label === '/proc/net/tcp (listening)')?.value).toBe('127.0.0.1:8080');
		expect(runs.get('published-port-all-addresses')!.doc.result.reports[0].facts.live.listeners).toEqual([{address: '::', port: 8080}]);
	});

	it('accepts a unique id prefix', () => {
		const id = runs.get('read-only-fs')!.doc.result.reports[0].container.id as string;
		const {doc} = runJson(['diagnose', id.slice(0, 12)]);
		expect(doc.result.reports[0].findings[0].id).toBe('read-only-fs');
	});

	it('an ambiguous id prefix: exit 1 naming the matches, not an engine error', () => {
		// 18 containers, 16 hex digits: at least two share a first character.
		const ids = [...runs.values()].map((r) => r.doc.result.reports[0].container.id as string);
		const prefix = ids.map((id) => id[0]!).find((c, i, all) => all.indexOf(c) !== i)!;
		const r = runCli(['diagnose', prefix]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(new RegExp(`The id prefix ${prefix} matches \\d+ containers`));
		expect(r.stderr).toContain('docker ps -a');
	});

	it('--all lists the failing containers, not the healthy ones, exit 1', () => {
		const {code, doc} = runJson(['diagnose', '--all', '--tail', '20'], {timeout: 120_000});
		expect(code).toBe(1);
		const seen = new Set(doc.result.reports.map((r: {container: {name: string}}) => r.container.name));
		for (const id of ['oom-killed', 'crash-loop', 'not-executable', 'healthcheck-failing', 'host-port-allocated', 'listening-loopback', 'memory-near-limit'])
			expect(seen.has(names.get(id)), id).toBe(true);
		expect(seen.has(names.get('healthy-running'))).toBe(false);
		expect(seen.has(names.get('published-port-all-addresses'))).toBe(false);
		expect(seen.has(names.get('healthy-healthcheck'))).toBe(false);
	});

	it('the picker lists troubled containers before healthy ones', async () => {
		const ctx = createContext(
			{env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdinIsTTY: false},
			{},
			{interactive: true, progress: false},
		);
		const labels = (await containerChoices(ctx)).map((c) => c.label);
		const at = (id: string) => labels.indexOf(names.get(id)!);
		// (Not the crash-loop container: between two restarts the engine lists it as briefly "Up".)
		expect(at('oom-killed')).toBeGreaterThanOrEqual(0);
		expect(at('oom-killed')).toBeLessThan(at('healthy-running'));
		expect(at('not-executable')).toBeLessThan(at('healthy-running'));
		expect(at('healthcheck-failing')).toBeLessThan(at('healthy-healthcheck'));
	});

	it('an unknown container: exit 1 with the closest names and docker ps -a', () => {
		const near = names.get('crash-loop')!.slice(0, -1) + 'x';
		const r = runCli(['diagnose', near]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`No such container: ${near}`);
		expect(r.stderr).toContain(names.get('crash-loop'));
		expect(r.stderr).toContain('docker ps -a');
	});
});

it('diagnose: engine unreachable → exit 3 with the hint; no container without a TTY → usage exit 2', () => {
	const r = runCli(['diagnose', 'web'], {env: {DOCKER_HOST: 'unix:///nonexistent/docker.sock'}});
	expect(r.code).toBe(3);
	expect(r.stderr).toMatch(/Cannot reach the Docker Engine/);
	const u = runCli(['diagnose']);
	expect(u.code).toBe(2);
	expect(u.stderr).toContain('needs <container>');
	const h = runCli(['diagnose', '--help']);
	expect(h.code).toBe(0);
	expect(h.stdout).toMatch(/--tail/);
	expect(h.stdout).toMatch(/--all/);
	expect(h.stdout).toMatch(/Exit code 1 when the container is failing/);
});
