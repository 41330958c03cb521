import {backgroundingCommand, cleanExitLoop, commandEvidence, field, formatSeconds, lastRunSeconds, ref, sh, lastRunEvidence} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

/** Below this, a clean exit of a service-looking container is suspicious; above it, it may well have been stopped on request. */
export const SHORT_RUN_SECONDS = 10;

export const exitZeroService: Rule = {
	id: 'exit-zero-service',
	description:
		'The main process exits 0 although the container is meant to keep running: a daemonising entrypoint, a command that backgrounds its work, or a clean exit that a restart policy (always, unless-stopped) turns into a restart loop.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['exit-zero-daemon', 'exit-zero-restart-always'], silent: ['one-shot-exit-zero', 'stopped-sigterm', 'healthy-running', 'crash-loop']},
	diagnose(f) {
		if (f.state.status === 'created') return null;
		const looping = cleanExitLoop(f);
		const exited = !f.state.running && !f.state.restarting && f.state.status === 'exited' && f.state.exitCode === 0;
		if (!looping && !exited) return null;
		const {daemon, background} = backgroundingCommand(f);
		const ran = lastRunSeconds(f);
		const policy = f.restartPolicy.name;
		const restarts = policy === 'always' || policy === 'unless-stopped';
		const serviceLike = restarts || f.ports.length > 0 || (f.image?.exposedPorts.length ?? 0) > 0 || f.healthcheck !== null;
		// A clean exit after a long run is as likely a stop on request: stopped-sigterm speaks for it, from the same persistent facts.
		if (!looping && !daemon && !background && !(serviceLike && ran !== null && ran < SHORT_RUN_SECONDS)) return null;
		const evidence: Evidence[] = [field(f, 'State.ExitCode', 0), commandEvidence(f)];
		if (ran !== null) evidence.push(lastRunEvidence(f, ran));
		if (policy !== 'no') evidence.push(field(f, 'HostConfig.RestartPolicy.Name', policy));
		if (looping || f.restartCount > 0) evidence.push(field(f, 'RestartCount', f.restartCount));
		if (f.ports.length > 0) evidence.push(field(f, 'HostConfig.PortBindings', f.ports.map((p) => `${p.hostPort}->${p.containerPort}`).join(', ')));
		const loopText = looping
			? ` The restart policy "${policy}" starts it again each time (${f.restartCount} restarts so far, with a growing delay): this is a restart loop, but not a crash — every run succeeds and ends.`
			: '';
		const name = sh(ref(f));
		return {
			title: daemon
				? `The entrypoint sent its server to the background and exited 0${looping ? `; "${policy}" restarts it again and again (${f.restartCount} restarts)` : ''}`
				: background
					? `The command starts a service in the background and then exits${looping ? ` (${f.restartCount} restarts by "${policy}")` : ''}`
					: looping
						? `Exits 0 and restart policy "${policy}" starts it again: ${f.restartCount} restarts, not a crash`
						: `Exited with code 0 after ${ran !== null ? formatSeconds(ran) : 'a moment'} although it looks like a service`,
			severity: daemon || background ? 'error' : 'warning',
			confidence: daemon || background || looping ? 'high' : 'medium',
			evidence,
			explanation:
				'A container lives exactly as long as its main process (PID 1). ' +
				(daemon
					? `Here that process starts a server that forks into the background by default, so the foreground process finishes at once${ran !== null ? ` (after ${formatSeconds(ran)})` : ''} with exit code 0, and Docker stops the container, taking the background server with it.`
					: background
						? 'Here the command starts something in the background (service … start, or a trailing &) and then returns, so the container ends with it.'
						: looping
							? `Its process exits with code 0${ran !== null ? ` after ${formatSeconds(ran)}` : ''}. A one-shot job (a migration, a script) under a restart policy of "${policy}" runs again and again.`
							: `It exited successfully after ${ran !== null ? formatSeconds(ran) : 'a moment'}, but it publishes ports, has a health check or a restart policy, which suggests it was meant to keep running. If it is a one-shot job, this is fine.`) +
				loopText,
			fixes: [
				...(daemon ? [{description: 'Run the server in the foreground', edit: {file: 'Dockerfile', change: `CMD ${daemon.fix}`}}] : []),
				...(background
					? [
							{
								description: 'Start the service in the foreground as the last command (exec it, no trailing &)',
								edit: {file: 'entrypoint.sh', change: 'exec my-server --foreground'},
							},
						]
					: []),
				...(looping && !daemon && !background
					? [{description: 'A job that should run once: restart only on failure', command: `docker update --restart=on-failure:3 ${name}`}]
					: []),
				{description: 'Check what the command does when run by hand', command: `docker run --rm -it ${f.container.image} sh`},
			],
		};
	},
};
