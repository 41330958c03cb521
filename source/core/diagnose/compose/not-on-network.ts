import {logEvidence, sh} from '../helpers.js';
import type {Evidence} from '../types.js';
import {attemptsOn, UNRESOLVED} from './links.js';
import type {ProjectRule} from './types.js';

export const notOnNetwork: ProjectRule = {
	id: 'compose-not-on-network',
	description: 'A service cannot resolve another service of the project because they share no network.',
	diagnose(p) {
		const out = [];
		for (const from of p.members) {
			for (const to of p.members) {
				if (to === from) continue;
				const shared = from.facts.network.networks.filter((n) => to.facts.network.networks.includes(n));
				if (shared.length > 0) continue;
				const lines = attemptsOn(from, to, UNRESOLVED);
				if (lines.length === 0) continue;
				const evidence: Evidence[] = [
					...lines.slice(-2).map((l) => ({...logEvidence(from.facts, l), label: `${from.service} ${l.stream}`})),
					{
						kind: 'field',
						label: `${from.service} networks`,
						value: from.facts.network.networks.join(', ') || '(none)',
						command: `docker inspect --format '{{json .NetworkSettings.Networks}}' ${sh(from.facts.container.name)}`,
					},
					{
						kind: 'field',
						label: `${to.service} networks`,
						value: to.facts.network.networks.join(', ') || '(none)',
						command: `docker inspect --format '{{json .NetworkSettings.Networks}}' ${sh(to.facts.container.name)}`,
					},
				];
				const net = to.facts.network.networks[0] ?? 'default';
				const short = net.startsWith(`${p.name}_`) ? net.slice(p.name.length + 1) : net;
				out.push({
					title: `${from.service} is not on ${to.service}'s network, so the name "${to.service}" does not resolve`,
					severity: from.failed ? ('error' as const) : ('warning' as const),
					confidence: 'high' as const,
					evidence,
					explanation: `Compose registers each service's name in the DNS of the networks it is on. ${from.service} is on ${from.facts.network.networks.join(', ') || 'no network'} and ${to.service} on ${to.facts.network.networks.join(', ') || 'no network'}: they share none, so ${from.service} cannot resolve or reach ${to.service}.`,
					fixes: [
						{
							description: `Put ${from.service} on a network ${to.service} is on`,
							edit: {file: p.model?.source ?? 'compose.yaml', change: `services:\n  ${from.service}:\n    networks: [${short}]`},
						},
						{
							description: 'See which containers are on which network',
							command: `docker network inspect ${sh(net)} --format '{{range .Containers}}{{.Name}} {{end}}'`,
						},
					],
				});
			}
		}
		return out;
	},
};
