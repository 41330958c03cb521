import {isLoopback} from '../net-tcp.js';
import {field, ref, secondsBetween, sh} from '../helpers.js';
import type {Rule} from '../types.js';

/** Give a server this long to open its port before saying it does not. */
const STARTUP_SECONDS = 5;

export const publishedPortNotListening: Rule = {
	id: 'published-port-not-listening',
	description: 'A published container port has no listener while the app listens on other ports: the -p mapping names the wrong container port.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['published-port-not-listening'], silent: ['healthy-running', 'listening-loopback', 'published-port-all-addresses']},
	diagnose(f) {
		const listeners = f.live?.listeners;
		if (!f.state.running || !listeners || listeners.length === 0 || f.ports.length === 0) return null;
		const up = secondsBetween(f.state.startedAt, f.capturedAt);
		if (up === null || up < STARTUP_SECONDS) return null;
		const missing = f.ports.filter((p) => p.containerPort.endsWith('/tcp') && !listeners.some((l) => l.port === Number.parseInt(p.containerPort, 10)));
		if (missing.length === 0) return null;
		const open = [...new Set(listeners.filter((l) => !isLoopback(l.address)).map((l) => l.port))].sort((a, b) => a - b);
		if (open.length === 0) return null;
		const want = Number.parseInt(missing[0]!.containerPort, 10);
		const name = sh(ref(f));
		const hostPort = missing[0]!.hostPort;
		return {
			title: `Port ${want} is published, but the app listens on ${open.join(', ')}`,
			severity: 'warning',
			confidence: 'medium',
			evidence: [
				field(f, 'HostConfig.PortBindings', missing.map((p) => `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}`).join(', ')),
				{
					kind: 'file',
					label: '/proc/net/tcp (listening)',
					value: listeners.map((l) => `${l.address}:${l.port}`).join(', '),
					command: `docker exec ${name} cat /proc/net/tcp /proc/net/tcp6`,
				},
			],
			explanation: `Nothing inside the container listens on ${want}, the container port the host port ${hostPort || '(random)'} forwards to; the app listens on ${open.join(', ')}. Requests to the published port are refused. Either the mapping names the wrong container port, or the app was configured (PORT, --port, server.port) to another one.`,
			fixes: [
				{description: `Publish the port the app uses`, command: `docker run -p ${hostPort || want}:${open[0]} ...`},
				{description: 'Or make the app listen on the published port', edit: {file: 'compose.yaml', change: `environment:\n  PORT: "${want}"`}},
			],
		};
	},
};
