import {describe, expect, it} from 'vitest';
import {alertFor, arrange, containerEventFrom, rowFromInspect, summaryLine, withStats, HISTORY, type MonitorRow} from '../../../source/core/monitor/model.js';
import {JsonLines, sparkline, statsSampleFrom} from '../../../source/core/monitor/stats.js';

const row = (over: Partial<MonitorRow> = {}): MonitorRow => ({
	...rowFromInspect({Id: 'abc', Name: '/api', Config: {Image: 'api:1'}, State: {Status: 'running', Running: true}, RestartCount: 0} as never, null, 0),
	...over,
});

describe('stats as docker stats computes them', () => {
	it('CPU % from the deltas times online CPUs; memory without inactive file cache', () => {
		const s = statsSampleFrom({
			cpu_stats: {cpu_usage: {total_usage: 3_000_000_000}, system_cpu_usage: 20_000_000_000, online_cpus: 2},
			precpu_stats: {cpu_usage: {total_usage: 2_000_000_000}, system_cpu_usage: 10_000_000_000},
			memory_stats: {usage: 100 * 1024 * 1024, limit: 512 * 1024 * 1024, stats: {total_inactive_file: 20 * 1024 * 1024}},
			pids_stats: {current: 3},
		});
		expect(s).toEqual({cpuPercent: 20, memUsage: 80 * 1024 * 1024, memLimit: 512 * 1024 * 1024, pids: 3});
	});
	it('the first sample has no previous reading: no CPU figure', () => {
		expect(statsSampleFrom({cpu_stats: {cpu_usage: {total_usage: 5}, system_cpu_usage: 10}, precpu_stats: {cpu_usage: {}}}).cpuPercent).toBeNull();
	});
	it('cgroup v2 inactive_file', () => {
		expect(statsSampleFrom({memory_stats: {usage: 1000, stats: {inactive_file: 300}}}).memUsage).toBe(700);
	});
	it('JSON lines split across chunks', () => {
		const j = new JsonLines();
		const enc = new TextEncoder();
		expect(j.push(enc.encode('{"a":1}\n{"b"'))).toEqual([{a: 1}]);
		expect(j.push(enc.encode(':2}\n'))).toEqual([{b: 2}]);
	});
	it('history is bounded; sparkline one bar per sample', () => {
		let r = row();
		for (let i = 0; i < HISTORY + 15; i++) r = withStats(r, {cpuPercent: i, memUsage: 1, memLimit: 2, pids: 1});
		expect(r.cpuHistory.length).toBe(HISTORY);
		expect(sparkline([0, 50, 100])).toBe('▁▅█');
	});
});

describe('alerts from engine events', () => {
	const ev = (action: string, attributes: Record<string, string> = {}) => ({time: '2026-01-01T00:00:00.000Z', action, id: 'abc', name: 'api', attributes});
	it('oom names the limit; unhealthy quotes the probe; restarts are counted', () => {
		expect(alertFor(ev('oom'), row({memLimit: 512 * 1024 * 1024}), [])!.message).toBe('OOM: the kernel killed a process at the 512 MiB limit');
		expect(alertFor(ev('health_status: unhealthy'), row({lastProbe: {exitCode: 1, output: 'curl: (7) refused', end: ''}}), [])!.message).toBe(
			'unhealthy: curl: (7) refused',
		);
		const t0 = Date.parse('2026-01-01T00:00:00Z');
		expect(alertFor(ev('restart'), row(), [t0 - 120_000, t0 - 60_000, t0])!.message).toBe('3rd restart in 2 min');
	});
	it('no alert for a clean exit, docker stop, healthy, start', () => {
		for (const [a, attrs] of [
			['die', {exitCode: '0'}],
			['die', {exitCode: '143'}],
			['kill', {signal: '15'}],
			['health_status: healthy', {}],
			['start', {}],
		] as const)
			expect(alertFor(ev(a, attrs), row(), [])).toBeNull();
		expect(alertFor(ev('die', {exitCode: '137'}), row(), [])!.message).toBe('exited with code 137 (SIGKILL)');
		expect(alertFor(ev('die', {exitCode: '1'}), row(), [])!.severe).toBe(false);
	});
	it('events keep only harmless attributes (labels may hold secrets)', () => {
		const e = containerEventFrom({
			Type: 'container',
			Action: 'die',
			Actor: {ID: 'abc', Attributes: {name: 'api', exitCode: '1', 'com.example.token': 's3cret'}},
			timeNano: 1.7e18,
		});
		expect(e!.attributes).toEqual({name: 'api', exitCode: '1'});
		expect(containerEventFrom({Type: 'network', Action: 'connect', Actor: {ID: 'n'}})).toBeNull();
	});
});

describe('arrangement and summary', () => {
	const rows = [
		row({id: '1', name: 'web', project: 'shop', cpuPercent: 5}),
		row({id: '2', name: 'db', project: 'shop', cpuPercent: 50, health: 'unhealthy'}),
		row({id: '3', name: 'tool', state: 'exited'}),
	];
	it('grouped by project (ungrouped last), troubled first, filter by substring', () => {
		const g = arrange(rows, {sort: 'state', filter: ''});
		expect(g.map((x) => [x.project, x.rows.map((r) => r.name)])).toEqual([
			['shop', ['db', 'web']],
			[null, ['tool']],
		]);
		expect(arrange(rows, {sort: 'cpu', filter: 'shop'}).flatMap((x) => x.rows.map((r) => r.name))).toEqual(['db', 'web']);
	});
	it('one summary line', () => {
		expect(summaryLine(rows)).toBe('2 running (1 unhealthy), 1 exited · CPU 55.0% · memory 0 B');
	});
});
