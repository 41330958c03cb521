/**
 * The one ordered registry: it feeds --help, the interactive menu and dispatch.
 * Adding a command is one file plus one line here. Only commands that work are listed.
 */
import type {AnyCommand} from './types.js';
import {validate} from './validate.js';
import {lint} from './lint.js';

export const commands: readonly AnyCommand[] = [
	// setup
	validate,

	// knowledge and templates

	// troubleshooting

	// build: lint and image analysis
	lint,
];

export function findCommand(name: string): AnyCommand | undefined {
	return commands.find((c) => c.name === name);
}
