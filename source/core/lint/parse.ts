/**
 * Dockerfile → DockerfileModel. dockerfile-ast (the VS Code Docker tooling's parser) finds the
 * instructions and their extents (escape directive, continuations, heredoc bodies); we build the
 * rest ourselves from the source lines: a logical line with exact positions (comment lines inside
 * continuations dropped, CRLF handled), flags, JSON/shell form, heredocs, ONBUILD triggers,
 * stage-scoped ARG/ENV substitution and RUN split into shell commands.
 */
import {DockerfileParser} from 'dockerfile-ast';
import {parseShell, type PositionOf} from './shell.js';
import type {
	Comment,
	Directive,
	DockerfileModel,
	Flag,
	Heredoc,
	ImageRef,
	Instruction,
	Mount,
	ParseProblem,
	ShellScript,
	Stage,
	VariableScope,
	Word,
} from './types.js';

export const KEYWORDS = new Set([
	'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
	'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
/** Instructions with `--flag` options. */
const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const FORMED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
const HEREDOC_CAPABLE = new Set(['RUN', 'COPY', 'ADD']);
/** BuildKit's automatic platform ARGs and the predefined proxy ARGs: declared, value unknown. */
const AUTOMATIC_ARGS = [
	'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
	'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
	'BUILDKIT_INLINE_CACHE', 'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'SOURCE_DATE_EPOCH',
];
const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** A logical line: text with a position for every character. */
interface Logical {
	readonly text: string;
	/** Source line and column of each character of `text` (flat arrays: no per-character objects). */
	readonly posLine: number[];
	readonly posCol: number[];
	/** Last source line (1-based) of the logical line (before heredoc bodies). */
	readonly lastLine: number;
}

function buildLogical(lines: readonly string[], startLine: number, startCol: number, maxLine: number, escape: string): Logical {
	let text = '';
	const posLine: number[] = [];
	const posCol: number[] = [];
	let lineNo = startLine;
	let col = startCol;
	let lastLine = startLine;
	for (;;) {
		const line = lines[lineNo - 1] ?? '';
		const trimmedEnd = line.replace(/[ \t]+$/, '');
		const continues = trimmedEnd.endsWith(escape) && !(escape === '\\' && trimmedEnd.endsWith('\\\\') && false);
		const end = continues ? trimmedEnd.length - 1 : line.length;
		if (end > col - 1) text += line.slice(col - 1, end);
		for (let c = col - 1; c < end; c++) {
			posLine.push(lineNo);
			posCol.push(c + 1);
		}
		lastLine = lineNo;
		if (!continues || lineNo >= maxLine) break;
		text += ' ';
		posLine.push(lineNo);
		posCol.push(end + 1);
		// skip comment and empty lines inside the continuation
		lineNo++;
		while (lineNo <= maxLine && /^\s*(#.*)?$/.test(lines[lineNo - 1] ?? '')) lineNo++;
		if (lineNo > maxLine) break;
		col = 1;
	}
	return {text, posLine, posCol, lastLine};
}

function positionIn(logical: Logical, base: number): PositionOf {
	return (offset) => {
		const n = logical.posLine.length;
		if (n === 0) return [1, 1];
		const i = Math.min(base + offset, n - 1);
		return [logical.posLine[i]!, logical.posCol[i]!];
	};
}

interface RawHeredocMarker {
	readonly name: string;
	readonly stripTabs: boolean;
	readonly quoted: boolean;
}

function heredocMarkers(text: string): RawHeredocMarker[] {
	const markers: RawHeredocMarker[] = [];
	let quote: string | undefined;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quote) {
			if (c === quote) quote = undefined;
			else if (c === '\\' && quote === '"') i++;
			continue;
		}
		if (c === "'" || c === '"') {
			quote = c;
			continue;
		}
		if (c === '\\') {
			i++;
			continue;
		}
		if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<' && text[i - 1] !== '<') {
			const m = /^<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/.exec(text.slice(i));
			if (m) {
				markers.push({name: m[3]!, stripTabs: m[1] === '-', quoted: m[2] !== ''});
				i += m[0].length - 1;
			}
		}
	}
	return markers;
}

class Scope implements VariableScope {
	readonly vars: ReadonlyMap<string, string | undefined>;
	constructor(vars: ReadonlyMap<string, string | undefined>) {
		this.vars = vars;
	}

	has(name: string): boolean {
		return this.vars.has(name);
	}

	expand(text: string): {value: string; unresolved: string[]} {
		return expandVars(text, this.vars);
	}
}

export function expandVars(text: string, vars: ReadonlyMap<string, string | undefined>): {value: string; unresolved: string[]} {
	const unresolved: string[] = [];
	const value = text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced?: string, op?: string, word?: string, bare?: string) => {
		if (match === '\\$') return '$';
		const name = (braced ?? bare)!;
		const v = vars.get(name);
		const set = v !== undefined;
		const nonEmpty = set && v !== '';
		switch (op) {
			case ':-':
				return nonEmpty ? v! : expandVars(word ?? '', vars).value;
			case '-':
				return set ? v! : expandVars(word ?? '', vars).value;
			case ':+':
				return nonEmpty ? expandVars(word ?? '', vars).value : '';
			case '+':
				return set ? expandVars(word ?? '', vars).value : '';
			default:
				if (!set) unresolved.push(name);
				return v ?? '';
		}
	});
	return {value, unresolved};
}

