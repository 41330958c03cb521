import {describe, expect, it} from 'vitest';
import {escapeJsonControls, terminalText} from '../../source/core/terminal-text.js';

const ESC = '\u001b';

describe('terminalText', () => {
	it.each([
		['clear screen', `${ESC}[2J${ESC}[Hhello`, '\\x1b[2J\\x1b[Hhello'],
		['window title (OSC)', `${ESC}]0;pwned${'\u0007'}ok`, '\\x1b]0;pwned\\x07ok'],
		['clipboard write (OSC 52)', `${ESC}]52;c;ZWNobyBoaQ==${ESC}\\`, '\\x1b]52;c;ZWNobyBoaQ==\\x1b\\'],
		['carriage return hides what came before', 'secret-looking\rfine', 'secret-looking\\x0dfine'],
		['C1 CSI', 'a\u009b2Jb', 'a\\u009b2Jb'],
		['bidi override', 'user\u202Etxt.exe', 'user\\u202etxt.exe'],
		['backspace and DEL', 'ab\bc\u007f', 'ab\\x08c\\u007f'],
		['plain text', 'GET /health 200 12ms é ✓', 'GET /health 200 12ms é ✓'],
		['tab kept', 'a\tb', 'a\tb'],
	])('%s', (_what, input, expected) => {
		expect(terminalText(input)).toBe(expected);
	});

	it('keeps, drops or shows colour as asked, and a kept colour is reset at the end', () => {
		const coloured = `${ESC}[32mINFO${ESC}[0m ready ${ESC}[31m`;
		expect(terminalText(coloured, {sgr: 'keep'})).toBe(`${coloured}${ESC}[0m`);
		expect(terminalText(coloured, {sgr: 'drop'})).toBe('INFO ready ');
		expect(terminalText(coloured)).toBe('\\x1b[32mINFO\\x1b[0m ready \\x1b[31m');
	});

	it('keeps colour but not a cursor move next to it', () => {
		expect(terminalText(`${ESC}[1m${ESC}[3Abold`, {sgr: 'keep'})).toBe(`${ESC}[1m\\x1b[3Abold${ESC}[0m`);
	});

	it('newlines: kept by default, shown for single-line fields', () => {
		expect(terminalText('a\nb')).toBe('a\nb');
		expect(terminalText('a\nb', {newlines: false})).toBe('a\\nb');
	});
});

describe('escapeJsonControls', () => {
	it('escapes what JSON.stringify leaves raw, and the document still parses to the same value', () => {
		const value = {line: `x${ESC}[2J\u009b\u202e\u007fy`};
		const json = escapeJsonControls(JSON.stringify(value));
		expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
		expect(JSON.parse(json)).toEqual(value);
	});
});
