import {formatSeconds, logEvidence, secondsBetween, sh} from '../helpers.js';
import type {Evidence} from '../types.js';
import {attemptsOn, UNREACHABLE} from './links.js';
import type {ProjectMember, ProjectRule} from './types.js';

/** When the target was first ready: its first passing health probe, else its start. From the state it keeps. */
function readyAt(t: ProjectMember): {time: string | null; how: 'healthy' | 'started'} {
	const probe = t.facts.state.health?.log.find((p) => p.exitCode === 0);
	if (probe) return {time: probe.end, how: 'healthy'};
	return {time: t.facts.state.startedAt, how: 'started'};
}

export const dependencyNotReady: ProjectRule = {
	id: 'compose-dependency-not-ready',
	description:
		'A service failed connecting to another service of the project that was not ready yet (or itself failed): depends_on without condition: service_healthy.',
	diagnose(p) {
		const out = [];
		for (const from of p.members.filter((m) => m.failed)) {
			for (const to of p.members) {
				if (to === from) continue;
				const lines = attemptsOn(from, to, UNREACHABLE);
				if (lines.length === 0) continue;
				const ready = readyAt(to);
				const gaveUp = from.facts.state.finishedAt;
				const early = ready.time !== null && gaveUp !== null ? (secondsBetween(gaveUp, ready.time) ?? 0) > 0 : null;
				const cond = p.model?.services[from.service]?.dependsOn[to.service] ?? null;
				const hasHealth = p.model?.services[to.service]?.healthcheck ?? to.facts.healthcheck !== null;
				const toFailed = to.failed;
				const evidence: Evidence[] = [
					...lines.slice(-2).map((l) => ({...logEvidence(from.facts, l), label: `${from.service} ${l.stream}`})),
					{
						kind: 'field',
						label: `${from.service} State.FinishedAt`,
						value: gaveUp ?? '(still running)',
						command: `docker inspect --format '{{.State.FinishedAt}}' ${sh(from.facts.container.name)}`,
					},
					{
						kind: 'field',
						label: `${to.service} ${ready.how === 'healthy' ? 'first passing health probe' : 'State.StartedAt'}`,
						value: ready.time ?? '(never)',
						command: `docker inspect --format '{{json .State.Health}} {{.State.StartedAt}}' ${sh(to.facts.container.name)}`,
					},
				];
				if (p.model)
					evidence.push({
						kind: 'file',
						label: `${p.model.source}: services.${from.service}.depends_on.${to.service}`,
						value: cond ?? '(none)',
						command: `docker compose -p ${sh(p.name)} config`,
					});
				const lead =
					early && gaveUp && ready.time
						? `${from.service} gave up ${formatSeconds(secondsBetween(gaveUp, ready.time)!)} before ${to.service} was ${ready.how === 'healthy' ? 'healthy' : 'started'}. `
						: '';
				out.push({
					title: toFailed
						? `${from.service} failed because ${to.service}, which it connects to, failed too`
						: `${from.service} failed because ${to.service} was not ready yet${cond === 'service_healthy' ? '' : ': depends_on does not wait for it to be healthy'}`,
					severity: 'error' as const,
					confidence: early || toFailed ? ('high' as const) : ('medium' as const),
					evidence,
					explanation:
						`${from.service} could not connect to ${to.service} and exited. ` +
						lead +
						(toFailed
							? `${to.service} is failing itself: fix it first (its own diagnosis is below).`
							: (cond === null
									? `Compose starts ${from.service} as soon as ${to.service}'s container has started${p.model ? ' (no depends_on condition)' : ''}, not when the program inside accepts connections: a database needs seconds to initialise. `
									: cond === 'service_started'
										? `depends_on: [${to.service}] only waits for the container to start, not for the program inside to accept connections. `
										: `depends_on already waits for ${to.service} to be healthy, so its health check passes before the service really accepts connections. `) +
								(hasHealth ? '' : `${to.service} has no health check, so nothing can wait for it to be ready. `) +
								'A retry loop in the client at start-up makes it robust as well.'),
					fixes: [
						{
							description: `Wait until ${to.service} is healthy before starting ${from.service}`,
							edit: {
								file: p.model?.source ?? 'compose.yaml',
								change: `services:\n  ${from.service}:\n    depends_on:\n      ${to.service}:\n        condition: service_healthy`,
							},
						},
						...(hasHealth
							? []
							: [
									{
										description: `Give ${to.service} a health check that says when it accepts connections`,
										edit: {
											file: p.model?.source ?? 'compose.yaml',
											change: `services:\n  ${to.service}:\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres || exit 1"]   # or the probe for your server\n      interval: 5s\n      retries: 10`,
										},
									},
								]),
						{description: 'Start it again now that the dependency is up', command: `docker compose -p ${sh(p.name)} up -d ${sh(from.service)}`},
					],
				});
			}
		}
		return out;
	},
};