function parseFlags(text: string, at: PositionOf): {flags: Flag[]; rest: number} {
	const flags: Flag[] = [];
	let i = 0;
	for (;;) {
		while (i < text.length && /\s/.test(text[i]!)) i++;
		if (!text.startsWith('--', i)) break;
		const start = i;
		let quote: string | undefined;
		while (i < text.length && (quote || !/\s/.test(text[i]!))) {
			if (quote && text[i] === quote) quote = undefined;
			else if (!quote && (text[i] === '"' || text[i] === "'")) quote = text[i];
			i++;
		}
		const token = text.slice(start + 2, i);
		const eq = token.indexOf('=');
		const [line, column] = at(start);
		flags.push({name: (eq < 0 ? token : token.slice(0, eq)).toLowerCase(), value: eq < 0 ? null : unquote(token.slice(eq + 1)), line, column});
	}
	return {flags, rest: i};
}

function unquote(s: string): string {
	return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

function parseMount(flag: Flag): Mount {
	const options: Record<string, string> = {};
	for (const part of (flag.value ?? '').split(',')) {
		const eq = part.indexOf('=');
		if (eq < 0) options[part.trim()] = 'true';
		else options[part.slice(0, eq).trim().toLowerCase()] = unquote(part.slice(eq + 1).trim());
	}
	return {type: options.type ?? 'bind', target: options.target ?? options.dst ?? options.destination, options, line: flag.line};
}

function splitWords(text: string, at: PositionOf): Word[] {
	const words: Word[] = [];
	const re = /\S+/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		const [line, column] = at(m.index);
		words.push({value: m[0], line, column});
	}
	return words;
}

function parseJsonArray(text: string): string[] | undefined {
	const t = text.trim();
	if (!t.startsWith('[') || !t.endsWith(']')) return undefined;
	try {
		const v: unknown = JSON.parse(t);
		return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
	} catch {
		return undefined;
	}
}

