import {formatBytes} from '../../units.js';
import {eventEvidence, events, field, ref, sh} from '../helpers.js';
import type {Rule} from '../types.js';

export const oomKilled: Rule = {
	id: 'oom-killed',
	description: 'The kernel OOM killer ended the container because it hit its cgroup memory limit.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['oom-killed'], silent: ['sigkill-docker-kill', 'sigkill-stop-timeout', 'node-heap-oom', 'healthy-running']},
	diagnose(f) {
		const oomEvents = events(f, 'oom');
		if (!f.state.oomKilled && oomEvents.length === 0) return null;
		const limit = f.resources.memory;
		const name = sh(ref(f));
		const evidence = [field(f, 'State.OOMKilled', f.state.oomKilled), field(f, 'State.ExitCode', f.state.exitCode), field(f, 'HostConfig.Memory', limit)];
		for (const e of oomEvents.slice(-3)) evidence.push(eventEvidence(f, e));
		const suggested = limit > 0 ? Math.max(limit * 2, 64 * 1024 ** 2) : 0;
		const suggestedText = suggested ? `${Math.ceil(suggested / 1024 ** 2)}m` : '';
		return {
			title:
				limit > 0
					? `Killed by the kernel OOM killer: memory limit ${formatBytes(limit)} reached`
					: 'Killed by the kernel OOM killer: the host ran out of memory',
			severity: 'error',
			confidence: 'high',
			evidence,
			explanation:
				(limit > 0
					? `The container may use at most ${formatBytes(limit)} of memory (docker run --memory). Its processes asked for more, so the Linux kernel killed one with SIGKILL (exit code 137) — the application got no chance to log an error. `
					: `The container had no memory limit, yet the kernel's OOM killer ended it: the whole host (${formatBytes(f.host.memTotal)}) ran short of memory. `) +
				'The engine does not keep the peak usage after the container exits; watch it on the next run with docker stats. ' +
				'This is not the application running out of its own heap: that shows as an error in the logs, not as OOMKilled.',
			fixes: [
				...(limit > 0
					? [
							{
								description: `Give it more memory (here ${suggestedText}; --memory-swap the same value forbids swap)`,
								command: `docker update --memory ${suggestedText} --memory-swap ${suggestedText} ${name} && docker start ${name}`,
							},
							{
								description: 'In compose, raise the limit',
								edit: {file: 'compose.yaml', change: `services.<service>.deploy.resources.limits.memory: ${suggestedText}`},
							},
						]
					: [
							{description: 'Set a memory limit so one container cannot starve the host, and check what else uses memory', command: 'docker stats --no-stream'},
						]),
				{description: 'Measure the real peak before choosing a limit', command: `docker start ${name} && docker stats ${name}`},
				{
					description:
						'Or lower what the application uses (worker count, cache sizes, batch size; for the JVM -XX:MaxRAMPercentage=75, for Node --max-old-space-size)',
				},
			],
		};
	},
};
