/** configure as text: the settings per platform, each file with its changes, and what was written. */
import {describeChange, type ConfigureResult} from '../core/setup/configure.js';
import {findingLine} from './recommend.js';
import type {Theme} from './theme.js';
import {wrap} from './wrap.js';

export function configureText(r: ConfigureResult, theme: Theme): string {
	const lines: string[] = [];
	const width = Math.max(30, Math.min(98, (theme.width ?? 101) - 3));
	lines.push(theme.heading(`Docker configuration for ${r.platform} (${r.platformWhy}), --workload ${r.workload}`));
	if (r.endpoint) lines.push(theme.dim(`engine: ${r.endpoint.host} — ${r.endpoint.why}`));
	for (const section of r.sections) {
		lines.push('', theme.bold(section.title));
		// Prose is wrapped; indented lines are commands and stay whole for copy and paste.
		for (const l of section.lines) {
			if (/^\s/.test(l)) lines.push(`  ${l}`);
			else lines.push(...wrap(l, width).map((w, i) => `  ${i === 0 ? '' : '  '}${w}`));
		}
	}
	for (const file of r.files) {
		lines.push('', theme.bold(`${file.id}`) + theme.dim(` → ${file.location}`));
		if (file.mergedFrom) lines.push(theme.dim(`  merged into your ${file.mergedFrom}: your keys stay, changes below`));
		for (const c of file.changes) {
			const paint = c.action === 'added' || c.action === 'extended' || c.action === 'set' ? theme.ok : theme.dim;
			lines.push(...wrap(describeChange(c), width - 2).map((w, i) => `  ${i === 0 ? '' : '    '}${paint(w)}`));
		}
		lines.push('');
		for (const l of file.content.trimEnd().split(/\r?\n/)) lines.push(`  ${theme.code(l)}`);
		lines.push('');
		lines.push(theme.dim('  then:'));
		for (const a of file.activate) lines.push(`  ${theme.code(a)}`);
	}
	const problems = r.findings.filter((f) => f.severity !== 'info');
	if (problems.length > 0) {
		lines.push('', theme.bold('Findings'));
		for (const f of problems) lines.push(...findingLine(f, theme).map((l) => `  ${l}`));
	}
	lines.push('');
	if (r.written)
		lines.push(theme.ok(`Wrote ${r.written.file} to ${r.written.path}${r.written.backup ? ` (the previous file is kept as ${r.written.backup})` : ''}.`));
	else if (r.findings.some((f) => f.severity === 'fail')) lines.push(theme.error('Nothing was written: see the findings.'));
	else
		lines.push(
			theme.dim(
				'Nothing was written. To save a file: docker-helper configure --write <path> (add --force to replace an existing file; a numbered .bak is kept).',
			),
		);
	return lines.join('\n');
}
