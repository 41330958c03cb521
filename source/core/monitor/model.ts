/**
 * The monitor's model: one row per container from inspect and the stats stream, alerts from the
 * engine's event stream, and the summaries that render them. Pure and bounded: a row keeps the
 * last HISTORY CPU samples, the model the last MAX_ALERTS alerts.
 */
import type {ContainerDoc} from '../container-summary.js';
import type {PublishedPort} from '../engine/types.js';
import type {StatsSample} from './stats.js';

export const HISTORY = 20;
export const MAX_ALERTS = 200;

export interface MonitorRow {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	/** created, running, paused, restarting, removing, exited, dead. */
	readonly state: string;
	/** healthy, unhealthy, starting; null without a HEALTHCHECK. */
	readonly health: string | null;
	/** The last probe's output (trimmed), for the on-demand detail. */
	readonly lastProbe: {readonly exitCode: number; readonly output: string; readonly end: string} | null;
	readonly restartCount: number;
	/** Restarts since the monitor opened. */
	readonly restartDelta: number;
	readonly startedAt: string | null;
	readonly finishedAt: string | null;
	readonly exitCode: number | null;
	readonly oomKilled: boolean;
	readonly cpuPercent: number | null;
	readonly memUsage: number | null;
	readonly memLimit: number | null;
	/** Recent CPU % samples, oldest first, at most HISTORY. */
	readonly cpuHistory: readonly number[];
	readonly ports: readonly string[];
	/** com.docker.compose.project / .service labels; null outside compose. */
	readonly project: string | null;
	readonly service: string | null;
}

export type AlertKind = 'oom' | 'die' | 'kill' | 'health' | 'restart';

export interface MonitorAlert {
	readonly time: string;
	readonly kind: AlertKind;
	readonly container: string;
	readonly id: string;
	/** One line: what happened. */
	readonly message: string;
	/** The top finding of the diagnose rules for this container, once gathered. */
	readonly diagnosis: string | null;
	/** True for the events --alert-exit stops on: OOM, health failure, restart. */
	readonly severe: boolean;
}

export interface MonitorSnapshot {
	readonly takenAt: string;
	readonly rows: readonly MonitorRow[];
	readonly alerts: readonly MonitorAlert[];
}

