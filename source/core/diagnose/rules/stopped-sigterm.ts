import {
	backgroundingCommand,
	eventEvidence,
	eventsCoverLastRun,
	field,
	formatSeconds,
	lastRunEvents,
	lastRunSeconds,
	ref,
	sh,
	lastRunEvidence,
} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';
import {SHORT_RUN_SECONDS} from './exit-zero-service.js';

export const stoppedSigterm: Rule = {
	id: 'stopped-sigterm',
	description: 'The container was stopped normally (exit 143 after SIGTERM, 130 after Ctrl-C, or a clean exit 0 after a long run): not a failure.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {
		fires: ['stopped-sigterm', 'stopped-clean-exit'],
		silent: ['sigkill-stop-timeout', 'oom-killed', 'one-shot-exit-zero', 'healthy-running', 'exit-zero-daemon'],
	},
	diagnose(f) {
		if (f.state.running || f.state.restarting || f.state.status !== 'exited') return null;
		const code = f.state.exitCode;
		if (code !== 143 && code !== 130 && code !== 0) return null;
		const ran = lastRunSeconds(f);
		// The verdict comes from persistent facts (exit code, how long it ran, the command); events only say who asked.
		if (code === 0) {
			const b = backgroundingCommand(f);
			if (b.daemon || b.background || ran === null || ran < SHORT_RUN_SECONDS) return null;
		}
		const term = [...lastRunEvents(f, 'kill')].reverse().find((e) => e.attributes['signal'] === '15' || e.attributes['signal'] === '2');
		const stop = [...lastRunEvents(f, 'stop')].reverse()[0];
		const asked = Boolean(term || stop);
		const covered = eventsCoverLastRun(f);
		const evidence: Evidence[] = [field(f, 'State.ExitCode', code)];
		if (ran !== null) evidence.push(lastRunEvidence(f, ran));
		if (term) evidence.push(eventEvidence(f, term));
		if (stop) evidence.push(eventEvidence(f, stop));
		const how = code === 130 ? 'SIGINT (Ctrl-C)' : 'SIGTERM';
		const gone = ' The engine no longer holds the events of this run, so this is inferred from the exit code alone.';
		const fixes = [{description: 'Nothing to fix. Start it again when you need it', command: `docker start ${sh(ref(f))}`}];
		if (code === 0) {
			return {
				title: asked
					? 'Stopped on request and exited cleanly'
					: covered
						? `Exited cleanly (0) by itself after running ${formatSeconds(ran!)}`
						: `Exited cleanly (0) after running ${formatSeconds(ran!)}: stopped on request, or its work was done`,
				severity: 'info',
				confidence: asked || covered ? 'high' : 'medium',
				evidence,
				explanation: asked
					? 'The engine asked the container to stop and its program shut down cleanly with exit code 0.'
					: covered
						? 'The program ended with exit code 0 and nobody asked it to stop (the engine holds every event of this run and none is a stop). A job that finished does this; if it is a service, read the last log lines for why it decided to end.'
						: `The program ended with exit code 0 after ${formatSeconds(ran!)}: either a docker stop it handled cleanly, or it finished its work.${gone}`,
				fixes,
			};
		}
		return {
			title: `Stopped on request by ${how} (exit ${code}): not a failure`,
			severity: 'info',
			confidence: asked ? 'high' : 'medium',
			evidence,
			explanation:
				`Exit code ${code} is 128 + ${code - 128}: the process ended because of ${how}, which is what docker stop (or Ctrl-C, or docker compose down) sends. It shut down within the stop timeout, so nothing went wrong.` +
				(asked ? '' : gone),
			fixes,
		};
	},
};
