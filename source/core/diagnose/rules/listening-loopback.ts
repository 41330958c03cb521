import {isLoopback} from '../net-tcp.js';
import {field, ref, sh} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const listeningLoopback: Rule = {
	id: 'listening-loopback',
	description:
		'The app listens on 127.0.0.1 (or ::1) inside the container while its port is published: the container runs, but the published port reaches nothing.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['listening-loopback'], silent: ['healthy-running', 'published-port-not-listening', 'published-port-all-addresses']},
	diagnose(f) {
		const listeners = f.live?.listeners;
		if (!f.state.running || !listeners || f.ports.length === 0) return null;
		const bad = f.ports.filter((p) => {
			if (!p.containerPort.endsWith('/tcp')) return false;
			const port = Number.parseInt(p.containerPort, 10);
			const on = listeners.filter((l) => l.port === port);
			return on.length > 0 && on.every((l) => isLoopback(l.address));
		});
		if (bad.length === 0) return null;
		const port = Number.parseInt(bad[0]!.containerPort, 10);
		const addresses = listeners.filter((l) => l.port === port).map((l) => (l.address.includes(':') ? `[${l.address}]:${port}` : `${l.address}:${port}`));
		const name = sh(ref(f));
		const evidence: Evidence[] = [
			{kind: 'file', label: '/proc/net/tcp (listening)', value: addresses.join(', '), command: `docker exec ${name} cat /proc/net/tcp /proc/net/tcp6`},
			field(f, 'HostConfig.PortBindings', bad.map((p) => `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}`).join(', ')),
		];
		return {
			title: `Listening on ${addresses[0]} inside the container: the published port ${bad[0]!.hostPort || port} reaches nothing`,
			severity: 'error',
			confidence: 'high',
			evidence,
			explanation:
				`The program binds port ${port} to the loopback address only. Inside a container, loopback is the container's own: the engine forwards the published port to the container's network interface (eth0), where nothing listens. ` +
				'So the container looks up and healthy (a probe from inside reaches localhost), yet every request from outside is refused or reset. Frameworks default to loopback in development mode: Flask and Django runserver, Vite, Rails, uvicorn and http.server with 127.0.0.1, Spring with server.address.',
			fixes: [
				{
					description: 'Bind to all addresses inside the container',
					edit: {
						file: 'Dockerfile',
						change: `CMD ["your-server", "--host", "0.0.0.0", "--port", "${port}"]   # flask run --host 0.0.0.0, uvicorn --host 0.0.0.0, vite --host`,
					},
				},
				{description: 'Check what listens where', command: `docker exec ${name} cat /proc/net/tcp`},
			],
		};
	},
};