/** A container's inspect document as a row (stats empty until the first sample). */
export function rowFromInspect(
	doc: ContainerDoc & Record<string, unknown>,
	listPorts: readonly PublishedPort[] | null,
	baselineRestarts: number | null,
): MonitorRow {
	const state = (doc.State ?? {}) as NonNullable<ContainerDoc['State']> & {
		Health?: {Status?: string; Log?: Array<{ExitCode?: number; Output?: string; End?: string}>};
		OOMKilled?: boolean;
		StartedAt?: string;
		FinishedAt?: string;
	};
	const labels = (doc.Config?.Labels ?? {}) as Record<string, string>;
	const restarts = typeof doc.RestartCount === 'number' ? doc.RestartCount : 0;
	const probe = state.Health?.Log?.at(-1);
	const status = state.Status ?? (state.Running ? 'running' : 'exited');
	return {
		id: String(doc.Id ?? ''),
		name: String(doc.Name ?? '').replace(/^\//, ''),
		image: String(doc.Config?.Image ?? ''),
		state: status,
		health: state.Health?.Status ?? null,
		lastProbe: probe ? {exitCode: probe.ExitCode ?? -1, output: (probe.Output ?? '').trim().slice(0, 400), end: probe.End ?? ''} : null,
		restartCount: restarts,
		restartDelta: baselineRestarts === null ? 0 : Math.max(0, restarts - baselineRestarts),
		startedAt: validTime(state.StartedAt),
		finishedAt: validTime(state.FinishedAt),
		exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : null,
		oomKilled: state.OOMKilled === true,
		cpuPercent: null,
		memUsage: null,
		memLimit: null,
		cpuHistory: [],
		ports: portsOf(doc, listPorts),
		project: labels['com.docker.compose.project'] ?? null,
		service: labels['com.docker.compose.service'] ?? null,
	};
}

function validTime(t: string | undefined): string | null {
	return t && !t.startsWith('0001-') ? t : null;
}

function portsOf(doc: ContainerDoc & Record<string, unknown>, list: readonly PublishedPort[] | null): string[] {
	if (list)
		return list
			.filter((p) => p.publicPort)
			.map((p) => `${p.ip && p.ip !== '0.0.0.0' && p.ip !== '::' ? `${p.ip}:` : ''}${p.publicPort}->${p.privatePort}/${p.type}`)
			.filter((p, i, all) => all.indexOf(p) === i);
	const ports = ((doc as {NetworkSettings?: {Ports?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null>}}).NetworkSettings?.Ports ??
		{}) as Record<string, Array<{HostIp?: string; HostPort?: string}> | null>;
	const out: string[] = [];
	for (const [inner, binds] of Object.entries(ports))
		for (const b of binds ?? [])
			if (b.HostPort) out.push(`${b.HostIp && b.HostIp !== '0.0.0.0' && b.HostIp !== '::' ? `${b.HostIp}:` : ''}${b.HostPort}->${inner}`);
	return [...new Set(out)];
}

export function withStats(row: MonitorRow, sample: StatsSample): MonitorRow {
	const history = sample.cpuPercent === null ? row.cpuHistory : [...row.cpuHistory, sample.cpuPercent].slice(-HISTORY);
	return {...row, cpuPercent: sample.cpuPercent ?? row.cpuPercent, memUsage: sample.memUsage, memLimit: sample.memLimit, cpuHistory: history};
}

/** A row whose container stopped: no CPU or memory any more. */
export function withoutStats(row: MonitorRow): MonitorRow {
	return {...row, cpuPercent: null, memUsage: null, cpuHistory: []};
}

/** The event stream's container event, as the adapter hands it over. */
export interface ContainerEvent {
	readonly time: string;
	/** die, oom, kill, restart, start, stop, destroy, health_status: unhealthy, ... */
	readonly action: string;
	readonly id: string;
	readonly name: string;
	readonly attributes: Readonly<Record<string, string>>;
}

const ORDINAL = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/**
 * The alert an event raises, or null for events that are not trouble (start, create, a clean stop).
 * `recent` are this container's restart times (ms) the monitor has seen, for "3rd restart in 2 min".
 */
export function alertFor(event: ContainerEvent, row: MonitorRow | undefined, recentRestarts: readonly number[]): MonitorAlert | null {
	const base = {time: event.time, container: event.name || row?.name || event.id.slice(0, 12), id: event.id, diagnosis: null};
	const action = event.action;
	if (action === 'oom')
		return {
			...base,
			kind: 'oom',
			message: `OOM: the kernel killed a process at ${row?.memLimit ? `the ${fmtBytes(row.memLimit)} limit` : 'the memory limit'}`,
			severe: true,
		};
	if (action.startsWith('health_status')) {
		const status = action.split(':')[1]?.trim() ?? '';
		if (status !== 'unhealthy') return null;
		const probe = row?.lastProbe?.output ? `: ${row.lastProbe.output.split('\n')[0]!.slice(0, 80)}` : '';
		return {...base, kind: 'health', message: `unhealthy${probe}`, severe: true};
	}
	if (action === 'restart') {
		const now = Date.parse(event.time);
		const within = recentRestarts.filter((t) => now - t <= 10 * 60_000);
		const span = within.length > 1 ? now - within[0]! : 0;
		return {...base, kind: 'restart', message: `${ORDINAL(within.length || 1)} restart${span > 0 ? ` in ${fmtSpan(span)}` : ''}`, severe: true};
	}
	if (action === 'die') {
		const code = Number(event.attributes['exitCode'] ?? 'NaN');
		// 0 is a finished program; 143/130 a normal stop by SIGTERM/SIGINT.
		if (code === 0 || code === 143 || code === 130) return null;
		return {...base, kind: 'die', message: `exited with code ${Number.isNaN(code) ? '?' : code}${code === 137 ? ' (SIGKILL)' : ''}`, severe: false};
	}
	if (action === 'kill') {
		const signal = event.attributes['signal'] ?? '';
		// SIGTERM is docker stop's polite request; report only the hard kills.
		if (signal === '15' || signal === 'SIGTERM' || signal === '') return null;
		return {...base, kind: 'kill', message: `killed with signal ${signal}`, severe: false};
	}
	return null;
}

export function fmtBytes(bytes: number): string {
	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
	let v = bytes;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, '')} ${units[i]}`;
}

export function fmtSpan(ms: number): string {
	const s = Math.round(ms / 1000);
	if (s < 90) return `${s} s`;
	if (s < 5400) return `${Math.round(s / 60)} min`;
	if (s < 172_800) return `${Math.round(s / 3600)} h`;
	return `${Math.round(s / 86_400)} d`;
}

/** "up 3 min", "exited 2 h ago", "created". */
export function lifeOf(row: MonitorRow, nowMs: number): string {
	if (row.state === 'running' || row.state === 'paused') return row.startedAt ? `up ${fmtSpan(nowMs - Date.parse(row.startedAt))}` : 'up';
	if (row.state === 'restarting') return 'restarting';
	if (row.state === 'created') return 'created';
	return row.finishedAt ? `exited ${fmtSpan(nowMs - Date.parse(row.finishedAt))} ago` : row.state;
}

export type SortKey = 'name' | 'state' | 'cpu' | 'memory' | 'restarts';
export const SORT_KEYS: readonly SortKey[] = ['name', 'state', 'cpu', 'memory', 'restarts'];

const STATE_RANK: Record<string, number> = {restarting: 0, running: 1, paused: 2, created: 3, exited: 4, dead: 5};

/** Rows filtered by a substring of name, image, project or state, grouped by compose project (ungrouped last), sorted within. */
export function arrange(rows: readonly MonitorRow[], options: {sort: SortKey; filter: string}): Array<{project: string | null; rows: MonitorRow[]}> {
	const f = options.filter.trim().toLowerCase();
	const kept = f ? rows.filter((r) => [r.name, r.image, r.project ?? '', r.state, r.health ?? ''].some((x) => x.toLowerCase().includes(f))) : [...rows];
	const troubled = (r: MonitorRow) => (r.health === 'unhealthy' || r.state === 'restarting' ? 0 : 1);
	const by: Record<SortKey, (a: MonitorRow, b: MonitorRow) => number> = {
		name: (a, b) => a.name.localeCompare(b.name),
		state: (a, b) => troubled(a) - troubled(b) || (STATE_RANK[a.state] ?? 9) - (STATE_RANK[b.state] ?? 9) || a.name.localeCompare(b.name),
		cpu: (a, b) => (b.cpuPercent ?? -1) - (a.cpuPercent ?? -1) || a.name.localeCompare(b.name),
		memory: (a, b) => (b.memUsage ?? -1) - (a.memUsage ?? -1) || a.name.localeCompare(b.name),
		restarts: (a, b) => b.restartCount - a.restartCount || a.name.localeCompare(b.name),
	};
	const groups = new Map<string | null, MonitorRow[]>();
	for (const r of kept.sort(by[options.sort])) groups.set(r.project, [...(groups.get(r.project) ?? []), r]);
	return [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b))).map(([project, rs]) => ({project, rows: rs}));
}

/** "7 running (1 unhealthy), 2 exited, 1 restarting · CPU 12.5% · memory 1.2 GiB" */
export function summaryLine(rows: readonly MonitorRow[]): string {
	const count = (p: (r: MonitorRow) => boolean) => rows.filter(p).length;
	const running = count((r) => r.state === 'running');
	const unhealthy = count((r) => r.health === 'unhealthy');
	const parts = [`${running} running${unhealthy ? ` (${unhealthy} unhealthy)` : ''}`];
	for (const s of ['restarting', 'paused', 'exited', 'created', 'dead']) {
		const n = count((r) => r.state === s);
		if (n) parts.push(`${n} ${s}`);
	}
	const cpu = rows.reduce((n, r) => n + (r.cpuPercent ?? 0), 0);
	const mem = rows.reduce((n, r) => n + (r.memUsage ?? 0), 0);
	const restarts = rows.reduce((n, r) => n + r.restartDelta, 0);
	return `${parts.join(', ')} · CPU ${cpu.toFixed(1)}% · memory ${fmtBytes(mem)}${restarts ? ` · ${restarts} restart${restarts === 1 ? '' : 's'} since start` : ''}`;
}

/** What the feed hands to a live view: the current snapshot, and actions on a container. */
export interface MonitorFeed {
	snapshot(): MonitorSnapshot;
	/** Called (at most about once a second) when the snapshot changed; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
	/** restart / stop / remove a container; resolves with a one-line outcome, rejects with a HelperError. */
	act(action: ContainerAction, id: string): Promise<string>;
	close(): void;
}

export type ContainerAction = 'restart' | 'stop' | 'remove';

/** The docker command each action runs, shown before it is confirmed. */
export function actionCommand(action: ContainerAction, name: string): string {
	return action === 'restart' ? `docker restart ${name}` : action === 'stop' ? `docker stop ${name}` : `docker rm ${name}`;
}

/** Event attributes worth keeping: container labels ride along in the engine's event and may hold secrets. */
const KEEP = new Set(['name', 'image', 'exitCode', 'signal', 'execID']);

/** One line of GET /events as a ContainerEvent; null for other types or shapes. */
export function containerEventFrom(doc: unknown): ContainerEvent | null {
	if (typeof doc !== 'object' || doc === null) return null;
	const e = doc as {
		Type?: unknown;
		Action?: unknown;
		status?: unknown;
		id?: unknown;
		time?: unknown;
		timeNano?: unknown;
		Actor?: {ID?: unknown; Attributes?: Record<string, unknown>};
	};
	if (e.Type !== undefined && e.Type !== 'container') return null;
	const action = typeof e.Action === 'string' ? e.Action : typeof e.status === 'string' ? e.status : '';
	const id = typeof e.Actor?.ID === 'string' ? e.Actor.ID : typeof e.id === 'string' ? e.id : '';
	if (!action || !id) return null;
	const attributes: Record<string, string> = {};
	for (const [k, v] of Object.entries(e.Actor?.Attributes ?? {})) if (KEEP.has(k) && typeof v === 'string') attributes[k] = v;
	const ms = typeof e.timeNano === 'number' ? Math.floor(e.timeNano / 1e6) : (typeof e.time === 'number' ? e.time : 0) * 1000;
	return {time: new Date(ms || 0).toISOString(), action, id, name: attributes['name'] ?? '', attributes};
}

/** Snapshot states that --alert-exit treats as trouble when there is no stream to wait on (--once). */
export function troubledRows(rows: readonly MonitorRow[]): MonitorRow[] {
	return rows.filter((r) => r.health === 'unhealthy' || r.oomKilled || r.state === 'restarting');
}

/** What the monitor command returns: the --json document, and in the app the live feed too. */
export interface MonitorResult {
	/** once: one table; stream: lines until interrupted; live: the dashboard's feed. */
	readonly mode: 'once' | 'stream' | 'live';
	readonly snapshot: MonitorSnapshot;
	readonly summary: string;
	/** Why the stream ended. */
	readonly stoppedBy: 'once' | 'interrupt' | 'alert' | 'live';
	/** The alert --alert-exit stopped on; for --once, the troubled containers' names. */
	readonly alertExit: {readonly alert: MonitorAlert | null; readonly containers: readonly string[]} | null;
	/** Only in the app: the live feed the dashboard reads. Not part of --json. */
	readonly feed?: MonitorFeed;
}
