/**
 * Split shell text (a RUN line, a heredoc script, an `sh -c` body) into simple commands
 * with argv-like words, the operators between them and exact source positions.
 * Not a full POSIX parser: enough structure (quotes, escapes, $(...), ${...}, backticks,
 * `\` continuations, comments, redirections, pipes, && || ; &, subshells, if/then/do keywords)
 * for rules to see the real commands and their flags.
 */
import type {ShellCommand, ShellScript, ShellWord} from './types.js';

/** Maps an offset in the text to a 1-based [line, column] in the Dockerfile. */
export type PositionOf = (offset: number) => readonly [number, number];

interface WordToken {
	readonly kind: 'word';
	readonly value: string;
	readonly raw: string;
	readonly start: number;
	readonly dynamic: boolean;
	/** Unquoted, no escapes: eligible as an assignment / keyword. */
	readonly plain: boolean;
}
interface OpToken {
	readonly kind: 'op';
	readonly op: string;
	readonly start: number;
}
interface RedirectToken {
	readonly kind: 'redirect';
	readonly op: string;
	readonly start: number;
}
type Token = WordToken | OpToken | RedirectToken;

const OPERATORS = ['&&', '||', ';;', '|&', ';', '|', '&', '(', ')'];
const REDIRECTS = ['<<<', '<<-', '<<', '&>>', '&>', '>>', '>|', '>&', '<&', '<>', '>', '<'];

function lineStartsAt(text: string, i: number): boolean {
	return i === 0 || /[\s;&|()]/.test(text[i - 1] ?? '');
}

