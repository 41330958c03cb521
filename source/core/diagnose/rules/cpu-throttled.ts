import {field, ref, sh} from '../helpers.js';
import type {Rule} from '../types.js';

export const cpuThrottled: Rule = {
	id: 'cpu-throttled',
	description: 'A running container with a CPU limit is throttled in 25 % or more of the scheduler periods since it started: requests slow down and time out.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['cpu-throttled'], silent: ['healthy-running', 'memory-near-limit']},
	diagnose(f) {
		const live = f.live;
		const periods = live?.cpuPeriods ?? null;
		const throttled = live?.cpuThrottledPeriods ?? null;
		if (!f.state.running || periods === null || throttled === null || periods < 20 || throttled / periods < 0.25) return null;
		const cpus = f.resources.nanoCpus / 1e9;
		const name = sh(ref(f));
		return {
			title: `CPU-throttled in ${Math.round((throttled / periods) * 100)} % of periods${cpus > 0 ? ` (limit ${cpus} CPUs)` : ''}`,
			severity: 'warning',
			confidence: 'high',
			evidence: [
				{
					kind: 'host',
					label: 'cpu_stats.throttling_data',
					value: `${throttled} of ${periods} periods throttled`,
					command: `docker stats --no-stream ${name}; docker exec ${name} cat /sys/fs/cgroup/cpu.stat 2>/dev/null || docker exec ${name} cat /sys/fs/cgroup/cpu/cpu.stat`,
				},
				...(cpus > 0 ? [field(f, 'HostConfig.NanoCpus', f.resources.nanoCpus)] : []),
			],
			explanation:
				'The kernel gives the container its CPU quota per 100 ms period; when it has used the quota, its threads wait until the next period. ' +
				`That happened in ${throttled} of ${periods} periods. Latency grows by up to the rest of each period, so health probes and requests time out (a gunicorn WORKER TIMEOUT, a failing probe) although the host is idle. ` +
				'Runtimes that size thread pools from the host CPU count (the JVM before container support, Node worker pools, Go before GOMAXPROCS honoured quotas) make it worse.',
			fixes: [
				{description: 'Give it more CPU', command: `docker update --cpus ${cpus > 0 ? Math.max(1, cpus * 2) : 2} ${name}`},
				{description: 'Size worker and thread counts to the limit, not the host (GOMAXPROCS, -XX:ActiveProcessorCount, gunicorn --workers)'},
			],
		};
	},
};
