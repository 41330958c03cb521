import React from 'react';
import {describe, expect, it, vi} from 'vitest';
import {arrange, type MonitorFeed, type MonitorResult, type MonitorRow, type MonitorSnapshot} from '../../source/core/monitor/model.js';
import {makeTheme} from '../../source/output/theme.js';
import MonitorView from '../../source/ui/views/MonitorView.js';
import {KEY, frameWith, mount, until} from '../support/ink.js';

const row = (over: Partial<MonitorRow> & Pick<MonitorRow, 'id' | 'name'>): MonitorRow => ({
	image: 'busybox',
	state: 'running',
	health: null,
	lastProbe: null,
	restartCount: 0,
	restartDelta: 0,
	startedAt: '2026-12-03T10:00:00Z',
	finishedAt: null,
	exitCode: null,
	oomKilled: false,
	cpuPercent: 1,
	memUsage: 1024,
	memLimit: null,
	cpuHistory: [],
	ports: [],
	project: null,
	service: null,
	...over,
});

const snapshot: MonitorSnapshot = {
	takenAt: '2026-12-03T10:05:00Z',
	rows: [
		row({
			id: 'a1',
			name: 'api',
			health: 'unhealthy',
			lastProbe: {exitCode: 1, output: 'wget: server returned error: HTTP/1.1 503', end: '2026-12-03T10:04:59Z'},
		}),
		row({id: 'b2', name: 'batch', state: 'exited', exitCode: 2, startedAt: null, finishedAt: '2026-12-03T10:01:00Z', cpuPercent: null}),
	],
	alerts: [],
};

function start() {
	const act = vi.fn(async (action: string, id: string) => `${id} ${action}ed`);
	const feed: MonitorFeed = {snapshot: () => snapshot, subscribe: () => () => {}, act, close: () => {}};
	const result: MonitorResult = {mode: 'live', snapshot, summary: '', stoppedBy: 'live', alertExit: null, feed};
	const onOpen = vi.fn();
	return {act, onOpen, element: <MonitorView result={result} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={() => {}} onOpen={onOpen} />};
}

// The order the dashboard shows at first (sorted by state), and moving the selection to a row.
const order = arrange(snapshot.rows, {sort: 'state', filter: ''}).flatMap((g) => g.rows.map((r) => r.name));
// Moves to the first or last row (two rows here) and checks it through Enter, which diagnoses the selected row.
async function selectRow(app: {stdin: {write(s: string): void}}, onOpen: ReturnType<typeof vi.fn>, name: string) {
	const key = order.indexOf(name) === 0 ? KEY.up : KEY.down;
	await until(() => {
		app.stdin.write(key);
		app.stdin.write(KEY.enter);
		const last = onOpen.mock.calls.at(-1);
		return last?.[0] === 'diagnose' && last[1].args[0] === name;
	}, `${name} selected`);
}

// The keys on the selected container that the tmux test (test/e2e/monitor-dashboard.test.ts) does not drive.
describe('monitor dashboard keys', () => {
	it('Enter diagnoses, i inspects, s opens a shell on the selected container', async () => {
		const {onOpen, element} = start();
		const app = await mount(element);
		await frameWith(app, 'api');
		const first = onOpen.mock.calls.length;
		app.stdin.write(KEY.enter);
		await until(() => onOpen.mock.calls.length > first, 'diagnose opened');
		expect(onOpen).toHaveBeenLastCalledWith('diagnose', {args: [order[0]], flags: {}});
		app.stdin.write('i');
		await until(() => onOpen.mock.calls.length > first + 1, 'inspect opened');
		expect(onOpen).toHaveBeenLastCalledWith('inspect', {args: [order[0]], flags: {}});
		await selectRow(app, onOpen, 'api');
		app.stdin.write('s');
		await until(() => onOpen.mock.calls.at(-1)?.[0] === 'exec', 'the shell opened');
		expect(onOpen).toHaveBeenLastCalledWith('exec', {args: ['api'], flags: {}});
	});

	it('s on a stopped container points to debug; h shows the last probe; r asks, shows docker restart, then restarts', async () => {
		const {act, onOpen, element} = start();
		const app = await mount(element);
		await frameWith(app, 'batch');
		await selectRow(app, onOpen, 'batch');
		app.stdin.write('s');
		await frameWith(app, 'batch is exited: a shell needs a running container (try: docker-helper debug batch).');
		expect(onOpen).not.toHaveBeenCalledWith('exec', expect.anything());
		await selectRow(app, onOpen, 'api');
		app.stdin.write('h');
		const probe = await frameWith(app, 'last probe');
		expect(probe).toContain('api · health unhealthy');
		expect(probe).toContain('exit 1');
		expect(probe).toContain('HTTP/1.1 503');
		app.stdin.write(' ');
		await frameWith(app, '? keys');
		app.stdin.write('r');
		const asked = await frameWith(app, '[y/N]');
		expect(asked).toContain('docker restart api');
		expect(act).not.toHaveBeenCalled();
		app.stdin.write('y');
		await frameWith(app, '✔ a1 restarted (docker restart api)');
		expect(act).toHaveBeenCalledWith('restart', 'a1');
	});
});