export function tokenize(text: string, problems: string[]): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const n = text.length;
	while (i < n) {
		const ch = text[i]!;
		if (ch === '\\' && text[i + 1] === '\n') {
			i += 2;
			continue;
		}
		if (ch === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
			i += 3;
			continue;
		}
		if (ch === ' ' || ch === '\t' || ch === '\r') {
			i++;
			continue;
		}
		if (ch === '\n') {
			tokens.push({kind: 'op', op: '\n', start: i});
			i++;
			continue;
		}
		if (ch === '#' && lineStartsAt(text, i)) {
			while (i < n && text[i] !== '\n') i++;
			continue;
		}
		// fd-prefixed redirection: 2>&1, 1>/dev/null
		const fd = /^\d+(?=[<>])/.exec(text.slice(i, i + 4));
		if (fd) {
			const after = i + fd[0].length;
			const op = REDIRECTS.find((r) => text.startsWith(r, after));
			if (op) {
				tokens.push({kind: 'redirect', op, start: i});
				i = after + op.length;
				continue;
			}
		}
		const redirect = REDIRECTS.find((r) => text.startsWith(r, i));
		if (redirect) {
			tokens.push({kind: 'redirect', op: redirect, start: i});
			i += redirect.length;
			continue;
		}
		const op = OPERATORS.find((o) => text.startsWith(o, i));
		if (op) {
			tokens.push({kind: 'op', op, start: i});
			i += op.length;
			continue;
		}
		// A word.
		const start = i;
		let value = '';
		let dynamic = false;
		let plain = true;
		while (i < n) {
			const c = text[i]!;
			if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
			if (c === '\\') {
				if (text[i + 1] === '\n') {
					i += 2;
					continue;
				}
				plain = false;
				value += text[i + 1] ?? '';
				i += 2;
				continue;
			}
			if (c === "'") {
				plain = false;
				const end = text.indexOf("'", i + 1);
				if (end < 0) {
					problems.push('unterminated single quote');
					value += text.slice(i + 1);
					i = n;
					break;
				}
				value += text.slice(i + 1, end);
				i = end + 1;
				continue;
			}
			if (c === '"') {
				plain = false;
				i++;
				let closed = false;
				while (i < n) {
					const d = text[i]!;
					if (d === '\\' && i + 1 < n) {
						const e = text[i + 1]!;
						if (e === '\n') {
							i += 2;
							continue;
						}
						value += '"\\$`'.includes(e) ? e : d + e;
						i += 2;
						continue;
					}
					if (d === '"') {
						closed = true;
						i++;
						break;
					}
					if (d === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
						dynamic = true;
						const end = matchClose(text, i + 1);
						value += text.slice(i, end);
						i = end;
						continue;
					}
					if (d === '$' && /[A-Za-z_0-9@*#?!$-]/.test(text[i + 1] ?? '')) dynamic = true;
					if (d === '`') dynamic = true;
					value += d;
					i++;
				}
				if (!closed) problems.push('unterminated double quote');
				continue;
			}
			if (c === '$' && text[i + 1] === "'") {
				plain = false;
				const end = text.indexOf("'", i + 2);
				value += text
					.slice(i + 2, end < 0 ? n : end)
					.replace(/\\n/g, '\n')
					.replace(/\\t/g, '\t');
				i = end < 0 ? n : end + 1;
				continue;
			}
			if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
				dynamic = true;
				const end = matchClose(text, i + 1);
				value += text.slice(i, end);
				i = end;
				continue;
			}
			if (c === '$' && /[A-Za-z_0-9@*#?!$-]/.test(text[i + 1] ?? '')) dynamic = true;
			if (c === '`') {
				dynamic = true;
				const end = text.indexOf('`', i + 1);
				value += text.slice(i, end < 0 ? n : end + 1);
				i = end < 0 ? n : end + 1;
				continue;
			}
			// Operators end a word (but `a=b&&c`: & ends it too).
			if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '<' || c === '>') {
				if (c === '(' && value.length > 0 && /[=@+!?*]$/.test(value)) {
					// array assignment / extglob: keep to the matching paren
					const end = matchClose(text, i);
					value += text.slice(i, end);
					i = end;
					continue;
				}
				break;
			}
			value += c;
			i++;
		}
		tokens.push({kind: 'word', value, raw: text.slice(start, i), start, dynamic, plain});
	}
	return tokens;
}

/** text[open] is '(' or '{'; returns the index after its match (quote-aware, nested). */
function matchClose(text: string, open: number): number {
	const openCh = text[open];
	const closeCh = openCh === '(' ? ')' : '}';
	let depth = 0;
	let i = open;
	while (i < text.length) {
		const c = text[i]!;
		if (c === '\\') {
			i += 2;
			continue;
		}
		if (c === "'" && openCh === '(') {
			const end = text.indexOf("'", i + 1);
			i = end < 0 ? text.length : end + 1;
			continue;
		}
		if (c === '"') {
			i++;
			while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
			i++;
			continue;
		}
		if (c === openCh) depth++;
		else if (c === closeCh) {
			depth--;
			if (depth === 0) return i + 1;
		}
		i++;
	}
	return text.length;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', 'case', 'esac', '!', '{', '}', 'function']);
const WRAPPERS: Record<string, readonly string[]> = {
	// wrapper → its options that take a value
	sudo: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U'],
	env: ['-u', '-C', '-S'],
	nice: ['-n'],
	ionice: ['-c', '-n'],
	time: ['-f', '-o'],
	exec: ['-a'],
	command: [],
	nohup: [],
	xargs: ['-n', '-I', '-P', '-L', '-d', '-a', '-s', '-E', '-i'],
	timeout: ['-s', '-k'],
	su_exec: [],
	gosu: [],
	'su-exec': [],
	retry: ['-t', '-d'],
	stdbuf: ['-i', '-o', '-e'],
	chroot: [],
	unbuffer: [],
	eatmydata: [],
};
/** Wrappers whose first operand is not the program (gosu USER cmd, timeout 5 cmd). */
const WRAPPER_OPERANDS: Record<string, number> = {gosu: 1, 'su-exec': 1, su_exec: 1, timeout: 1, chroot: 1};

/** Options that take a separate value, per program: so `-o X install` finds the subcommand. */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
	'apt-get': ['-o', '-t', '-c', '--option', '--target-release', '--config-file', '--default-release'],
	apt: ['-o', '-t', '-c', '--option', '--target-release'],
	aptitude: ['-o', '-t'],
	apk: ['-X', '--repository', '-t', '--virtual', '--root', '-p', '--repositories-file', '--arch', '--keys-dir', '--cache-dir'],
	pip: [
		'-r',
		'--requirement',
		'-c',
		'--constraint',
		'-i',
		'--index-url',
		'--extra-index-url',
		'-t',
		'--target',
		'--prefix',
		'--root',
		'-f',
		'--find-links',
		'--trusted-host',
		'--cache-dir',
		'--platform',
		'--python-version',
		'--only-binary',
		'--no-binary',
		'--progress-bar',
		'--src',
		'--upgrade-strategy',
		'--implementation',
		'--abi',
		'--log',
		'--timeout',
		'--retries',
		'--proxy',
		'--cert',
		'--client-cert',
		'-e',
		'--editable',
	],
	npm: ['--prefix', '-w', '--workspace', '--registry', '--omit', '--include', '--loglevel', '--cache', '--userconfig', '--tag', '--only'],
	yarn: ['--cwd', '--registry', '--network-timeout', '--cache-folder', '--modules-folder', '--mutex'],
	pnpm: ['--filter', '-F', '--dir', '-C', '--store-dir', '--registry'],
	yum: ['-c', '--installroot', '--releasever', '--setopt', '-x', '--exclude', '--enablerepo', '--disablerepo', '-d', '-e'],
	dnf: ['-c', '--installroot', '--releasever', '--setopt', '-x', '--exclude', '--enablerepo', '--disablerepo', '--repo', '--repofrompath', '-d', '-e'],
	microdnf: ['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '--config'],
	zypper: ['-r', '--repo', '-t', '--type', '-n', '--root', '--releasever', '--from'],
	gem: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy'],
	go: ['-o', '-ldflags', '-gcflags', '-tags', '-mod', '-modfile', '-p', '-C', '-pkgdir', '-buildmode', '-asmflags', '-overlay', '-exec', '-toolexec'],
	curl: [
		'-o',
		'--output',
		'-H',
		'--header',
		'-d',
		'--data',
		'-u',
		'--user',
		'-X',
		'--request',
		'-A',
		'--user-agent',
		'-e',
		'--referer',
		'-m',
		'--max-time',
		'--retry',
		'-w',
		'--write-out',
		'-x',
		'--proxy',
		'-T',
		'--upload-file',
		'-b',
		'--cookie',
		'-c',
		'--cookie-jar',
		'--connect-timeout',
		'-r',
		'--range',
		'--retry-delay',
		'--retry-max-time',
		'-C',
		'--continue-at',
		'-F',
		'--form',
		'--cacert',
		'--cert',
		'--key',
		'-K',
		'--config',
		'--output-dir',
		'--tlsv1.2',
		'--proto',
	],
	wget: [
		'-O',
		'--output-document',
		'-o',
		'--output-file',
		'-P',
		'--directory-prefix',
		'-t',
		'--tries',
		'-T',
		'--timeout',
		'--header',
		'-U',
		'--user-agent',
		'--user',
		'--password',
		'-e',
		'--execute',
		'--progress',
		'-a',
		'--append-output',
		'-i',
		'--input-file',
	],
	useradd: [
		'-u',
		'--uid',
		'-g',
		'--gid',
		'-G',
		'--groups',
		'-d',
		'--home-dir',
		'-s',
		'--shell',
		'-c',
		'--comment',
		'-k',
		'--skel',
		'-K',
		'--key',
		'-e',
		'--expiredate',
		'-f',
		'--inactive',
		'-p',
		'--password',
		'-R',
		'--root',
		'-b',
		'--base-dir',
		'-Z',
	],
	adduser: ['-u', '--uid', '-g', '--gecos', '-G', '--ingroup', '-h', '--home', '-s', '--shell', '-k', '--gid', '--firstuid', '--lastuid', '--conf'],
	groupadd: ['-g', '--gid', '-K', '-p', '-R'],
	addgroup: ['-g', '--gid'],
	chown: ['--from', '--reference'],
	chmod: ['--reference'],
	tar: ['-f', '--file', '-C', '--directory', '-T', '--files-from', '-X', '--exclude-from', '--strip-components', '--transform', '--owner', '--group', '--mode'],
	git: ['-C', '-c', '--git-dir', '--work-tree', '-b', '--branch', '--depth', '-o', '--origin'],
	docker: ['-H', '--host', '--config', '-c', '--context', '-l', '--log-level'],
	cargo: [
		'--root',
		'--version',
		'--git',
		'--branch',
		'--tag',
		'--rev',
		'--path',
		'-j',
		'--jobs',
		'--target',
		'--features',
		'-F',
		'--profile',
		'--bin',
		'--example',
		'--index',
		'--registry',
		'--manifest-path',
		'-p',
		'--package',
	],
	composer: ['-d', '--working-dir'],
	bundle: ['--jobs', '-j', '--retry', '--path', '--without', '--with', '--gemfile'],
	conda: ['-n', '--name', '-p', '--prefix', '-c', '--channel', '-f', '--file'],
	mamba: ['-n', '--name', '-p', '--prefix', '-c', '--channel', '-f', '--file'],
	micromamba: ['-n', '--name', '-p', '--prefix', '-c', '--channel', '-f', '--file', '-r', '--root-prefix'],
	poetry: ['--only', '--with', '--without', '-E', '--extras', '--directory', '-C'],
	uv: [
		'-r',
		'--requirement',
		'-c',
		'--constraint',
		'-i',
		'--index-url',
		'--extra-index-url',
		'--python',
		'-p',
		'--target',
		'--prefix',
		'--cache-dir',
		'-f',
		'--find-links',
	],
	npx: ['-p', '--package'],
	set: [],
};
VALUE_OPTIONS.pip3 = VALUE_OPTIONS.pip!;

class Cmd implements ShellCommand {
	name: string;
	program: ShellWord;
	args: ShellWord[];
	flags: string[];
	operands: string[];
	subcommand: string | undefined;
	packages: string[];
	assignments: string[];
	wrappers: string[];
	line: number;
	column: number;
	before: string | undefined;
	after: string | undefined = undefined;
	piped = false;
	redirects: string[];
	/** Internal: heredoc delimiters fed to this command (`cat <<EOF`). */
	heredocs: string[];

	constructor(
		program: ShellWord,
		args: ShellWord[],
		assignments: string[],
		wrappers: string[],
		before: string | undefined,
		redirects: string[],
		heredocs: string[],
	) {
		this.program = program;
		this.name = basename(program.value);
		this.args = args;
		this.assignments = assignments;
		this.wrappers = wrappers;
		this.line = program.line;
		this.column = program.column;
		this.before = before;
		this.redirects = redirects;
		this.heredocs = heredocs;
		this.flags = args.filter((a) => a.value.startsWith('-') && a.value.length > 1).map((a) => a.value);
		this.operands = args.filter((a) => !(a.value.startsWith('-') && a.value.length > 1)).map((a) => a.value);
		const valueOptions = VALUE_OPTIONS[this.name] ?? [];
		const positional: string[] = [];
		for (let i = 0; i < args.length; i++) {
			const v = args[i]!.value;
			if (v === '--') {
				positional.push(...args.slice(i + 1).map((a) => a.value));
				break;
			}
			if (v.startsWith('-') && v.length > 1) {
				if (!v.includes('=') && valueOptions.includes(v)) i++;
				continue;
			}
			positional.push(v);
		}
		this.subcommand = positional[0];
		this.packages = positional.slice(1);
	}

	hasFlag(...names: string[]): boolean {
		for (const a of this.flags) {
			for (const name of names) {
				if (name.startsWith('--')) {
					if (a === name || a.startsWith(name + '=')) return true;
				} else if (name.startsWith('-') && name.length === 2) {
					if (a === name) return true;
					if (!a.startsWith('--') && a.length > 2 && /^-[A-Za-z0-9]+$/.test(a) && a.includes(name[1]!)) return true;
				} else if (a === name) return true;
			}
		}
		return false;
	}

	flagValue(...names: string[]): string | undefined {
		for (let i = 0; i < this.args.length; i++) {
			const v = this.args[i]!.value;
			for (const name of names) {
				if (v === name) return this.args[i + 1]?.value;
				if (name.startsWith('--') && v.startsWith(name + '=')) return v.slice(name.length + 1);
				if (!name.startsWith('--') && name.length === 2 && v.startsWith(name) && v.length > 2 && !v.startsWith('--')) return v.slice(2).replace(/^=/, '');
			}
		}
		return undefined;
	}

	toJSON(): Record<string, unknown> {
		return {
			name: this.name,
			subcommand: this.subcommand,
			flags: this.flags,
			packages: this.packages,
			line: this.line,
			column: this.column,
			before: this.before,
			after: this.after,
		};
	}
}

function basename(program: string): string {
	const slash = program.lastIndexOf('/');
	return slash >= 0 ? program.slice(slash + 1) : program;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);

export interface ShellParse extends ShellScript {
	/** Heredoc delimiters and the program that reads each one (undefined: a bare `<<EOF` redirect, no program). */
	readonly heredocReaders: ReadonlyMap<string, string | undefined>;
}

/**
 * Parse shell text. `at(offset)` maps an offset in `text` to the Dockerfile [line, column];
 * `pipefail` says the SHELL instruction already sets -o pipefail.
 */
export function parseShell(text: string, at: PositionOf, options: {pipefail?: boolean; depth?: number} = {}): ShellParse {
	const problems: string[] = [];
	const tokens = tokenize(text, problems);
	const commands: Cmd[] = [];
	const heredocReaders = new Map<string, string | undefined>();
	let pipefail = options.pipefail === true;
	let pipefailBeforeFirstPipe = pipefail;
	let sawPipe = false;

	let words: WordToken[] = [];
	let redirects: string[] = [];
	let heredocs: string[] = [];
	let before: string | undefined;
	const flush = (op: string | undefined): void => {
		const cmd = buildCommand(words, redirects, heredocs, before, at, heredocReaders);
		if (cmd) {
			const prev = commands[commands.length - 1];
			if (prev && prev.after === undefined) prev.after = cmd.before;
			commands.push(cmd);
			if (op === '|' || op === '|&') cmd.piped = true;
			if (cmd.before === '|' || cmd.before === '|&') {
				cmd.piped = true;
				if (prev) prev.piped = true;
			}
			if (cmd.name === 'set' && setsPipefail(cmd)) {
				pipefail = true;
				if (!sawPipe) pipefailBeforeFirstPipe = true;
			}
			if (cmd.piped) sawPipe = true;
			// sh -c '...' / bash -c "...": parse the script too
			if (SHELLS.has(cmd.name) && (options.depth ?? 0) < 3) {
				const ci = cmd.args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.value));
				const script = ci >= 0 ? cmd.args[ci + 1] : undefined;
				if (script) {
					const inner = parseShell(script.value, () => [script.line, script.column], {depth: (options.depth ?? 0) + 1, pipefail});
					for (const c of inner.commands as Cmd[]) commands.push(c);
					if (inner.pipefail) pipefail = true;
				}
			}
		}
		words = [];
		redirects = [];
		heredocs = [];
	};
	// `case WORD in pat1 | pat2) cmds ;; ... esac`: patterns are not commands and their `|` is no pipe.
	const caseModes: Array<'header' | 'pattern' | 'body'> = [];
	for (let k = 0; k < tokens.length; k++) {
		const t = tokens[k]!;
		const mode = caseModes[caseModes.length - 1];
		if (mode === 'header') {
			if (t.kind === 'word' && t.plain && t.value === 'in') caseModes[caseModes.length - 1] = 'pattern';
			continue;
		}
		if (mode === 'pattern') {
			if (t.kind === 'word' && t.plain && t.value === 'esac') caseModes.pop();
			else if (t.kind === 'op' && t.op === ')') {
				caseModes[caseModes.length - 1] = 'body';
				before = undefined;
			}
			continue;
		}
		if (t.kind === 'word' && t.plain && words.length === 0 && heredocs.length === 0) {
			if (t.value === 'case') {
				caseModes.push('header');
				continue;
			}
			if (t.value === 'esac' && mode === 'body') {
				caseModes.pop();
				continue;
			}
		}
		if (mode === 'body' && t.kind === 'op' && t.op === ';;') {
			flush(t.op);
			caseModes[caseModes.length - 1] = 'pattern';
			before = undefined;
			continue;
		}
		if (t.kind === 'word') {
			words.push(t);
			continue;
		}
		if (t.kind === 'redirect') {
			const target = tokens[k + 1];
			if (t.op === '>&' || t.op === '<&') {
				if (target?.kind === 'word' && /^\d+-?$|^-$/.test(target.value)) k++;
				else if (target?.kind === 'word') {
					redirects.push(target.value);
					k++;
				}
				continue;
			}
			if (target?.kind === 'word') {
				k++;
				if (t.op === '<<' || t.op === '<<-') heredocs.push(target.value);
				else redirects.push(target.value);
			}
			continue;
		}
		// operator
		const hadCommand = words.length > 0 || heredocs.length > 0;
		flush(t.op);
		if (hadCommand || t.op === '|' || t.op === '&&' || t.op === '||') before = t.op === '(' ? before : t.op;
	}
	flush(undefined);
	return {commands, pipefail: pipefailBeforeFirstPipe || (!sawPipe && pipefail), problems, heredocReaders};
}

