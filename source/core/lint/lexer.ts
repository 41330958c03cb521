/**
 * A single-pass Dockerfile lexer: source lines → parser directives, comments and instructions with
 * their exact extents (continuations, comment and blank lines inside them, heredoc bodies). Each
 * source line is looked at a constant number of times, so the cost is linear in the input.
 *
 * It follows BuildKit's parser (frontend/dockerfile/parser) where BuildKit and dockerfile-ast
 * (the VS Code Docker tooling's parser, which this replaces and which a test compares it with on
 * every corpus file) differ; the deliberate differences are listed in source/core/lint/README.md.
 */

/** One piece of a logical line: text[offset..] comes from source `line`, starting at `column`. */
export interface Segment {
	readonly offset: number;
	readonly line: number;
	readonly column: number;
}

export interface LexedHeredoc {
	/** The delimiter word, quotes removed. */
	readonly name: string;
	/** `<<-EOF`: leading tabs are stripped from body lines and from the delimiter line. */
	readonly stripTabs: boolean;
	/** `<<'EOF'` / `<<"EOF"`: the body is not expanded. */
	readonly quoted: boolean;
	/** First body line (1-based). */
	readonly line: number;
	/** The delimiter line, or the last line of the file when it is never closed. */
	readonly endLine: number;
	readonly closed: boolean;
}

export interface LexedInstruction {
	/** The keyword as written. */
	readonly keyword: string;
	readonly line: number;
	/** 1-based column of the keyword. */
	readonly column: number;
	/** Last line of the logical line (continuations), before heredoc bodies. */
	readonly lastLine: number;
	/** Last line of the instruction, heredoc bodies included. */
	readonly endLine: number;
	/**
	 * The logical line from the keyword on: continuation lines concatenated with the escape
	 * character and the line break removed (as BuildKit does), comment and blank lines inside
	 * the continuation dropped.
	 */
	readonly text: string;
	/** Where each part of `text` comes from, in order of `offset`. */
	readonly segments: readonly Segment[];
	/** Heredocs of RUN/COPY/ADD (also as an ONBUILD trigger), in order. */
	readonly heredocs: readonly LexedHeredoc[];
}

export interface LexedDirective {
	/** Lower-cased. */
	readonly name: string;
	readonly value: string;
	readonly line: number;
}

export interface LexedComment {
	readonly line: number;
	/** Text after '#', trimmed. */
	readonly text: string;
	/** A comment line inside a `\` continuation (Docker drops it). */
	readonly inContinuation: boolean;
}

export interface Lexed {
	readonly lines: readonly string[];
	readonly escape: '\\' | '`';
	/** An escape directive with another value than \ or `. */
	readonly badEscape: LexedDirective | undefined;
	readonly directives: readonly LexedDirective[];
	readonly comments: readonly LexedComment[];
	readonly instructions: readonly LexedInstruction[];
}

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const DIRECTIVE = /^\s*#\s*([a-zA-Z][a-zA-Z0-9_]*)\s*=\s*(.*?)\s*$/;

function firstNonBlank(line: string): number {
	let i = 0;
	while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
	return i;
}

/** Length of `line` without trailing spaces and tabs. */
function trimmedEnd(line: string): number {
	let e = line.length;
	while (e > 0 && (line.charCodeAt(e - 1) === 32 || line.charCodeAt(e - 1) === 9)) e--;
	return e;
}

/** Split like text.split(/\r?\n|\r/) without the regex cost on large inputs. */
export function splitLines(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) {
			out.push(text.slice(start, i));
			start = i + 1;
		} else if (c === 13) {
			out.push(text.slice(start, i));
			if (text.charCodeAt(i + 1) === 10) i++;
			start = i + 1;
		}
	}
	out.push(text.slice(start));
	return out;
}

/**
 * Heredoc words of an instruction's argument text, as BuildKit finds them: shell words (quotes
 * respected) that start with `<<` (optionally after a file descriptor number, `3<<EOF`), not `<<<`.
 */
