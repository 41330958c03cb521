import {formatBytes} from '../../units.js';
import {field, ref, sh} from '../helpers.js';
import type {Rule} from '../types.js';

/** From this share of the limit, the next allocation spike is an OOM kill. */
export const NEAR = 0.9;

export const memoryNearLimit: Rule = {
	id: 'memory-near-limit',
	description: 'A running container uses 90 % or more of its memory limit (docker stats, less reclaimable cache): the next spike is an OOM kill.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['memory-near-limit'], silent: ['healthy-running', 'oom-killed', 'pids-near-limit']},
	diagnose(f) {
		const live = f.live;
		if (!live || !f.state.running || f.resources.memory <= 0 || live.memoryUsage === null) return null;
		const limit = Math.min(f.resources.memory, live.memoryLimit ?? Infinity);
		const share = live.memoryUsage / limit;
		if (share < NEAR) return null;
		const name = sh(ref(f));
		const next = `${Math.ceil((limit * 1.5) / 1024 ** 2)}m`;
		return {
			title: `Memory at ${Math.round(share * 100)} % of its ${formatBytes(limit)} limit: close to an OOM kill`,
			severity: 'warning',
			confidence: 'high',
			evidence: [
				{
					kind: 'host',
					label: 'memory in use (docker stats)',
					value: `${formatBytes(live.memoryUsage)} of ${formatBytes(limit)}`,
					command: `docker stats --no-stream --format '{{.MemUsage}} {{.MemPerc}}' ${name}`,
				},
				field(f, 'HostConfig.Memory', f.resources.memory),
			],
			explanation:
				`The container uses ${formatBytes(live.memoryUsage)} of the ${formatBytes(limit)} it may use (page cache the kernel can drop is not counted, as in docker stats). ` +
				'When it needs more than the limit, the kernel OOM killer ends a process with SIGKILL: PID 1 (the container exits 137, OOMKilled) or a worker (the server logs a killed worker). ' +
				'A slow climb is a leak or an unbounded cache; a plateau just under the limit means the limit is too small for the load.',
			fixes: [
				{
					description: `Raise the limit (here to ${next}; the same --memory-swap forbids swap)`,
					command: `docker update --memory ${next} --memory-swap ${next} ${name}`,
				},
				{description: 'Watch it over time to tell a leak from a plateau', command: `docker stats ${name}`},
				{description: 'Or bound what the program keeps: worker count, cache sizes; for the JVM -XX:MaxRAMPercentage=75, for Node --max-old-space-size'},
			],
		};
	},
};
