/** inspect as text: the container summary in sections (the app shows one section at a time). */
import type {InspectResult} from '../core/container-summary.js';
import {REDACTED} from '../core/redact.js';
import type {Theme} from './theme.js';

export interface Section {
	readonly title: string;
	readonly lines: readonly string[];
}

function kv(theme: Theme, rows: ReadonlyArray<readonly [string, string]>): string[] {
	const width = Math.max(0, ...rows.map(([k]) => k.length)) + 2;
	return rows.map(([k, v]) => `  ${theme.dim(`${k}:`.padEnd(width))}${v}`);
}

function argv(parts: readonly string[]): string {
	return parts.map((p) => (p === REDACTED || /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function inspectSections(result: InspectResult, theme: Theme): Section[] {
	const s = result.summary;
	const sections: Section[] = [];
	const st = s.state;
	const statusText = st.status === 'running' ? theme.ok('running') : st.status === 'exited' && st.exitCode === 0 ? st.status : theme.error(st.status);
	const state: Array<[string, string]> = [
		['container', `${theme.bold(s.name)} ${theme.dim(s.id)}`],
		['status', `${statusText}${st.exitCode !== null ? ` (exit code ${st.exitCode})` : ''}${st.oomKilled ? theme.error(' — killed by the OOM killer') : ''}`],
	];
	if (st.error) state.push(['error', theme.error(st.error)]);
	if (st.startedAt) state.push(['started', st.startedAt]);
	if (st.finishedAt) state.push(['finished', st.finishedAt]);
	if (st.pid) state.push(['pid on host', String(st.pid)]);
	state.push(['restart policy', `${s.restart.policy}${s.restart.maxRetries !== null ? ` (max ${s.restart.maxRetries} retries)` : ''}`]);
	state.push(['restarts', s.restart.count > 0 ? theme.warn(String(s.restart.count)) : '0']);
	sections.push({title: 'State', lines: kv(theme, state)});

	if (s.health) {
		const h = s.health;
		const statusColour = h.status === 'healthy' ? theme.ok : h.status === 'unhealthy' ? theme.error : theme.warn;
		const rows: Array<[string, string]> = [['status', `${statusColour(h.status)}${h.failingStreak > 0 ? ` (${h.failingStreak} failing in a row)` : ''}`]];
		if (h.test) rows.push(['probe', argv(h.test)]);
		const timing = [h.interval && `every ${h.interval}`, h.timeout && `timeout ${h.timeout}`, h.retries !== null && `${h.retries} retries`]
			.filter(Boolean)
			.join(', ');
		if (timing) rows.push(['timing', timing]);
		const lines = kv(theme, rows);
		if (h.probes.length > 0) {
			lines.push(`  ${theme.dim('last probes:')}`);
			for (const p of h.probes) {
				const mark = p.exitCode === 0 ? theme.glyph.ok : theme.glyph.fail;
				const out = p.output.split('\n').filter(Boolean);
				lines.push(
					`    ${mark} ${theme.dim(p.start.replace(/\.\d+/, ''))} exit ${p.exitCode ?? '?'}${p.durationMs !== null ? theme.dim(` ${p.durationMs}ms`) : ''}${out.length ? `  ${out[0]}` : ''}`,
				);
				for (const more of out.slice(1, 4)) lines.push(`        ${more}`);
			}
		}
		sections.push({title: 'Health', lines});
	}

	const img = result.image;
	sections.push({
		title: 'Image and command',
		lines: kv(theme, [
			['image', `${s.image.ref}${s.image.id ? theme.dim(` (${s.image.id})`) : ''}`],
			['platform', s.image.platform ?? (img ? 'unknown' : theme.warn('image no longer present'))],
			['entrypoint', s.command.entrypoint.length ? argv(s.command.entrypoint) : theme.dim('(none)')],
			['command', s.command.cmd.length ? argv(s.command.cmd) : theme.dim('(none)')],
			['working dir', s.command.workingDir ?? theme.dim('/ (default)')],
			['user', s.user || theme.warn('root (no USER set)')],
			...(s.command.stopSignal ? [['stop signal', s.command.stopSignal] as [string, string]] : []),
		]),
	});

	sections.push({
		title: 'Resources and limits',
		lines: kv(
			theme,
			s.resources.map((r) => [r.name, r.value] as const),
		),
	});

	sections.push({
		title: 'Mounts',
		lines: s.mounts.length
			? s.mounts.map(
					(m) =>
						`  ${m.mode === 'ro' ? theme.dim('ro') : theme.warn('rw')} ${theme.dim(m.type.padEnd(6))} ${m.source || theme.dim(m.type === 'tmpfs' ? '(memory)' : '(anonymous)')} → ${m.destination}${m.options ? theme.dim(` (${m.options})`) : ''}`,
				)
			: [`  ${theme.dim('none')}`],
	});

	const portLines = s.ports.map(
		(p) => `  ${p.container.padEnd(10)} ${p.published.length ? `→ ${p.published.join(', ')}` : theme.dim('exposed, not published')}`,
	);
	const netLines = s.networks.map(
		(n) =>
			`  ${theme.bold(n.name)}  ${n.ip ?? theme.dim('no IPv4')}${n.ipv6 ? ` ${n.ipv6}` : ''}${n.gateway ? theme.dim(` gw ${n.gateway}`) : ''}${n.aliases.length ? theme.dim(` aliases ${n.aliases.join(', ')}`) : ''}`,
	);
	sections.push({
		title: 'Network',
		lines: [
			...(s.networkMode ? kv(theme, [['mode', s.networkMode]]) : []),
			`  ${theme.dim('ports:')}`,
			...(portLines.length ? portLines.map((l) => `  ${l}`) : [`    ${theme.dim('none')}`]),
			`  ${theme.dim('networks:')}`,
			...(netLines.length ? netLines.map((l) => `  ${l}`) : [`    ${theme.dim('none')}`]),
		],
	});

	sections.push({title: 'Environment', lines: s.env.length ? s.env.map((e) => `  ${e}`) : [`  ${theme.dim('none')}`]});
	sections.push({title: 'Labels', lines: s.labels.length ? s.labels.map((l) => `  ${l.key}=${l.value}`) : [`  ${theme.dim('none')}`]});
	if (s.logDriver) sections.push({title: 'Logging', lines: kv(theme, [['driver', s.logDriver]])});
	return sections;
}

export function inspectText(result: InspectResult, theme: Theme): string {
	return inspectSections(result, theme)
		.map((s) => [theme.heading(s.title), ...s.lines].join('\n'))
		.join('\n\n');
}
