import {formatBytes} from '../../units.js';
import {events, field, lastMatch, logEvidence} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

const RUNTIMES: ReadonlyArray<{
	runtime: string;
	pattern: RegExp;
	fix: (limit: number) => {description: string; command?: string; edit?: {file: string; change: string}};
}> = [
	{
		runtime: 'JVM',
		pattern: /java\.lang\.OutOfMemoryError(?:: ([\w ]+))?/,
		fix: () => ({
			description: 'Size the heap from the container limit instead of a fixed -Xmx',
			command: 'docker run -e JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" ...',
		}),
	},
	{
		runtime: 'Node.js',
		pattern: /JavaScript heap out of memory|Reached heap limit|FATAL ERROR: .*Allocation failed/,
		fix: (limit) => ({
			description: 'Raise the V8 heap limit (in MiB; keep it below the container limit)',
			command: `docker run -e NODE_OPTIONS="--max-old-space-size=${limit > 0 ? Math.floor((limit / 1024 ** 2) * 0.75) : 2048}" ...`,
		}),
	},
	{
		runtime: 'Python',
		pattern: /^\s*MemoryError\b|\bMemoryError: /,
		fix: () => ({description: 'Process data in smaller chunks (batch size, streaming reads), or give the container more memory'}),
	},
	{
		runtime: 'Go',
		pattern: /fatal error: runtime: out of memory/,
		fix: (limit) => ({
			description: 'Tell the Go runtime its budget',
			command: `docker run -e GOMEMLIMIT=${limit > 0 ? `${Math.floor((limit / 1024 ** 2) * 0.9)}MiB` : '1GiB'} ...`,
		}),
	},
	{
		runtime: '.NET',
		pattern: /System\.OutOfMemoryException/,
		fix: () => ({description: 'Limit the GC heap', command: 'docker run -e DOTNET_GCHeapHardLimitPercent=0x4B ...'}),
	},
];

export const appOom: Rule = {
	id: 'app-oom',
	description: "The application's own runtime ran out of memory (JVM heap, Node heap, Python MemoryError) — not a kernel OOM kill.",
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['node-heap-oom', 'jvm-heap-oom'], silent: ['oom-killed', 'segfault']},
	diagnose(f) {
		if (f.state.oomKilled || events(f, 'oom').length > 0) return null;
		for (const r of RUNTIMES) {
			const hit = lastMatch(f, r.pattern);
			if (!hit) continue;
			const limit = f.resources.memory;
			const evidence: Evidence[] = [logEvidence(f, hit.line), field(f, 'State.OOMKilled', false), field(f, 'HostConfig.Memory', limit)];
			return {
				title: `${r.runtime} ran out of memory${hit.match[1] ? ` (${hit.match[1].trim()})` : ''} — its own limit, not the kernel's`,
				severity: 'error',
				confidence: 'high',
				evidence,
				explanation:
					`The ${r.runtime} runtime reported that it could not allocate more memory and stopped. The kernel did not kill the container (OOMKilled is false): the runtime hit its own heap limit${limit > 0 ? ` while the container limit is ${formatBytes(limit)}` : ''}. ` +
					'Either the program needs more memory than its runtime allows, or it leaks or loads too much at once.',
				fixes: [r.fix(limit), {description: 'Watch memory while reproducing', command: `docker stats ${f.container.name}`}],
			};
		}
		return null;
	},
};
