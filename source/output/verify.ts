/** verify as text: one line per check with its evidence, the fix for failures, the diagnose finding, the verdict. */
import type {VerifyResult} from '../core/images/verify.js';
import type {Theme} from './theme.js';
import {wrap} from './wrap.js';

function cut(text: string, width: number): string {
	const one = text.replace(/\s+/g, ' ');
	return one.length <= width ? one : `${one.slice(0, Math.max(1, width - 1))}…`;
}

export function verifyText(r: VerifyResult, theme: Theme, width = 100): string {
	const w = Math.max(60, Math.min(width, 140));
	const lines = [theme.bold(`verify ${r.image.ref}`) + theme.dim(` (${r.image.id.replace(/^sha256:/, '').slice(0, 12)})`)];
	if (r.container)
		lines.push(
			theme.dim(cut(`  throwaway container ${r.container.name}: ${r.container.removed ? 'removed' : 'NOT removed: docker rm -f ' + r.container.name}`, w)),
		);
	lines.push('');
	for (const c of r.checks) {
		const mark = c.status === 'pass' ? theme.glyph.ok : c.status === 'fail' ? theme.glyph.fail : theme.glyph.skip;
		lines.push(`${mark} ${cut(`${c.title}${c.status === 'pass' ? ` — ${c.message}` : ''}`, w - 6)}`);
		if (c.status === 'pass') continue;
		for (const l of wrap(c.message, w - 4)) lines.push(`    ${l}`);
		for (const e of c.evidence) lines.push(`    ${theme.dim('·')} ${cut(e, w - 6)}`);
		if (c.fix) for (const [i, l] of wrap(c.fix, w - 7).entries()) lines.push(`    ${i === 0 ? theme.accent('→') : ' '} ${l}`);
		if (c.command) lines.push(`    ${theme.dim('$')} ${theme.code(cut(c.command, w - 6))}`);
	}
	if (r.diagnosis) {
		lines.push('');
		lines.push(theme.heading('diagnose on the container') + ' ' + theme.bold(r.diagnosis.title) + theme.dim(` ${r.diagnosis.id}`));
		for (const e of r.diagnosis.evidence.slice(0, 5)) lines.push(`    ${theme.dim('·')} ${cut(e, w - 6)}`);
		for (const f of r.diagnosis.fixes.slice(0, 3)) for (const [i, l] of wrap(f, w - 7).entries()) lines.push(`    ${i === 0 ? theme.accent('→') : ' '} ${l}`);
	}
	lines.push('');
	const s = r.summary;
	const verdict = `${s.passed} passed, ${s.failed} failed, ${s.skipped} not verified`;
	lines.push(s.failed > 0 ? theme.error(verdict) : theme.ok(verdict));
	return lines.join('\n');
}
