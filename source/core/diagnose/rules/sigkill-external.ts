import {formatBytes} from '../../units.js';
import {eventEvidence, events, field, ref, sh} from '../helpers.js';
import type {Rule} from '../types.js';

/** Exit 137 without OOM and without a preceding SIGTERM: someone sent SIGKILL. */
export const sigkillExternal: Rule = {
	id: 'sigkill-external',
	description: 'The container was killed with SIGKILL (docker kill or another process), not by the OOM killer.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['sigkill-docker-kill'], silent: ['sigkill-stop-timeout', 'oom-killed', 'stopped-sigterm']},
	diagnose(f) {
		if (f.state.exitCode !== 137 || f.state.oomKilled || events(f, 'oom').length > 0 || f.state.running) return null;
		const kills = events(f, 'kill');
		const kill9 = [...kills].reverse().find((e) => e.attributes['signal'] === '9');
		if (kill9 && kills.some((e) => e.attributes['signal'] === '15' && Date.parse(e.time) <= Date.parse(kill9.time))) return null; // stop timeout
		const evidence = [field(f, 'State.ExitCode', 137), field(f, 'State.OOMKilled', false)];
		if (kill9) evidence.push(eventEvidence(f, kill9));
		const name = sh(ref(f));
		const limit = f.resources.memory;
		if (!kill9 && limit > 0) evidence.push(field(f, 'HostConfig.Memory', limit));
		return {
			title: kill9 ? 'Killed with SIGKILL by docker kill (not out of memory)' : limit > 0 ? `Killed by SIGKILL with no kill request: possibly the ${formatBytes(limit)} memory limit, not flagged as OOM` : 'Killed by SIGKILL from outside (not the container memory limit)',
			// A deliberate docker kill is not a failure of the container; an unexplained SIGKILL may be the host running out of memory.
			severity: kill9 ? 'warning' : 'error',
			confidence: kill9 ? 'high' : 'low',
			evidence,
			explanation: kill9
				? 'The engine recorded a kill request with signal 9 and no SIGTERM before it: someone ran docker kill (or docker compose kill, or a tool using the API). SIGKILL ends the process at once, so it could not clean up. OOMKilled is false, so memory was not the reason.'
				: 'Exit code 137 means the process died from SIGKILL (128 + 9). The engine has no kill request for it (events are kept only for a short while) and OOMKilled is false. ' +
					(limit > 0
						? `The container has a ${formatBytes(limit)} memory limit, and the engine can miss the OOM flag when the kill races with the exit (seen on cgroup v1): check the kernel log for an OOM kill of this container before anything else. `
						: '') +
					'Other possible senders: docker kill, an orchestrator, a process on the host, or the host-wide OOM killer when the whole machine ran out of memory (check dmesg on the host).',
			fixes: [
				{description: 'Start it again if the kill was intended', command: `docker start ${name}`},
				{description: 'Look for the kill on the host: kernel messages and the engine log', command: `dmesg -T | grep -i -E 'killed process|out of memory'; journalctl -u docker --since -1h`},
				{description: 'Prefer docker stop, which sends SIGTERM first and lets the program shut down', command: `docker stop ${name}`},
			],
		};
	},
};
