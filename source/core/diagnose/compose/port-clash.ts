import {sh} from '../helpers.js';
import type {Evidence} from '../types.js';
import type {ProjectRule} from './types.js';

export const portClash: ProjectRule = {
	id: 'compose-port-clash',
	description: 'Two services of the project publish the same host port: only the first to start gets it.',
	diagnose(p) {
		const byPort = new Map<string, Array<{service: string; name: string; binding: string}>>();
		for (const m of p.members) {
			for (const b of m.facts.ports) {
				if (!b.hostPort || b.hostPort === '0') continue;
				const ip = b.hostIp === '' || b.hostIp === '0.0.0.0' || b.hostIp === '::' ? '*' : b.hostIp;
				const key = `${b.hostPort}/${b.containerPort.split('/')[1] ?? 'tcp'}`;
				const list = byPort.get(key) ?? [];
				if (!list.some((x) => x.service === m.service && x.name === m.facts.container.name))
					list.push({service: m.service, name: m.facts.container.name, binding: `${ip}:${b.hostPort}->${b.containerPort}`});
				byPort.set(key, list);
			}
		}
		const out = [];
		for (const [key, holders] of byPort) {
			const services = [...new Set(holders.map((h) => h.service))];
			if (services.length < 2) continue;
			const port = key.split('/')[0]!;
			const losers = p.members.filter((m) => services.includes(m.service) && /port is already allocated|address already in use/i.test(m.facts.state.error));
			const evidence: Evidence[] = holders.map((h) => ({
				kind: 'field' as const,
				label: `${h.service} HostConfig.PortBindings`,
				value: h.binding,
				command: `docker inspect --format '{{json .HostConfig.PortBindings}}' ${sh(h.name)}`,
			}));
			for (const l of losers)
				evidence.push({
					kind: 'field',
					label: `${l.service} State.Error`,
					value: l.facts.state.error,
					command: `docker inspect --format '{{.State.Error}}' ${sh(l.facts.container.name)}`,
				});
			out.push({
				title: `Services ${services.join(' and ')} both publish host port ${port}${losers.length > 0 ? `: ${losers.map((l) => l.service).join(', ')} could not start` : ''}`,
				severity: losers.length > 0 ? ('error' as const) : ('warning' as const),
				confidence: 'high' as const,
				evidence,
				explanation: `A host port can be bound once. ${services.join(' and ')} ask for ${port}, so whichever starts second fails with "port is already allocated" (and compose up reports an error for it). On a restart the order can change, and with it which service is missing.`,
				fixes: [
					{
						description: `Give one of them another host port (the container port can stay the same)`,
						edit: {
							file: p.model?.source ?? 'compose.yaml',
							change: `services:\n  ${services[1]}:\n    ports:\n      - "${Number(port) + 1}:${
								holders
									.find((h) => h.service === services[1])
									?.binding.split('->')[1]
									?.split('/')[0] ?? port
							}"`,
						},
					},
					{description: 'Or publish none for a service only other services call (they reach it by name on the project network)'},
				],
			});
		}
		return out;
	},
};
