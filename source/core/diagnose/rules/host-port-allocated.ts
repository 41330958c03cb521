import {field, ref, sh} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const hostPortAllocated: Rule = {
	id: 'host-port-allocated',
	description: 'A published host port is already taken by another container or a host process, so the container could not start.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['host-port-allocated'], silent: ['app-port-in-use', 'stuck-created', 'exit-zero-daemon']},
	diagnose(f) {
		const err = f.state.error;
		if (!/port is already allocated|address already in use|ports are not available|failed to bind|Bind for .* failed/i.test(err)) return null;
		if (!/programming external connectivity|Bind for|ports are not available|userland-proxy|docker-proxy|0\.0\.0\.0:\d+|:::?\d+/i.test(err)) return null;
		const port = /(?:Bind for |listen tcp\d? |ports are not available: .*?)(?:[\d.]+|\[?[0-9a-f:]*\]?):(\d+)/i.exec(err)?.[1] ?? f.ports[0]?.hostPort ?? '';
		const holders = f.portHolders.filter((h) => h.ports.some((p) => new RegExp(`:${port}->`).test(p)));
		const evidence: Evidence[] = [field(f, 'State.Status', f.state.status), field(f, 'State.Error', err)];
		if (f.ports.length > 0)
			evidence.push(field(f, 'HostConfig.PortBindings', f.ports.map((p) => `${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort}->${p.containerPort}`).join(', ')));
		for (const h of holders)
			evidence.push({kind: 'host', label: `container ${h.name}`, value: `publishes ${h.ports.join(', ')}`, command: `docker ps --filter publish=${port}`});
		const byContainer = holders.length > 0;
		const binding = f.ports.find((p) => p.hostPort === port);
		const free = String(Number(port) + 1);
		return {
			title: byContainer ? `Host port ${port} is already used by container ${holders[0]!.name}` : `Host port ${port} is already in use`,
			severity: 'error',
			confidence: 'high',
			evidence,
			explanation:
				`The container publishes port ${port} on the host (-p ${port}:${binding?.containerPort.replace('/tcp', '') ?? '…'}), but ${byContainer ? `the running container ${holders[0]!.name} already publishes that host port` : 'another process on the host (or another container) already listens on it'}. ` +
				'Only one listener can own a host port, so the engine could not set up the port forwarding and the container was never started (it stays "created").',
			fixes: [
				...(byContainer
					? [{description: `Stop the container that holds the port`, command: `docker stop ${sh(holders[0]!.name)} && docker start ${sh(ref(f))}`}]
					: [{description: 'Find the process that holds the port', command: `sudo ss -ltnp 'sport = :${port}'`}]),
				{
					description: `Or publish on another host port (the container port stays the same)`,
					command: `docker run -p ${free}:${binding?.containerPort.replace('/tcp', '') ?? port} ...   # compose: ports: ["${free}:${binding?.containerPort.replace('/tcp', '') ?? port}"]`,
				},
			],
		};
	},
};
