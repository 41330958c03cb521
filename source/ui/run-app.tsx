/** Mounts the Ink app. Only ever called with a TTY on stdin and stdout. */
import React from 'react';
import {render} from 'ink';
import type {AnyCommand, Context, Input} from '../commands/types.js';
import {isHelperError} from '../core/errors.js';
import type {Theme} from '../output/theme.js';
import {VERSION} from '../version.js';
import {App, newSession, type Notice} from './App.js';
import {drainOutput} from '../stream-output.js';
import stringWidth from 'string-width';

export async function runApp(options: {
	commands: readonly AnyCommand[];
	theme: Theme;
	makeContext: () => Context;
	/** A context that streams to the real terminal, for handoffs; the signal stops a stream (logs -f). */
	makeStreamingContext?: (signal?: AbortSignal) => Context;
	start?: {command: string; input: Input};
}): Promise<number> {
	const session = newSession();
	let start = options.start;
	// Ink unmounts on 'beforeExit'. Between a stream stopping and the app's next frame subscribing to
	// stdin nothing may hold the event loop, and the app would close by itself: hold it while the app is open.
	const hold = setInterval(() => undefined, 1 << 30);
	try {
		return await loop();
	} finally {
		clearInterval(hold);
	}

	async function loop(): Promise<number> {
		for (;;) {
			const instance = render(
				<App
					commands={options.commands}
					theme={options.theme}
					makeContext={options.makeContext}
					version={VERSION}
					session={session}
					{...(start ? {start} : {})}
				/>,
				// Ctrl-C is the app's own key: it quits with status 130, as a shell expects of an interrupted program.
				{exitOnCtrlC: false},
			);
			await instance.waitUntilExit();
			instance.cleanup();
			start = undefined;
			if (session.exitCode !== undefined) return session.exitCode;
			const handoff = session.handoff;
			session.handoff = undefined;
			if (!handoff || !options.makeStreamingContext) return 0;
			// Streaming commands own the terminal: run them outside Ink, then come back to the screen they were opened from.
			const command = options.commands.find((c) => c.name === handoff.command);
			if (!command) continue;
			const outcome =
				handoff.command === 'logs'
					? await follow(command, handoff.input, options.makeStreamingContext, options.theme)
					: await runOutside(command, handoff.input, options.makeStreamingContext);
			if (outcome.quit !== undefined) return outcome.quit;
			session.notice = outcome.notice;
			// Keys typed for the shell or while it ended are not for the app: an Enter left over would open the next screen.
			while (process.stdin.read() !== null);
		}
	}
}

interface Outcome {
	readonly notice: Notice;
	readonly quit?: number;
}

/** exec: the shell (or command) has the terminal to itself; its exit status comes back as a notice. */
async function runOutside(command: AnyCommand, input: Input, makeContext: (signal?: AbortSignal) => Context): Promise<Outcome> {
	const target = input.args[0] ?? '';
	try {
		const controller = new AbortController();
		const ctx = makeContext(controller.signal);
		// The shell's output is written here; in raw mode Ctrl-C is a key for the shell, not a signal for us.
		const result = (
			command.stream
				? (await drainOutput(command.stream(ctx, input), {stdout: process.stdout, stderr: process.stderr}, controller)).result
				: await command.run(ctx, input)
		) as {exitCode?: number} | undefined;
		const code = command.exitCode?.(result, input) ?? result?.exitCode ?? 0;
		const what = command.name === 'exec' ? `The shell in ${target}` : `${command.name} ${target}`.trim();
		return code === 0 ? {notice: {text: `${what} exited with status 0.`, tone: 'ok'}} : {notice: {text: `${what} exited with status ${code}.`, tone: 'error'}};
	} catch (error) {
		const text = isHelperError(error) ? `${error.message} ${error.hint}` : `docker-helper: ${(error as Error).message}`;
		return {notice: {text, tone: 'error'}};
	}
}

/**
 * logs -f in the app: the log streams on the terminal's alternate screen, so leaving it puts the app
 * back as it was, with no log lines left behind. q or Esc stops following and goes back; Ctrl-C quits.
 */
async function follow(command: AnyCommand, input: Input, makeContext: (signal?: AbortSignal) => Context, theme: Theme): Promise<Outcome> {
	const controller = new AbortController();
	const stdin = process.stdin;
	const stdout = process.stdout;
	const target = input.args[0] ?? '';
	let quit: number | undefined;
	const onData = () => {
		let chunk: string | Buffer | null;
		let text = '';
		while ((chunk = stdin.read() as string | Buffer | null) !== null) text += chunk.toString();
		if (text.includes('\u0003')) quit = 130;
		// q, or Esc alone (an arrow key also starts with Esc, and is ignored).
		if (quit !== undefined || /q|Q/.test(text) || text === '\u001B' || /\u001B(?![[O])/.test(text)) controller.abort();
	};
	const wasRaw = stdin.isTTY ? stdin.isRaw : false;
	stdout.write('\u001B[?1049h\u001B[H\u001B[2J');
	const grep = typeof input.flags['grep'] === 'string' && input.flags['grep'] !== '' ? ` (only lines matching /${input.flags['grep']}/)` : '';
	const header = `Following the log of ${target}${grep} · q or Esc: back · Ctrl-C: quit`;
	stdout.write(`${theme.dim(header)}\n`);
	// The header stays at the top: the log scrolls in the rows below it (a scroll region), so a long
	// log never pushes the keys out of sight.
	const headerRows = Math.max(1, Math.ceil(stringWidth(header) / Math.max(1, stdout.columns || 80)));
	const screenRows = stdout.rows || 0;
	const region = stdout.isTTY && screenRows > headerRows + 2;
	if (region) stdout.write(`\u001B[${headerRows + 1};${screenRows}r\u001B[${headerRows + 1};1H`);
	if (stdin.isTTY) stdin.setRawMode(true);
	// The same way Ink reads (a 'readable' listener): a 'data' listener would switch stdin to flowing mode, and
	// Ink's next instance, which only listens for 'readable', would then never hear a key.
	stdin.on('readable', onData);
	let lines: number;
	try {
		const ctx = makeContext(controller.signal);
		// The stream is written here, chunk by chunk; Ctrl-C arrives as a key in raw mode, not as SIGINT.
		const result = (
			command.stream ? (await drainOutput(command.stream(ctx, input), {stdout, stderr: process.stderr}, controller)).result : await command.run(ctx, input)
		) as {lines?: number} | undefined;
		lines = result?.lines ?? 0;
	} catch (error) {
		const text = isHelperError(error) ? `${error.message} ${error.hint}` : `docker-helper: ${(error as Error).message}`;
		return {notice: {text, tone: 'error'}, ...(quit !== undefined ? {quit} : {})};
	} finally {
		stdin.off('readable', onData);
		if (stdin.isTTY) stdin.setRawMode(wasRaw);
		// Back on the main screen, the app's last frame is still there: clear it, the app draws itself again.
		if (region) stdout.write('\u001B[r');
		stdout.write('\u001B[?1049l\u001B[2J\u001B[H');
	}
	const how = controller.signal.aborted ? 'Stopped following' : 'The log ended for';
	return {notice: {text: `${how} ${target} (${lines} line${lines === 1 ? '' : 's'}).`, tone: 'ok'}, ...(quit !== undefined ? {quit} : {})};
}
