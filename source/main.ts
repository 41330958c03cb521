/**
 * The CLI: parse argv, pick the rendering once (Ink app, plain text or JSON),
 * run the command, print its Result, and compute the exit code in one place.
 */
import meow from 'meow';
import {loadRegistry, lookupCommand} from './commands/lookup.js';
import type {AnyCommand, Context, FlagSpec, Input} from './commands/types.js';
import {EXIT, HelperError, isHelperError, SIGNAL_EXIT} from './core/errors.js';
import {didYouMean, suggest} from './core/suggest.js';
import {createContext} from './context.js';
import {GLOBAL_FLAGS} from './output/global-flags.js';
import {commandHelp, mainHelp} from './output/help.js';
import {jsonError, jsonResult} from './output/json.js';
import {describeEndpoint} from './adapters/docker.js';
import {makeTheme, wantsColor, type Theme} from './output/theme.js';
import {fitText, textWidth} from './output/wrap.js';
import {VERSION} from './version.js';
import {failureText} from './output/failure.js';
import {abortOnSignals, drainOutput, interruptedBy, watchPipe} from './stream-output.js';
import {terminalText} from './core/terminal-text.js';
import {redactText} from './core/redact.js';

export interface Io {
	readonly argv: readonly string[];
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly cwd: string;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	readonly stdinIsTTY: boolean;
}

interface Global {
	json: boolean;
	plain: boolean;
	noColor: boolean;
	host?: string;
	context?: string;
	help: boolean;
	version: boolean;
}

const VALUE_GLOBALS = new Set(['--host', '-H', '--context', '-c']);

/** Find the command name: the first positional, skipping global flags and their values. */
export function findCommandToken(argv: readonly string[]): {index: number; name: string} | undefined {
	for (let i = 0; i < argv.length; i++) {
		const token = argv[i]!;
		if (token === '--') return undefined;
		if (VALUE_GLOBALS.has(token)) {
			i++;
			continue;
		}
		if (token.startsWith('-')) continue;
		return {index: i, name: token};
	}
	return undefined;
}

function kebab(name: string): string {
	return name.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
}

/** Flags the user typed that no spec knows, with suggestions. */
function unknownFlags(argv: readonly string[], specs: Record<string, FlagSpec>): Array<{flag: string; suggestions: string[]}> {
	const longs = new Set<string>();
	const shorts = new Set<string>();
	for (const [name, spec] of Object.entries(specs)) {
		longs.add(kebab(name));
		if (spec.type === 'boolean') longs.add(`no-${kebab(name)}`);
		if (spec.shortFlag) shorts.add(spec.shortFlag);
	}
	const out: Array<{flag: string; suggestions: string[]}> = [];
	for (const token of argv) {
		if (token === '--') break;
		if (token.startsWith('--')) {
			const name = token.slice(2).split('=')[0]!;
			if (!longs.has(name)) out.push({flag: `--${name}`, suggestions: suggest(name, [...longs]).map((s) => `--${s}`)});
		} else if (/^-[A-Za-z]+$/.test(token)) {
			for (const ch of token.slice(1)) if (!shorts.has(ch)) out.push({flag: `-${ch}`, suggestions: []});
		}
	}
	return out;
}

/** Every spelling (`--name`, `-n`, and the value-taking globals) of the options that take a value. */
function valuedFlags(specs: Record<string, FlagSpec>): Set<string> {
	const valued = new Set<string>(VALUE_GLOBALS);
	for (const [name, spec] of Object.entries(specs)) {
		if (spec.type === 'boolean') continue;
		valued.add(`--${kebab(name)}`);
		if (spec.shortFlag) valued.add(`-${spec.shortFlag}`);
	}
	return valued;
}

/**
 * Options that take a value but were given none (`--tail` at the end, `--tail --grep x`, `--tail=`):
 * a usage error naming the option, never a silent fall back to the default.
 */
