import {formatBytes} from '../../units.js';
import {commandEvidence, eventEvidence, events, eventsCoverLastRun, field, lastRunEvents, ref, sh, stopHandling} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

/**
 * Exit 137 without an OOM kill: the process died of SIGKILL. One verdict, made from what the
 * container's state keeps (exit code, OOMKilled, the command PID 1 runs, StopSignal/StopTimeout,
 * the memory limit, the health log); the engine's events only say who sent it, while they last.
 * The id and severity never depend on the events, so the verdict does not change when they age out.
 */
export const sigkill: Rule = {
	id: 'sigkill',
	description:
		'Exit 137 without an OOM kill: SIGKILL after a docker stop whose SIGTERM PID 1 ignored, docker kill, or a sender outside the engine. The events name the sender while the engine keeps them.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {
		fires: ['sigkill-docker-kill', 'sigkill-stop-timeout', 'sigkill-stop-timeout-flooded'],
		silent: ['oom-killed', 'stopped-sigterm', 'segfault', 'healthy-running'],
	},
	diagnose(f) {
		if (f.state.exitCode !== 137 || f.state.oomKilled || events(f, 'oom').length > 0 || (f.state.running && !f.state.restarting)) return null;
		const name = sh(ref(f));
		const stop = stopHandling(f);
		const kills = lastRunEvents(f, 'kill');
		const kill9 = [...kills].reverse().find((e) => e.attributes['signal'] === '9');
		const term = kill9 ? [...kills].reverse().find((e) => e.attributes['signal'] !== '9' && Date.parse(e.time) <= Date.parse(kill9.time)) : undefined;
		const covered = eventsCoverLastRun(f);
		const limit = f.resources.memory;
		const unhealthy = f.state.health?.status === 'unhealthy';
		const evidence: Evidence[] = [field(f, 'State.ExitCode', 137), field(f, 'State.OOMKilled', false), commandEvidence(f)];
		if (f.container.stopTimeout !== undefined) evidence.push(field(f, 'Config.StopTimeout', f.container.stopTimeout));
		if (f.container.stopSignal) evidence.push(field(f, 'Config.StopSignal', f.container.stopSignal));
		if (term) evidence.push(eventEvidence(f, term));
		if (kill9) evidence.push(eventEvidence(f, kill9));
		const stopEvent = kill9 ? events(f, 'stop').find((e) => Date.parse(e.time) >= Date.parse(kill9.time)) : undefined;
		if (stopEvent) evidence.push(eventEvidence(f, stopEvent));
		if (limit > 0) evidence.push(field(f, 'HostConfig.Memory', limit));
		if (unhealthy) evidence.push(field(f, 'State.Health.Status', 'unhealthy'));

		const why137 =
			'Exit code 137 is 128 + 9: the process died of SIGKILL, which cannot be caught, so it could not clean up. OOMKilled is false, so it was not the kernel acting on the container memory limit. ';
		const pid1Note =
			stop.ignoresTerm === true
				? `PID 1 here is "${stop.pid1}", which installs no ${stop.stopSignal} handler; the kernel ignores such signals for PID 1, so docker stop waits its timeout (${stop.stopTimeout} s) and then sends SIGKILL. `
				: '';
		const pid1Fixes = [
			{
				description: 'Run the program as PID 1 with the exec form, so it receives SIGTERM itself',
				edit: {file: 'Dockerfile', change: 'CMD ["your-program", "--flag"]   # not: CMD your-program --flag'},
			},
			{description: 'In an entrypoint script, replace the shell with the program', edit: {file: 'entrypoint.sh', change: 'exec "$@"   # last line'}},
			{description: 'Or let a tiny init forward signals and reap zombies', command: 'docker run --init ...'},
			{description: 'Or give a slow shutdown more time', command: `docker stop --time 30 ${name}`},
		];
		const hostFix = {
			description: 'Look for the kill on the host: kernel messages and the engine log',
			command: `dmesg -T | grep -i -E 'killed process|out of memory'; journalctl -u docker --since -1h`,
		};

		if (kill9 && term) {
			const waited = (Date.parse(kill9.time) - Date.parse(term.time)) / 1000;
			return {
				title: `Stopped with SIGKILL: PID 1 ignored SIGTERM for ${waited.toFixed(0)} s`,
				severity: 'warning',
				confidence: 'high',
				evidence,
				explanation:
					`docker stop sent ${term.attributes['signal'] === '15' ? 'SIGTERM' : `signal ${term.attributes['signal']}`}, waited ${waited.toFixed(1)} s, then sent SIGKILL (exit code 137). This was not an out-of-memory kill. ` +
					'Inside a container the main process is PID 1, and the kernel does not apply default signal actions to PID 1: unless the program installs a SIGTERM handler, SIGTERM is simply ignored. ' +
					(stop.ignoresTerm === true ? `Here PID 1 is "${stop.pid1}", which has no handler. ` : '') +
					'The program never got a chance to shut down cleanly (flush data, close connections).',
				fixes: pid1Fixes,
			};
		}
		if (kill9) {
			return {
				title: 'Killed with SIGKILL by docker kill (not out of memory)',
				severity: 'warning',
				confidence: 'high',
				evidence,
				explanation: `The engine recorded a kill request with signal 9 and no stop signal before it: someone ran docker kill (or docker compose kill, or a tool using the API). ${why137}`,
				fixes: [
					{description: 'Start it again if the kill was intended', command: `docker start ${name}`},
					{description: 'Prefer docker stop, which sends SIGTERM first and lets the program shut down', command: `docker stop ${name}`},
				],
			};
		}
		if (covered) {
			return {
				title:
					limit > 0
						? `Killed by SIGKILL from outside the engine: possibly the ${formatBytes(limit)} memory limit, not flagged as OOM`
						: 'Killed by SIGKILL from outside the engine (no docker stop or kill)',
				severity: 'warning',
				confidence: 'medium',
				evidence,
				explanation:
					why137 +
					'The engine still holds every event of this run and none of them is a kill request, so neither docker stop nor docker kill sent it. ' +
					(limit > 0
						? `The container has a ${formatBytes(limit)} memory limit, and the engine can miss the OOM flag when the kill races with the exit (seen on cgroup v1): check the kernel log for an OOM kill first. `
						: '') +
					'Other senders: a process on the host (kill -9), or the host-wide OOM killer when the whole machine ran out of memory.',
				fixes: [hostFix, {description: 'Start it again', command: `docker start ${name}`}],
			};
		}
		// The events of this run are gone: say what the state shows and what the possible senders are.
		const causes = [
			`docker stop after its ${stop.stopTimeout} s timeout${stop.ignoresTerm === true ? ' (likely: PID 1 ignores SIGTERM)' : ''}`,
			'docker kill',
			...(unhealthy ? ['a watchdog that kills unhealthy containers (the health check was failing)'] : []),
			limit > 0 ? `the ${formatBytes(limit)} memory limit with the OOM flag lost, or a process on the host` : 'the host (kill -9, or the host-wide OOM killer)',
		];
		return {
			title: `Killed by SIGKILL (exit 137, not flagged out of memory): ${causes.slice(0, 2).join(' or ')}${causes.length > 2 ? ', or the host' : ''}`,
			severity: 'warning',
			confidence: 'low',
			evidence,
			explanation:
				why137 +
				pid1Note +
				"The engine keeps events only briefly and no longer holds this run's, so it cannot say who sent the signal. Possible senders: " +
				causes.join('; ') +
				'.',
			fixes: [
				...(stop.ignoresTerm === true ? pid1Fixes.slice(0, 3) : []),
				hostFix,
				{description: 'Start it again and watch who stops it', command: `docker start ${name} && docker events --filter container=${name}`},
			],
		};
	},
};
