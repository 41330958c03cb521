/**
 * One sample of GET /containers/{id}/stats, reduced to what the monitor shows, with CPU and memory
 * computed as `docker stats` computes them (cli/command/container/stats_helpers.go). Pure.
 */
export interface StatsSample {
	/** Percent of one CPU (200 = two CPUs busy); null on the first sample, which has no previous reading. */
	readonly cpuPercent: number | null;
	/** Bytes, without the page cache the kernel can drop (docker stats' MEM USAGE). */
	readonly memUsage: number | null;
	/** Bytes: the container's limit, or the host's memory when it has none. */
	readonly memLimit: number | null;
	readonly pids: number | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function statsSampleFrom(doc: unknown): StatsSample {
	const d = obj(doc);
	const cpu = obj(d['cpu_stats']);
	const pre = obj(d['precpu_stats']);
	const total = num(obj(cpu['cpu_usage'])['total_usage']);
	const preTotal = num(obj(pre['cpu_usage'])['total_usage']);
	const system = num(cpu['system_cpu_usage']);
	const preSystem = num(pre['system_cpu_usage']);
	const perCpu = obj(cpu['cpu_usage'])['percpu_usage'];
	const online = num(cpu['online_cpus']) || (Array.isArray(perCpu) ? perCpu.length : 0) || 1;
	let cpuPercent: number | null = null;
	if (total !== null && preTotal !== null && system !== null && preSystem !== null && preSystem > 0) {
		const cpuDelta = total - preTotal;
		const systemDelta = system - preSystem;
		cpuPercent = systemDelta > 0 && cpuDelta >= 0 ? (cpuDelta / systemDelta) * online * 100 : 0;
	}
	const mem = obj(d['memory_stats']);
	const usage = num(mem['usage']);
	const inner = obj(mem['stats']);
	// cgroup v1: total_inactive_file; v2: inactive_file — the cache docker stats leaves out.
	const cache = num(inner['total_inactive_file']) ?? num(inner['inactive_file']) ?? 0;
	const memUsage = usage === null ? null : cache < usage ? usage - cache : usage;
	return {cpuPercent, memUsage, memLimit: num(mem['limit']), pids: num(obj(d['pids_stats'])['current'])};
}

/** Splits a byte stream of newline-separated JSON documents into parsed documents, across chunk boundaries. */
export class JsonLines {
	#rest = '';
	readonly #decoder = new TextDecoder();

	push(chunk: Uint8Array): unknown[] {
		const text = this.#rest + this.#decoder.decode(chunk, {stream: true});
		const lines = text.split('\n');
		this.#rest = lines.pop() ?? '';
		// A line longer than a stats or event document ever is: not the engine's; drop it rather than grow.
		if (this.#rest.length > 1024 * 1024) this.#rest = '';
		const out: unknown[] = [];
		for (const line of lines) {
			if (!line.trim()) continue;
			try {
				out.push(JSON.parse(line));
			} catch {
				// a torn or foreign line: skipped
			}
		}
		return out;
	}
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of values from 0 to max (at least 100), one character each. */
export function sparkline(values: readonly number[], max = 100): string {
	const top = Math.max(max, ...values);
	return values.map((v) => BARS[Math.min(BARS.length - 1, Math.max(0, Math.round((v / top) * (BARS.length - 1))))]).join('');
}