function valuelessOptions(argv: readonly string[], specs: Record<string, FlagSpec>): string | undefined {
	const valued = valuedFlags(specs);
	const isValue = (token: string | undefined) => token !== undefined && (!token.startsWith('-') || /^-\d/.test(token));
	for (let i = 0; i < argv.length; i++) {
		const token = argv[i]!;
		if (token === '--') break;
		if (token.startsWith('--')) {
			const eq = token.indexOf('=');
			const name = token.slice(2, eq === -1 ? undefined : eq);
			if (!valued.has(`--${name}`)) continue;
			if (eq !== -1) {
				if (token.length === eq + 1) return `--${name}`;
				continue;
			}
			if (!isValue(argv[i + 1])) return `--${name}`;
			i++;
		} else if (/^-[A-Za-z]$/.test(token)) {
			if (!valued.has(token)) continue;
			if (!isValue(argv[i + 1])) return token;
			i++;
		}
	}
	return undefined;
}

/**
 * For a command that runs another command after `--` (exec): the index of the first positional
 * past its own arguments, or -1. `exec web ls -l` is then told to write `exec web -- ls -l`.
 */
function firstExtraPositional(argv: readonly string[], specs: Record<string, FlagSpec>, ownArgs: number): number {
	const valued = valuedFlags(specs);
	let seen = 0;
	for (let i = 0; i < argv.length; i++) {
		const token = argv[i]!;
		if (token.startsWith('-')) {
			if (valued.has(token)) i++;
			continue;
		}
		if (seen === ownArgs) return i;
		seen++;
	}
	return -1;
}

/** A number as people write it on a command line: digits, an optional sign and fraction; no hex, exponent or blanks. */
const DECIMAL = /^[-+]?\d+(\.\d+)?$/;

function printableArg(value: string): string {
	const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
	return shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * `--since -5m` and `-n -5` as `--since=-5m` and `--tail=-5`: the value is the option's own, so the
 * parser cannot read it as more short options and drop it. valuelessOptions has already checked each
 * valued option has a value.
 */
function joinValues(argv: readonly string[], specs: Record<string, FlagSpec>): string[] {
	const longOf = new Map<string, string>();
	for (const [name, spec] of Object.entries(specs)) {
		if (spec.type === 'boolean') continue;
		longOf.set(`--${kebab(name)}`, `--${kebab(name)}`);
		if (spec.shortFlag) longOf.set(`-${spec.shortFlag}`, `--${kebab(name)}`);
	}
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const token = argv[i]!;
		const long = longOf.get(token);
		const next = argv[i + 1];
		if (long && next !== undefined && next.startsWith('-') && /^-\d/.test(next)) {
			out.push(`${long}=${next}`);
			i++;
		} else out.push(token);
	}
	return out;
}

