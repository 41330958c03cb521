/** diagnose as text: each finding with its evidence (and the docker command that shows it), why, and the fix. */
import {RULES} from '../core/diagnose/rules/index.js';
import type {DiagnoseReport, DiagnoseResult} from '../core/diagnose/report.js';
import type {Finding} from '../core/diagnose/types.js';
import {formatBytes} from '../core/units.js';
import type {Theme} from './theme.js';
import {wrap} from './wrap.js';

/** Wrap each paragraph of `text` and indent every line. */
function wrapIndented(text: string, width: number, indent: string): string[] {
	return text.split('\n').flatMap((para) => wrap(para, width).map((line) => indent + line));
}

function severityMark(s: Finding['severity'], theme: Theme): string {
	return s === 'error' ? theme.glyph.fail : s === 'warning' ? theme.glyph.warn : theme.glyph.info;
}

export function findingLines(finding: Finding, index: number, theme: Theme): string[] {
	const lines: string[] = [];
	const color = finding.severity === 'error' ? theme.error : finding.severity === 'warning' ? theme.warn : theme.accent;
	lines.push(`${index + 1}. ${severityMark(finding.severity, theme)} ${theme.bold(finding.title)}`);
	lines.push(`   ${color(finding.severity)} · ${finding.confidence} confidence · ${theme.dim(finding.id)}`);
	lines.push(`   ${theme.heading('Evidence')}`);
	let lastCommand = '';
	for (const e of finding.evidence) {
		const when = e.time ? `${theme.dim(e.time)} ` : '';
		const label =
			e.kind === 'log'
				? theme.dim(`[${e.label}]`)
				: e.kind === 'event'
					? theme.dim(`event ${e.label}`)
					: e.kind === 'probe'
						? theme.dim(`probe ${e.label}`)
						: theme.accent(e.label);
		const value = e.value.replace(/\r/g, '\\r');
		lines.push(`     ${when}${label} ${e.kind === 'log' || e.kind === 'probe' ? value.split('\n').join(' ⏎ ') : `= ${value}`}`);
		if (e.command !== lastCommand) lines.push(`       ${theme.dim('$')} ${theme.code(e.command)}`);
		lastCommand = e.command;
	}
	lines.push(`   ${theme.heading('Why')}`);
	lines.push(...wrapIndented(finding.explanation, Math.max(30, Math.min(96, (theme.width ?? 101) - 5)), '     '));
	lines.push(`   ${theme.heading('Fix')}`);
	for (const fix of finding.fixes) {
		lines.push(`     ${theme.accent('→')} ${fix.description}`);
		if (fix.command) lines.push(`       ${theme.dim('$')} ${theme.code(fix.command)}`);
		if (fix.edit) {
			lines.push(`       ${theme.dim(`in ${fix.edit.file}:`)}`);
			for (const l of fix.edit.change.split('\n')) lines.push(`         ${theme.code(l)}`);
		}
	}
	return lines;
}

export function reportLines(r: DiagnoseReport, theme: Theme): string[] {
	const f = r.facts;
	const lines: string[] = [];
	lines.push(theme.bold(`diagnose ${r.container.name}`) + theme.dim(` (${r.container.id.slice(0, 12)}) · image ${r.container.image}`));
	lines.push(`${theme.dim('status:')} ${r.failed ? theme.error(r.status) : r.condition === 'running' ? theme.ok(r.status) : r.status}`);
	const facts = [
		f.resources.memory ? `memory limit ${formatBytes(f.resources.memory)}` : 'no memory limit',
		`restart policy ${f.restartPolicy.name}`,
		`${f.logs.lines.length} log lines read`,
		`${f.events.list.length} engine events`,
	];
	lines.push(theme.dim(facts.join(' · ')));
	if (f.logs.error) lines.push(theme.warn(`could not read logs: ${f.logs.error}`));
	lines.push('');
	if (r.findings.length === 0 && !r.unexplained) {
		lines.push(
			theme.ok(`${theme.glyph.ok} Nothing wrong found.`) +
				theme.dim(` ${RULES.length} rules checked against the state, ${f.logs.lines.length} log lines and ${f.events.list.length} events.`),
		);
	}
	r.findings.forEach((finding, i) => {
		lines.push(...findingLines(finding, i, theme));
		lines.push('');
	});
	if (r.unexplained) {
		lines.push(
			theme.warn(`${theme.glyph.warn} No known cause matched.`) +
				` It ${r.status}; none of the ${RULES.length} rules recognised the evidence, and docker-helper will not guess.`,
		);
		if (r.unexplained.errorLines.length > 0) {
			lines.push(`   ${theme.heading(r.unexplained.errorLooking ? 'Last error-looking log lines' : 'Last log lines (none looks like an error)')}`);
			for (const l of r.unexplained.errorLines)
				lines.push(`     ${l.time ? `${theme.dim(l.time)} ` : ''}${theme.dim(`[${l.stream}]`)} ${l.text.replace(/\r/g, '\\r')}`);
		} else lines.push(theme.dim('   The container wrote no log lines.'));
		lines.push(`   ${theme.heading('Next steps')}`);
		for (const s of r.unexplained.nextSteps) lines.push(`     ${theme.accent('→')} ${s}`);
	}
	return lines;
}

export function summaryLine(r: DiagnoseReport, theme: Theme): string {
	const top = r.findings[0];
	const mark = r.failed ? theme.glyph.fail : top?.severity === 'warning' ? theme.glyph.warn : theme.glyph.ok;
	return `${mark} ${theme.bold(r.container.name)}  ${theme.dim(r.status)}  ${top ? `→ ${top.title}` : r.unexplained ? '→ no known cause matched' : ''}`;
}

export function diagnoseText(result: DiagnoseResult, theme: Theme): string {
	if (result.mode === 'one') return reportLines(result.reports[0]!, theme).join('\n').trimEnd();
	if (result.mode === 'project' && result.project) {
		const p = result.project;
		const failing = result.reports.filter((r) => r.failed).length;
		const lines = [
			theme.bold(`compose project ${p.name}${p.service ? `, service ${p.service}` : ''}`) +
				theme.dim(
					` · ${result.reports.length} container${result.reports.length === 1 ? '' : 's'}, ${failing} failing · ${p.composeFile ? `compose file ${p.composeFile}` : 'compose file not readable here: depends_on not known'}`,
				),
			'',
		];
		if (p.relations.length > 0) {
			lines.push(theme.heading('Between the services'));
			p.relations.forEach((f, i) => lines.push(...findingLines(f, i, theme), ''));
		}
		for (const r of result.reports) lines.push(summaryLine(r, theme));
		for (const r of result.reports) lines.push('', theme.dim('─'.repeat(60)), ...reportLines(r, theme));
		return lines.join('\n').trimEnd();
	}
	const checked = result.checked !== undefined ? ` (${result.checked} checked)` : '';
	if (result.reports.length === 0) return `${theme.glyph.ok} No container is failing or needs attention${checked}.`;
	const lines = [theme.bold(`${result.reports.length} container${result.reports.length === 1 ? '' : 's'} need attention`) + theme.dim(checked), ''];
	for (const r of result.reports) lines.push(summaryLine(r, theme));
	for (const r of result.reports) lines.push('', theme.dim('─'.repeat(60)), ...reportLines(r, theme));
	return lines.join('\n').trimEnd();
}