function setsPipefail(cmd: Cmd): boolean {
	const a = cmd.args.map((w) => w.value);
	for (let i = 0; i < a.length; i++) {
		if (a[i] === 'pipefail' && i > 0 && /^-[a-zA-Z]*o$/.test(a[i - 1]!)) return true;
	}
	return false;
}

function buildCommand(
	tokens: WordToken[],
	redirects: string[],
	heredocs: string[],
	before: string | undefined,
	at: PositionOf,
	heredocReaders: Map<string, string | undefined>,
): Cmd | undefined {
	let i = 0;
	const assignments: string[] = [];
	const wrappers: string[] = [];
	const word = (t: WordToken): ShellWord => {
		const [line, column] = at(t.start);
		return {value: t.value, raw: t.raw, line, column, dynamic: t.dynamic};
	};
	// keywords and assignments
	for (;;) {
		const t = tokens[i];
		if (!t) break;
		if (t.plain && KEYWORDS.has(t.value)) {
			if (t.value === 'for' || t.value === 'case') return undefined; // loop header: `for x in a b` is no command
			i++;
			continue;
		}
		if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(t.raw)) {
			assignments.push(t.value);
			i++;
			continue;
		}
		break;
	}
	// wrappers
	for (;;) {
		const t = tokens[i];
		if (!t) break;
		const name = basename(t.value);
		const valueOpts = WRAPPERS[name];
		if (!valueOpts || !tokens[i + 1]) break;
		wrappers.push(name);
		i++;
		while (tokens[i] && tokens[i]!.value.startsWith('-') && tokens[i]!.value !== '-') {
			const v = tokens[i]!.value;
			i += valueOpts.includes(v) ? 2 : 1;
		}
		if (name === 'env') while (tokens[i] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(tokens[i]!.value)) assignments.push(tokens[i++]!.value);
		i += WRAPPER_OPERANDS[name] ?? 0;
	}
	let programTok = tokens[i];
	let rest = tokens.slice(i + 1);
	// python -m pip install → pip install
	if (programTok && /^python[0-9.]*$/.test(basename(programTok.value))) {
		const m = rest.findIndex((t) => t.value === '-m');
		const mod = m >= 0 ? rest[m + 1] : undefined;
		if (mod && rest.slice(0, m).every((t) => t.value.startsWith('-'))) {
			wrappers.push(`${basename(programTok.value)} -m`);
			programTok = mod;
			rest = rest.slice(m + 2);
		}
	}
	if (!programTok) {
		for (const h of heredocs) heredocReaders.set(h, undefined);
		return undefined;
	}
	for (const h of heredocs) heredocReaders.set(h, basename(programTok.value));
	return new Cmd(word(programTok), rest.map(word), assignments, wrappers, before, redirects, heredocs);
}
