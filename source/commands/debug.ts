/**
 * debug: a shell (or a command) in a throwaway toolbox container that joins a running target's PID
 * and network namespaces, for images that have no shell of their own. The target's root filesystem
 * is visible under /proc/1/root. The toolbox is created with --rm semantics and removed by us too,
 * on exit, Ctrl-C, kill or a closed terminal; the engine removes it if the connection is lost.
 */
import {randomBytes} from 'node:crypto';
import type {Engine, ExecStream} from '../adapters/docker.js';
import {configuredDebugImage} from '../adapters/debug-config.js';
import {openRawTerminal} from '../adapters/terminal.js';
import {debugPlan, type DebugPlan, type DebugResult} from '../core/debug/plan.js';
import {HelperError, interruptExitCode, isHelperError} from '../core/errors.js';
import {decodeLine, FrameDemuxer} from '../core/log-stream.js';
import {containerArg} from './container-arg.js';
import {makeTheme} from '../output/theme.js';
import {flagBool, flagString, type Command, type Context, type Input, type OutputChunk} from './types.js';

export const debug: Command<DebugResult> = {
	name: 'debug',
	summary: 'Open a shell beside a container that has none: a throwaway toolbox sharing its processes and network',
	description: [
		"Starts a toolbox container that joins the target's PID and network namespaces: ps shows the",
		"target's processes, localhost is the target's, and its root filesystem is under /proc/1/root.",
		'Without a command it opens an interactive shell (needs a terminal); with -- cmd args it runs',
		'that and exits with its code. The toolbox image comes from --image, else debug.image in',
		'.docker-helper.yaml, else busybox:stable; it is pulled when missing. The toolbox is always',
		'removed: on exit, Ctrl-C, kill, a closed terminal, and by the engine when the connection drops.',
		'',
		'A stopped target has no processes or network to join: the toolbox then mounts its volumes',
		'(read-only) and says what cannot be done. Nothing is ever committed.',
	].join('\n'),
	usage: 'docker-helper debug <container> [--image <image>] [--name <toolbox>] [-- command args...]',
	examples: [
		'docker-helper debug api',
		'docker-helper debug api -- ps',
		'docker-helper debug api -- ls -l /proc/1/root/app',
		'docker-helper debug api --image nicolaka/netshoot',
	],
	group: 'troubleshoot',
	args: [containerArg('Container to debug: name, id or unique id prefix')],
	flags: {
		image: {type: 'string', placeholder: 'image', description: 'Toolbox image (default: debug.image in .docker-helper.yaml, else busybox:stable)'},
		name: {type: 'string', placeholder: 'name', description: 'Name for the toolbox container (default: docker-helper-debug-<target>-<random>)'},
		json: {type: 'boolean', description: "Capture the command's output into a JSON result (needs -- command)"},
	},
	streams: () => true,
	onInterrupt: 'removing the toolbox',
	// Without a terminal to stream to (a caller that wants the Result): the output is captured into it, as with --json.
	async run(ctx, input) {
		const output = debugStream(ctx, input, true);
		for (;;) {
			const next = await output.next();
			if (next.done) return next.value;
		}
	},
	stream: (ctx, input) => debugStream(ctx, input, flagBool(input, 'json')),
	exitCode: (result) => result.exitCode,
	text: () => '',
};

async function* debugStream(ctx: Context, input: Input, json: boolean): AsyncGenerator<OutputChunk, DebugResult, void> {
	const engine = await ctx.engine();
	const info = await engine.inspectContainer(input.args[0]!);
	const cmd = commandFrom(input);
	const terminal = ctx.stdinIsTTY && ctx.stdout.isTTY && !json;
	if (cmd.length === 0 && !terminal) {
		throw new HelperError(
			'NOT_A_TTY',
			'No command given, and an interactive shell needs a terminal.',
			`Give the command after --: docker-helper debug ${info.name} -- ps`,
		);
	}
	const configured = flagString(input, 'image') ? {image: flagString(input, 'image')!, source: '--image'} : await configuredDebugImage(ctx.cwd);
	const name = flagString(input, 'name') ?? `docker-helper-debug-${info.name.slice(0, 40)}-${randomBytes(3).toString('hex')}`;
	const plan = debugPlan(
		{
			id: info.id,
			name: info.name,
			image: info.image,
			running: info.state.running && !info.state.paused,
			status: info.state.paused ? 'paused' : info.state.status,
		},
		{image: configured.image, cmd, interactive: terminal, name},
	);
	await ensureImage(ctx, engine, configured);
	if (!json) yield {to: 'stderr', data: plan.banner.map((line) => `${(ctx.stderr.isTTY ? ctx.theme : makeTheme(false)).dim(line)}\n`).join('')};
	return yield* runToolbox(ctx, engine, plan, {json, terminal});
}

