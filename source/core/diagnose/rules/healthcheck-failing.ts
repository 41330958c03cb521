import {formatSeconds} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const healthcheckFailing: Rule = {
	id: 'healthcheck-failing',
	description: 'The health check fails: the probe exits non-zero; its own output is the evidence.',
	kind: 'symptom',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['healthcheck-failing'], silent: ['healthcheck-probe-missing', 'healthy-healthcheck', 'healthy-healthcheck-exited', 'healthy-running']},
	diagnose(f) {
		const h = f.state.health;
		if (!h || (h.status !== 'unhealthy' && h.failingStreak === 0)) return null;
		const failed = h.log.filter((p) => p.exitCode !== 0);
		if (failed.length === 0 && h.status !== 'unhealthy') return null;
		// The engine sets "unhealthy" when a container stops, whatever the probes said: a stopped container
		// whose probes all passed did not fail its health check (the exit has its own rules).
		if (failed.length === 0 && h.failingStreak === 0 && !f.state.running && !f.state.restarting) return null;
		// Leave the "probe command missing" case to its own rule.
		if (failed.length > 0 && failed.every((p) => /executable file not found|: not found|command not found/i.test(p.output))) return null;
		const test = f.healthcheck?.test ?? [];
		const probeCmd = test.slice(1).join(' ');
		const last = failed.at(-1);
		const timedOut = failed.some((p) => /timed out|timeout/i.test(p.output) || p.exitCode === -1);
		const refused = failed.some((p) => /refused|can't connect|Failed to connect/i.test(p.output));
		const evidence: Evidence[] = [
			{
				kind: 'field',
				label: 'State.Health.Status',
				value: `${h.status}, failing streak ${h.failingStreak}`,
				command: `docker inspect --format '{{.State.Health.Status}}' ${f.container.name}`,
			},
			{
				kind: 'field',
				label: 'Config.Healthcheck.Test',
				value: JSON.stringify(test),
				command: `docker inspect --format '{{json .Config.Healthcheck}}' ${f.container.name}`,
			},
			...failed.slice(-3).map((p) => ({
				kind: 'probe' as const,
				label: `exit ${p.exitCode}`,
				value: p.output.trim() || '(no output)',
				time: p.end,
				command: `docker inspect --format '{{json .State.Health.Log}}' ${f.container.name}`,
			})),
		];
		const interval = f.healthcheck?.interval ? formatSeconds(f.healthcheck.interval / 1e9) : '30 s';
		return {
			title: `Health check failing (${h.failingStreak} in a row${last ? `, last exit ${last.exitCode}` : ''})`,
			severity: h.status === 'unhealthy' ? 'error' : 'warning',
			confidence: 'high',
			evidence,
			explanation:
				`Every ${interval} Docker runs "${probeCmd}" inside the container; exit code 0 means healthy. It has failed ${h.failingStreak} time(s) in a row, so the container is ${h.status}. ` +
				(refused
					? 'The probe could not connect: the app is not listening on the port or address the probe uses (still starting, crashed inside, or listening on another port). '
					: '') +
				(timedOut ? 'Some probes hit the timeout: the app answers too slowly, or the timeout is too short. ' : '') +
				'Orchestrators and depends_on: condition: service_healthy treat an unhealthy container as down.',
			fixes: [
				{
					description: 'Run the probe yourself and read its output',
					command: `docker exec ${f.container.name} ${test[0] === 'CMD-SHELL' ? `sh -c ${JSON.stringify(probeCmd)}` : probeCmd}`,
				},
				{
					description: 'If the app needs time to start, give it a start period',
					edit: {file: 'Dockerfile', change: 'HEALTHCHECK --start-period=30s --interval=10s --timeout=5s --retries=3 CMD ...'},
				},
				{description: 'Make the probe hit the port and path the app really serves (inside the container, not the published host port)'},
			],
		};
	},
};
