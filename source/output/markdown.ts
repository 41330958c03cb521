/**
 * Markdown → terminal text, through the theme. `marked` tokenises; this module walks the
 * tokens and lays the text out (wrapping, lists, tables, code). Without colour the theme is
 * a no-op, so the same walk yields clean plain text: no ANSI and no Markdown markers.
 */
import {Lexer, type Token, type Tokens} from 'marked';
import type {Theme} from './theme.js';

export interface MarkdownOptions {
	/** Wrap prose at this many columns (code blocks are never wrapped). Default 80. */
	readonly width?: number;
}

type Style = (text: string) => string;
interface Span {
	readonly text: string;
	readonly style?: Style;
	/** A hard line break (Markdown `br`); newlines inside text are soft and wrap like spaces. */
	readonly br?: true;
	/** Keep on one line (short inline code: a command split across lines is hard to read). */
	readonly keep?: boolean;
}

/** Inline code up to this many columns is never split across lines. */
const KEEP_CODE = 40;

const ANSI = /\u001B\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
	return text.replace(ANSI, '');
}

/** Visible columns of a string (ANSI removed; every code point counts as one column). */
export function visibleWidth(text: string): number {
	return [...stripAnsi(text)].length;
}

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'"};
function decode(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!);
}

function compose(outer: Style | undefined, inner: Style): Style {
	return outer ? (t) => outer(inner(t)) : inner;
}

export function renderMarkdown(markdown: string, theme: Theme, options: MarkdownOptions = {}): string {
	const width = Math.max(30, options.width ?? 80);
	const tokens = new Lexer({gfm: true}).lex(markdown);
	const lines = new Renderer(theme).blocks(tokens, width);
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines.join('\n');
}

class Renderer {
	constructor(private readonly theme: Theme) {}

	// ---- inline -------------------------------------------------------------

	inline(tokens: readonly Token[] | undefined, style?: Style): Span[] {
		const out: Span[] = [];
		const t = this.theme;
		for (const token of tokens ?? []) {
			switch (token.type) {
				case 'text': {
					const tk = token as Tokens.Text;
					if (tk.tokens && tk.tokens.length > 0) out.push(...this.inline(tk.tokens, style));
					else out.push({text: decode(tk.text), ...(style ? {style} : {})});
					break;
				}
				case 'escape':
					out.push({text: (token as Tokens.Escape).text, ...(style ? {style} : {})});
					break;
				case 'codespan': {
					const text = decode((token as Tokens.Codespan).text);
					out.push({text, style: compose(style, t.code), keep: [...text].length <= KEEP_CODE});
					break;
				}
				case 'strong':
					out.push(...this.inline((token as Tokens.Strong).tokens, compose(style, t.bold)));
					break;
				case 'em':
					out.push(...this.inline((token as Tokens.Em).tokens, compose(style, t.accent)));
					break;
				case 'del':
					out.push(...this.inline((token as Tokens.Del).tokens, compose(style, t.dim)));
					break;
				case 'link': {
					const link = token as Tokens.Link;
					const label = this.inline(link.tokens, compose(style, t.accent));
					out.push(...label);
					const labelText = label.map((s) => s.text).join('');
					const href = link.href.replace(/^mailto:/, '');
					if (href && href !== labelText) out.push({text: ` (${href})`, style: t.dim});
					break;
				}
				case 'image': {
					const image = token as Tokens.Image;
					out.push({text: `[image: ${image.text || 'untitled'}] (${image.href})`, style: t.dim});
					break;
				}
				case 'br':
					out.push({text: '', br: true});
					break;
				case 'html':
					out.push({text: decode((token as Tokens.HTML).text.replace(/<[^>]*>/g, ''))});
					break;
				default:
					if ('text' in token && typeof token.text === 'string') out.push({text: decode(token.text)});
			}
		}
		return out;
	}

