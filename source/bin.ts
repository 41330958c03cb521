#!/usr/bin/env node
// Entry point. `--version` answers before anything else is loaded, so it starts as fast as Node.
import {VERSION} from './version.js';

let argv = process.argv.slice(2);
let env: NodeJS.ProcessEnv = process.env;
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
	process.stdout.write(`${VERSION}\n`);
} else if (argv.length === 1 && argv[0] === 'docker-cli-plugin-metadata') {
	// The docker CLI asks every plugin for this before listing it in `docker --help`.
	const {pluginMetadata} = await import('./core/plugin.js');
	process.stdout.write(`${JSON.stringify(pluginMetadata(VERSION))}\n`);
} else {
	if (env['DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND'] && argv.includes('helper')) {
		// Run as `docker helper ...`: the docker CLI's global options come first, then "helper".
		const {pluginArgv} = await import('./core/plugin.js');
		const translated = pluginArgv(argv);
		if (!translated.ok) {
			process.stderr.write(`docker-helper: ${translated.message}\n  → ${translated.hint}\n`);
			process.exit(2);
		}
		argv = [...translated.argv];
		env = {...env, ...translated.env};
	}
	const {main} = await import('./main.js');
	const code = await main({argv, env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdinIsTTY: process.stdin.isTTY === true});
	process.exitCode = code;
	// A finished command must not linger on the engine client's idle keep-alive sockets:
	// exit once stdout has flushed.
	process.stdout.write('', () => process.exit(code));
}
