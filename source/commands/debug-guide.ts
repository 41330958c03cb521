import {guideCommand} from './explain.js';

export const debugGuide = guideCommand('debug-guide', {
	summary: 'Guide: why a container fails, and the fix',
	description:
		'The failed-container workflow (status, logs, inspect with format strings, exec, events, restart counts),\na table of common failures (port in use, OOM, missing env vars, mounts, networking, crashes) with the\ncommand that diagnoses each and the fix, and how restart policies behave.',
	examples: ['docker-helper debug-guide', 'docker-helper debug-guide --plain | grep -A3 OOM'],
});