	/** Greedy word wrap of styled spans; each word is styled on its own so no style crosses a line break. */
	wrap(spans: readonly Span[], width: number): string[] {
		type Piece = {text: string; style?: Style};
		const words: Array<Piece[] | 'break'> = [];
		let current: Piece[] = [];
		const flush = () => {
			if (current.length > 0) words.push(current);
			current = [];
		};
		for (const span of spans) {
			if (span.br) {
				flush();
				words.push('break');
				continue;
			}
			if (span.keep) {
				// Leading/trailing spaces still separate words; inner ones do not.
				if (/^\s/.test(span.text)) flush();
				current.push({text: span.text.trim(), ...(span.style ? {style: span.style} : {})});
				if (/\s$/.test(span.text)) flush();
				continue;
			}
			for (const part of span.text.split(/(\s+)/)) {
				if (part === '') continue;
				if (/^\s+$/.test(part)) flush();
				else current.push({text: part, ...(span.style ? {style: span.style} : {})});
			}
		}
		flush();
		const lines: string[] = [];
		let line = '';
		let used = 0;
		for (const word of words) {
			if (word === 'break') {
				lines.push(line);
				line = '';
				used = 0;
				continue;
			}
			const len = word.reduce((n, p) => n + [...p.text].length, 0);
			const rendered = word.map((p) => (p.style ? p.style(p.text) : p.text)).join('');
			if (used > 0 && used + 1 + len > width) {
				lines.push(line);
				line = '';
				used = 0;
			}
			line += (used > 0 ? ' ' : '') + rendered;
			used += (used > 0 ? 1 : 0) + len;
		}
		if (line !== '' || lines.length === 0) lines.push(line);
		return lines;
	}

	plainText(tokens: readonly Token[] | undefined): string {
		return this.inline(tokens)
			.map((s) => s.text)
			.join('');
	}

	// ---- blocks -------------------------------------------------------------

	/** Render blocks separated by one blank line. `tight` joins them (tight list items). */
	blocks(tokens: readonly Token[], width: number, tight = false): string[] {
		const out: string[] = [];
		for (const token of tokens) {
			const lines = this.block(token, width);
			if (lines === null) continue;
			if (out.length > 0 && !tight) out.push('');
			out.push(...lines);
		}
		return out;
	}

	block(token: Token, width: number): string[] | null {
		const t = this.theme;
		switch (token.type) {
			case 'space':
			case 'def':
				return null;
			case 'heading': {
				const h = token as Tokens.Heading;
				const text = this.plainText(h.tokens);
				if (!t.color) {
					if (h.depth === 1) return [text, '='.repeat(Math.min(width, [...text].length))];
					if (h.depth === 2) return [text, '-'.repeat(Math.min(width, [...text].length))];
					return [text];
				}
				if (h.depth === 1) return [t.heading(text)];
				if (h.depth === 2) return [t.bold(t.accent(text))];
				return [t.bold(text)];
			}
			case 'paragraph':
				return this.wrap(this.inline((token as Tokens.Paragraph).tokens), width);
			case 'text': {
				const tk = token as Tokens.Text;
				return this.wrap(tk.tokens ? this.inline(tk.tokens) : [{text: decode(tk.text)}], width);
			}
			case 'code': {
				const code = token as Tokens.Code;
				const gutter = t.color ? `  ${t.dim('│')} ` : '    ';
				return highlight(code.text, code.lang ?? '', t).map((l) => (l === '' ? '' : gutter + l));
			}
			case 'blockquote': {
				const inner = this.blocks((token as Tokens.Blockquote).tokens, width - 2);
				return inner.map((l) => `${t.dim('│')} ${l}`.trimEnd());
			}
			case 'list':
				return this.list(token as Tokens.List, width);
			case 'table':
				return this.table(token as Tokens.Table, width);
			case 'hr':
				return [t.dim('─'.repeat(Math.min(width, 40)))];
			case 'html': {
				const text = decode((token as Tokens.HTML).text.replace(/<[^>]*>/g, '')).trim();
				return text ? this.wrap([{text}], width) : null;
			}
			default:
				return 'text' in token && typeof token.text === 'string' ? this.wrap([{text: decode(token.text)}], width) : null;
		}
	}

