import {events, field, formatSeconds, secondsBetween, commandEvidence} from '../helpers.js';
import type {Rule} from '../types.js';

/** Programs that fork into the background unless told otherwise, and the flag that keeps them in front. */
const DAEMONS: ReadonlyArray<{match: RegExp; foreground: RegExp; fix: string}> = [
	{match: /(^|\/)nginx$/, foreground: /daemon off/, fix: '["nginx", "-g", "daemon off;"]'},
	{match: /(^|\/)(httpd|apache2|apachectl)$/, foreground: /(^|\s)(-f|-DFOREGROUND|-X)(\s|$)/, fix: '["httpd", "-DFOREGROUND"]   # busybox httpd: ["httpd", "-f", "-p", "8080"]'},
	{match: /(^|\/)(redis-server)$/, foreground: /daemonize no/, fix: '["redis-server", "--daemonize", "no"]'},
	{match: /(^|\/)(sshd)$/, foreground: /(^|\s)-D(\s|$)/, fix: '["/usr/sbin/sshd", "-D"]'},
	{match: /(^|\/)(crond|cron)$/, foreground: /(^|\s)-f(\s|$)/, fix: '["crond", "-f"]'},
	{match: /(^|\/)(php-fpm[\d.]*)$/, foreground: /(-F|--nodaemonize)/, fix: '["php-fpm", "-F"]'},
	{match: /(^|\/)(supervisord)$/, foreground: /(-n|--nodaemon)/, fix: '["supervisord", "-n"]'},
];

export const exitZeroService: Rule = {
	id: 'exit-zero-service',
	description: 'The main process exited 0 although the container looks like a long-running service (a daemonising entrypoint or a one-shot command).',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['exit-zero-daemon'], silent: ['one-shot-exit-zero', 'stopped-sigterm', 'healthy-running']},
	diagnose(f) {
		if (f.state.running || f.state.exitCode !== 0 || f.state.status === 'created') return null;
		// A stop or kill request explains a clean exit.
		if (events(f, 'kill').length > 0 || events(f, 'stop').length > 0) return null;
		const argv = [f.container.path, ...f.container.args];
		const command = argv.join(' ');
		const words = argv.flatMap((a) => a.split(/\s+/));
		let daemon: (typeof DAEMONS)[number] | undefined;
		for (const word of words) {
			const d = DAEMONS.find((x) => x.match.test(word));
			if (d && !d.foreground.test(command)) {
				daemon = d;
				break;
			}
		}
		const background = /(^|[^&])&\s*$/.test(command) || /\bservice\s+\S+\s+start\b|\bsystemctl\s+start\b|\/etc\/init\.d\/\S+\s+start\b/.test(command);
		const serviceLike = f.restartPolicy.name === 'always' || f.restartPolicy.name === 'unless-stopped' || f.ports.length > 0 || (f.image?.exposedPorts.length ?? 0) > 0 || f.healthcheck !== null;
		if (!daemon && !background && !serviceLike) return null;
		const ran = secondsBetween(f.state.startedAt, f.state.finishedAt);
		const evidence = [field(f, 'State.ExitCode', 0), commandEvidence(f)];
		if (ran !== null) evidence.push({kind: 'field' as const, label: 'State.FinishedAt − State.StartedAt', value: formatSeconds(ran), command: `docker inspect --format '{{.State.StartedAt}} {{.State.FinishedAt}}' ${f.container.name}`});
		if (f.restartPolicy.name !== 'no') evidence.push(field(f, 'HostConfig.RestartPolicy.Name', f.restartPolicy.name));
		if (f.ports.length > 0) evidence.push(field(f, 'HostConfig.PortBindings', f.ports.map((p) => `${p.hostPort}->${p.containerPort}`).join(', ')));
		return {
			title: daemon ? `The entrypoint sent its server to the background and exited 0` : background ? 'The command starts a service in the background and then exits' : 'Exited with code 0 although it looks like a service',
			severity: daemon || background ? 'error' : 'warning',
			confidence: daemon || background ? 'high' : 'medium',
			evidence,
			explanation:
				'A container lives exactly as long as its main process (PID 1). ' +
				(daemon
					? `Here that process starts a server that forks into the background by default, so the foreground process finishes at once${ran !== null ? ` (after ${formatSeconds(ran)})` : ''} with exit code 0, and Docker stops the container, taking the background server with it.`
					: background
						? 'Here the command starts something in the background (service … start, or a trailing &) and then returns, so the container ends with it.'
						: `It exited successfully${ran !== null ? ` after ${formatSeconds(ran)}` : ''}, but it publishes ports, has a health check or a restart policy, which suggests it was meant to keep running. If it is a one-shot job, this is fine.`),
			fixes: [
				...(daemon ? [{description: 'Run the server in the foreground', edit: {file: 'Dockerfile', change: `CMD ${daemon.fix}`}}] : []),
				...(background ? [{description: 'Start the service in the foreground as the last command (exec it, no trailing &)', edit: {file: 'entrypoint.sh', change: 'exec my-server --foreground'}}] : []),
				{description: 'Check what the command does when run by hand', command: `docker run --rm -it ${f.container.image} sh`},
			],
		};
	},
};
