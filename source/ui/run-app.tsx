/** Mounts the Ink app. Only ever called with a TTY on stdin and stdout. */
import React from 'react';
import {render} from 'ink';
import type {AnyCommand, Context, Input} from '../commands/types.js';
import type {Theme} from '../output/theme.js';
import {VERSION} from '../version.js';
import {App, type Handoff} from './App.js';

export async function runApp(options: {
	commands: readonly AnyCommand[];
	theme: Theme;
	makeContext: () => Context;
	/** A context that streams to the real terminal, for handoffs. */
	makeStreamingContext?: () => Context;
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
				await command.run(options.makeStreamingContext(), input);
			} catch (error) {
				process.stderr.write(`docker-helper: ${(error as Error).message}\n`);
			}
		}
		start = undefined;
	}
}
