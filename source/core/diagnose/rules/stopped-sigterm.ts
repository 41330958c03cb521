import {eventEvidence, events, field} from '../helpers.js';
import type {Rule} from '../types.js';

export const stoppedSigterm: Rule = {
	id: 'stopped-sigterm',
	description: 'The container was stopped normally with SIGTERM (exit 143, or 130 for Ctrl-C): not a failure.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['stopped-sigterm'], silent: ['sigkill-stop-timeout', 'oom-killed', 'one-shot-exit-zero', 'healthy-running']},
	diagnose(f) {
		if (f.state.running || f.state.restarting) return null;
		const code = f.state.exitCode;
		const term = [...events(f, 'kill')].reverse().find((e) => e.attributes['signal'] === '15' || e.attributes['signal'] === '2');
		const stop = [...events(f, 'stop')].reverse()[0];
		if (code !== 143 && code !== 130 && !(code === 0 && (term || stop) && f.state.status === 'exited')) return null;
		const evidence = [field(f, 'State.ExitCode', code)];
		if (term) evidence.push(eventEvidence(f, term));
		if (stop) evidence.push(eventEvidence(f, stop));
		const how = code === 130 ? 'SIGINT (Ctrl-C)' : 'SIGTERM';
		return {
			title: code === 0 ? 'Stopped on request and exited cleanly' : `Stopped on request by ${how} (exit ${code}): not a failure`,
			severity: 'info',
			confidence: term || stop ? 'high' : 'medium',
			evidence,
			explanation:
				code === 0
					? 'The engine asked the container to stop and its program shut down cleanly with exit code 0.'
					: `Exit code ${code} is 128 + ${code - 128}: the process ended because of ${how}, which is what docker stop (or Ctrl-C, or docker compose down) sends. It shut down within the stop timeout, so nothing went wrong.` +
						(term || stop ? '' : ' The engine no longer has the stop event, so this is inferred from the exit code alone.'),
			fixes: [{description: 'Nothing to fix. Start it again when you need it', command: `docker start ${f.container.name}`}],
		};
	},
};
