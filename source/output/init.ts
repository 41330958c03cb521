/** init as text: the detection with its evidence, the files and their status, diffs for --dry-run, what was written. */
import type {InitFile, InitResult} from '../core/project/result.js';
import {findingLine} from './recommend.js';
import type {Theme} from './theme.js';

const STATUS: Readonly<Record<InitFile['status'], string>> = {
	create: 'create',
	replace: 'replace',
	exists: 'exists',
	unchanged: 'same',
	kept: 'keep',
};

function statusText(f: InitFile, mode: InitResult['mode'], theme: Theme): string {
	const word = mode === 'written' ? (f.status === 'create' ? 'wrote' : f.status === 'replace' ? 'replaced' : STATUS[f.status]) : STATUS[f.status];
	const padded = word.padEnd(8);
	return f.status === 'exists' ? theme.warn(padded) : f.status === 'create' || f.status === 'replace' ? theme.ok(padded) : theme.dim(padded);
}

export function diffLines(diff: string, theme: Theme): string[] {
	return diff
		.split('\n')
		.filter((l) => !/^={5,}$/.test(l) && !l.startsWith('Index: '))
		.map((l) =>
			l.startsWith('+') && !l.startsWith('+++')
				? theme.ok(l)
				: l.startsWith('-') && !l.startsWith('---')
					? theme.error(l)
					: l.startsWith('@@')
						? theme.accent(l)
						: l,
		);
}

export function detectionLines(r: InitResult, theme: Theme): string[] {
	const lines: string[] = [];
	if (!r.detection) return lines;
	lines.push(theme.bold('Detected'));
	for (const s of r.detection.summary) lines.push(`  ${s}`);
	return lines;
}

export function initText(r: InitResult, theme: Theme): string {
	if (r.mode === 'list') {
		const width = Math.max(...r.templates.map((t) => t.id.length)) + 2;
		return [
			theme.bold('init templates'),
			...r.templates.map(
				(t) => `  ${t.id.padEnd(width)}${t.title}${t.source === 'custom' ? theme.accent(' (yours)') : ''}\n  ${' '.repeat(width)}${theme.dim(t.summary)}`,
			),
		].join('\n');
	}
	const lines = detectionLines(r, theme);
	if (r.template)
		lines.push(
			'',
			`${theme.bold('Template')} ${r.template.id}: ${r.template.title}${r.template.source === 'custom' ? theme.accent(` (from ${r.template.dir})`) : ''}`,
		);
	if (r.answers) {
		const a = r.answers;
		lines.push(
			theme.dim(
				`  ${[a.runtime ? `version ${a.runtime}` : '', a.port !== null ? `port ${a.port}` : 'no port', a.entry ? `entry ${a.entry}` : '', a.services.length ? `with ${a.services.join(', ')}` : '', a.gpu ? 'GPU' : '', `image ${a.image}`].filter(Boolean).join(' · ')}`,
			),
		);
	}
	lines.push('', theme.bold(r.mode === 'written' ? 'Files' : 'Files init would write'));
	const width = Math.max(0, ...r.files.map((f) => f.path.length)) + 2;
	for (const f of r.files)
		lines.push(
			`  ${statusText(f, r.mode, theme)} ${f.path.padEnd(width)}${theme.dim(f.purpose)}${f.backup ? theme.dim(` (previous kept as ${f.backup})`) : ''}`,
		);
	if (r.mode === 'dry-run') {
		for (const f of r.files) {
			if (!f.diff) continue;
			lines.push('', theme.bold(`${f.path}${f.status === 'create' ? ' (new)' : f.status === 'exists' ? ' (exists: needs --force)' : ''}`));
			lines.push(...diffLines(f.diff, theme));
		}
		lines.push('', theme.dim('Dry run: nothing was written.'));
	}
	if (r.mode === 'blocked') {
		const names = r.files.filter((f) => f.status === 'exists').map((f) => f.path);
		lines.push(
			'',
			theme.error(`${names.join(', ')} already ${names.length === 1 ? 'exists' : 'exist'}; nothing was written.`),
			theme.dim('  → Pass --force to replace (each is kept as a numbered .bak), or --dry-run to see the differences.'),
		);
	}
	if (r.build) {
		lines.push(
			'',
			theme.bold('Build'),
			r.build.built ? theme.ok(`  built ${r.build.image} in ${r.build.seconds.toFixed(1)} s`) : theme.error(`  the build of ${r.build.image} failed`),
		);
		if (!r.build.verify) for (const l of r.build.log) lines.push(`  ${l}`);
		else {
			const v = r.build.verify;
			lines.push(
				`  verify: ${v.summary.passed} passed, ${v.summary.failed} failed, ${v.summary.skipped} skipped${v.container?.removed ? theme.dim(' (the throwaway container was removed)') : ''}`,
			);
			for (const c of v.checks.filter((x) => x.status === 'fail')) lines.push(theme.error(`  ${theme.glyph.fail} ${c.title}: ${c.message}`));
			if (v.summary.failed) lines.push(theme.dim(`  docker-helper verify ${r.build.image}   # the full report`));
		}
	}
	if (r.notes.length) {
		lines.push('', theme.bold('Notes'));
		for (const n of r.notes) lines.push(`  ${n}`);
	}
	for (const f of r.findings) lines.push(...findingLine(f, theme));
	if (r.nextSteps.length) {
		lines.push('', theme.bold('Next steps'));
		for (const s of r.nextSteps) lines.push(`  ${theme.code(s)}`);
	}
	return lines.join('\n');
}