	list(list: Tokens.List, width: number): string[] {
		const t = this.theme;
		const start = typeof list.start === 'number' ? list.start : 1;
		const markers = list.items.map((item, i) => {
			const base = list.ordered ? `${start + i}.` : t.color ? '•' : '-';
			return item.task ? `${base} [${item.checked ? 'x' : ' '}]` : base;
		});
		const markerWidth = Math.max(...markers.map((m) => [...m].length)) + 1;
		const out: string[] = [];
		list.items.forEach((item, i) => {
			if (i > 0 && list.loose) out.push('');
			const body = this.blocks(item.tokens, width - markerWidth, !item.loose);
			const marker = markers[i]!;
			const styled = list.ordered ? t.accent(marker) : t.dim(marker);
			body.forEach((line, j) => {
				if (j === 0) out.push(`${styled}${' '.repeat(markerWidth - [...marker].length)}${line}`);
				else out.push(line === '' ? '' : ' '.repeat(markerWidth) + line);
			});
			if (body.length === 0) out.push(styled);
		});
		return out;
	}

	table(table: Tokens.Table, width: number): string[] {
		const t = this.theme;
		const cell = (c: Tokens.TableCell, header: boolean) => {
			const spans = this.inline(c.tokens);
			const text = spans
				.map((s) => s.text)
				.join('')
				.replace(/\s*\n\s*/g, ' ');
			const styled = spans
				.map((s) => (s.style ? s.style(s.text) : s.text))
				.join('')
				.replace(/\s*\n\s*/g, ' ');
			return {text, styled: header ? t.bold(text) : styled, spans};
		};
		const header = table.header.map((c) => cell(c, true));
		const rows = table.rows.map((r) => r.map((c) => cell(c, false)));
		const cols = header.length;
		const widths = header.map((h, i) => Math.max([...h.text].length, ...rows.map((r) => (r[i] ? [...r[i]!.text].length : 0))));
		const gap = 2;
		const total = widths.reduce((a, b) => a + b, 0) + gap * (cols - 1);
		if (total <= width) {
			const pad = (c: {text: string; styled: string}, i: number) => {
				const space = ' '.repeat(widths[i]! - [...c.text].length);
				return table.align[i] === 'right' ? space + c.styled : c.styled + space;
			};
			const line = (cells: Array<{text: string; styled: string}>) =>
				cells
					.map((c, i) => pad(c, i))
					.join(' '.repeat(gap))
					.trimEnd();
			return [line(header), t.dim(widths.map((w) => (t.color ? '─' : '-').repeat(w)).join(' '.repeat(gap))), ...rows.map(line)];
		}
		const wrapped = this.wrappedGrid(table, header, rows, widths, width, gap);
		if (wrapped) return wrapped;
		// Too wide even with wrapped cells: one record per row, "Header: value" with hanging indent.
		const out: string[] = [];
		const labelWidth = Math.min(Math.max(...header.map((h) => [...h.text].length)) + 2, Math.floor(width / 3));
		rows.forEach((row, r) => {
			if (r > 0) out.push('');
			row.forEach((c, i) => {
				const name = header[i]?.text.trim() ?? '';
				if (name === '') {
					// A column without a header (a row-label column): the value itself titles the record.
					for (const l of this.wrap(c.spans, width)) out.push(i === 0 ? t.bold(stripAnsi(l)) : l);
					return;
				}
				const label = `${name}:`;
				const wrapped = this.wrap(c.spans.length ? c.spans : [{text: ''}], Math.max(20, width - labelWidth));
				const first = i === 0 ? t.bold(label) : t.dim(label);
				wrapped.forEach((l, j) =>
					out.push(j === 0 ? `${first}${' '.repeat(Math.max(1, labelWidth - [...label].length))}${l}` : `${' '.repeat(labelWidth)}${l}`),
				);
			});
		});
		return out;
	}

