/** generate-dockerignore as text: the file alone (--stdout), otherwise what was detected and written. */
import type {GenerateDockerignoreResult} from '../core/dockerignore/result.js';
import type {Theme} from './theme.js';

export function generateDockerignoreText(result: GenerateDockerignoreResult, theme: Theme): string {
	if (result.mode === 'stdout') return result.content;
	const lines: string[] = [];
	const langs = result.detected.length
		? result.detected.map((d) => `${d.title} ${theme.dim(`(${d.evidence[0]})`)}`).join(', ')
		: theme.dim('no specific language; common entries only');
	lines.push(`${theme.dim('Detected:')} ${langs}`);
	if (result.truncated) lines.push(theme.warn('  The directory is large: detection looked at the first 5000 entries only.'));
	switch (result.mode) {
		case 'created':
			lines.push(`${theme.glyph.ok} Wrote ${theme.bold(result.path!)} (${result.added.length} entries).`);
			break;
		case 'replaced':
			lines.push(`${theme.glyph.ok} Replaced ${theme.bold(result.path!)} (${result.added.length} entries); the previous file is kept as ${result.backup}.`);
			break;
		case 'unchanged':
			lines.push(
				`${theme.glyph.ok} ${theme.bold(result.path!)} already has every recommended entry (${result.alreadyPresent.length} checked); nothing changed.`,
			);
			break;
		case 'merged':
			lines.push(
				`${theme.glyph.ok} Appended ${result.added.length} missing ${result.added.length === 1 ? 'entry' : 'entries'} to ${theme.bold(result.path!)}; your ${result.alreadyPresent.length ? `lines (${result.alreadyPresent.length} already covered) ` : 'lines '}are unchanged${result.backup ? ` (the previous file is kept as ${result.backup})` : ''}:`,
			);
			for (const a of result.added) lines.push(`  ${theme.ok('+')} ${a}`);
			if (result.restated.length) lines.push(theme.dim(`  Your exceptions ${result.restated.join(', ')} are repeated after them, so they still win.`));
			break;
	}
	for (const k of result.kept) lines.push(`${theme.glyph.info} Left out ${theme.code(k.pattern)}: ${k.at} copies ${k.source}.`);
	for (const c of result.secretCopies) {
		lines.push(
			`${theme.glyph.warn} ${c.dockerfile}:${c.line} copies ${theme.bold(c.path)} into the image, but it holds secrets and stays excluded: that build fails until you pass it at run time instead (--env-file, or a build secret: RUN --mount=type=secret).`,
		);
	}
	if (result.mode === 'created' || result.mode === 'replaced')
		lines.push(theme.dim('Your next build shows the context size: "transferring context" (BuildKit) or "Sending build context" (legacy builder).'));
	return lines.join('\n');
}