function parseArgv(argv: readonly string[], command: AnyCommand | undefined): {global: Global; input: Input; rest: string[]} {
	const dashdash = argv.indexOf('--');
	const before = dashdash === -1 ? [...argv] : argv.slice(0, dashdash);
	const after = dashdash === -1 ? [] : argv.slice(dashdash + 1);
	const specs: Record<string, FlagSpec> = {...GLOBAL_FLAGS, ...(command?.flags ?? {})};
	if (command && dashdash === -1 && command.usage.includes('[-- ')) {
		const at = firstExtraPositional(before, specs, command.args.length);
		if (at !== -1) {
			const fixed = ['docker-helper', command.name, ...before.slice(0, at), '--', ...before.slice(at)].map(shellQuote).join(' ');
			throw new HelperError('USAGE', `docker-helper ${command.name} takes the command to run after --.`, `Run: ${fixed}`);
		}
	}
	const unknown = unknownFlags(before, specs);
	if (unknown.length > 0) {
		const first = unknown[0]!;
		const where = command ? `docker-helper ${command.name}` : 'docker-helper';
		throw new HelperError('UNKNOWN_FLAG', `Unknown option ${first.flag} for ${where}.`, `${didYouMean(first.suggestions)} See: ${where} --help`.trim(), {
			flag: first.flag,
			suggestions: first.suggestions,
		});
	}
	const valueless = valuelessOptions(before, specs);
	if (valueless) {
		const where = command ? `docker-helper ${command.name}` : 'docker-helper';
		const spec = specs[Object.keys(specs).find((n) => `--${kebab(n)}` === valueless || `-${specs[n]!.shortFlag}` === valueless) ?? ''];
		const shape = spec?.choices ? spec.choices.join('|') : (spec?.placeholder ?? (spec?.type === 'number' ? 'n' : 'value'));
		throw new HelperError('USAGE', `${valueless} needs a value.`, `Give it as ${valueless} <${shape}>. See: ${where} --help`, {flag: valueless});
	}
	const meowFlags: Record<string, Record<string, unknown>> = {};
	for (const [name, spec] of Object.entries(specs)) {
		// Numbers are read as text and converted below: the parser's own Number() takes 0x10, 1e3 and ' 5'.
		const number = spec.type === 'number';
		meowFlags[name] = {
			type: number ? 'string' : spec.type,
			...(spec.shortFlag ? {shortFlag: spec.shortFlag} : {}),
			...(spec.default !== undefined && !number ? {default: spec.default} : {}),
			...(spec.isMultiple ? {isMultiple: true} : {}),
		};
	}
	const cli = meow({
		importMeta: import.meta,
		argv: joinValues(before, specs),
		pkg: {name: 'docker-helper', version: VERSION},
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		booleanDefault: undefined,
		// meow's types want literal flag types; the specs are validated above.
		flags: meowFlags as never,
	});
	const f = cli.flags as Record<string, unknown>;
	const global: Global = {
		json: f['json'] === true,
		plain: f['plain'] === true,
		noColor: f['color'] === false,
		help: f['help'] === true,
		version: f['version'] === true,
		...(typeof f['host'] === 'string' && f['host'] ? {host: f['host']} : {}),
		...(typeof f['context'] === 'string' && f['context'] ? {context: f['context']} : {}),
	};
	const flags: Record<string, string | boolean | number | string[] | undefined> = {};
	for (const [name, spec] of Object.entries(command?.flags ?? {})) {
		let value = f[name];
		if (spec.type === 'number') {
			if (typeof value === 'string') {
				const n = DECIMAL.test(value) ? Number(value) : NaN;
				if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER)
					throw new HelperError(
						'USAGE',
						`--${kebab(name)} needs a decimal number; got '${printableArg(value)}'.`,
						`For example: --${kebab(name)} ${spec.default ?? 10}. See: docker-helper ${command!.name} --help`,
						{flag: name},
					);
				value = n;
			} else if (value === undefined && spec.default !== undefined) value = spec.default;
		}
		if (spec.choices && typeof value === 'string' && !spec.choices.includes(value)) {
			const close = suggest(value, spec.choices);
			throw new HelperError(
				'USAGE',
				`--${kebab(name)} must be one of ${spec.choices.join(', ')}; got '${value}'.`,
				close.length ? didYouMean(close) : `See: docker-helper ${command!.name} --help`,
				{flag: name, suggestions: close},
			);
		}
		flags[name] = value as never;
	}
	const positionals = cli.input.map(String);
	return {global, input: {args: positionals, flags}, rest: after};
}

