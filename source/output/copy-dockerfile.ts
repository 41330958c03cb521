/** copy-dockerfile as text: the variants, the template alone (--stdout), or what was written and the next steps. */
import type {CopyDockerfileResult} from '../core/templates.js';
import type {Theme} from './theme.js';

export function copyDockerfileText(result: CopyDockerfileResult, theme: Theme): string {
	if (result.kind === 'stdout') return result.content;
	const lines: string[] = [];
	if (result.kind === 'list') {
		lines.push(theme.bold('Dockerfile templates'));
		for (const v of result.variants) {
			lines.push('');
			lines.push(`${theme.accent(v.id.padEnd(9))} ${theme.bold(v.title)}${v.production ? '' : theme.warn('  (development only)')}`);
			lines.push(`          ${theme.dim('base')}    ${v.base} (${v.family}) · ${v.multiStage ? 'multi-stage' : 'single stage'} · user ${v.user}`);
			lines.push(`          ${theme.dim('size')}    ${v.typicalSize}`);
			lines.push(`          ${theme.dim('choose')}  ${v.chooseWhen}`);
			lines.push(`          ${theme.dim('expects')} ${v.expects.map((e) => e.path).join(', ')}`);
		}
		lines.push('');
		lines.push(theme.dim('Copy one: docker-helper copy-dockerfile --variant <name>'));
		return lines.join('\n');
	}
	lines.push(`${theme.glyph.ok} Wrote ${theme.bold(result.path)} from the ${theme.accent(result.variant)} template (${result.title}).`);
	if (result.backup) lines.push(`  ${theme.dim('The previous file is kept as')} ${result.backup}`);
	lines.push('');
	lines.push(theme.bold('The template expects'));
	for (const e of result.expects) {
		const mark = e.present ? theme.glyph.ok : theme.glyph.warn;
		lines.push(`  ${mark} ${e.path}${e.present ? '' : theme.warn(' (missing)')} ${theme.dim(`— ${e.why}`)}`);
	}
	lines.push('');
	lines.push(theme.bold('Next steps'));
	result.nextSteps.forEach((s, i) => lines.push(`  ${i + 1}. ${s.startsWith('docker') ? theme.code(s) : s}`));
	return lines.join('\n');
}
