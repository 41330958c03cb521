/** generate-compose as text: the file itself with --stdout, otherwise what was written and the next steps. */
import type {GenerateComposeResult} from '../core/templates/compose.js';
import {findingLine} from './recommend.js';
import type {Theme} from './theme.js';

export function generateComposeText(r: GenerateComposeResult, theme: Theme): string {
	if (r.content === null) {
		const lines = [theme.error(`Nothing generated: this machine cannot run the ${r.workload} workload.`)];
		for (const f of r.findings.filter((x) => x.severity === 'fail')) lines.push(...findingLine(f, theme));
		return lines.join('\n');
	}
	// --stdout: the file alone, so it can be piped or redirected.
	if (r.stdout) return r.content;
	const lines: string[] = [];
	if (r.written) lines.push(theme.ok(`Wrote ${r.written.path}`) + (r.written.backup ? theme.dim(` (the previous file is kept as ${r.written.backup})`) : ''));
	if (r.envExample?.status === 'written') lines.push(theme.ok(`Wrote ${r.envExample.path}`) + theme.dim(` (${r.env.map((v) => v.name).join(', ')})`));
	else if (r.envExample) lines.push(theme.dim(`Kept your ${r.envExample.path}; the service reads ${r.env.map((v) => v.name).join(', ')}.`));
	lines.push(theme.dim(`service ${r.service}, port ${r.port}, workload ${r.workload}${r.gpu ? ', GPU reserved' : ''}, healthcheck via ${r.probe}`));
	const notes = r.findings.filter((f) => f.severity !== 'info' || f.id.startsWith('gpu.'));
	if (notes.length > 0) {
		lines.push('');
		for (const f of notes) lines.push(...findingLine(f, theme));
	}
	if (r.nextSteps.length > 0) {
		lines.push('', theme.bold('Next steps'));
		for (const s of r.nextSteps) lines.push(`  ${theme.code(s)}`);
	}
	return lines.join('\n');
}
