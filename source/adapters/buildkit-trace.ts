/**
 * BuildKit's progress on the engine's /build?version=2 stream: each `moby.buildkit.trace` line carries a
 * base64 protobuf StatusResponse (moby/buildkit api/services/control/control.proto). Only the fields
 * progress needs are declared; protobufjs skips the rest, so newer engines' extra fields are harmless.
 * protobufjs rather than a hand-written varint reader: it already decodes the wire format for
 * dockerode's own BuildKit support, and it is the reference JavaScript implementation.
 */
import protobuf from 'protobufjs/light.js';

const timestamp = {fields: {seconds: {type: 'int64', id: 1}, nanos: {type: 'int32', id: 2}}};

const StatusResponse = protobuf.Root.fromJSON({
	nested: {
		Timestamp: timestamp,
		Vertex: {
			fields: {
				digest: {type: 'string', id: 1},
				name: {type: 'string', id: 3},
				cached: {type: 'bool', id: 4},
				started: {type: 'Timestamp', id: 5},
				completed: {type: 'Timestamp', id: 6},
				error: {type: 'string', id: 7},
			},
		},
		VertexLog: {fields: {vertex: {type: 'string', id: 1}, stream: {type: 'int64', id: 3}, msg: {type: 'bytes', id: 4}}},
		VertexWarning: {fields: {vertex: {type: 'string', id: 1}, short: {type: 'bytes', id: 3}}},
		StatusResponse: {
			fields: {
				vertexes: {rule: 'repeated', type: 'Vertex', id: 1},
				logs: {rule: 'repeated', type: 'VertexLog', id: 3},
				warnings: {rule: 'repeated', type: 'VertexWarning', id: 4},
			},
		},
	},
}).lookupType('StatusResponse');

export interface TraceVertex {
	readonly digest: string;
	readonly name: string;
	readonly cached: boolean;
	readonly started: boolean;
	readonly completed: boolean;
	readonly error: string;
}

export interface BuildTrace {
	readonly vertexes: readonly TraceVertex[];
	readonly logs: ReadonlyArray<{readonly vertex: string; readonly text: string}>;
	readonly warnings: readonly string[];
}

/** One trace message; a message that does not decode is no progress (never a failed build). */
export function decodeTrace(base64: string): BuildTrace {
	let doc: Record<string, unknown>;
	try {
		doc = StatusResponse.toObject(StatusResponse.decode(Buffer.from(base64, 'base64')), {defaults: true, longs: Number});
	} catch {
		return {vertexes: [], logs: [], warnings: []};
	}
	const list = (key: string) => (Array.isArray(doc[key]) ? (doc[key] as Array<Record<string, unknown>>) : []);
	return {
		vertexes: list('vertexes').map((v) => ({
			digest: String(v['digest'] ?? ''),
			name: String(v['name'] ?? ''),
			cached: v['cached'] === true,
			started: v['started'] !== null && v['started'] !== undefined,
			completed: v['completed'] !== null && v['completed'] !== undefined,
			error: String(v['error'] ?? ''),
		})),
		logs: list('logs').map((l) => ({vertex: String(l['vertex'] ?? ''), text: Buffer.from(l['msg'] as Uint8Array).toString('utf8')})),
		warnings: list('warnings').map((w) => Buffer.from(w['short'] as Uint8Array).toString('utf8')),
	};
}

/**
 * Turns the trace messages of one build into progress lines: each step once when it starts ("[stage-0 2/3]
 * RUN …"), "CACHED" when it came from the cache, its output line by line, and warnings. Vertexes repeat
 * in every update of their state, so what was said is remembered.
 */
export class TraceLines {
	readonly #announced = new Set<string>();
	readonly #partial = new Map<string, string>();
	readonly #names = new Map<string, string>();
	readonly #failures: string[] = [];

	/** The steps that failed, with their name: "[stage-0 2/3] RUN false: exit code: 1". */
	get failures(): readonly string[] {
		return this.#failures;
	}

	lines(trace: BuildTrace): string[] {
		const out: string[] = [];
		for (const v of trace.vertexes) {
			if (v.name) this.#names.set(v.digest, v.name);
			if (!this.#announced.has(v.digest) && (v.started || v.cached)) {
				this.#announced.add(v.digest);
				out.push(v.cached ? `CACHED ${v.name}` : v.name);
			}
			if (v.error && !this.#failures.some((f) => f.startsWith(`${v.name}: `))) this.#failures.push(`${v.name}: ${v.error}`);
		}
		for (const log of trace.logs) {
			// A log chunk can end mid-line: keep the rest until the next chunk of the same step.
			const text = (this.#partial.get(log.vertex) ?? '') + log.text;
			const parts = text.split(/\r?\n/);
			this.#partial.set(log.vertex, parts.pop() ?? '');
			for (const p of parts) if (p.trim()) out.push(p.trimEnd());
		}
		for (const w of trace.warnings) if (w.trim()) out.push(`WARNING: ${w.trim()}`);
		return out;
	}

	/** What is left of unfinished log lines at the end of the stream. */
	flush(): string[] {
		const out = [...this.#partial.values()].filter((p) => p.trim()).map((p) => p.trimEnd());
		this.#partial.clear();
		return out;
	}
}