	/**
	 * A grid whose widest columns wrap their text, when that fits the width without making rows
	 * too tall or splitting a word (a command) across lines; null otherwise.
	 */
	wrappedGrid(
		table: Tokens.Table,
		header: Array<{text: string; spans: Span[]}>,
		rows: Array<Array<{text: string; spans: Span[]}>>,
		natural: number[],
		width: number,
		gap: number,
	): string[] | null {
		const t = this.theme;
		const cols = natural.length;
		const widths = [...natural];
		// A column never gets narrower than its longest unbreakable word (a path, a short command).
		const longestWord = (spans: Span[]) => Math.max(0, ...this.wrap(spans, 1).map(visibleWidth));
		const floor = natural.map((n, i) => Math.max(Math.min(n, MIN_WRAPPED_COLUMN), ...[header, ...rows].map((r) => (r[i] ? longestWord(r[i]!.spans) : 0))));
		const room = width - gap * (cols - 1);
		while (widths.reduce((a, b) => a + b, 0) > room) {
			let pick = -1;
			for (let i = 0; i < cols; i++) if (widths[i]! > floor[i]! && (pick === -1 || widths[i]! > widths[pick]!)) pick = i;
			if (pick === -1) return null;
			widths[pick]!--;
		}
		const layout = (cells: Array<{spans: Span[]}>, bold: boolean): string[][] | null => {
			const out: string[][] = [];
			for (let i = 0; i < cols; i++) {
				const spans = cells[i]?.spans ?? [];
				const lines = this.wrap(bold ? spans.map((sp) => ({text: sp.text, style: t.bold})) : spans, widths[i]!);
				if (lines.some((l) => visibleWidth(l) > widths[i]!)) return null;
				out.push(lines);
			}
			return out;
		};
		const rendered: string[][][] = [];
		for (const [index, cells] of [header, ...rows].entries()) {
			const laid = layout(cells, index === 0);
			if (!laid || Math.max(...laid.map((l) => l.length)) > MAX_WRAPPED_ROW_LINES) return null;
			rendered.push(laid);
		}
		const out: string[] = [];
		// Once any row wraps, a blank line between all rows keeps them apart.
		const spaced = rendered.slice(1).some((cells) => cells.some((c) => c.length > 1));
		rendered.forEach((cells, r) => {
			const height = Math.max(...cells.map((c) => c.length));
			for (let k = 0; k < height; k++) {
				const parts = cells.map((c, i) => {
					const text = c[k] ?? '';
					const space = ' '.repeat(Math.max(0, widths[i]! - visibleWidth(text)));
					return table.align[i] === 'right' ? space + text : text + space;
				});
				out.push(parts.join(' '.repeat(gap)).trimEnd());
			}
			if (r === 0) out.push(t.dim(widths.map((w) => (t.color ? '─' : '-').repeat(w)).join(' '.repeat(gap))));
			else if (r < rendered.length - 1 && spaced) out.push('');
		});
		return out;
	}
}

/** Cells narrower than this are not wrapped further: below it a table reads worse than records. */
const MIN_WRAPPED_COLUMN = 12;
/** A wrapped grid whose rows get taller than this is shown as records instead. */
const MAX_WRAPPED_ROW_LINES = 4;

// ---- code highlighting ------------------------------------------------------

const DOCKERFILE_INSTRUCTIONS = new Set([
	'FROM',
	'RUN',
	'CMD',
	'LABEL',
	'MAINTAINER',
	'EXPOSE',
	'ENV',
	'ADD',
	'COPY',
	'ENTRYPOINT',
	'VOLUME',
	'USER',
	'WORKDIR',
	'ARG',
	'ONBUILD',
	'STOPSIGNAL',
	'HEALTHCHECK',
	'SHELL',
]);

