/**
 * The template language of `init` (assets/init/<stack>/, and a team's own --template-dir), kept small on
 * purpose so a template stays readable as the file it produces:
 *
 *   {{name}}  {{a.b}}        a value (string or number); an unknown name is an error, never an empty string
 *   {{json name}}            the value as JSON: exec-form arrays (CMD {{json cmd}}) and quoted strings
 *   {{#if name}} {{else}} {{/if}}      {{#unless name}} {{/unless}}
 *   {{#each list}} {{this}} {{this.field}} {{/each}}
 *   {{> partial}}            another file of the template set (assets/init/_partials/<partial>.tmpl)
 *   {{! a comment }}         dropped
 *
 * A block tag alone on its line takes the line with it, so conditionals leave no blank lines behind.
 * Pure: the partials come in as a map.
 */

export class TemplateError extends Error {
	constructor(
		message: string,
		readonly template: string,
		readonly line: number,
	) {
		super(`${template}:${line}: ${message}`);
	}
}

type Node =
	| {kind: 'text'; text: string}
	| {kind: 'var'; path: string; json: boolean; line: number}
	| {kind: 'if'; path: string; negate: boolean; then: Node[]; else: Node[]; line: number}
	| {kind: 'each'; path: string; body: Node[]; line: number}
	| {kind: 'partial'; name: string; line: number};

interface Token {
	readonly kind: 'text' | 'tag';
	readonly text: string;
	readonly line: number;
}

const TAG = /\{\{\s*([^}]*?)\s*\}\}/g;

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let last = 0;
	let line = 1;
	const count = (s: string) => (s.match(/\n/g) ?? []).length;
	for (const m of source.matchAll(TAG)) {
		const start = m.index!;
		let before = source.slice(last, start);
		let end = start + m[0].length;
		const body = m[1]!;
		// A block tag alone on its line: drop the line's indentation and its newline.
		if (/^[#/!>]|^else$/.test(body)) {
			const lineStart = before.lastIndexOf('\n') + 1;
			const prefix = before.slice(lineStart);
			const rest = /^[ \t]*(\r?\n|$)/.exec(source.slice(end));
			const atLineStart = lineStart > 0 || last === 0 || source[last - 1] === '\n';
			if (/^[ \t]*$/.test(prefix) && rest && atLineStart && !body.startsWith('>')) {
				before = before.slice(0, lineStart);
				end += rest[0].length;
			} else if (/^[ \t]*$/.test(prefix) && rest && atLineStart && body.startsWith('>')) {
				// A partial on its own line: the partial brings its own final newline.
				before = before.slice(0, lineStart);
				end += rest[0].length;
			}
		}
		if (before) tokens.push({kind: 'text', text: before, line});
		line += count(source.slice(last, start));
		tokens.push({kind: 'tag', text: body, line});
		line += count(source.slice(start, end));
		last = end;
	}
	if (last < source.length) tokens.push({kind: 'text', text: source.slice(last), line});
	return tokens;
}

