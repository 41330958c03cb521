import {effectiveUser, field, isRoot, lastMatch, logEvidence} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

const IN_USE = /EADDRINUSE|address already in use|Address in use|port is already in use|Only one usage of each socket address/i;
const DENIED =
	/(?:bind|listen)[^\n]*(?:permission denied|EACCES)|EACCES[^\n]*(?:bind|listen|:\d{1,4}\b)|permission denied[^\n]*(?:bind|listen|port)|Permission denied: AH00072|could not bind to address/i;

export const appPortBind: Rule = {
	id: 'app-port-bind',
	description: 'The application could not bind its port inside the container (address already in use, or a port below 1024 as a non-root user).',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['app-port-in-use', 'app-port-privileged'], silent: ['host-port-allocated', 'volume-permission', 'not-executable']},
	diagnose(f) {
		const inUse = lastMatch(f, IN_USE);
		const denied = inUse ? null : lastMatch(f, DENIED);
		const hit = inUse ?? denied;
		if (!hit) return null;
		const port = Number(
			/(?:port|:)\s*(\d{2,5})\b/i.exec(hit.line.text)?.[1] ??
				/(?:^|\s)(?:-p|--port[= ]?|:)(\d{2,5})\b/.exec([f.container.path, ...f.container.args].join(' '))?.[1] ??
				NaN,
		);
		const user = effectiveUser(f);
		const evidence: Evidence[] = [logEvidence(f, hit.line)];
		if (denied) evidence.push(field(f, 'Config.User', user));
		const low = Number.isFinite(port) && port < 1024;
		if (denied) {
			return {
				title: `The app may not bind ${low ? `port ${port}` : 'its port'} as non-root user ${user}`,
				severity: 'error',
				confidence: !isRoot(user) ? 'high' : 'medium',
				evidence,
				explanation:
					`The program runs as ${isRoot(user) ? 'root, yet the kernel refused the bind' : `the unprivileged user ${user}`}. Ports below 1024 are privileged on Linux unless net.ipv4.ip_unprivileged_port_start is lowered` +
					' (Docker 20.10+ lowers it to 0 for containers, older engines, Podman and Kubernetes may not). The app then fails at start-up while opening its listening socket.',
				fixes: [
					{
						description: 'Listen on a port above 1024 inside the container and map it',
						command: `docker run -p ${low ? port : 80}:8080 ...   # and configure the app to listen on 8080`,
					},
					{description: 'Or allow unprivileged ports for this container', command: 'docker run --sysctl net.ipv4.ip_unprivileged_port_start=0 ...'},
					{description: 'Or give the binary the capability', edit: {file: 'Dockerfile', change: 'RUN setcap cap_net_bind_service=+ep /path/to/binary'}},
				],
			};
		}
		return {
			title: `The app's port ${Number.isFinite(port) ? `${port} ` : ''}is already in use inside the container`,
			severity: 'error',
			confidence: 'high',
			evidence: [...evidence, field(f, 'HostConfig.NetworkMode', f.network.mode)],
			explanation:
				'The program tried to listen on a port that another process already holds in the same network namespace. In a container that usually means the app was started twice (an entrypoint that starts it and then starts it again, two workers on one port), or the container shares the network of the host or of another container' +
				(f.network.mode === 'host' || f.network.mode.startsWith('container:') ? ` — and this one does (network mode ${f.network.mode}).` : '.'),
			fixes: [
				{description: 'See what is listening inside the container', command: `docker exec ${f.container.name} netstat -tlnp   # or ss -tlnp`},
				{
					description: 'Start the server once, as PID 1, from the entrypoint',
					edit: {file: 'entrypoint.sh', change: 'exec my-server   # last line; do not start it earlier in the script'},
				},
				...(f.network.mode === 'host'
					? [
							{
								description: 'With --network host the host owns the ports: use the default bridge network and -p instead',
								command: 'docker run -p 8080:8080 ...',
							},
						]
					: []),
			],
		};
	},
};
