/**
 * The one ordered registry: it feeds --help, the interactive menu and dispatch.
 * Adding a command is one file plus one line here. Only commands that work are listed.
 */
import type {AnyCommand} from './types.js';
import {validate} from './validate.js';
import {recommend} from './recommend.js';
import {configure} from './configure.js';
import {generateCompose} from './generate-compose.js';
import {explain} from './explain.js';
import {optimizeGuide} from './optimize-guide.js';
import {debugGuide} from './debug-guide.js';
import {copyDockerfile} from './copy-dockerfile.js';
import {generateDockerignoreCommand} from './generate-dockerignore.js';
import {init} from './init.js';
import {diagnoseCommand} from './diagnose.js';
import {logs} from './logs.js';
import {exec} from './exec.js';
import {inspect} from './inspect.js';
import {lint} from './lint.js';
import {analyze} from './analyze.js';
import {verify} from './verify.js';
import {images} from './images.js';
import {cleanup} from './cleanup.js';
import {monitor} from './monitor.js';
import {debug} from './debug.js';
import {plugin} from './plugin.js';

export const commands: readonly AnyCommand[] = [
	// setup
	validate,
	recommend,
	configure,
	plugin,

	// knowledge and templates
	explain,
	optimizeGuide,
	debugGuide,
	init,
	copyDockerfile,
	generateDockerignoreCommand,
	generateCompose,

	// troubleshooting
	monitor,
	diagnoseCommand,
	logs,
	inspect,
	exec,
	debug,

	// build: lint and image analysis
	lint,
	analyze,
	verify,
	images,
	cleanup,
];

export function findCommand(name: string): AnyCommand | undefined {
	return commands.find((c) => c.name === name);
}
