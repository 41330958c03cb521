/**
 * Dockerfile → DockerfileModel. The lexer (lexer.ts) finds the directives, comments and
 * instructions with their extents in one pass; here each instruction gets its flags, words,
 * JSON/shell form, heredocs, ONBUILD trigger, stage-scoped ARG/ENV substitution and RUN split
 * into shell commands. Everything is linear in the input: variable scopes are persistent (an
 * instruction keeps a cursor into its stage's binding history, not a copy of the variables).
 */
import {lexDockerfile, positionAt, type LexedHeredoc, type LexedInstruction} from './lexer.js';
import {PROXY_ARGS} from './rule-helpers.js';
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
	'ADD',
	'ARG',
	'CMD',
	'COPY',
	'ENTRYPOINT',
	'ENV',
	'EXPOSE',
	'FROM',
	'HEALTHCHECK',
	'LABEL',
	'MAINTAINER',
	'ONBUILD',
	'RUN',
	'SHELL',
	'STOPSIGNAL',
	'USER',
	'VOLUME',
	'WORKDIR',
]);
/** Instructions with `--flag` options. */
const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const FORMED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
const HEREDOC_CAPABLE = new Set(['RUN', 'COPY', 'ADD']);
/** BuildKit's automatic platform ARGs and the predefined proxy ARGs: declared, value unknown. */
const AUTOMATIC_ARGS = [
	'TARGETPLATFORM',
	'TARGETOS',
	'TARGETARCH',
	'TARGETVARIANT',
	'BUILDPLATFORM',
	'BUILDOS',
	'BUILDARCH',
	'BUILDVARIANT',
	...PROXY_ARGS,
	'BUILDKIT_INLINE_CACHE',
	'BUILDKIT_SYNTAX',
	'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
	'SOURCE_DATE_EPOCH',
];
const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const PIPEFAIL_SHELLS = new Set(['bash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);

/** Anything variables can be looked up in: a Map or a scope. */
export interface VariableLookup {
	get(name: string): string | undefined;
}

interface Binding {
	readonly seq: number;
	readonly value: string | undefined;
}

/**
 * The variable bindings of one stage (or of the global ARGs before the first FROM) as a history:
 * each name keeps its bindings in order, so a scope is a table plus a sequence number and a
 * lookup is a binary search. No instruction copies the variable map.
 */
class BindingTable {
	private readonly all = new Map<string, Binding[]>();
	/** ENV bindings only: what a stage built FROM this one inherits. */
	private readonly env = new Map<string, Binding[]>();
	seq = 0;
	constructor(
		/** Names declared before the first binding (automatic ARGs), value unknown. */
		private readonly seed: ReadonlyMap<string, string | undefined>,
		/** The stage this one is built FROM: its ENV as it was at the end of that stage. */
		private readonly parent: {table: BindingTable; seq: number} | undefined,
	) {}

	set(name: string, value: string | undefined, isEnv: boolean): void {
		this.seq++;
		const b = {seq: this.seq, value};
		push(this.all, name, b);
		if (isEnv) push(this.env, name, b);
	}

	lookup(name: string, seq: number, envOnly: boolean): Binding | undefined {
		const found = latest((envOnly ? this.env : this.all).get(name), seq);
		if (found) return found;
		const inherited = this.parent?.table.lookup(name, this.parent.seq, true);
		if (inherited) return inherited;
		return !envOnly && this.seed.has(name) ? {seq: 0, value: this.seed.get(name)} : undefined;
	}

	names(seq: number, envOnly: boolean, into: Map<string, string | undefined>): void {
		if (!envOnly) for (const [k, v] of this.seed) into.set(k, v);
		this.parent?.table.names(this.parent.seq, true, into);
		for (const [k, arr] of envOnly ? this.env : this.all) {
			const b = latest(arr, seq);
			if (b) into.set(k, b.value);
		}
	}
}

function push(map: Map<string, Binding[]>, name: string, b: Binding): void {
	const arr = map.get(name);
	if (arr) arr.push(b);
	else map.set(name, [b]);
}

/** The last binding with seq <= `seq` (bindings are in seq order). */
function latest(arr: readonly Binding[] | undefined, seq: number): Binding | undefined {
	if (!arr || arr.length === 0 || arr[0]!.seq > seq) return undefined;
	let lo = 0;
	let hi = arr.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (arr[mid]!.seq <= seq) lo = mid;
		else hi = mid - 1;
	}
	return arr[lo];
}

class Scope implements VariableScope {
	private materialized: Map<string, string | undefined> | undefined;
	constructor(
		private readonly table: BindingTable,
		private readonly seq: number,
	) {}

	/** Every name in scope (built on first use; rules rarely need it). */
	get vars(): ReadonlyMap<string, string | undefined> {
		if (!this.materialized) {
			this.materialized = new Map();
			this.table.names(this.seq, false, this.materialized);
		}
		return this.materialized;
	}

	has(name: string): boolean {
		return this.table.lookup(name, this.seq, false) !== undefined;
	}

	get(name: string): string | undefined {
		return this.table.lookup(name, this.seq, false)?.value;
	}

	expand(text: string): {value: string; unresolved: string[]} {
		return expandVars(text, this);
	}
}

export function expandVars(text: string, vars: VariableLookup): {value: string; unresolved: string[]} {
	const unresolved: string[] = [];
	const value = text.replace(
		/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
		(match, braced?: string, op?: string, word?: string, bare?: string) => {
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
		},
	);
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
	readonly problems: ParseProblem[];
}

type MutableInstruction = {-readonly [K in keyof Instruction]: Instruction[K]};

function heredocOf(state: BuildState, h: LexedHeredoc, instructionLine: number): Heredoc {
	const last = h.closed ? h.endLine - 1 : h.endLine;
	const body: string[] = [];
	for (let l = h.line; l <= last; l++) {
		const text = state.lines[l - 1] ?? '';
		body.push(h.stripTabs ? text.replace(/^\t+/, '') : text);
	}
	if (!h.closed) state.problems.push({line: instructionLine, message: `heredoc <<${h.name} is never closed: add a line with just ${h.name}`, kind: 'syntax'});
	return {name: h.name, body: body.join('\n'), line: h.line, endLine: h.endLine, stripTabs: h.stripTabs, quoted: h.quoted};
}

/** Build an Instruction from a lexed logical line starting at the keyword (offset `base`). */
function buildInstruction(
	state: BuildState,
	lexed: LexedInstruction,
	base: number,
	scope: Scope,
	ctx: {stageIndex: number; stageName: string | undefined; shellPipefail: boolean; shellIsPosix: boolean},
): MutableInstruction {
	const text = base === 0 ? lexed.text : lexed.text.slice(base);
	const at: PositionOf = (o) => positionAt(lexed, base + o);
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
	const endLine = lexed.endLine;

	// heredocs: the lexer found their bodies after the logical line
	const heredocs: Heredoc[] = HEREDOC_CAPABLE.has(keyword) ? lexed.heredocs.map((h) => heredocOf(state, h, line)) : [];

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
		onbuild = buildInstruction(state, lexed, base + argsStart, scope, ctx);
	}

	let shell: ShellScript | undefined;
	if (keyword === 'RUN' && ctx.shellIsPosix) {
		if (form === 'json' && json) {
			const ci = json.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
			if (json.length > 0 && SHELL_NAMES.has(json[0]!.replace(/^.*\//, '')) && ci > 0 && json[ci + 1] !== undefined)
				shell = parseShell(json[ci + 1]!, () => [line, column], {pipefail: ctx.shellPipefail});
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
					const prog = (shebang[1]!.endsWith('/env') ? (shebang[2] ?? '') : shebang[1]!).replace(/^.*\//, '');
					if (!SHELL_NAMES.has(prog)) continue;
				}
				const body = h.body;
				const lineStarts = [0];
				for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) lineStarts.push(i + 1);
				const bodyAt: PositionOf = (o) => {
					// binary search: the last line that starts at or before o
					let lo = 0;
					let hi = lineStarts.length - 1;
					while (lo < hi) {
						const mid = (lo + hi + 1) >> 1;
						if (lineStarts[mid]! <= o) lo = mid;
						else hi = mid - 1;
					}
					return [h.line + lo, o - lineStarts[lo]! + 1];
				};
				const script = parseShell(body, bodyAt, {pipefail: ctx.shellPipefail});
				for (const c of script.commands) commands.push(c);
				pipefail = pipefail || script.pipefail;
				for (const p of script.problems) problems.push(p);
			}
			shell = {commands, pipefail, problems};
		}
	}

	return {
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
}

export function parseImageRef(raw: string, expanded: string, unresolved: readonly string[], stages: readonly Stage[] | ReadonlyMap<string, Stage>): ImageRef {
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
	const stage = stages instanceof Map ? stages.get(lower) : (stages as readonly Stage[]).find((s) => s.name !== undefined && s.name === lower);
	return {
		raw,
		expanded: expanded.trim(),
		unresolved,
		registry,
		repository: rest,
		tag: tag === '' ? undefined : tag,
		digest,
		scratch: rest === 'scratch' && registry === 'docker.io',
		stageIndex: stage?.index,
	};
}

/** Every instruction needs arguments. */
const REQUIRES_ARGS = KEYWORDS;

/** Parse a Dockerfile. Never throws for bad input: problems are listed in `problems`. */
export function parseDockerfile(source: string, path = 'Dockerfile'): DockerfileModel {
	const lexed = lexDockerfile(source);
	const lines = lexed.lines;
	const normalized = lines.join('\n');
	const problems: ParseProblem[] = [];
	const directives: Directive[] = lexed.directives.map((d) => ({...d}));
	if (lexed.badEscape)
		problems.push({line: lexed.badEscape.line, message: `invalid escape directive "${lexed.badEscape.value}": use \\ or \``, kind: 'syntax'});
	const escape = lexed.escape;
	const state: BuildState = {lines, problems};

	const instructions: Instruction[] = [];
	const globals: Instruction[] = [];
	const stages: Stage[] = [];
	const stagesByName = new Map<string, Stage>();
	type MutableStage = {-readonly [K in keyof Stage]: Stage[K]} & {instructions: Instruction[]};
	let current: MutableStage | undefined;
	const automatic = new Map<string, string | undefined>();
	for (const a of AUTOMATIC_ARGS) automatic.set(a, undefined);
	const proxies = new Map<string, string | undefined>();
	for (const a of AUTOMATIC_ARGS) if (/PROXY/i.test(a)) proxies.set(a, undefined);
	// global ARGs (before the first FROM): the only variables FROM lines see
	const globalTable = new BindingTable(automatic, undefined);
	let table = globalTable;
	let fromScope: Scope | undefined;
	const stageTables: BindingTable[] = [];
	let shellPipefail = false;
	let shellIsPosix = true;
	let byKeywordCache: Map<string, Instruction[]> | undefined;

	const finish = (stage: MutableStage, endLine: number): void => {
		const done = {...stage, endLine};
		stages.push(done);
		if (done.name !== undefined && !stagesByName.has(done.name)) stagesByName.set(done.name, done);
	};

	for (const lex of lexed.instructions) {
		const startLine = lex.line;
		const kw = lex.keyword.toUpperCase();
		const scope = new Scope(table, table.seq);
		let built: MutableInstruction;
		try {
			built = buildInstruction(state, lex, 0, scope, {stageIndex: current?.index ?? -1, stageName: current?.name, shellPipefail, shellIsPosix});
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
			if (current) finish(current, startLine - 1);
			fromScope ??= new Scope(globalTable, globalTable.seq);
			const words = built.words.map((w) => w.value);
			const rawImage = words[0] ?? '';
			const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
			const nameOriginal = asIndex > 0 ? words[asIndex + 1] : undefined;
			const {value, unresolved} = fromScope.expand(rawImage);
			const base = parseImageRef(rawImage, value, unresolved, stagesByName);
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
				endLine: built.endLine,
				final: false,
			};
			instructions[instructions.length - 1] = current.from;
			// a stage built FROM another stage inherits its ENV (and SHELL)
			const parent = base.stageIndex !== undefined ? stageTables[base.stageIndex] : undefined;
			table = new BindingTable(proxies, parent ? {table: parent, seq: parent.seq} : undefined);
			stageTables[index] = table;
			if (base.stageIndex === undefined) {
				shellPipefail = false;
				shellIsPosix = true;
			}
			continue;
		}

		// variable bookkeeping
		if (built.keyword === 'ARG') {
			for (const w of built.words) {
				const eq = w.value.indexOf('=');
				const name = eq < 0 ? w.value : w.value.slice(0, eq);
				if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
				const dflt = eq < 0 ? undefined : scope.expand(unquote(w.value.slice(eq + 1))).value;
				if (!current) table.set(name, dflt, false);
				else table.set(name, dflt ?? globalTable.lookup(name, globalTable.seq, false)?.value, false);
			}
		} else if (built.keyword === 'ENV') {
			// every pair is expanded with the variables as they were before this ENV (as BuildKit does:
			// `ENV abc=bye def=$abc` gives def the previous abc)
			for (const [k, v] of envPairs(built.args)) table.set(k, scope.expand(v).value, current !== undefined);
		} else if (built.keyword === 'SHELL' && built.json) {
			const prog = (built.json[0] ?? '').replace(/^.*\//, '');
			shellIsPosix = SHELL_NAMES.has(prog);
			// dash (Debian's and Ubuntu's /bin/sh) rejects -o pipefail: only shells that have it count
			shellPipefail = PIPEFAIL_SHELLS.has(prog) && built.json.some((a, i) => a === 'pipefail' && /^-[a-z]*o$/.test(built.json![i - 1] ?? ''));
		}
		if (current) current.instructions.push(built);
		else {
			globals.push(built);
			if (built.keyword !== 'ARG')
				problems.push({
					line: built.line,
					column: built.column,
					message: `${built.keyword} before the first FROM: only ARG may come before FROM`,
					kind: 'structure',
				});
		}
	}
	if (current) {
		let last = lines.length;
		while (last > current.line && (lines[last - 1] ?? '').trim() === '') last--;
		finish(current, last);
	}
	if (stages.length > 0) {
		const last = stages[stages.length - 1]!;
		stages[stages.length - 1] = {...last, final: true};
	}
	if (instructions.length === 0) problems.push({line: 1, message: 'the file has no instructions', kind: 'structure'});
	else if (stages.length === 0)
		problems.push({line: instructions[0]!.line, message: 'no FROM instruction: a Dockerfile must start a stage with FROM', kind: 'structure'});

	const comments: Comment[] = lexed.comments.map((c) => ({...c}));
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
			if (!byKeywordCache) {
				byKeywordCache = new Map();
				for (const i of instructions) {
					const list = byKeywordCache.get(i.keyword);
					if (list) list.push(i);
					else byKeywordCache.set(i.keyword, [i]);
				}
			}
			// a fresh array each time: callers may sort or filter it
			return [...(byKeywordCache.get(keyword.toUpperCase()) ?? [])];
		},
		stageOf: (instruction: Instruction) => (instruction.stageIndex >= 0 ? stageByIndex(instruction.stageIndex) : undefined),
		findStage: (nameOrIndex: string) => {
			const key = nameOrIndex.toLowerCase();
			return stagesByName.get(key) ?? (/^\d+$/.test(key) ? stages[Number(key)] : undefined);
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
