/** analyze as text: a summary, the layer table, what wasted bytes and why, findings, gates. */
import type {AnalyzeResult, ImageFinding} from '../core/images/analysis.js';
import {formatBytes} from '../core/units.js';
import type {Theme} from './theme.js';
import {wrap} from './wrap.js';

export const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

function cut(text: string, width: number): string {
	const one = text.replace(/\s+/g, ' ');
	return one.length <= width ? one : `${one.slice(0, Math.max(1, width - 1))}…`;
}

export function findingLines(f: ImageFinding, theme: Theme, width: number): string[] {
	const mark = f.severity === 'error' ? theme.glyph.fail : f.severity === 'warning' ? theme.glyph.warn : theme.glyph.info;
	const lines = [`${mark} ${theme.bold(f.title)} ${theme.dim(f.id)}`];
	for (const l of wrap(f.message, width - 4)) lines.push(`    ${l}`);
	for (const e of f.evidence) lines.push(`    ${theme.dim('·')} ${cut(e, width - 6)}`);
	for (const [i, l] of wrap(f.fix, width - 7).entries()) lines.push(`    ${i === 0 ? theme.accent('→') : ' '} ${l}`);
	return lines;
}

export function layerTable(r: AnalyzeResult, theme: Theme, width: number): string[] {
	const lines = [theme.heading('Layers') + theme.dim(`  (${r.summary.layers} history steps, ${r.summary.nonEmptyLayers} with files)`)];
	lines.push(theme.dim(`${'#'.padStart(3)}  ${'size'.padStart(9)}  ${'+add'.padStart(6)} ${'~chg'.padStart(5)} ${'-del'.padStart(5)}  instruction`));
	for (const l of r.layers) {
		const counts = l.empty
			? `${''.padStart(6)} ${''.padStart(5)} ${''.padStart(5)}`
			: `${String(l.files.added).padStart(6)} ${String(l.files.changed).padStart(5)} ${String(l.files.deleted).padStart(5)}`;
		const size = l.empty ? theme.dim('empty'.padStart(9)) : formatBytes(l.size).padStart(9);
		const head = `${String(l.index).padStart(3)}  ${size}  ${counts}  `;
		lines.push(head + cut(l.command || '(none)', Math.max(10, width - 38)));
	}
	return lines;
}

export function analyzeText(r: AnalyzeResult, theme: Theme, width = 100): string {
	const w = Math.max(60, Math.min(width, 140));
	const s = r.summary;
	const lines: string[] = [];
	lines.push(
		theme.bold(`analyze ${r.image.ref}`) +
			theme.dim(` (${r.image.id.replace(/^sha256:/, '').slice(0, 12)}, ${r.image.os ?? '?'}/${r.image.architecture ?? '?'}, ${r.image.layout})`),
	);
	lines.push(
		`  size ${theme.bold(formatBytes(r.image.size))} · files ${s.files} · efficiency ${theme.bold(pct(s.efficiency))} · wasted ${theme.bold(formatBytes(s.wastedBytes))}`,
	);
	lines.push(`  user-wasted ${pct(s.userWastedPercent)} of the ${formatBytes(s.userSize)} above the base layer`);
	lines.push(cut(`  user ${r.image.user || 'root (no USER)'} · tags ${r.image.tags.join(', ') || 'none'}`, w));
	lines.push('');
	lines.push(...layerTable(r, theme, w));
	lines.push('');
	if (r.wastes.length > 0) {
		lines.push(theme.heading('Why bytes are wasted'));
		for (const g of r.wastes.slice(0, 10)) {
			lines.push(
				`${g.wasted ? theme.glyph.warn : theme.glyph.info} ${theme.bold(formatBytes(g.bytes))} in ${g.files} file${g.files === 1 ? '' : 's'} ${theme.dim(g.rule)}`,
			);
			for (const l of wrap(g.message, w - 4)) lines.push(`    ${l}`);
			lines.push(`    ${theme.dim('e.g.')} ${cut(g.examples.join(', '), w - 10)}`);
			for (const [i, l] of wrap(g.fix, w - 7).entries()) lines.push(`    ${i === 0 ? theme.accent('→') : ' '} ${l}`);
		}
		if (r.wastes.length > 10) lines.push(theme.dim(`  … ${r.wastes.length - 10} more in --json`));
		lines.push('');
	}
	if (r.inefficiencies.length > 0) {
		lines.push(theme.heading('Top wasted files') + theme.dim('  (dive: count, total size, path)'));
		for (const f of r.inefficiencies.slice(0, 10))
			lines.push(`  ${String(f.count).padStart(3)}  ${formatBytes(f.cumulativeSize).padStart(9)}  ${cut(f.path, w - 18)}`);
		lines.push('');
	}
	if (r.findings.length > 0) {
		lines.push(theme.heading('Findings'));
		for (const f of r.findings) lines.push(...findingLines(f, theme, w));
		lines.push('');
	}
	if (r.gates.length > 0) {
		lines.push(theme.heading('Gates'));
		for (const g of r.gates) lines.push(`  ${g.pass ? theme.glyph.ok : theme.glyph.fail} ${g.name}: ${g.message}${g.pass ? '' : theme.dim(`  (--${g.flag})`)}`);
		const failed = r.gates.filter((g) => !g.pass);
		lines.push(failed.length === 0 ? theme.ok('  all gates pass') : theme.error(`  gate failed: ${failed.map((g) => g.name).join(', ')}`));
		lines.push('');
	}
	for (const n of r.notes) lines.push(theme.dim(`note: ${n}`));
	lines.push(theme.dim('same facts:'));
	for (const e of r.equivalents) lines.push(theme.dim(`  $ ${cut(e, w - 4)}`));
	return lines.join('\n');
}