const WORD = /("(?:[^"\\]|\\.)*"?|'[^']*'?|(?<=^|\s)#.*$|--?[A-Za-z][\w-]*(?:=\S*)?|\$\{[^}]*\}|\$\w+|&&|\|\||[|;]|\s+|[^\s"'$|;&]+|.)/g;

/** Highlight the arguments of a command line: strings, flags, variables, comments. */
function shellWords(text: string, theme: Theme, commandFirst: boolean): string {
	let expectCommand = commandFirst;
	return text.replace(WORD, (w) => {
		if (/^\s+$/.test(w)) return w;
		if (w.startsWith('#')) return theme.dim(w);
		if (w === '&&' || w === '||' || w === '|' || w === ';') {
			expectCommand = true;
			return theme.dim(w);
		}
		if (w.startsWith('"') || w.startsWith("'")) return theme.ok(w);
		if (w.startsWith('$')) return theme.accent(w);
		if (/^--?[A-Za-z]/.test(w)) return theme.warn(w);
		if (expectCommand && w !== '\\') {
			expectCommand = false;
			return /^[A-Z_][A-Z0-9_]*=/.test(w) ? w : theme.bold(w);
		}
		return w;
	});
}

function highlightShell(code: string, theme: Theme, prompted: boolean): string[] {
	let continued = false;
	return code.split('\n').map((line) => {
		if (/^\s*#/.test(line)) {
			continued = false;
			return theme.dim(line);
		}
		let out: string;
		if (prompted) {
			const m = /^(\s*[$#]\s)(.*)$/.exec(line);
			if (m) out = theme.dim(m[1]!) + shellWords(m[2]!, theme, true);
			else out = continued ? shellWords(line, theme, false) : theme.dim(line);
		} else out = shellWords(line, theme, !continued);
		continued = /\\\s*$/.test(line);
		return out;
	});
}

function highlightDockerfile(code: string, theme: Theme): string[] {
	let continued = false;
	let shellForm = false;
	return code.split('\n').map((line) => {
		if (/^\s*#/.test(line)) return theme.dim(line);
		let out: string;
		const m = /^(\s*)([A-Za-z]+)(\s+|$)(.*)$/.exec(line);
		if (!continued && m && DOCKERFILE_INSTRUCTIONS.has(m[2]!.toUpperCase())) {
			const keyword = m[2]!.toUpperCase();
			shellForm = keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'HEALTHCHECK';
			out = m[1]! + theme.bold(theme.accent(m[2]!)) + m[3]! + shellWords(m[4]!, theme, shellForm && !/^\s*\[/.test(m[4]!));
		} else out = shellWords(line, theme, false);
		continued = /\\\s*$/.test(line);
		return out;
	});
}

function highlightYaml(code: string, theme: Theme): string[] {
	return code.split('\n').map((line) => {
		if (/^\s*#/.test(line)) return theme.dim(line);
		const m = /^(\s*(?:-\s+)?)([\w.-]+)(:)(\s.*|$)$/.exec(line);
		if (m) return m[1]! + theme.accent(m[2]!) + m[3]! + m[4]!.replace(/(\s#.*)$/, (c) => theme.dim(c));
		return line;
	});
}

/** Syntax colour for the languages the content uses; anything else is shown as is. */
export function highlight(code: string, lang: string, theme: Theme): string[] {
	const l = lang.trim().toLowerCase().split(/\s+/)[0] ?? '';
	if (!theme.color) return code.split('\n');
	if (l === 'dockerfile' || l === 'docker' || l === 'containerfile') return highlightDockerfile(code, theme);
	if (l === 'sh' || l === 'bash' || l === 'shell' || l === 'zsh') return highlightShell(code, theme, false);
	if (l === 'console' || l === 'shell-session' || l === 'terminal') return highlightShell(code, theme, true);
	if (l === 'yaml' || l === 'yml') return highlightYaml(code, theme);
	return code.split('\n');
}
