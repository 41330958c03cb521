import {formatSeconds, ref, sh} from '../helpers.js';
import type {Rule} from '../types.js';

/** Probe durations from the health log (End − Start), in seconds. */
function durations(log: ReadonlyArray<{start: string; end: string}>): number[] {
	return log.map((p) => (Date.parse(p.end) - Date.parse(p.start)) / 1000).filter((d) => Number.isFinite(d) && d >= 0);
}

export const healthcheckSlow: Rule = {
	id: 'healthcheck-slow',
	description: 'Health probes pass but take half their timeout or more: the next slow moment makes the container unhealthy.',
	kind: 'symptom',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['healthcheck-slow'], silent: ['healthy-healthcheck', 'healthcheck-failing', 'healthy-running']},
	diagnose(f) {
		const h = f.state.health;
		if (!f.state.running || !h || h.status === 'unhealthy' || h.log.length === 0) return null;
		const timeout = (f.healthcheck?.timeout || 30e9) / 1e9;
		const ok = h.log.filter((p) => p.exitCode === 0);
		const d = durations(ok);
		if (d.length === 0) return null;
		const slowest = Math.max(...d);
		const median = [...d].sort((a, b) => a - b)[Math.floor(d.length / 2)]!;
		if (median < timeout * 0.5) return null;
		const name = sh(ref(f));
		return {
			title: `Health probes take ${formatSeconds(median)} of their ${formatSeconds(timeout)} timeout`,
			severity: 'warning',
			confidence: 'high',
			evidence: [
				{
					kind: 'probe',
					label: 'durations (End − Start)',
					value: d.map(formatSeconds).join(', '),
					command: `docker inspect --format '{{json .State.Health.Log}}' ${name}`,
				},
				{
					kind: 'field',
					label: 'Config.Healthcheck.Timeout',
					value: formatSeconds(timeout),
					command: `docker inspect --format '{{json .Config.Healthcheck}}' ${name}`,
				},
			],
			explanation:
				`The probes still pass, but the typical one takes ${formatSeconds(median)} (the slowest ${formatSeconds(slowest)}) of the ${formatSeconds(timeout)} the engine allows. ` +
				'A probe that times out counts as a failure; a few in a row make the container unhealthy, and whatever waits on service_healthy or restarts unhealthy containers acts on it. ' +
				'Slow probes come from a probe that does real work (a database query, a full page), a CPU-throttled container, or an app that is already overloaded.',
			fixes: [
				{
					description: 'Probe a cheap endpoint that only says the process is alive',
					edit: {file: 'Dockerfile', change: 'HEALTHCHECK --interval=10s --timeout=3s CMD wget -q -O- http://localhost:8080/healthz || exit 1'},
				},
				{description: 'Or give the probe a timeout that fits what it checks', edit: {file: 'compose.yaml', change: 'healthcheck:\n  timeout: 10s'}},
			],
		};
	},
};