const PATH = /^(this(\.[A-Za-z_][\w]*)*|[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*)$/;

function parse(source: string, name: string): Node[] {
	const tokens = tokenize(source);
	let i = 0;
	const block = (closer: string | null): {nodes: Node[]; elseNodes: Node[] | null; end: string | null} => {
		const nodes: Node[] = [];
		let elseNodes: Node[] | null = null;
		let target = nodes;
		while (i < tokens.length) {
			const t = tokens[i++]!;
			if (t.kind === 'text') {
				target.push({kind: 'text', text: t.text});
				continue;
			}
			const tag = t.text;
			if (tag.startsWith('!')) continue;
			if (tag === 'else') {
				if (closer !== 'if' && closer !== 'unless') throw new TemplateError('{{else}} outside {{#if}}', name, t.line);
				elseNodes = [];
				target = elseNodes;
				continue;
			}
			if (tag.startsWith('/')) {
				const what = tag.slice(1).trim();
				if (what !== closer) throw new TemplateError(`{{/${what}}} does not close ${closer ? `{{#${closer}}}` : 'anything'}`, name, t.line);
				return {nodes, elseNodes, end: what};
			}
			const m = /^#(if|unless|each)\s+(\S+)$/.exec(tag);
			if (m) {
				const [, kind, path] = m as unknown as [string, 'if' | 'unless' | 'each', string];
				if (!PATH.test(path)) throw new TemplateError(`'${path}' is not a name`, name, t.line);
				const inner = block(kind);
				if (inner.end !== kind) throw new TemplateError(`{{#${kind} ${path}}} is never closed`, name, t.line);
				if (kind === 'each') target.push({kind: 'each', path, body: inner.nodes, line: t.line});
				else target.push({kind: 'if', path, negate: kind === 'unless', then: inner.nodes, else: inner.elseNodes ?? [], line: t.line});
				continue;
			}
			const p = /^>\s*([\w-]+)$/.exec(tag);
			if (p) {
				target.push({kind: 'partial', name: p[1]!, line: t.line});
				continue;
			}
			const v = /^(json\s+)?(\S+)$/.exec(tag);
			if (v && PATH.test(v[2]!)) {
				target.push({kind: 'var', path: v[2]!, json: Boolean(v[1]), line: t.line});
				continue;
			}
			throw new TemplateError(`cannot read {{${tag}}}`, name, t.line);
		}
		return {nodes, elseNodes, end: null};
	};
	const top = block(null);
	return top.nodes;
}

export type TemplateValue = string | number | boolean | null | undefined | readonly TemplateValue[] | {readonly [key: string]: TemplateValue};
export type TemplateData = Readonly<Record<string, TemplateValue>>;

function lookup(path: string, scopes: readonly TemplateValue[], name: string, line: number): TemplateValue {
	const parts = path.split('.');
	let value: TemplateValue;
	if (parts[0] === 'this') {
		value = scopes[scopes.length - 1];
		parts.shift();
	} else {
		const root = scopes[0] as Record<string, TemplateValue>;
		if (!Object.hasOwn(root, parts[0]!)) throw new TemplateError(`unknown placeholder {{${path}}}`, name, line);
		value = root[parts.shift()!];
	}
	for (const part of parts) {
		if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part))
			throw new TemplateError(`unknown placeholder {{${path}}}`, name, line);
		value = (value as Record<string, TemplateValue>)[part];
	}
	return value;
}

function truthy(v: TemplateValue): boolean {
	if (Array.isArray(v)) return v.length > 0;
	return Boolean(v);
}

/** Render `source` with `data`. Throws TemplateError (with the template's line) for a template bug. */
export function renderTemplate(source: string, data: TemplateData, options: {name?: string; partials?: Readonly<Record<string, string>>} = {}): string {
	const name = options.name ?? 'template';
	const partials = options.partials ?? {};
	const run = (nodes: readonly Node[], scopes: readonly TemplateValue[], file: string, depth: number): string => {
		let out = '';
		for (const n of nodes) {
			switch (n.kind) {
				case 'text':
					out += n.text;
					break;
				case 'var': {
					const v = lookup(n.path, scopes, file, n.line);
					if (n.json) out += JSON.stringify(v ?? null);
					else if (typeof v === 'string' || typeof v === 'number') out += String(v);
					else
						throw new TemplateError(
							`{{${n.path}}} is ${Array.isArray(v) ? 'a list (use {{#each}} or {{json}})' : v === null || v === undefined ? 'empty' : typeof v}, not text`,
							file,
							n.line,
						);
					break;
				}
				case 'if':
					out += run(truthy(lookup(n.path, scopes, file, n.line)) !== n.negate ? n.then : n.else, scopes, file, depth);
					break;
				case 'each': {
					const list = lookup(n.path, scopes, file, n.line);
					if (!Array.isArray(list)) throw new TemplateError(`{{#each ${n.path}}} needs a list`, file, n.line);
					for (const item of list) out += run(n.body, [...scopes, item], file, depth);
					break;
				}
				case 'partial': {
					if (!Object.hasOwn(partials, n.name)) throw new TemplateError(`no partial '${n.name}'`, file, n.line);
					if (depth > 8) throw new TemplateError(`partials nest too deep at '${n.name}'`, file, n.line);
					out += run(parse(partials[n.name]!, n.name), scopes, n.name, depth + 1);
					break;
				}
			}
		}
		return out;
	};
	return run(parse(source, name), [data], name, 0);
}

/** Check a template parses (unbalanced blocks, unreadable tags) without data. */
export function checkTemplate(source: string, name: string): void {
	parse(source, name);
}
