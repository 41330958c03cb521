/** Where this copy of docker-helper runs from, for the CLI plugin shim. */
import {realpathSync} from 'node:fs';

export function runningCli(): {node: string; cli: string} {
	const script = process.argv[1] ?? '';
	let cli = script;
	try {
		cli = realpathSync(script);
	} catch {
		// keep the path as given
	}
	return {node: process.execPath, cli};
}
