/**
 * monitor: the engine's containers, live. In a terminal an Ink dashboard; without one, --once
 * prints the table once (--json: one document), and otherwise it streams: the table, then one
 * line per alert with the diagnose rules' finding, and a summary line every --interval seconds
 * (--json: NDJSON, a snapshot and then one event per line) until interrupted. --alert-exit stops
 * with exit code 1 at the first OOM kill, health failure or restart, for watchdog scripts.
 */
import {HelperError} from '../core/errors.js';
import {SORT_KEYS, summaryLine, troubledRows, type MonitorAlert, type MonitorResult, type SortKey} from '../core/monitor/model.js';
import {alertLine, monitorTable} from '../output/monitor.js';
import {EngineMonitor} from './monitor-feed.js';
import {tableWidth} from '../output/wrap.js';
import {flagBool, flagNumber, flagString, type Command, type Context, type Input, type OutputChunk} from './types.js';

const DIAGNOSIS_WAIT_MS = 10_000;

export const monitor: Command<MonitorResult> = {
	name: 'monitor',
	summary: 'Watch every container live: state, health, restarts, CPU and memory, ports, alerts with their diagnosis',
	description: [
		'One row per container: name, image, state and health, restart count (and +N since the monitor',
		'opened), uptime or time since exit, CPU % with a sparkline and memory against its limit (from',
		"the engine's stats streams, as docker stats computes them), published ports; grouped by compose",
		"project. The engine's events (die, oom, kill, unhealthy, restart) show as alert lines with the",
		"diagnose rules' one-line finding.",
		'',
		'In a terminal: a dashboard. ↑/↓ select, Enter diagnose, l logs (follows them, through a filter',
		'typed first: a regular expression, or Enter for every line), i inspect, s shell, r restart,',
		'S stop, d remove (each asks first and shows its docker command), / filter, o sort, ? keys.',
		'Without a terminal: --once prints the table once (--json: one document); otherwise the table,',
		'then alerts as they happen and a summary line every --interval seconds (--json: NDJSON, a',
		'snapshot line then one line per event), until Ctrl-C. --alert-exit exits 1 at the first OOM,',
		'health failure or restart (with --once: when a container is unhealthy, OOM-killed or restarting).',
	].join('\n'),
	usage: 'docker-helper monitor [--once] [--json] [--alert-exit] [--interval <s>] [--sort name|state|cpu|memory|restarts]',
	examples: [
		'docker-helper monitor',
		'docker-helper monitor --once',
		'docker-helper monitor --json | jq -c "select(.type==\\"event\\")"',
		'docker-helper monitor --alert-exit --plain || notify-send "container trouble"',
	],
	group: 'troubleshoot',
	args: [],
	flags: {
		once: {type: 'boolean', description: 'Print the table once and exit (--json: one document)'},
		alertExit: {type: 'boolean', description: 'Exit 1 at the first OOM kill, health failure or restart'},
		interval: {type: 'number', default: 10, placeholder: 's', description: 'Streaming without a terminal: a summary line this often (0: none)'},
		json: {type: 'boolean', description: 'One JSON document with --once; otherwise NDJSON: a snapshot line, then one line per event'},
		sort: {type: 'string', choices: SORT_KEYS, default: 'state', placeholder: 'key', description: 'Row order within each group'},
	},
	opensApp: (input) => !flagBool(input, 'once') && !flagBool(input, 'alertExit'),
	async run(ctx, input) {
		if (ctx.interactive) {
			const engine = await ctx.engine();
			const feed = new EngineMonitor(engine, ctx, {diagnose: true});
			await feed.start();
			const snapshot = feed.snapshot();
			return {mode: 'live', snapshot, summary: summaryLine(snapshot.rows), stoppedBy: 'live', alertExit: null, feed};
		}
		return once(ctx, input);
	},
	// Without a terminal: --once is one table (or document); otherwise the lines are yielded as they come, until Ctrl-C.
	async *stream(ctx, input) {
		if (flagBool(input, 'once')) return await once(ctx, input);
		return yield* streamLines(ctx, input, flagBool(input, 'json'));
	},
	exitCode: (result) => (result.alertExit ? 1 : 0),
	json: (result) => (result.mode === 'stream' ? undefined : {snapshot: result.snapshot, summary: result.summary, alertExit: result.alertExit}),
	text: (result, theme, input) => {
		if (result.mode === 'stream') return result.alertExit?.alert ? `Stopped: ${alertLine(result.alertExit.alert, theme)}` : `Stopped. ${result.summary}`;
		const table = monitorTable(result.snapshot, theme, {
			width: tableWidth(theme.width, 130),
			sort: (flagString(input, 'sort') as SortKey | undefined) ?? 'state',
		});
		return result.alertExit ? `${table}\n${theme.error('Trouble:')} ${result.alertExit.containers.join(', ')}` : table;
	},
};

