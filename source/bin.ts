#!/usr/bin/env node
// Entry point. `--version` answers before anything else is loaded, so it starts as fast as Node.
import {VERSION} from './version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
	process.stdout.write(`${VERSION}\n`);
} else {
	const {main} = await import('./main.js');
	const code = await main({argv, env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdinIsTTY: process.stdin.isTTY === true});
	process.exitCode = code;
	// A finished command must not linger on the engine client's idle keep-alive sockets:
	// exit once stdout has flushed.
	process.stdout.write('', () => process.exit(code));
}
