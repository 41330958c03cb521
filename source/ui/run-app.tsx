/** Mounts the Ink app. Only ever called with a TTY on stdin and stdout. */
import React from 'react';
import {render} from 'ink';
import type {AnyCommand, Context, Input} from '../commands/types.js';
import type {Theme} from '../output/theme.js';
import {VERSION} from '../version.js';
import {App, type Handoff} from './App.js';
import {isHelperError} from '../core/errors.js';
import {failureText} from '../output/failure.js';
import {drainOutput} from '../stream-output.js';

export async function runApp(options: {
	commands: readonly AnyCommand[];
	theme: Theme;
	makeContext: () => Context;
	/** A context that streams to the real terminal, for handoffs; the signal ends the stream (Ctrl-C). */
	makeStreamingContext?: (signal: AbortSignal) => Context;
	start?: {command: string; input: Input};
}): Promise<number> {
	let start = options.start;
	for (;;) {
		let handoff: Handoff | undefined;
		const instance = render(
			<App commands={options.commands} theme={options.theme} makeContext={options.makeContext} version={VERSION} {...(start ? {start} : {})} onHandoff={(h) => (handoff = h)} />,
			{exitOnCtrlC: true},
		);
		await instance.waitUntilExit();
		instance.cleanup();
		if (!handoff || !options.makeStreamingContext) return 0;
		// Streaming commands own the terminal: run them outside Ink, then come back to the menu.
		const {command: name, input} = handoff as Handoff;
		const command = options.commands.find((c) => c.name === name);
		if (command) {
			try {
				const controller = new AbortController();
				const ctx = options.makeStreamingContext(controller.signal);
				if (command.stream) await drainOutput(command.stream(ctx, input), {stdout: process.stdout, stderr: process.stderr}, controller);
				else await command.run(ctx, input);
			} catch (error) {
				if (!isHelperError(error)) throw error;
				process.stderr.write(failureText(error.message, error.hint, options.theme));
			}
		}
		start = undefined;
	}
}
