/** Plain-text rendering of the monitor: the table (grouped by compose project), alert lines, the summary line. */
import {arrange, fmtBytes, lifeOf, summaryLine, type MonitorAlert, type MonitorRow, type MonitorSnapshot, type SortKey} from '../core/monitor/model.js';
import {sparkline} from '../core/monitor/stats.js';
import type {Theme} from './theme.js';

const cut = (text: string, width: number) => (text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`);

export interface MonitorColumns {
	readonly name: number;
	readonly image: number;
	readonly ports: number;
}

/** Column widths for a terminal width: name, image and ports share what the fixed columns leave. */
export function columnsFor(width: number): MonitorColumns {
	const fixed = 2 + 20 + 2 + 9 + 2 + 13 + 2 + 6 + 1 + 10 + 2 + 19 + 2;
	const room = Math.max(30, width - fixed);
	const name = Math.max(10, Math.floor(room * 0.4));
	const image = Math.max(8, Math.floor(room * 0.35));
	return {name, image, ports: Math.max(5, room - name - image - 4)};
}

export function stateCell(row: MonitorRow): string {
	return row.health && row.state === 'running' ? `${row.state} (${row.health})` : row.state;
}

export function restartCell(row: MonitorRow): string {
	return `${row.restartCount}${row.restartDelta ? ` +${row.restartDelta}` : ''}`;
}

export function cpuCell(row: MonitorRow): string {
	return row.cpuPercent === null ? '—' : `${row.cpuPercent.toFixed(1)}%`;
}

export function memCell(row: MonitorRow): string {
	if (row.memUsage === null) return '—';
	return `${fmtBytes(row.memUsage)} / ${row.memLimit ? fmtBytes(row.memLimit) : '∞'}`;
}

export function headerLine(cols: MonitorColumns): string {
	return [
		'  ' + 'NAME'.padEnd(cols.name),
		'IMAGE'.padEnd(cols.image),
		'STATE'.padEnd(20),
		'RESTARTS'.padEnd(9),
		'UPTIME'.padEnd(13),
		'CPU'.padStart(6),
		' '.repeat(10),
		'MEMORY / LIMIT'.padEnd(19),
		'PORTS',
	].join('  ');
}

export function rowLine(row: MonitorRow, cols: MonitorColumns, nowMs: number, theme: Theme): string {
	const state = stateCell(row).padEnd(20);
	const colored =
		row.health === 'unhealthy' || row.state === 'restarting' || row.state === 'dead'
			? theme.error(state)
			: row.state === 'running'
				? theme.ok(state)
				: theme.dim(state);
	return [
		'  ' + cut(row.name, cols.name).padEnd(cols.name),
		cut(row.image, cols.image).padEnd(cols.image),
		colored,
		restartCell(row).padEnd(9),
		cut(lifeOf(row, nowMs), 13).padEnd(13),
		cpuCell(row).padStart(6),
		theme.accent(sparkline(row.cpuHistory.slice(-10)).padEnd(10)),
		memCell(row).padEnd(19),
		cut(row.ports.join(', ') || '—', cols.ports),
	]
		.join('  ')
		.trimEnd();
}

export function monitorTable(snapshot: MonitorSnapshot, theme: Theme, options: {width: number; sort?: SortKey; filter?: string; nowMs?: number}): string {
	const cols = columnsFor(options.width);
	const now = options.nowMs ?? Date.parse(snapshot.takenAt);
	const lines = [theme.bold(headerLine(cols))];
	const groups = arrange(snapshot.rows, {sort: options.sort ?? 'state', filter: options.filter ?? ''});
	for (const g of groups) {
		if (g.project !== null || groups.length > 1) lines.push(theme.heading(g.project === null ? 'other containers' : `compose project ${g.project}`));
		for (const row of g.rows) lines.push(rowLine(row, cols, now, theme));
	}
	if (snapshot.rows.length === 0) lines.push('  No containers on this engine.');
	lines.push('');
	lines.push(summaryLine(snapshot.rows));
	return lines.join('\n');
}

/** "12:03:04 api: OOM: the kernel killed a process at the 48 MiB limit — Killed by the kernel OOM killer: …" */
export function alertLine(alert: MonitorAlert, theme: Theme): string {
	const time = alert.time.slice(11, 19);
	const mark = alert.severe ? theme.error('!') : theme.warn('!');
	return `${theme.dim(time)} ${mark} ${theme.bold(alert.container)}: ${alert.message}${alert.diagnosis ? theme.dim(` — ${alert.diagnosis}`) : ''}`;
}