function commandFrom(input: Input): string[] {
	const rest = input.flags['--'];
	return Array.isArray(rest) ? rest.map(String) : [];
}

async function ensureImage(ctx: Context, engine: Engine, configured: {image: string; source: string}): Promise<void> {
	try {
		await engine.inspectImage(configured.image);
		return;
	} catch (error) {
		if (!isHelperError(error) || error.code !== 'NO_SUCH_IMAGE') throw error;
	}
	ctx.progress(`Pulling the toolbox ${configured.image}…`);
	try {
		await engine.pullImage(configured.image, (line) => ctx.progress(`Pulling ${configured.image}: ${line}`));
		ctx.progress('');
	} catch (error) {
		ctx.progress('');
		if (!isHelperError(error) || error.exitCode === 3) throw error;
		throw new HelperError(
			'DEBUG_IMAGE_UNAVAILABLE',
			`The toolbox image ${configured.image} (from ${configured.source}) is not on this engine and could not be pulled: ${error.message.replace(/^The engine could not pull [^:]+: /, '')}`,
			`Make it available (docker pull ${configured.image}, or docker load -i toolbox.tar), or use an image the engine has: --image <image>, or debug.image in .docker-helper.yaml.`,
			{image: configured.image, source: configured.source},
		);
	}
}

async function* runToolbox(
	ctx: Context,
	engine: Engine,
	plan: DebugPlan,
	options: {json: boolean; terminal: boolean},
): AsyncGenerator<OutputChunk, DebugResult, void> {
	const spec = plan.toolbox;
	const id = await engine.createToolbox(spec);
	let interruptedBy: string | undefined;
	let stream: ExecStream | null = null;
	// main.ts aborts on SIGINT, SIGTERM or SIGHUP (in a raw terminal Ctrl-C is a key for the shell); the reason is the signal.
	const onAbort = () => {
		interruptedBy = typeof ctx.signal.reason === 'string' ? ctx.signal.reason : 'SIGINT';
		stream?.destroy();
		void engine.removeThrowaway(id).catch(() => undefined);
	};
	ctx.signal.addEventListener('abort', onAbort, {once: true});
	const captured = {stdout: [] as string[], stderr: [] as string[]};
	let exitCode: number;
	try {
		stream = await engine.attachContainer(id, {stdin: spec.stdin});
		if (ctx.signal.aborted) onAbort();
		const waited = engine.waitContainer(id).catch(() => null);
		await engine.startContainer(id);
		if (spec.tty && options.terminal) {
			const attached = stream;
			const terminal = openRawTerminal();
			try {
				const size = terminal.size();
				await engine.resizeContainer(id, size.rows, size.columns);
				terminal.onResize((s) => void engine.resizeContainer(id, s.rows, s.columns));
				const onKey = (chunk: Buffer) => attached.write(chunk);
				terminal.stdin.on('data', onKey);
				try {
					for await (const chunk of attached as AsyncIterable<Uint8Array>) yield {to: 'stdout', data: chunk};
				} catch {
					// The attach stream ends with an error when the toolbox is removed under it: the session is over either way.
				} finally {
					terminal.stdin.off('data', onKey);
				}
			} finally {
				terminal.restore();
			}
		} else {
			const demux = spec.tty ? null : new FrameDemuxer();
			try {
				for await (const chunk of stream as AsyncIterable<Uint8Array>) {
					const pieces = demux ? demux.push(chunk) : [{stream: 'stdout' as const, bytes: chunk}];
					for (const piece of pieces) {
						if (options.json) captured[piece.stream].push(decodeLine(piece.bytes));
						else yield {to: piece.stream, data: Uint8Array.from(piece.bytes)};
					}
				}
			} catch (error) {
				if (!interruptedBy) throw error;
			}
		}
		const code = interruptedBy ? null : await waited;
		exitCode = code ?? (interruptedBy ? interruptExitCode(interruptedBy) : 1);
	} finally {
		ctx.signal.removeEventListener('abort', onAbort);
		stream?.destroy();
		await engine.removeThrowaway(id).catch(() => undefined);
	}
	const removed = await gone(engine, id);
	return {
		target: plan.target.name,
		toolbox: spec.name,
		image: spec.image,
		command: spec.cmd,
		exitCode,
		removed,
		equivalent: plan.equivalent,
		limits: plan.limits,
		...(options.json ? {stdout: captured.stdout.join(''), stderr: captured.stderr.join('')} : {}),
		...(interruptedBy ? {interruptedBy} : {}),
	};
}

/** True once the engine no longer knows the toolbox (AutoRemove and our own removal may race: wait briefly). */
async function gone(engine: Engine, id: string): Promise<boolean> {
	for (let i = 0; i < 50; i++) {
		try {
			await engine.inspectContainer(id);
		} catch (error) {
			if (isHelperError(error) && error.code === 'NO_SUCH_CONTAINER') return true;
			throw error;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return false;
}
