import {cleanExitLoop, eventEvidence, events, field, formatSeconds, logEvidence, recentlyRestarted, ref, secondsBetween, sh} from '../helpers.js';
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
		// Exit 0 under always/unless-stopped is a restart loop of a process that succeeds: exit-zero-service says so.
		if (cleanExitLoop(f)) return null;
		const exhausted =
			!f.state.running &&
			!restartingNow &&
			f.restartPolicy.name === 'on-failure' &&
			f.restartPolicy.maximumRetryCount > 0 &&
			f.restartCount >= f.restartPolicy.maximumRetryCount;
		const times = dies.map((d) => Date.parse(d.time));
		const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 1000);
		const span = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : null;
		const codes = [...new Set(dies.map((d) => d.attributes['exitCode'] ?? '?'))];
		// Up at this moment, but the last exit was minutes ago at most: still looping (a snapshot between two exits).
		const stable = f.state.running && !restartingNow && !recentlyRestarted(f);
		const lastExitAgo = secondsBetween(f.state.finishedAt, f.capturedAt);
		const evidence: Evidence[] = [
			field(f, 'RestartCount', f.restartCount),
			field(f, 'HostConfig.RestartPolicy', `${f.restartPolicy.name}${f.restartPolicy.maximumRetryCount ? `:${f.restartPolicy.maximumRetryCount}` : ''}`),
			field(f, 'State.Status', f.state.status),
		];
		if (f.state.finishedAt) evidence.push(field(f, 'State.FinishedAt', f.state.finishedAt));
		for (const d of dies.slice(-4)) evidence.push(eventEvidence(f, d));
		// What each run printed last is the first clue to why it ends.
		for (const l of f.logs.lines.slice(-2)) evidence.push(logEvidence(f, l));
		const name = sh(ref(f));
		return {
			title: exhausted
				? `Gave up after ${f.restartCount} restarts: the on-failure:${f.restartPolicy.maximumRetryCount} limit is used up (last exit ${f.state.exitCode})`
				: stable
					? `Restarted ${f.restartCount} times${codes.length > 0 && codes.every((c) => c === '0') ? ' (each run exited 0)' : ''}, up again now`
					: `Crash loop: ${f.restartCount} restarts by policy "${f.restartPolicy.name}"${span !== null ? `, ${dies.length} exits in ${formatSeconds(span)}` : ''}${f.state.running && !restartingNow && lastExitAgo !== null ? `; up again, the last exit ${formatSeconds(Math.max(0, lastExitAgo))} ago` : ''}`,
			severity: stable ? 'warning' : 'error',
			confidence: 'high',
			evidence,
			explanation:
				`The main process keeps exiting (${codes.length > 0 ? `exit code${codes.length > 1 ? 's' : ''} ${codes.join(', ')}` : f.state.running ? "its exit codes are gone with the engine's events; it is up for the moment" : `last exit code ${f.state.exitCode}`}) and the restart policy "${f.restartPolicy.name}" starts it again, waiting longer each time (Docker doubles the delay from 100 ms up to a minute). ` +
				(gaps.length > 0 ? `Time between exits: ${gaps.slice(-4).map(formatSeconds).join(', ')}. ` : '') +
				(exhausted
					? `The policy on-failure:${f.restartPolicy.maximumRetryCount} allows that many restarts; the engine has stopped trying, and the container stays exited until you start it. `
					: '') +
				'Restarting does not fix the cause; the other findings and the log lines show why each run ends.',
			fixes: [
				{
					description: 'Stop the loop while you investigate (keeps the container and its logs)',
					command: `docker update --restart=no ${name} && docker stop ${name}`,
				},
				{description: 'Read the output of the last runs', command: `docker logs --tail 100 --timestamps ${name}`},
				{description: 'Cap restarts so a broken deploy fails visibly', command: `docker update --restart=on-failure:5 ${name}`},
			],
		};
	},
};