export async function main(io: Io): Promise<number> {
	const argv = io.argv;
	// `docker-helper lint --rules | head`: a closed pipe must not crash the process with a trace.
	watchPipe(io.stdout);
	watchPipe(io.stderr);
	const token = findCommandToken(argv);
	let command: AnyCommand | undefined;
	let commandArgv = [...argv];
	// `version` as a command, as `docker version` users type it.
	if (token?.name === 'version' && !(await lookupCommand('version'))) {
		io.stdout.write(`${argv.includes('--json') ? JSON.stringify({version: VERSION}) : VERSION}\n`);
		return EXIT.ok;
	}
	// "help <command>" and "help"
	if (token?.name === 'help') {
		const target = argv.slice(token.index + 1).find((t) => !t.startsWith('-'));
		commandArgv = [...argv.slice(0, token.index), ...argv.slice(token.index + 1).filter((t) => t !== target), '--help'];
		if (target) {
			command = await lookupCommand(target);
			if (!command) return fail(io, await unknownCommand(target), {json: argv.includes('--json'), color: false}, null);
		}
	} else if (token) {
		command = await lookupCommand(token.name);
		if (!command) {
			const jsonWanted = argv.includes('--json');
			return fail(
				io,
				await unknownCommand(token.name),
				{json: jsonWanted, color: colorFor(io, {json: jsonWanted, plain: argv.includes('--plain'), noColor: argv.includes('--no-color')})},
				null,
			);
		}
		commandArgv = [...argv.slice(0, token.index), ...argv.slice(token.index + 1)];
	}

	let parsed: ReturnType<typeof parseArgv>;
	try {
		parsed = parseArgv(commandArgv, command);
	} catch (error) {
		const jsonWanted = argv.includes('--json');
		return fail(
			io,
			error,
			{json: jsonWanted, color: colorFor(io, {json: jsonWanted, plain: false, noColor: argv.includes('--no-color')})},
			command?.name ?? null,
		);
	}
	const {global} = parsed;
	const color = colorFor(io, global);
	const theme = makeTheme(color, textWidth(io.env, io.stdout));
	// Text carries container data (labels, env, log lines, names): control sequences other than colour are shown, not obeyed.
	const out = (text: string) => {
		const safe = terminalText(text, {sgr: color ? 'keep' : 'drop'});
		io.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
	};

	if (global.version && !command) {
		out(global.json ? JSON.stringify({version: VERSION}) : VERSION);
		return EXIT.ok;
	}
	if (global.help) {
		out(fitText(command ? commandHelp(command, theme) : mainHelp((await loadRegistry()).commands, theme, VERSION), theme.width));
		return EXIT.ok;
	}

	const tty = io.stdinIsTTY && io.stdout.isTTY === true && !global.json && !global.plain;
	if (!command) {
		if (tty) return openApp(io, global, theme);
		out(fitText(mainHelp((await loadRegistry()).commands, theme, VERSION), theme.width));
		return EXIT.ok;
	}

	const input: Input = {args: parsed.input.args, flags: {...parsed.input.flags, ...(parsed.rest.length > 0 ? {'--': parsed.rest} : {})}};
	try {
		const missing = command.args.find((a, i) => a.required && input.args[i] === undefined);
		if (missing) {
			if (tty && missing.choices) return openApp(io, global, theme, {command: command.name, input});
			throw new HelperError('USAGE', `docker-helper ${command.name} needs <${missing.name}>.`, `Usage: ${command.usage}`);
		}
		const maxArgs = command.args.some((a) => a.variadic) ? Infinity : command.args.length;
		if (input.args.length > maxArgs) {
			throw new HelperError('USAGE', `Too many arguments for docker-helper ${command.name}: ${input.args.slice(maxArgs).join(' ')}`, `Usage: ${command.usage}`);
		}
		if (tty && command.opensApp?.(input)) return openApp(io, global, theme, {command: command.name, input});
		const controller = new AbortController();
		const ctx = createContext(io, global, {interactive: false, progress: !global.json, theme, signal: controller.signal});
		// Signals are handled here, once: a command that cleans up says so (onInterrupt), a stream ends and returns.
		const note = command.onInterrupt;
		const offSignals =
			command.stream || note
				? abortOnSignals(controller, (signal) => {
						ctx.progress('');
						// After SIGHUP there is no terminal to tell.
						if (note && signal !== 'SIGHUP') io.stderr.write(`\n${command.name}: ${signal}: ${note}…\n`);
					})
				: () => undefined;
		let result: unknown;
		try {
			if (command.stream) {
				const drained = await drainOutput(command.stream(ctx, input), io, controller);
				// The reader went away (`| head`): the output ends quietly, as for any Unix filter.
				if (drained.pipeClosed) return EXIT.ok;
				result = drained.result;
			} else result = await command.run(ctx, input);
		} catch (error) {
			// Interrupted and cleaned up: what the command was doing when the signal came is no failure to report.
			const signal = interruptedBy(controller.signal);
			if (signal && !command.stream) return SIGNAL_EXIT[signal];
			throw error;
		} finally {
			offSignals();
		}
		ctx.progress('');
		const interrupted = interruptedBy(controller.signal);
		// A command that is not a stream has no partial result to show: it stopped, as the signal asked.
		if (interrupted && !command.stream) return SIGNAL_EXIT[interrupted];
		const exitCode = command.exitCode?.(result, input) ?? EXIT.ok;
		const connected = ctx.connectedEndpoint();
		const engine = connected ? describeEndpoint(connected) : undefined;
		if (global.json) {
			// A streaming command that already yielded its JSON (logs --json: NDJSON) returns undefined here.
			const doc: unknown = command.json ? command.json(result, input) : result;
			if (doc !== undefined) out(jsonResult(command.name, exitCode, doc, engine));
		} else {
			const text = fitText(command.text(result, theme, input), theme.width);
			if (text) out(text);
			// Say which engine answered, unless the command shows it itself. On stderr: stdout stays the
			// command's own output (a compose file, a Dockerfile, a log) for pipes and redirects.
			if (engine && !command.streams && !text.includes(engine.host))
				io.stderr.write(
					`${fitText(makeTheme(color && io.stderr.isTTY === true).dim(`engine: ${engine.host} (${engine.why})`), textWidth(io.env, io.stderr))}\n`,
				);
		}
		return exitCode;
	} catch (error) {
		return fail(io, error, {json: global.json, color}, command.name);
	}
}

