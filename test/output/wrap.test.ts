import {describe, expect, it} from 'vitest';
import {fitLine, visibleWidth} from '../../source/output/wrap.js';

/**
 * The rows read back as the line: each row (its continuation indent removed) is the next piece of
 * the line, the only thing dropped being the blanks where a row was broken. A space added inside a
 * word, or one doubled, makes a copied command wrong.
 */
function readsBack(line: string, rows: readonly string[], indent: number): void {
	let at = 0;
	rows.forEach((row, i) => {
		const piece = i === 0 ? row : row.slice(indent);
		while (i > 0 && line[at] === ' ') at++;
		expect(line.slice(at, at + piece.length), `row ${i}: ${JSON.stringify(row)}`).toBe(piece);
		at += piece.length;
	});
	expect(line.slice(at).trim()).toBe('');
}

const command =
	'       $ docker network create app-net && docker network connect app-net dh-ux-probe-a-rather-long-container-name-1 && docker network connect app-net <db-container>   # then connect to <db-container>:5432';

describe('fitLine', () => {
	for (const width of [20, 40, 80]) {
		it(`breaks a fix command into rows of ${width} columns that read back as the command`, () => {
			const rows = fitLine(command, width);
			expect(rows.length).toBeGreaterThan(1);
			for (const row of rows) expect(visibleWidth(row)).toBeLessThanOrEqual(width);
			// Continuation rows start under the text after the `$ ` prompt.
			for (const row of rows.slice(1)) expect(row.startsWith(' '.repeat(9))).toBe(true);
			readsBack(command, rows, 9);
		});
	}

	it('keeps a short line as it is and indents continuation rows under a list marker', () => {
		expect(fitLine('→ short', 40)).toEqual(['→ short']);
		const rows = fitLine('  → Logs grow until the disk is full. In /etc/docker/daemon.json set "log-driver": "json-file"', 40);
		for (const row of rows.slice(1)) expect(row).toMatch(/^ {4}\S/);
		readsBack('  → Logs grow until the disk is full. In /etc/docker/daemon.json set "log-driver": "json-file"', rows, 4);
	});
});
