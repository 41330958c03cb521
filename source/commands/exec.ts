/**
 * exec: run a command in a running container through the engine's exec API. The command is
 * an argument array handed to the runtime as is (never a shell string we build), its output
 * streams demultiplexed, and docker-helper exits with the command's exit code. Without a
 * command, in a terminal, it opens an interactive shell with a pseudo-terminal.
 */
import {waitForExit, type Engine} from '../adapters/docker.js';
import type {ExecSession, ExecStream} from '../core/engine/types.js';
import {forwardStdin, openRawTerminal, terminalSize} from '../adapters/terminal.js';
import {HelperError, interruptExitCode} from '../core/errors.js';
import {classifyExecFailure, looksLikeRuntimeFailure, runtimeFailureDecision, type ExecFailure, type ExecResult} from '../core/exec-failure.js';
import {decodeLine, FrameDemuxer, type Piece} from '../core/log-stream.js';
import {containerArg} from './container-arg.js';
import {flagBool, flagString, type Command, type Context, type Input, type OutputChunk} from './types.js';
import {failureText} from '../output/failure.js';
import {makeTheme} from '../output/theme.js';
import {redactArgv, redactText} from '../core/redact.js';

/** --json captures output: at most this much per stream. */
const CAPTURE_LIMIT = 8 * 1024 * 1024;

export const exec: Command<ExecResult> = {
	name: 'exec',
	summary: 'Run a command in a running container, or open a shell in it',
	description: [
		'Runs the command after -- as an argument array through the Docker exec API: arguments with',
		'spaces and quotes arrive intact, and no shell is involved unless you run one. Output streams',
		"as it comes (stdout to stdout, stderr to stderr) and docker-helper exits with the command's",
		'exit code: 127 when the command does not exist in the container, 126 when it cannot be executed.',
		'',
		'Without a command, in a terminal, it opens an interactive shell (bash when the image has it,',
		'otherwise sh) with a pseudo-terminal that follows your window size; the terminal is restored',
		'when the shell exits. -i forwards piped stdin to the command. --json captures the output',
		`(up to ${CAPTURE_LIMIT / 1024 / 1024} MiB per stream) into the result instead of streaming it.`,
	].join('\n'),
	usage: 'docker-helper exec <container> [-i] [-t] [-u user] [-w dir] [-e NAME=value] [-- command args...]',
	examples: [
		'docker-helper exec web',
		'docker-helper exec web -- ls -la /app',
		"docker-helper exec web -- sh -c 'ps aux | grep node'",
		'docker-helper exec -i db -- psql -U postgres < dump.sql',
		'docker-helper exec -it web -- top',
		'docker-helper exec web --json -- cat /etc/os-release',
	],
	group: 'troubleshoot',
	args: [containerArg('Running container: name, id or unique id prefix', {runningOnly: true})],
	flags: {
		interactive: {type: 'boolean', shortFlag: 'i', description: 'Forward stdin to the command'},
		tty: {type: 'boolean', shortFlag: 't', description: 'Allocate a pseudo-terminal for the command (needs a terminal)'},
		user: {type: 'string', shortFlag: 'u', placeholder: 'user[:group]', description: 'Run as this user'},
		workdir: {type: 'string', shortFlag: 'w', placeholder: 'dir', description: 'Working directory inside the container'},
		env: {type: 'string', shortFlag: 'e', isMultiple: true, placeholder: 'NAME=value', description: 'Set an environment variable (repeatable)'},
		json: {type: 'boolean', description: 'Capture the output into a JSON result instead of streaming it'},
	},
	streams: () => true,
	// Without a terminal to stream to (a caller that wants the Result): the output is captured into it, as with --json.
	async run(ctx, input) {
		const output = execStream(ctx, input, true);
		for (;;) {
			const next = await output.next();
			if (next.done) return next.value;
		}
	},
	stream: (ctx, input) => execStream(ctx, input, flagBool(input, 'json')),
	exitCode: (result) => result.exitCode,
	text: () => '',
};

