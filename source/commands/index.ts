/**
 * The one ordered registry: it feeds --help, the interactive menu and dispatch.
 * Adding a command is one file plus one line here. Only commands that work are listed.
 */
import type {AnyCommand} from './types.js';
import {validate} from './validate.js';
import {diagnoseCommand} from './diagnose.js';
import {logs} from './logs.js';
import {exec} from './exec.js';
import {inspect} from './inspect.js';

export const commands: readonly AnyCommand[] = [
	// setup
	validate,

	// knowledge and templates

	// troubleshooting
	diagnoseCommand,
	logs,
	inspect,
	exec,

	// build: lint and image analysis
];

export function findCommand(name: string): AnyCommand | undefined {
	return commands.find((c) => c.name === name);
}
