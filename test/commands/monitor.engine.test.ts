/**
 * monitor on the real engine: containers made to OOM, restart and turn unhealthy while the
 * monitor watches (NDJSON stream), the --once snapshot of the same, --alert-exit, and plain text.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, runUnhealthy} from '../support/engine.js';
import {NdjsonRun} from '../support/ndjson.js';
import {opName} from '../support/ops.js';

const run = opName('mon');
const names = {oom: `${run}-oom`, loop: `${run}-loop`, sick: `${run}-sick`, calm: `${run}-calm`, watch: `${run}-watch`, plain: `${run}-plain`};
const children: NdjsonRun[] = [];

// OOM: tail buffers /dev/zero (no newline ever) until the 16 MiB limit; the policy restarts it.
const startOom = (name: string, restart = 'no') =>
	docker(['run', '-d', '--name', name, '--memory', '16m', '--memory-swap', '16m', '--restart', restart, FIXTURE_IMAGE, 'sh', '-c', 'sleep 1; tail /dev/zero']);
const startLoop = (name: string) => docker(['run', '-d', '--name', name, '--restart', 'on-failure', FIXTURE_IMAGE, 'sh', '-c', 'sleep 1; exit 3']);

afterAll(() => {
	for (const c of children) c.kill('SIGKILL');
	removeContainers(...Object.values(names), `${names.watch}-oom`, `${names.watch}-loop`, `${names.watch}-sick`, `${names.plain}-sick`);
});

const mine = (doc: any, name: string) => doc.type === 'diagnosis' && doc.alert.container === name;

describeEngine('monitor (real engine, built CLI)', () => {
	describe('--json stream', () => {
		it('a snapshot line, then events with alerts and diagnoses as containers OOM, restart and turn unhealthy; Ctrl-C ends it', async () => {
			const m = new NdjsonRun(['monitor', '--json']);
			children.push(m);
			const snapshot = await m.waitFor((d) => d.type === 'snapshot', 'the snapshot');
			expect(Array.isArray(snapshot.rows)).toBe(true);
			expect(snapshot.summary).toMatch(/running/);
			startOom(`${names.watch}-oom`);
			startLoop(`${names.watch}-loop`);
			runUnhealthy(`${names.watch}-sick`);
			const oom = await m.waitFor((d) => d.type === 'event' && d.alert?.kind === 'oom' && d.alert.container === `${names.watch}-oom`, 'the OOM alert');
			expect(oom.alert.severe).toBe(true);
			expect(oom.alert.message).toContain('16 MiB');
			const oomDiag = await m.waitFor((d) => mine(d, `${names.watch}-oom`), 'the OOM diagnosis');
			expect(oomDiag.alert.diagnosis).toMatch(/OOM killer: memory limit 16 MiB/);
			const restart = await m.waitFor(
				(d) => d.type === 'event' && d.alert?.kind === 'restart' && d.alert.container === `${names.watch}-loop`,
				'the restart alert',
			);
			expect(restart.alert.message).toMatch(/restart/);
			const die = m.docs.find((d) => d.type === 'event' && d.alert?.kind === 'die' && d.alert.container === `${names.watch}-loop`);
			expect(die.alert.message).toBe('exited with code 3');
			const health = await m.waitFor(
				(d) => d.type === 'event' && d.alert?.kind === 'health' && d.alert.container === `${names.watch}-sick`,
				'the unhealthy alert',
			);
			expect(health.alert.message).toContain('probe-said-no');
			// events carry no container labels (they may hold secrets): only the attributes we keep
			expect(Object.keys(oom.event.attributes).sort()).toEqual(expect.arrayContaining(['image', 'name']));
			m.kill('SIGINT');
			expect(await m.exited).toBe(0);
			const end = m.docs.at(-1);
			expect(end.type).toBe('end');
			expect(end.stoppedBy).toBe('interrupt');
		}, 90_000);

		it('--alert-exit exits 1 at the first OOM, health failure or restart, with its diagnosis', async () => {
			const m = new NdjsonRun(['monitor', '--json', '--alert-exit']);
			children.push(m);
			await m.waitFor((d) => d.type === 'snapshot', 'the snapshot');
			startOom(names.oom);
			const code = await m.exited;
			expect(code).toBe(1);
			const end = m.docs.at(-1);
			expect(end.type).toBe('end');
			expect(end.stoppedBy).toBe('alert');
			// another test on this engine may have caused the first severe alert: whichever it was, it is severe
			expect(end.alert.severe).toBe(true);
			expect(['oom', 'health', 'restart']).toContain(end.alert.kind);
			expect(end.alert.diagnosis).toBeTruthy();
		}, 60_000);
	});

	describe('--once', () => {
		beforeAll(async () => {
			startLoop(names.loop);
			runUnhealthy(names.sick);
			docker([
				'run',
				'-d',
				'--name',
				names.calm,
				'--memory',
				'32m',
				'-p',
				'127.0.0.1::8080',
				'--label',
				'com.docker.compose.project=dh-op-proj',
				FIXTURE_IMAGE,
				'sh',
				'-c',
				'while :; do :; done',
			]);
			// let the loop restart and the probe fail
			for (let i = 0; i < 100; i++) {
				const restarts = Number(docker(['inspect', '-f', '{{.RestartCount}}', names.loop]));
				const health = docker(['inspect', '-f', '{{.State.Health.Status}}', names.sick]);
				if (restarts >= 1 && health === 'unhealthy') break;
				await new Promise((r) => setTimeout(r, 200));
			}
		});

		it('--json: one document with state, health and probe, restarts, CPU, memory against the limit, ports, project', () => {
			const {code, doc} = runJson(['monitor', '--once']);
			expect(code).toBe(0);
			const row = (n: string) => doc.result.snapshot.rows.find((r: any) => r.name === n);
			expect(row(names.loop).restartCount).toBeGreaterThanOrEqual(1);
			expect(row(names.sick).health).toBe('unhealthy');
			expect(row(names.sick).lastProbe.output).toBe('probe-said-no');
			expect(row(names.sick).lastProbe.exitCode).toBe(1);
			const calm = row(names.calm);
			expect(calm.state).toBe('running');
			expect(calm.memLimit).toBe(32 * 1024 * 1024);
			expect(calm.memUsage).toBeGreaterThan(0);
			// a busy loop: above idle, as docker stats would show it (not a fixed share: on a loaded
			// 2-core machine a busy loop measured under 5%)
			expect(calm.cpuPercent).toBeGreaterThan(1);
			expect(calm.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+->8080\/tcp$/)]);
			expect(calm.project).toBe('dh-op-proj');
			expect(doc.result.summary).toMatch(/\d+ running/);
		});

		it('text: the table grouped by compose project, with the summary line, no colour codes', () => {
			const r = runCli(['monitor', '--once']);
			expect(r.code).toBe(0);
			expect(r.stdout).toMatch(/NAME\s+IMAGE\s+STATE\s+RESTARTS\s+UPTIME\s+CPU\s+MEMORY \/ LIMIT\s+PORTS/);
			expect(r.stdout).toContain('compose project dh-op-proj');
			expect(r.stdout).toMatch(/running \(unhealthy\)/);
			expect(r.stdout).toMatch(/\/ 32 MiB/);
			expect(r.stdout).not.toMatch(/\u001B\[/);
		});

		it('--alert-exit with --once: exit 1 while a container is unhealthy, and names it', () => {
			const r = runCli(['monitor', '--once', '--alert-exit']);
			expect(r.code).toBe(1);
			expect(r.stdout).toContain(names.sick);
			expect(r.stdout).toMatch(/Trouble: .*/);
		});
	});

	it('plain streaming: the table, then one line per alert with its diagnosis; NO_COLOR', async () => {
		const m = new NdjsonRun(['monitor', '--interval', '1']);
		children.push(m);
		await m.waitFor((d) => typeof d.text === 'string' && /NAME\s+IMAGE/.test(d.text), 'the table header');
		runUnhealthy(`${names.plain}-sick`);
		const line = await m.waitFor((d) => typeof d.text === 'string' && d.text.includes(`${names.plain}-sick: unhealthy`), 'the alert line');
		expect(line.text).toMatch(/^\d\d:\d\d:\d\d ! /);
		expect(line.text).toContain(' — ');
		await m.waitFor((d) => typeof d.text === 'string' && /^\d\d:\d\d:\d\d \d+ running/.test(d.text), 'a summary line');
		m.kill('SIGTERM');
		expect(await m.exited).toBe(0);
		expect(m.docs.map((d) => d.text ?? '').join('\n')).not.toMatch(/\u001B\[/);
	}, 60_000);
});