async function once(ctx: Context, input: Input): Promise<MonitorResult> {
	const engine = await ctx.engine();
	ctx.progress('Reading containers and their stats…');
	const feed = new EngineMonitor(engine, ctx, {diagnose: false});
	try {
		await feed.start();
		await feed.settled(3000);
		const snapshot = feed.snapshot();
		const troubled = flagBool(input, 'alertExit') ? troubledRows(snapshot.rows).map((r) => r.name) : [];
		return {
			mode: 'once',
			snapshot,
			summary: summaryLine(snapshot.rows),
			stoppedBy: 'once',
			alertExit: troubled.length > 0 ? {alert: null, containers: troubled} : null,
		};
	} finally {
		feed.close();
	}
}

async function* streamLines(ctx: Context, input: Input, json: boolean): AsyncGenerator<OutputChunk, MonitorResult, void> {
	const engine = await ctx.engine();
	const theme = ctx.theme;
	const alertExit = flagBool(input, 'alertExit');
	// Lines come from the engine's callbacks; the generator hands them on in order, as the reader takes them.
	let lines: string[] = [];
	let wake: (() => void) | undefined;
	const write = (line: string) => {
		lines.push(`${line}\n`);
		wake?.();
	};
	const writeJson = (doc: unknown) => write(JSON.stringify(doc));
	type Outcome = {stoppedBy: 'interrupt' | 'alert'; alert: MonitorAlert | null} | {lost: unknown};
	let how: Outcome | undefined;
	const finish = (outcome: Outcome) => {
		how ??= outcome;
		wake?.();
	};
	const flush = (): OutputChunk | undefined => {
		if (lines.length === 0) return undefined;
		const data = lines.join('');
		lines = [];
		return {to: 'stdout', data};
	};
	let stopping: MonitorAlert | null = null;
	let stopTimer: NodeJS.Timeout | undefined;
	const stopOn = (alert: MonitorAlert) => {
		if (!alertExit || !alert.severe || stopping) return;
		stopping = alert;
		// Wait a little for its diagnosis: a watchdog wants the reason with the alarm.
		stopTimer = setTimeout(() => finish({stoppedBy: 'alert', alert}), DIAGNOSIS_WAIT_MS);
	};
	const feed = new EngineMonitor(engine, ctx, {
		diagnose: true,
		onEvent(event, alert) {
			if (json) writeJson({type: 'event', event, alert});
			if (alert) stopOn(alert);
		},
		onDiagnosis(alert) {
			if (json) writeJson({type: 'diagnosis', alert});
			else write(alertLine(alert, theme));
			if (stopping && alert.time === stopping.time && alert.id === stopping.id && alert.kind === stopping.kind) {
				clearTimeout(stopTimer);
				finish({stoppedBy: 'alert', alert});
			}
		},
		onLost: (error) => finish({lost: error}),
	});
	// main.ts aborts on Ctrl-C, SIGTERM or a closed terminal, and when the reader went away.
	const onAbort = () => finish({stoppedBy: 'interrupt', alert: null});
	ctx.signal.addEventListener('abort', onAbort, {once: true});
	let ticker: NodeJS.Timeout | undefined;
	try {
		await feed.start();
		await feed.settled(3000);
		const first = feed.snapshot();
		if (json) writeJson({type: 'snapshot', ...first, summary: summaryLine(first.rows)});
		else write(monitorTable(first, theme, {width: tableWidth(theme.width, 130), sort: (flagString(input, 'sort') as SortKey | undefined) ?? 'state'}));
		const interval = flagNumber(input, 'interval') ?? 10;
		if (!json && interval > 0)
			ticker = setInterval(() => write(`${theme.dim(new Date().toISOString().slice(11, 19))} ${summaryLine(feed.snapshot().rows)}`), interval * 1000);
		for (;;) {
			const chunk = flush();
			if (chunk) {
				yield chunk;
				continue;
			}
			if (how) break;
			await new Promise<void>((resolve) => (wake = resolve));
			wake = undefined;
		}
		if ('lost' in how) {
			throw new HelperError(
				'ENGINE_UNREACHABLE',
				'Lost the Docker Engine: its event stream ended.',
				'Check that the daemon is still running (docker info), then start the monitor again.',
			);
		}
		const last = feed.snapshot();
		if (json) writeJson({type: 'end', stoppedBy: how.stoppedBy, alert: how.alert, summary: summaryLine(last.rows)});
		const end = flush();
		if (end) yield end;
		return {
			mode: 'stream',
			snapshot: last,
			summary: summaryLine(last.rows),
			stoppedBy: how.stoppedBy,
			alertExit: how.alert ? {alert: how.alert, containers: [how.alert.container]} : null,
		};
	} finally {
		clearInterval(ticker);
		clearTimeout(stopTimer);
		ctx.signal.removeEventListener('abort', onAbort);
		feed.close();
	}
}
