import {eventEvidence, events, field, ref, sh, commandEvidence} from '../helpers.js';
import type {Rule} from '../types.js';

/** docker stop sent SIGTERM, waited, then SIGKILL: PID 1 ignored SIGTERM. */
export const sigkillStopTimeout: Rule = {
	id: 'sigkill-stop-timeout',
	description: 'docker stop had to SIGKILL the container after its timeout because PID 1 ignored SIGTERM.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['sigkill-stop-timeout'], silent: ['sigkill-docker-kill', 'oom-killed', 'stopped-sigterm']},
	diagnose(f) {
		if (f.state.exitCode !== 137 || f.state.oomKilled || events(f, 'oom').length > 0 || f.state.running) return null;
		const kills = events(f, 'kill');
		const lastKill9 = [...kills].reverse().find((e) => e.attributes['signal'] === '9');
		if (!lastKill9) return null;
		const term = [...kills].reverse().find((e) => e.attributes['signal'] === '15' && Date.parse(e.time) <= Date.parse(lastKill9.time));
		if (!term) return null;
		const waited = (Date.parse(lastKill9.time) - Date.parse(term.time)) / 1000;
		const stop = events(f, 'stop').find((e) => Date.parse(e.time) >= Date.parse(lastKill9.time));
		const name = sh(ref(f));
		const evidence = [field(f, 'State.ExitCode', 137), field(f, 'State.OOMKilled', false), eventEvidence(f, term), eventEvidence(f, lastKill9)];
		if (stop) evidence.push(eventEvidence(f, stop));
		evidence.push(commandEvidence(f));
		const shellForm = f.container.path === '/bin/sh' || f.container.path === 'sh' || f.container.path === '/bin/bash' || f.container.path === 'bash';
		return {
			title: `Stopped with SIGKILL: PID 1 ignored SIGTERM for ${waited.toFixed(0)} s`,
			severity: 'warning',
			confidence: 'high',
			evidence,
			explanation:
				`docker stop sent SIGTERM, waited ${waited.toFixed(1)} s, then sent SIGKILL (exit code 137). This was not an out-of-memory kill. ` +
				'Inside a container the main process is PID 1, and the kernel does not apply default signal actions to PID 1: unless the program installs a SIGTERM handler, SIGTERM is simply ignored. ' +
				(shellForm ? `Here PID 1 is a shell (${f.container.path}), which does not pass SIGTERM on to the program it started. ` : '') +
				'The program never got a chance to shut down cleanly (flush data, close connections).',
			fixes: [
				{description: 'Run the program as PID 1 with the exec form, so it receives SIGTERM itself', edit: {file: 'Dockerfile', change: 'CMD ["your-program", "--flag"]   # not: CMD your-program --flag'}},
				{description: 'In an entrypoint script, replace the shell with the program', edit: {file: 'entrypoint.sh', change: 'exec "$@"   # last line'}},
				{description: 'Or let a tiny init forward signals and reap zombies', command: `docker run --init ...`},
				{description: 'Or give a slow shutdown more time', command: `docker stop --time 30 ${name}`},
			],
		};
	},
};
