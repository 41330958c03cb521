import {field, ref, sh} from '../helpers.js';
import type {Rule} from '../types.js';

export const pidsNearLimit: Rule = {
	id: 'pids-near-limit',
	description:
		'A running container has 90 % or more of its --pids-limit processes and threads: the next fork or thread fails ("Resource temporarily unavailable").',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['pids-near-limit'], silent: ['healthy-running', 'memory-near-limit']},
	diagnose(f) {
		const limit = f.resources.pidsLimit;
		const pids = f.live?.pids ?? null;
		if (!f.state.running || limit === null || pids === null || pids < limit * 0.9) return null;
		const name = sh(ref(f));
		return {
			title: `${pids} of ${limit} allowed processes and threads in use (--pids-limit)`,
			severity: 'warning',
			confidence: 'high',
			evidence: [
				{
					kind: 'host',
					label: 'processes and threads (docker stats PIDS)',
					value: `${pids} of ${limit}`,
					command: `docker stats --no-stream --format '{{.PIDs}}' ${name}`,
				},
				field(f, 'HostConfig.PidsLimit', limit),
			],
			explanation:
				`The kernel counts every process and thread of the container against its pids limit of ${limit}. At the limit, fork() and pthread_create() fail with EAGAIN: shells say "can't fork: Resource temporarily unavailable", the JVM "unable to create native thread", Python "can't start new thread". ` +
				'A steady climb means processes are not reaped (zombies under a PID 1 that does not wait for children) or threads leak.',
			fixes: [
				{description: 'See what the processes are', command: `docker top ${name}`},
				{description: 'Raise the limit if the load needs it', command: `docker update --pids-limit ${limit * 2} ${name}`},
				{description: 'If they are zombies, run with an init that reaps them', command: 'docker run --init ...'},
			],
		};
	},
};
