/**
 * Text that fits the terminal. wrap-ansi does the splitting: it measures what a terminal shows
 * (colour codes take no room, wide characters take two columns) and keeps colours across the
 * break, which a hand-written wrapper got wrong; string-width measures the same way.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Word-wrap one paragraph to `width` columns (words longer than a line stay whole). */
export function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.length > 0 ? lines : [''];
}

/** Columns a line takes on screen. */
export const visibleWidth = (text: string): number => stringWidth(text);

// Leading blanks, then an optional list marker or prompt (`-`, `→`, `$`, `1.`): continuation lines start under the text after it.

const LEAD = /^((?:\u001B\[[0-9;]*m)*)(\s*)((?:[-*•→$]|\d+\.)(?:\u001B\[[0-9;]*m)*\s+)?/;

/**
 * One line as rows of at most `width` columns: broken between words, a word longer than a row
 * split across rows (never cut off), continuation rows indented under the line's text.
 */
export function fitLine(line: string, width: number): string[] {
	if (width < 1 || visibleWidth(line) <= width) return [line];
	const lead = LEAD.exec(line);
	const indentWidth = lead ? visibleWidth(`${lead[2] ?? ''}${(lead[3] ?? '').replace(/\u001B\[[0-9;]*m/g, '')}`) : 0;
	const indent = indentWidth > 0 && indentWidth <= width / 2 ? ' '.repeat(indentWidth) : '';
	const first = wrapAnsi(line, width, {hard: true, trim: false, wordWrap: true}).split('\n');

	if (!indent || first.length <= 1) return first.map((row, i) => (i === 0 ? row.trimEnd() : row.replace(/^((?:\u001B\[[0-9;]*m)*)\s+/, '$1').trimEnd()));
	// Re-wrap what follows the first row in the narrower column beside the indent.
	const head = first[0]!.trimEnd();
	const rest = first.slice(1).join('').replace(/^\s+/, '');
	const tail = wrapAnsi(rest, width - indent.length, {hard: true, trim: true, wordWrap: true}).split('\n');
	return [head, ...tail.map((row) => indent + row)];
}

/** Every line of `text` fitted to `width` columns; `undefined` leaves it as it is (a pipe). */
export function fitText(text: string, width: number | undefined): string {
	if (width === undefined) return text;
	return text
		.split('\n')
		.flatMap((line) => fitLine(line, width))
		.join('\n');
}

/** Tables use the width text must fit (at least 60 columns), or `fallback` columns where nothing is wrapped (a pipe). */
export function tableWidth(width: number | undefined, fallback = 100): number {
	return width !== undefined ? Math.max(60, width - 1) : fallback;
}

/**
 * The width plain text is wrapped to: COLUMNS when the user set it (in a pipe too: that is asking),
 * otherwise the terminal's; in a pipe without COLUMNS, none.
 */
export function textWidth(env: Readonly<Record<string, string | undefined>>, stdout: {isTTY?: boolean; columns?: number}): number | undefined {
	const fromEnv = Number(env['COLUMNS']);
	if (env['COLUMNS'] && Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
	if (stdout.isTTY === true && stdout.columns) return Math.max(20, stdout.columns);
	return undefined;
}