async function* execStream(ctx: Context, input: Input, capture: boolean): AsyncGenerator<OutputChunk, ExecResult, void> {
	const engine = await ctx.engine();
	const ref = input.args[0]!;
	const info = await engine.inspectContainer(ref);
	const name = info.name;
	const state = info.state;
	if (!state.running || state.paused || state.restarting) {
		const status = state.paused ? 'paused' : state.restarting ? 'restarting' : state.status || 'not running';
		const exit = !state.running && state.status === 'exited' && state.exitCode !== null ? ` (exit code ${state.exitCode})` : '';
		throw new HelperError(
			'CONTAINER_NOT_RUNNING',
			`Container ${name} is ${status}${exit}: commands run only in a running container.`,
			state.paused
				? `Unpause it first: docker unpause ${name}`
				: state.restarting
					? `It is crash-looping; find out why: docker-helper diagnose ${name}`
					: `Start it first: docker start ${name}   (or see why it stopped: docker-helper logs ${name} --tail 50)`,
			{container: name, status},
		);
	}
	const command = commandFrom(input);
	const options = {
		...(flagString(input, 'user') ? {user: flagString(input, 'user')!} : {}),
		...(flagString(input, 'workdir') ? {workdir: flagString(input, 'workdir')!} : {}),
		env: envFlags(input),
	};
	const terminal = ctx.stdinIsTTY && ctx.stdout.isTTY && !capture;
	if (command.length === 0) {
		if (!terminal) {
			throw new HelperError(
				'NOT_A_TTY',
				'No command given, and an interactive shell needs a terminal.',
				`Give the command after --: docker-helper exec ${name} -- ls -la`,
			);
		}
		return yield* interactiveShell(ctx, engine, info.id, name, options);
	}
	// -it in a terminal: the command gets the same pty session as the shell (top, vim, psql).
	if (flagBool(input, 'tty') && flagBool(input, 'interactive') && terminal) {
		return yield* interactiveShell(ctx, engine, info.id, name, options, command);
	}
	return yield* runCommand(ctx, engine, info.id, name, command, {
		...options,
		stdin: flagBool(input, 'interactive'),
		tty: flagBool(input, 'tty') && ctx.stdout.isTTY && !capture,
		capture,
	});
}

function commandFrom(input: Input): string[] {
	const rest = input.flags['--'];
	return Array.isArray(rest) ? rest.map(String) : [];
}

function envFlags(input: Input): string[] {
	const value = input.flags['env'];
	const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
	for (const entry of list) {
		if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(entry)) throw new HelperError('USAGE', `-e needs NAME=value; got '${entry}'.`, 'Example: -e LOG_LEVEL=debug');
	}
	return list;
}

interface RunOptions {
	readonly user?: string;
	readonly workdir?: string;
	readonly env: readonly string[];
	readonly stdin: boolean;
	readonly tty: boolean;
	readonly capture: boolean;
}

/** The failure as main.ts prints any expected failure, coloured only when stderr is a terminal. */
function failureChunk(ctx: Context, failure: ExecFailure): OutputChunk {
	return {to: 'stderr', data: failureText(failure.message, failure.hint, ctx.stderr.isTTY ? ctx.theme : makeTheme(false))};
}

/** Ends the engine stream when the caller aborts (Ctrl-C, a closed pipe); returns the function that stops listening. */
function endOnAbort(signal: AbortSignal, stream: ExecStream): () => void {
	const end = () => stream.destroy();
	if (signal.aborted) end();
	signal.addEventListener('abort', end, {once: true});
	return () => signal.removeEventListener('abort', end);
}

async function* runCommand(
	ctx: Context,
	engine: Engine,
	id: string,
	name: string,
	command: readonly string[],
	options: RunOptions,
): AsyncGenerator<OutputChunk, ExecResult, void> {
	const session = await engine.createExec(id, {
		cmd: command,
		tty: options.tty,
		stdin: options.stdin,
		env: options.env,
		...(options.user ? {user: options.user} : {}),
		...(options.workdir ? {workdir: options.workdir} : {}),
	});
	const stream = await session.start();
	if (options.tty) {
		const size = terminalSize();
		await session.resize(size.rows, size.columns);
	}
	const detach = options.stdin ? forwardStdin(stream, {endOnEof: true}) : () => undefined;
	const offAbort = endOnAbort(ctx.signal, stream);
	const captured = {stdout: [] as Uint8Array[], stderr: [] as Uint8Array[], size: {stdout: 0, stderr: 0}, truncated: false};
	// Hold the first bytes back: if the process never started, they are the runtime's error, not output.
	let probe: Piece[] | null = [];
	const held = {runtimeText: null as string | null};
	let pending: OutputChunk[] = [];
	const write = (piece: Piece) => {
		if (options.capture) {
			const room = CAPTURE_LIMIT - captured.size[piece.stream];
			if (room <= 0) return void (captured.truncated = true);
			const bytes = piece.bytes.length > room ? piece.bytes.subarray(0, room) : piece.bytes;
			if (bytes.length < piece.bytes.length) captured.truncated = true;
			captured[piece.stream].push(Uint8Array.from(bytes));
			captured.size[piece.stream] += bytes.length;
		} else pending.push({to: piece.stream, data: Uint8Array.from(piece.bytes)});
	};
	const releaseProbe = (final: boolean) => {
		if (!probe) return;
		const text = decodeLine(concat(probe.map((p) => p.bytes)));
		const decision = runtimeFailureDecision(text);
		if (!final && decision === 'undecided') return;
		if (decision === 'failure') held.runtimeText = text;
		else for (const p of probe) write(p);
		probe = null;
	};
	const demux = options.tty ? null : new FrameDemuxer();
	try {
		try {
			for await (const chunk of stream as AsyncIterable<Uint8Array>) {
				const pieces = demux ? demux.push(chunk) : [{stream: 'stdout' as const, bytes: chunk}];
				for (const piece of pieces) {
					if (held.runtimeText !== null) {
						held.runtimeText += decodeLine(piece.bytes);
					} else if (probe) {
						probe.push({stream: piece.stream, bytes: Uint8Array.from(piece.bytes)});
						releaseProbe(false);
					} else write(piece);
				}
				// Pull the next engine chunk only once these are written: a slow reader holds the container's output back.
				const ready = pending;
				pending = [];
				for (const out of ready) yield out;
			}
		} catch (error) {
			// The stream ended because the caller aborted: that is the end of the output, not a failure.
			if (!ctx.signal.aborted) throw error;
		}
		if (!ctx.signal.aborted) releaseProbe(true);
		const rest = pending;
		pending = [];
		for (const out of rest) yield out;
	} finally {
		offAbort();
		detach();
		stream.destroy();
	}
	const shown = redactArgv(command);
	// Interrupted: the process may still run in the container (as with docker exec); we report 130 like a shell.
	if (ctx.signal.aborted)
		return {container: name, command: shown, exitCode: interruptExitCode(ctx.signal.reason), shell: null, tty: options.tty, failure: null};
	const code = (await waitForExit(session)) ?? 1;
	const runtimeText = held.runtimeText;
	const failure = runtimeText !== null && code === 126 ? classifyExecFailure(redactText(runtimeText), shown, name) : null;
	if (failure && !options.capture) yield failureChunk(ctx, failure);
	if (runtimeText !== null && !failure && !options.capture) yield {to: 'stderr', data: redactText(runtimeText)};
	return {
		container: name,
		// Shown in --json: the argv as it is shown everywhere, secret values redacted.
		command: shown,
		exitCode: failure ? failure.exitCode : code,
		shell: null,
		tty: options.tty,
		failure,
		...(options.capture ? {stdout: decodeLine(concat(captured.stdout)), stderr: decodeLine(concat(captured.stderr)), truncated: captured.truncated} : {}),
	};
}