function colorFor(io: Io, g: {json: boolean; plain: boolean; noColor: boolean}): boolean {
	return wantsColor({isTTY: io.stdout.isTTY === true, env: io.env, noColor: g.noColor, plain: g.plain, json: g.json});
}

async function unknownCommand(typed: string): Promise<HelperError> {
	const {commands} = await loadRegistry();
	// The word is echoed back: a mistyped endpoint (`docker-helper tcp://user:pw@host`) must not print its password.
	const name = redactText(typed);
	const close = suggest(
		name,
		commands.map((c) => c.name),
	);
	return new HelperError('UNKNOWN_COMMAND', `Unknown command '${name}'.`, `${didYouMean(close)} See: docker-helper --help`.trim(), {
		command: name,
		suggestions: close,
	});
}

function fail(io: Io, error: unknown, mode: {json: boolean; color: boolean}, command: string | null): number {
	if (!isHelperError(error)) throw error;
	if (mode.json) {
		io.stdout.write(`${jsonError(command, error)}\n`);
	} else {
		const theme: Theme = makeTheme(mode.color && io.stderr.isTTY === true);
		// Fitted to stderr's terminal (or COLUMNS): the hint is a command or a path the user copies.
		io.stderr.write(fitText(failureText(error.message, error.hint, theme), textWidth(io.env, io.stderr)));
	}
	return error.exitCode;
}

/**
 * Ink decides once, when it is first imported, whether it runs in CI (is-in-ci reads CI and
 * CONTINUOUS_INTEGRATION), and in CI it paints nothing until it exits. The app only ever opens on a
 * real terminal, so a CI variable left in a developer's shell must not blank it: hide them meanwhile.
 */
async function importInkApp(): Promise<typeof import('./ui/run-app.js')> {
	const keys = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
	const saved = keys.map((key) => [key, process.env[key]] as const);
	for (const key of keys) delete process.env[key];
	try {
		return await import('./ui/run-app.js');
	} finally {
		for (const [key, value] of saved) if (value !== undefined) process.env[key] = value;
	}
}

async function openApp(io: Io, global: Global, theme: Theme, start?: {command: string; input: Input}): Promise<number> {
	const {runApp} = await importInkApp();
	const {commands} = await loadRegistry();
	const makeCtx = (): Context => createContext(io, global, {interactive: true, progress: false, theme});
	const makeStreamingCtx = (signal?: AbortSignal): Context =>
		createContext(io, global, {interactive: false, progress: false, theme, ...(signal ? {signal} : {})});
	return runApp({commands, theme, makeContext: makeCtx, makeStreamingContext: makeStreamingCtx, ...(start ? {start} : {})});
}

/** Quote a word for a POSIX shell, only when it needs it, so a hint can be pasted as it is. */
function shellQuote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