function shellQuote(s: string): string {
	return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

interface BuildState {
	readonly lines: readonly string[];
	readonly escape: string;
	readonly problems: ParseProblem[];
}

interface Built {
	instruction: MutableInstruction;
}

type MutableInstruction = {-readonly [K in keyof Instruction]: Instruction[K]};

/** Build an Instruction from a logical line starting at the keyword (offset `base`). */
function buildInstruction(
	state: BuildState,
	logical: Logical,
	base: number,
	endLine: number,
	scope: Scope,
	ctx: {stageIndex: number; stageName: string | undefined; shellPipefail: boolean; shellIsPosix: boolean},
): Built {
	const text = logical.text.slice(base);
	const at = positionIn(logical, base);
	const kwMatch = /^\s*(\S+)/.exec(text)!;
	const original = kwMatch[1]!;
	const keyword = original.toUpperCase();
	const kwOffset = kwMatch[0].length - original.length;
	const [line, column] = at(kwOffset);
	let argsStart = kwMatch[0].length;
	let flags: Flag[] = [];
	if (FLAGGED.has(keyword)) {
		const parsed = parseFlags(text.slice(argsStart), (o) => at(argsStart + o));
		flags = parsed.flags;
		argsStart += parsed.rest;
	}
	while (argsStart < text.length && /\s/.test(text[argsStart]!)) argsStart++;
	const argsText = text.slice(argsStart).replace(/\s+$/, '');
	const argsAt: PositionOf = (o) => at(argsStart + o);

	// heredocs: bodies follow the logical line
	const heredocs: Heredoc[] = [];
	if (HEREDOC_CAPABLE.has(keyword)) {
		let cursor = logical.lastLine + 1;
		for (const marker of heredocMarkers(argsText)) {
			const bodyStart = cursor;
			const body: string[] = [];
			let closed = false;
			while (cursor <= endLine) {
				const l = state.lines[cursor - 1] ?? '';
				const cmp = marker.stripTabs ? l.replace(/^\t+/, '') : l;
				if (cmp === marker.name || cmp.trimEnd() === marker.name) {
					closed = true;
					break;
				}
				body.push(marker.stripTabs ? cmp : l);
				cursor++;
			}
			if (!closed) state.problems.push({line: logical.posLine[0] ?? line, message: `heredoc <<${marker.name} is never closed: add a line with just ${marker.name}`, kind: 'syntax'});
			heredocs.push({name: marker.name, body: body.join('\n'), line: bodyStart, endLine: cursor, stripTabs: marker.stripTabs, quoted: marker.quoted});
			cursor++;
		}
	}

	let form: 'json' | 'shell' = 'shell';
	let json: string[] | undefined;
	if (FORMED.has(keyword)) {
		json = parseJsonArray(argsText);
		if (json) form = 'json';
	} else if (keyword === 'HEALTHCHECK') {
		const m = /^CMD\s+/i.exec(argsText);
		if (m) {
			json = parseJsonArray(argsText.slice(m[0].length));
			if (json) form = 'json';
		}
	}

	const mounts = flags.filter((f) => f.name === 'mount').map(parseMount);
	let onbuild: Instruction | undefined;
	if (keyword === 'ONBUILD' && argsText.length > 0) {
		onbuild = buildInstruction(state, logical, base + argsStart, endLine, scope, ctx).instruction;
	}

	let shell: ShellScript | undefined;
	if (keyword === 'RUN' && ctx.shellIsPosix) {
		if (form === 'json' && json) {
			const ci = json.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
			if (json.length > 0 && SHELL_NAMES.has(json[0]!.replace(/^.*\//, '')) && ci > 0 && json[ci + 1] !== undefined) shell = parseShell(json[ci + 1]!, () => [line, column], {pipefail: ctx.shellPipefail});
			else shell = parseShell(json.map(shellQuote).join(' '), () => [line, column], {pipefail: ctx.shellPipefail});
		} else {
			const parsed = parseShell(argsText, argsAt, {pipefail: ctx.shellPipefail});
			const commands = [...parsed.commands];
			let pipefail = parsed.pipefail;
			const problems = [...parsed.problems];
			for (const h of heredocs) {
				if (!parsed.heredocReaders.has(h.name)) continue;
				const reader = parsed.heredocReaders.get(h.name);
				if (reader !== undefined && !SHELL_NAMES.has(reader)) continue;
				// `RUN <<EOF` with `#!/usr/bin/env python3` runs the body with that interpreter, not the shell.
				const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(h.body);
				if (shebang) {
					const prog = (shebang[1]!.endsWith('/env') ? shebang[2] ?? '' : shebang[1]!).replace(/^.*\//, '');
					if (!SHELL_NAMES.has(prog)) continue;
				}
				const body = h.body;
				const lineStarts = [0];
				for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
				const bodyAt: PositionOf = (o) => {
					let l = 0;
					while (l + 1 < lineStarts.length && lineStarts[l + 1]! <= o) l++;
					return [h.line + l, o - lineStarts[l]! + 1];
				};
				const script = parseShell(body, bodyAt, {pipefail: ctx.shellPipefail});
				commands.push(...script.commands);
				pipefail = pipefail || script.pipefail;
				problems.push(...script.problems);
			}
			shell = {commands, pipefail, problems};
		}
	}

	const instruction: MutableInstruction = {
		keyword,
		original,
		line,
		endLine,
		column,
		raw: state.lines.slice(line - 1, endLine).join('\n'),
		args: argsText,
		words: splitWords(argsText, argsAt),
		flags,
		flag: (name: string) => flags.find((f) => f.name === name.toLowerCase()),
		mounts,
		form,
		json,
		heredocs,
		stageIndex: ctx.stageIndex,
		stageName: ctx.stageName,
		onbuild,
		shell,
		scope,
		expanded: keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' ? argsText : scope.expand(argsText).value,
	};
	return {instruction};
}

export function parseImageRef(raw: string, expanded: string, unresolved: readonly string[], stages: readonly Stage[]): ImageRef {
	let rest = expanded.trim();
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
	}
	let registry = 'docker.io';
	const slash = rest.indexOf('/');
	if (slash > 0) {
		const first = rest.slice(0, slash);
		if (first.includes('.') || first.includes(':') || first === 'localhost') {
			registry = first;
			rest = rest.slice(slash + 1);
		}
	}
	let tag: string | undefined;
	const colon = rest.lastIndexOf(':');
	if (colon > rest.lastIndexOf('/')) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
	}
	if (registry === 'docker.io' && rest.startsWith('library/')) rest = rest.slice('library/'.length);
	const lower = expanded.trim().toLowerCase();
	const stage = stages.find((s) => s.name !== undefined && s.name === lower);
	return {raw, expanded: expanded.trim(), unresolved, registry, repository: rest, tag: tag === '' ? undefined : tag, digest, scratch: rest === 'scratch' && registry === 'docker.io', stageIndex: stage?.index};
}

const REQUIRES_ARGS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** Parse a Dockerfile. Never throws for bad input: problems are listed in `problems`. */
export function parseDockerfile(source: string, path = 'Dockerfile'): DockerfileModel {
	const text = source.replace(/^\uFEFF/, '');
	const lines = text.split(/\r?\n|\r/);
	const normalized = lines.join('\n');
	const problems: ParseProblem[] = [];

	// parser directives: only at the very top, before any other comment, blank line or instruction
	const directives: Directive[] = [];
	for (let i = 0; i < lines.length; i++) {
		const m = /^\s*#\s*([a-zA-Z][a-zA-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(lines[i]!);
		if (!m) break;
		const name = m[1]!.toLowerCase();
		if (directives.some((d) => d.name === name)) break;
		directives.push({name, value: m[2]!, line: i + 1});
	}
	const escapeDirective = directives.find((d) => d.name === 'escape');
	if (escapeDirective && escapeDirective.value !== '\\' && escapeDirective.value !== '`') {
		problems.push({line: escapeDirective.line, message: `invalid escape directive "${escapeDirective.value}": use \\ or \``, kind: 'syntax'});
	}
	const escape: '\\' | '`' = escapeDirective?.value === '`' ? '`' : '\\';

	const df = DockerfileParser.parse(normalized);
	const astInstructions = df.getInstructions();
	const state: BuildState = {lines, escape, problems};

	const instructions: Instruction[] = [];
	const globals: Instruction[] = [];
	const stages: Stage[] = [];
	type MutableStage = {-readonly [K in keyof Stage]: Stage[K]} & {instructions: Instruction[]};
	let current: MutableStage | undefined;
	const globalVars = new Map<string, string | undefined>();
	for (const a of AUTOMATIC_ARGS) globalVars.set(a, undefined);
	let vars = new Map(globalVars);
	const stageEnv = new Map<number, Map<string, string | undefined>>();
	let shellPipefail = false;
	let shellIsPosix = true;
	const covered = new Set<number>();

	for (const ast of astInstructions) {
		const range = ast.getRange();
		const startLine = range.start.line + 1;
		const endLine = range.end.line + 1;
		const kwRange = ast.getInstructionRange();
		for (let l = startLine; l <= endLine; l++) covered.add(l);
		const logical = buildLogical(lines, startLine, kwRange.start.character + 1, endLine, escape);
		const kw = ast.getKeyword().toUpperCase();
		const scope = new Scope(new Map(vars));
		let built: Instruction;
		try {
			built = buildInstruction(state, logical, 0, endLine, scope, {stageIndex: current?.index ?? -1, stageName: current?.name, shellPipefail, shellIsPosix}).instruction;
		} catch (error) {
			problems.push({line: startLine, message: `cannot parse ${kw}: ${(error as Error).message}`, kind: 'syntax'});
			continue;
		}
		if (!KEYWORDS.has(built.keyword)) {
			problems.push({line: built.line, column: built.column, message: `unknown instruction: ${built.original}`, kind: 'syntax'});
			continue;
		}
		if (REQUIRES_ARGS.has(built.keyword) && built.args.trim() === '') {
			problems.push({line: built.line, column: built.column, message: `${built.keyword} requires at least one argument`, kind: 'structure'});
		}
		if (built.keyword === 'ONBUILD' && built.onbuild && ['ONBUILD', 'FROM', 'MAINTAINER'].includes(built.onbuild.keyword)) {
			problems.push({line: built.line, message: `ONBUILD ${built.onbuild.keyword} is not allowed`, kind: 'structure'});
		}
		instructions.push(built);

		if (built.keyword === 'FROM') {
			if (current) stages.push({...current, endLine: startLine - 1});
			const fromScope = new Scope(new Map(globalVars));
			const words = built.words.map((w) => w.value);
			const rawImage = words[0] ?? '';
			const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
			const nameOriginal = asIndex > 0 ? words[asIndex + 1] : undefined;
			const {value, unresolved} = fromScope.expand(rawImage);
			const base = parseImageRef(rawImage, value, unresolved, stages);
			const index = stages.length;
			const platformFlag = built.flag('platform');
			current = {
				index,
				name: nameOriginal?.toLowerCase(),
				nameOriginal,
				from: {...built, scope: fromScope, expanded: fromScope.expand(built.args).value, stageIndex: index, stageName: nameOriginal?.toLowerCase()},
				base,
				platform: platformFlag?.value ?? undefined,
				instructions: [],
				line: startLine,
				endLine,
				final: false,
			};
			instructions[instructions.length - 1] = current.from;
			// a stage built FROM another stage inherits its ENV (and SHELL)
			vars = new Map(base.stageIndex !== undefined ? stageEnv.get(base.stageIndex) ?? [] : []);
			for (const a of AUTOMATIC_ARGS) if (!vars.has(a) && /PROXY/i.test(a)) vars.set(a, undefined);
			if (base.stageIndex === undefined) {
				shellPipefail = false;
				shellIsPosix = true;
			}
			stageEnv.set(index, new Map());
			continue;
		}

		// variable bookkeeping
		if (built.keyword === 'ARG') {
			for (const w of built.words) {
				const eq = w.value.indexOf('=');
				const name = eq < 0 ? w.value : w.value.slice(0, eq);
				if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
				const dflt = eq < 0 ? undefined : scope.expand(unquote(w.value.slice(eq + 1))).value;
				if (!current) {
					globalVars.set(name, dflt);
					vars.set(name, dflt);
				} else vars.set(name, dflt ?? globalVars.get(name));
			}
		} else if (built.keyword === 'ENV') {
			const pairs = envPairs(built.args);
			for (const [k, v] of pairs) {
				const value = expandVars(v, vars).value;
				vars.set(k, value);
				if (current) stageEnv.get(current.index)?.set(k, value);
			}
		} else if (built.keyword === 'SHELL' && built.json) {
			const prog = (built.json[0] ?? '').replace(/^.*\//, '');
			shellIsPosix = SHELL_NAMES.has(prog);
			shellPipefail = built.json.some((a, i) => a === 'pipefail' && /^-[a-z]*o$/.test(built.json![i - 1] ?? ''));
		}
		if (current) current.instructions.push(built);
		else {
			globals.push(built);
			if (built.keyword !== 'ARG') problems.push({line: built.line, column: built.column, message: `${built.keyword} before the first FROM: only ARG may come before FROM`, kind: 'structure'});
		}
	}
	if (current) {
		let last = lines.length;
		while (last > current.line && (lines[last - 1] ?? '').trim() === '') last--;
		stages.push({...current, endLine: last});
	}
	if (stages.length > 0) {
		const last = stages[stages.length - 1]!;
		stages[stages.length - 1] = {...last, final: true};
	}
	if (instructions.length === 0) problems.push({line: 1, message: 'the file has no instructions', kind: 'structure'});
	else if (stages.length === 0) problems.push({line: instructions[0]!.line, message: 'no FROM instruction: a Dockerfile must start a stage with FROM', kind: 'structure'});

	// comments (directive lines excluded; heredoc bodies excluded)
	const heredocLines = new Set<number>();
	for (const i of instructions) for (const h of i.heredocs) for (let l = h.line; l <= h.endLine; l++) heredocLines.add(l);
	const comments: Comment[] = [];
	const directiveLines = new Set(directives.map((d) => d.line));
	for (let i = 0; i < lines.length; i++) {
		const n = i + 1;
		if (directiveLines.has(n) || heredocLines.has(n)) continue;
		const m = /^\s*#(.*)$/.exec(lines[i]!);
		if (m) comments.push({line: n, text: m[1]!.trim(), inContinuation: covered.has(n)});
	}

	const stageByIndex = (i: number): Stage | undefined => stages[i];
	return {
		path,
		source: normalized,
		lines,
		escape,
		directives,
		comments,
		instructions,
		globals,
		stages,
		problems,
		byKeyword: (keyword: string) => {
			const k = keyword.toUpperCase();
			return instructions.filter((i) => i.keyword === k);
		},
		stageOf: (instruction: Instruction) => (instruction.stageIndex >= 0 ? stageByIndex(instruction.stageIndex) : undefined),
		findStage: (nameOrIndex: string) => {
			const key = nameOrIndex.toLowerCase();
			return stages.find((s) => s.name === key) ?? (/^\d+$/.test(key) ? stages[Number(key)] : undefined);
		},
	};
}

/** ENV key=value pairs (both forms: `ENV a=1 b="x y"` and legacy `ENV a 1 2`). */
export function envPairs(args: string): Array<[string, string]> {
	const t = args.trim();
	const first = /^([^\s=]+)(=|\s+|$)/.exec(t);
	if (!first) return [];
	if (first[2] !== '=') return [[first[1]!, unquote(t.slice(first[0].length).trim())]];
	return keyValuePairs(t);
}

/** `a=1 b="x y" c='z'` → pairs (LABEL and ENV). */
export function keyValuePairs(text: string): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	let i = 0;
	while (i < text.length) {
		while (i < text.length && /\s/.test(text[i]!)) i++;
		if (i >= text.length) break;
		let key = '';
		let quote: string | undefined;
		while (i < text.length && text[i] !== '=' && !/\s/.test(text[i]!)) {
			if (text[i] === '"' || text[i] === "'") {
				quote = text[i];
				i++;
				while (i < text.length && text[i] !== quote) key += text[i++];
				i++;
				quote = undefined;
				continue;
			}
			key += text[i++];
		}
		if (text[i] !== '=') {
			pairs.push([key, '']);
			continue;
		}
		i++;
		let value = '';
		while (i < text.length && !/\s/.test(text[i]!)) {
			const c = text[i]!;
			if (c === '"' || c === "'") {
				i++;
				while (i < text.length && text[i] !== c) {
					if (c === '"' && text[i] === '\\' && i + 1 < text.length) {
						value += text[i + 1];
						i += 2;
						continue;
					}
					value += text[i++];
				}
				i++;
				continue;
			}
			if (c === '\\' && i + 1 < text.length) {
				value += text[i + 1];
				i += 2;
				continue;
			}
			value += c;
			i++;
		}
		pairs.push([key, value]);
	}
	return pairs;
}