async function* interactiveShell(
	ctx: Context,
	engine: Engine,
	id: string,
	name: string,
	options: {user?: string; workdir?: string; env: readonly string[]},
	given?: readonly string[],
): AsyncGenerator<OutputChunk, ExecResult, void> {
	// bash when the image has one that runs, otherwise sh (busybox, alpine, distroless-with-shell).
	const shell = given ? null : (await engine.execExitCode(id, ['/bin/bash', '-c', 'exit 0']).catch(() => null)) === 0 ? '/bin/bash' : '/bin/sh';
	const cmd = given ?? [shell!];
	const term = ctx.env['TERM'] && ctx.env['TERM'] !== 'dumb' ? ctx.env['TERM'] : 'xterm';
	const session: ExecSession = await engine.createExec(id, {
		cmd,
		tty: true,
		stdin: true,
		env: [`TERM=${term}`, ...options.env],
		...(options.user ? {user: options.user} : {}),
		...(options.workdir ? {workdir: options.workdir} : {}),
	});
	const stream = await session.start();
	// Until we know the shell started, output that could be the runtime's error is held back.
	let firstOutput: string | null = '';
	const terminal = openRawTerminal();
	const offAbort = endOnAbort(ctx.signal, stream);
	try {
		const size = terminal.size();
		await session.resize(size.rows, size.columns);
		terminal.onResize((s) => void session.resize(s.rows, s.columns));
		const onKey = (chunk: Buffer) => stream.write(chunk);
		terminal.stdin.on('data', onKey);
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				if (firstOutput === null) {
					yield {to: 'stdout', data: chunk};
					continue;
				}
				firstOutput += chunk.toString('utf8');
				if (runtimeFailureDecision(firstOutput) === 'output') {
					const text = firstOutput;
					firstOutput = null;
					yield {to: 'stdout', data: text};
				}
			}
		} catch (error) {
			if (!ctx.signal.aborted) throw error;
		} finally {
			terminal.stdin.off('data', onKey);
		}
	} finally {
		offAbort();
		stream.destroy();
		terminal.restore();
	}
	const shown = redactArgv(cmd);
	if (ctx.signal.aborted) return {container: name, command: shown, exitCode: interruptExitCode(ctx.signal.reason), shell, tty: true, failure: null};
	const code = (await waitForExit(session)) ?? 1;
	const text: string = firstOutput ?? '';
	const failure = looksLikeRuntimeFailure(text) && code === 126 ? classifyExecFailure(redactText(text), shown, name) : null;
	if (failure) yield failureChunk(ctx, failure);
	else if (text) yield {to: 'stdout', data: text};
	return {container: name, command: shown, exitCode: failure ? failure.exitCode : code, shell, tty: true, failure};
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
	if (parts.length === 1) return parts[0]!;
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
