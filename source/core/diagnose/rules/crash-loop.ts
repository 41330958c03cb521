import {eventEvidence, events, field, formatSeconds, logEvidence, ref, sh} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const crashLoop: Rule = {
	id: 'crash-loop',
	description: 'The container keeps dying and being restarted by its restart policy (count and timing from the engine events).',
	kind: 'symptom',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['crash-loop'], silent: ['unexplained-exit', 'healthy-running', 'oom-killed']},
	diagnose(f) {
		const dies = events(f, 'die');
		const restartingNow = f.state.restarting;
		if (f.restartPolicy.name === 'no' && f.restartCount === 0) return null;
		if (!restartingNow && f.restartCount < 3 && dies.length < 3) return null;
		const times = dies.map((d) => Date.parse(d.time));
		const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 1000);
		const span = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : null;
		const codes = [...new Set(dies.map((d) => d.attributes['exitCode'] ?? '?'))];
		const stable = f.state.running && !restartingNow;
		const evidence: Evidence[] = [field(f, 'RestartCount', f.restartCount), field(f, 'HostConfig.RestartPolicy', `${f.restartPolicy.name}${f.restartPolicy.maximumRetryCount ? `:${f.restartPolicy.maximumRetryCount}` : ''}`), field(f, 'State.Status', f.state.status)];
		for (const d of dies.slice(-4)) evidence.push(eventEvidence(f, d));
		// What each run printed last is the first clue to why it ends.
		for (const l of f.logs.lines.slice(-2)) evidence.push(logEvidence(f, l));
		const name = sh(ref(f));
		return {
			title: stable ? `Restarted ${f.restartCount} times before it stayed up` : `Crash loop: ${dies.length || f.restartCount} exits${span !== null ? ` in ${formatSeconds(span)}` : ''}, restarted by policy "${f.restartPolicy.name}"`,
			severity: stable ? 'warning' : 'error',
			confidence: 'high',
			evidence,
			explanation:
				`The main process keeps exiting (exit code${codes.length > 1 ? 's' : ''} ${codes.join(', ') || f.state.exitCode}) and the restart policy "${f.restartPolicy.name}" starts it again, waiting longer each time (Docker doubles the delay from 100 ms up to a minute). ` +
				(gaps.length > 0 ? `Time between exits: ${gaps.slice(-4).map(formatSeconds).join(', ')}. ` : '') +
				'Restarting does not fix the cause; the other findings and the log lines show why each run ends.',
			fixes: [
				{description: 'Stop the loop while you investigate (keeps the container and its logs)', command: `docker update --restart=no ${name} && docker stop ${name}`},
				{description: 'Read the output of the last runs', command: `docker logs --tail 100 --timestamps ${name}`},
				{description: 'Cap restarts so a broken deploy fails visibly', command: `docker update --restart=on-failure:5 ${name}`},
			],
		};
	},
};
