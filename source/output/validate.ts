/** validate as text: one line per check, with what was expected and what to do for warnings and failures. */
import {PROFILES} from '../core/setup/profiles.js';
import type {CheckResult, ValidateResult} from '../core/setup/validate.js';
import type {Theme} from './theme.js';

export function statusGlyph(status: CheckResult['status'], theme: Theme): string {
	return status === 'ok' ? theme.glyph.ok : status === 'warn' ? theme.glyph.warn : status === 'fail' ? theme.glyph.fail : theme.glyph.skip;
}

export function validateText(result: ValidateResult, theme: Theme): string {
	const lines: string[] = [];
	lines.push(theme.bold(`Docker setup for ${PROFILES[result.profile].title} (profile ${result.profile})`));
	if (result.endpoint) lines.push(theme.dim(`engine: ${result.endpoint.host} — ${result.endpoint.why}`));
	lines.push('');
	const glyphWidth = theme.color ? 1 : 4;
	for (const check of result.checks) {
		const glyph = statusGlyph(check.status, theme);
		const pad = ' '.repeat(Math.max(0, glyphWidth - (theme.color ? 1 : check.status === 'fail' ? 4 : check.status.length)));
		lines.push(`${glyph}${pad} ${theme.bold(check.title)}: ${check.measured}`);
		if (check.status === 'warn' || check.status === 'fail') {
			lines.push(`${' '.repeat(glyphWidth + 1)}${theme.dim('expected')} ${check.expected}`);
			if (check.hint) lines.push(`${' '.repeat(glyphWidth + 1)}${theme.accent('→')} ${check.hint}`);
		}
	}
	const s = result.summary;
	lines.push('');
	const parts = [
		theme.ok(`${s.ok} ok`),
		s.warn ? theme.warn(`${s.warn} warning${s.warn === 1 ? '' : 's'}`) : `0 warnings`,
		s.fail ? theme.error(`${s.fail} failed`) : '0 failed',
		theme.dim(`${s.skip} skipped`),
	];
	lines.push(parts.join(', '));
	return lines.join('\n');
}