export function heredocWords(text: string, escape: string): Array<{name: string; stripTabs: boolean; quoted: boolean}> {
	const out: Array<{name: string; stripTabs: boolean; quoted: boolean}> = [];
	let i = 0;
	const n = text.length;
	while (i < n) {
		while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
		if (i >= n) break;
		const start = i;
		let quote: string | undefined;
		while (i < n) {
			const c = text[i]!;
			if (quote) {
				if (c === quote) quote = undefined;
				else if (c === escape && quote === '"') i++;
			} else if (c === '"' || c === "'") quote = c;
			else if (c === escape) i++;
			else if (c === ' ' || c === '\t') break;
			i++;
		}
		const word = text.slice(start, Math.min(i, n));
		const m = /^\d*<<(-?)([^<]+)$/.exec(word);
		if (m) {
			let name = m[2]!;
			let quoted = false;
			if (/["']/.test(name)) {
				quoted = true;
				name = name.replace(/["']/g, '');
			}
			if (name !== '') out.push({name, stripTabs: m[1] === '-', quoted});
		}
	}
	return out;
}

/** The keyword that decides heredocs: the instruction's own, or an ONBUILD trigger's. */
function heredocKeyword(keyword: string, text: string, kwLength: number): {keyword: string; argsFrom: number} {
	let i = kwLength;
	while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
	if (keyword !== 'ONBUILD') return {keyword, argsFrom: i};
	const m = /^\S+/.exec(text.slice(i, i + 64));
	const trigger = m ? m[0].toUpperCase() : '';
	let j = i + (m ? m[0].length : 0);
	while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
	return {keyword: trigger, argsFrom: j};
}

export function lexDockerfile(source: string): Lexed {
	const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
	const lines = splitLines(text);
	const count = lines.length;

	// Parser directives: only at the very top, before any comment, blank line or instruction.
	const directives: LexedDirective[] = [];
	let i = 0;
	for (; i < count; i++) {
		const m = DIRECTIVE.exec(lines[i]!);
		if (!m) break;
		const name = m[1]!.toLowerCase();
		if (directives.some((d) => d.name === name)) break;
		directives.push({name, value: m[2]!, line: i + 1});
	}
	const escapeDirective = directives.find((d) => d.name === 'escape');
	const badEscape = escapeDirective && escapeDirective.value !== '\\' && escapeDirective.value !== '`' ? escapeDirective : undefined;
	const escape: '\\' | '`' = escapeDirective?.value === '`' ? '`' : '\\';
	const escCode = escape.charCodeAt(0);

	const comments: LexedComment[] = [];
	const instructions: LexedInstruction[] = [];

	while (i < count) {
		const line = lines[i]!;
		const start = firstNonBlank(line);
		if (start >= line.length) {
			i++;
			continue;
		}
		if (line.charCodeAt(start) === 35 /* # */) {
			comments.push({line: i + 1, text: line.slice(start + 1).trim(), inContinuation: false});
			i++;
			continue;
		}
		// An instruction: its logical line runs while a line ends with the escape character.
		const firstLine = i + 1;
		const segments: Segment[] = [];
		let logical = '';
		let l = i;
		let col = start;
		for (;;) {
			const cur = lines[l]!;
			const end = trimmedEnd(cur);
			// BuildKit: the line ends with the escape character not itself escaped (`foo\\` does not continue)
			const continues = end > col && cur.charCodeAt(end - 1) === escCode && !(end >= 2 && cur.charCodeAt(end - 2) === escCode);
			const stop = continues ? end - 1 : cur.length;
			segments.push({offset: logical.length, line: l + 1, column: col + 1});
			if (stop > col) logical += cur.slice(col, stop);
			if (!continues) break;
			// skip comment and blank lines inside the continuation
			let next = l + 1;
			while (next < count) {
				const nl = lines[next]!;
				const f = firstNonBlank(nl);
				if (f < nl.length && nl.charCodeAt(f) !== 35) break;
				if (f < nl.length) comments.push({line: next + 1, text: nl.slice(f + 1).trim(), inContinuation: true});
				next++;
			}
			if (next >= count) break;
			l = next;
			col = 0;
		}
		const lastLine = l + 1;
		const kwEnd = /^\S*/.exec(logical)![0].length;
		const keyword = logical.slice(0, kwEnd);
		const upper = keyword.toUpperCase();

		// heredoc bodies follow the logical line, in the order the words name them
		const heredocs: LexedHeredoc[] = [];
		let endLine = lastLine;
		if (upper === 'RUN' || upper === 'COPY' || upper === 'ADD' || upper === 'ONBUILD') {
			const hk = heredocKeyword(upper, logical, kwEnd);
			if (HEREDOC_KEYWORDS.has(hk.keyword) && logical.includes('<<', hk.argsFrom)) {
				let cursor = lastLine; // 0-based index of the next line
				for (const w of heredocWords(logical.slice(hk.argsFrom), escape)) {
					const bodyStart = cursor + 1;
					let closed = false;
					while (cursor < count) {
						let body = lines[cursor]!;
						if (w.stripTabs) {
							let t = 0;
							while (t < body.length && body.charCodeAt(t) === 9) t++;
							if (t > 0) body = body.slice(t);
						}
						cursor++;
						if (body === w.name) {
							closed = true;
							break;
						}
					}
					heredocs.push({name: w.name, stripTabs: w.stripTabs, quoted: w.quoted, line: bodyStart, endLine: Math.max(cursor, bodyStart - 1), closed});
					endLine = Math.max(endLine, cursor);
				}
			}
		}
		instructions.push({keyword, line: firstLine, column: start + 1, lastLine, endLine, text: logical, segments, heredocs});
		i = endLine;
	}
	comments.sort((a, b) => a.line - b.line);
	return {lines, escape, badEscape, directives, comments, instructions};
}

/** [line, column] of an offset into a logical line, by binary search over its segments. */
export function positionAt(instruction: Pick<LexedInstruction, 'segments' | 'text'>, offset: number): [number, number] {
	const segs = instruction.segments;
	if (segs.length === 0) return [1, 1];
	const o = Math.max(0, Math.min(offset, Math.max(0, instruction.text.length - 1)));
	let lo = 0;
	let hi = segs.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (segs[mid]!.offset <= o) lo = mid;
		else hi = mid - 1;
	}
	// segments that contributed no text share an offset with the next one: take the last such
	const s = segs[lo]!;
	return [s.line, s.column + (o - s.offset)];
}
