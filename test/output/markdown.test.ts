import {describe, expect, it} from 'vitest';
import {highlight, renderMarkdown, stripAnsi, visibleWidth} from '../../source/output/markdown.js';
import {makeTheme} from '../../source/output/theme.js';

const plain = makeTheme(false);
const color = makeTheme(true);
const ESC = '\u001B[';

describe('renderMarkdown, plain (no colour)', () => {
	const cases: Array<{name: string; md: string; expected: string; width?: number}> = [
		{name: 'strong and em lose their markers', md: 'a **bold** and *em* and __also__ word', expected: 'a bold and em and also word'},
		{name: 'inline code loses its backticks', md: 'run `docker ps -a` now', expected: 'run docker ps -a now'},
		{name: 'escaped characters and entities', md: 'a \\* star, &amp; and &lt;x&gt;', expected: 'a * star, & and <x>'},
		{name: 'links show text and URL', md: 'see [the docs](https://docs.docker.com/engine/)', expected: 'see the docs (https://docs.docker.com/engine/)'},
		{name: 'a bare URL is shown once', md: '<https://example.com>', expected: 'https://example.com'},
		{name: 'h1 is underlined with =', md: '# Title', expected: 'Title\n====='},
		{name: 'h2 is underlined with -', md: '## Sub', expected: 'Sub\n---'},
		{name: 'h3 is plain text', md: '### Small `code`', expected: 'Small code'},
		{name: 'bullet list', md: '- one\n- two', expected: '- one\n- two'},
		{name: 'nested list is indented', md: '- one\n  - inner\n- two', expected: '- one\n  - inner\n- two'},
		{name: 'ordered list keeps its start number', md: '3. three\n4. four', expected: '3. three\n4. four'},
		{name: 'task list', md: '- [x] done\n- [ ] todo', expected: '- [x] done\n- [ ] todo'},
		{name: 'blockquote', md: '> quoted **text**', expected: '│ quoted text'},
		{
			name: 'fenced code is indented and untouched',
			md: '```dockerfile\nFROM busybox:1.36\nRUN echo "**x**"\n```',
			expected: '    FROM busybox:1.36\n    RUN echo "**x**"',
		},
		{name: 'paragraphs are separated by one blank line', md: 'one\n\n\n\ntwo', expected: 'one\n\ntwo'},
		{name: 'soft line breaks are re-wrapped, not kept', md: 'one\ntwo\nthree', expected: 'one two three'},
		{name: 'hard line breaks are kept', md: 'one  \ntwo', expected: 'one\ntwo'},
		{
			name: 'prose wraps at the width',
			md: 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj',
			width: 30,
			expected: 'aaaa bbbb cccc dddd eeee ffff\ngggg hhhh iiii jjjj',
		},
		{
			name: 'short inline code is never split',
			md: 'xxxxxxxxxxxxxxxxxxxxxx run `docker ps -a --no-trunc` ok',
			width: 30,
			expected: 'xxxxxxxxxxxxxxxxxxxxxx run\ndocker ps -a --no-trunc ok',
		},
		{name: 'narrow table becomes aligned columns', md: '| A | Bee |\n|---|---|\n| `x` | y |\n| long | z |', expected: 'A     Bee\n----  ---\nx     y\nlong  z'},
		{name: 'right-aligned column', md: '| n | v |\n|---|--:|\n| a | 5 |\n| b | 100 |', expected: 'n    v\n-  ---\na    5\nb  100'},
		{
			name: 'a table too wide for the terminal wraps its widest column',
			width: 40,
			md: '| Symptom | Fix |\n|---|---|\n| port in use | stop the other container that holds the port |',
			expected: 'Symptom      Fix\n-----------  ---------------------------\nport in use  stop the other container\n             that holds the port',
		},
		{
			name: 'rows that wrap are separated by a blank line',
			width: 30,
			md: '| A | B |\n|---|---|\n| one | two words here and more words again |\n| x | y |',
			expected: 'A    B\n---  -------------------------\none  two words here and more\n     words again\n\nx    y',
		},
		{
			name: 'a table whose commands cannot wrap becomes one record per row',
			width: 40,
			md: '| Diagnose | Fix |\n|---|---|\n| `docker inspect -f {{.State.OOMKilled}}` | `docker update --memory 2g app` |',
			expected: 'Diagnose: docker inspect -f {{.State.OOMKilled}}\nFix:      docker update --memory 2g app',
		},
		{
			name: 'a record table with an empty corner header titles each record with its first cell',
			width: 40,
			md: '| | Image | Container |\n|---|---|---|\n| Mutable | `no-never-changes-once-built-ok` | `yes-its-writable-layer` |',
			expected: 'Mutable\nImage:     no-never-changes-once-built-ok\nContainer: yes-its-writable-layer',
		},
		{name: 'horizontal rule', md: 'a\n\n---\n\nb', expected: `a\n\n${'─'.repeat(40)}\n\nb`},
		{name: 'html tags are dropped', md: 'a <b>bold</b> word', expected: 'a bold word'},
	];
	for (const c of cases) {
		it(c.name, () => {
			expect(renderMarkdown(c.md, plain, c.width ? {width: c.width} : {})).toBe(c.expected);
		});
	}

	it('never emits ANSI without colour', () => {
		const out = renderMarkdown('# T\n\n**b** `c` [l](http://x)\n\n```sh\n$ docker ps\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |', plain);
		expect(out).not.toContain(ESC);
	});
});

