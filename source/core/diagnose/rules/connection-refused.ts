import {lastMatch, logEvidence, serviceHint} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

const REFUSED = /ECONNREFUSED|[Cc]onnection refused|actively refused|Connection reset by peer.*connect|could not connect to server/;

export const connectionRefused: Rule = {
	id: 'connection-refused',
	description: 'A dependency refused the connection, including "localhost inside a container is not the host".',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['connection-refused-localhost'], silent: ['dns-failure', 'healthy-running']},
	diagnose(f) {
		const hit = lastMatch(f, REFUSED);
		if (!hit) return null;
		const text = hit.line.text;
		const index = f.logs.lines.indexOf(hit.line);
		const around = f.logs.lines
			.slice(Math.max(0, index - 2), index + 3)
			.map((l) => l.text)
			.join('\n');
		const target =
			/(?:ECONNREFUSED|dial tcp|connect to|connecting to|host) ?\(?\[?((?:\d{1,3}\.){3}\d{1,3}|localhost|::1|[\w.-]+)\]?\)?(?::(\d+))?/i.exec(text) ??
			/((?:\d{1,3}\.){3}\d{1,3}|localhost|::1):(\d+)/.exec(around);
		const host = target?.[1] ?? '';
		const port = target?.[2] ?? /port (\d+)/.exec(around)?.[1] ?? '';
		const local = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/.test(host) || /\b(localhost|127\.0\.0\.1|::1)\b/.test(around);
		const hostNet = f.network.mode === 'host';
		const evidence: Evidence[] = [logEvidence(f, hit.line)];
		evidence.push({
			kind: 'field',
			label: 'HostConfig.NetworkMode',
			value: f.network.mode,
			command: `docker inspect --format '{{.HostConfig.NetworkMode}}' ${f.container.name}`,
		});
		if (local && !hostNet) {
			const hasGateway = f.network.extraHosts.some((h) => /host-gateway/.test(h));
			return {
				title: `Connection refused to ${host || 'localhost'}${port ? `:${port}` : ''}: localhost inside a container is the container itself`,
				severity: 'error',
				confidence: 'high',
				evidence,
				explanation:
					`The program connects to ${host || 'localhost'}${port ? ` port ${port}` : ''}. Inside a container, localhost (127.0.0.1) is the container's own network namespace, not your machine and not the other containers — and nothing listens there, so the connection is refused. ` +
					`A database or API in another container is reached by its service or container name on ${serviceHint(f)}; a service on the host is reached through the host gateway.`,
				fixes: [
					{
						description: 'Another container: use its service/container name and put both on one user-defined network',
						command: `docker network create app-net && docker network connect app-net ${f.container.name} && docker network connect app-net <db-container>   # then connect to <db-container>${port ? `:${port}` : ''}`,
					},
					{
						description: 'In compose, services reach each other by service name',
						edit: {file: 'compose.yaml', change: `environment:\n  DATABASE_HOST: db   # the service name, not localhost`},
					},
					{
						description: `A service on the host: map host.docker.internal to the host gateway${hasGateway ? ' (already mapped here)' : ''} and make the host service listen on an address containers can reach`,
						command: `docker run --add-host=host.docker.internal:host-gateway ...   # connect to host.docker.internal${port ? `:${port}` : ''}`,
					},
				],
			};
		}
		return {
			title: `A dependency refused the connection${host ? ` (${host}${port ? `:${port}` : ''})` : ''}`,
			severity: 'error',
			confidence: host ? 'high' : 'medium',
			evidence,
			explanation:
				`The program reached ${host || 'the server'}${port ? ` on port ${port}` : ''}, but nothing accepted the connection: the service is not running yet, crashed, listens on another port, or listens only on its own 127.0.0.1. ` +
				'In compose, depends_on only waits for the container to start, not for the service inside to be ready.',
			fixes: [
				{
					description: 'Check that the dependency is up and listening',
					command: host && !/^\d/.test(host) ? `docker ps --filter name=${host}; docker logs --tail 50 ${host}` : 'docker ps',
				},
				{
					description: 'Wait for readiness: a healthcheck on the dependency and depends_on with condition',
					edit: {file: 'compose.yaml', change: 'depends_on:\n  db:\n    condition: service_healthy'},
				},
				{description: 'Make the dependency listen on 0.0.0.0 (all interfaces) inside its container, not 127.0.0.1'},
			],
		};
	},
};