describe('renderMarkdown, colour', () => {
	it('styles headings, bold, code and links through the theme', () => {
		const out = renderMarkdown('# Title\n\n**bold** `code` [link](http://x)', color);
		expect(out).toContain(color.heading('Title'));
		expect(out).toContain(color.bold('bold'));
		expect(out).toContain(color.code('code'));
		expect(out).toContain(color.accent('link'));
		expect(out).toContain(color.dim('(http://x)'));
		expect(stripAnsi(out)).toBe('Title\n\nbold code link (http://x)');
	});

	it('wraps by visible width, ignoring escape codes', () => {
		const md = Array.from({length: 12}, (_, i) => `**w${i}**`).join(' ');
		const lines = renderMarkdown(md, color, {width: 30}).split('\n');
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(30);
	});

	it('does not leave a style open at the end of a wrapped line', () => {
		const lines = renderMarkdown('**' + 'bold words here '.repeat(8).trim() + '**', color, {width: 30}).split('\n');
		for (const line of lines) expect(line.endsWith('\u001B[22m')).toBe(true);
	});

	it('keeps code block text intact when colouring it', () => {
		const code =
			'# comment\nFROM python:3.12-slim AS build\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r requirements.txt && echo "done"\nCMD ["python", "app.py"]';
		const out = renderMarkdown('```dockerfile\n' + code + '\n```', color);
		expect(out).toContain(ESC);
		expect(
			stripAnsi(out)
				.split('\n')
				.map((l) => l.replace(/^ {2}│ /, '')),
		).toEqual(code.split('\n'));
	});
});

describe('highlight', () => {
	const cases: Array<{lang: string; line: string; styled: string}> = [
		{lang: 'dockerfile', line: 'FROM busybox:1.36', styled: color.bold(color.accent('FROM'))},
		{lang: 'Dockerfile', line: '# syntax=docker/dockerfile:1', styled: color.dim('# syntax=docker/dockerfile:1')},
		{lang: 'dockerfile', line: 'COPY --chown=1000:1000 . .', styled: color.warn('--chown=1000:1000')},
		{lang: 'sh', line: 'docker run --rm busybox:1.36', styled: color.bold('docker')},
		{lang: 'bash', line: 'echo "$HOME"', styled: color.ok('"$HOME"')},
		{lang: 'console', line: '$ docker ps -a', styled: color.dim('$ ') + color.bold('docker')},
		{lang: 'console', line: 'CONTAINER ID   IMAGE', styled: color.dim('CONTAINER ID   IMAGE')},
		{lang: 'yaml', line: '  restart: unless-stopped', styled: color.accent('restart')},
	];
	for (const c of cases) {
		it(`${c.lang}: ${c.line}`, () => {
			const [out] = highlight(c.line, c.lang, color);
			expect(out).toContain(c.styled);
			expect(stripAnsi(out!)).toBe(c.line);
		});
	}

	it('leaves unknown languages and plain mode untouched', () => {
		expect(highlight('FROM x', 'text', color)).toEqual(['FROM x']);
		expect(highlight('FROM x', 'dockerfile', plain)).toEqual(['FROM x']);
	});
});
