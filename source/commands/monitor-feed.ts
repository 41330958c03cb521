/**
 * The live monitor: container rows from inspect, CPU and memory from one stats stream per running
 * container (as `docker stats` does: streamed, never polled one by one), and alerts from the
 * engine's event stream with the diagnose rules' top finding. Memory stays bounded: a fixed CPU
 * history per row, a fixed number of alerts, and nothing else kept.
 */
import type {ByteStream, ContainerListEntry, Engine} from '../adapters/docker.js';
import {diagnose} from '../core/diagnose/diagnose.js';
import type {DiagnosisFacts} from '../core/diagnose/facts.js';
import {isHelperError} from '../core/errors.js';
import {
	alertFor,
	containerEventFrom,
	MAX_ALERTS,
	rowFromInspect,
	withoutStats,
	withStats,
	type ContainerAction,
	type ContainerEvent,
	type MonitorAlert,
	type MonitorFeed,
	type MonitorRow,
	type MonitorSnapshot,
} from '../core/monitor/model.js';
import {JsonLines, statsSampleFrom} from '../core/monitor/stats.js';
import {gatherDiagnosisFacts, gatherHostFacts} from './diagnose-facts.js';
import type {Context} from './types.js';

export interface FeedOptions {
	/** Gather the diagnose rules' finding for each alert. */
	readonly diagnose: boolean;
	/** Every container event, with the alert it raised (or null). */
	readonly onEvent?: (event: ContainerEvent, alert: MonitorAlert | null) => void;
	/** An alert's diagnosis, once gathered. */
	readonly onDiagnosis?: (alert: MonitorAlert) => void;
	/** The event stream ended or failed (the engine went away). */
	readonly onLost?: (error: unknown) => void;
	/** How often subscribers hear about changes, at most. */
	readonly notifyMs?: number;
}

const DIAGNOSIS_DELAY_MS = 400;

export class EngineMonitor implements MonitorFeed {
	readonly #engine: Engine;
	readonly #ctx: Pick<Context, 'endpoint'>;
	readonly #options: FeedOptions;
	readonly #rows = new Map<string, MonitorRow>();
	readonly #baseline = new Map<string, number>();
	readonly #stats = new Map<string, ByteStream>();
	readonly #restarts = new Map<string, number[]>();
	readonly #listeners = new Set<() => void>();
	#alerts: MonitorAlert[] = [];
	#events: ByteStream | null = null;
	#queue: Promise<void> = Promise.resolve();
	#closed = false;
	#timer: NodeJS.Timeout | null = null;
	#dirty = false;
	#host: Promise<DiagnosisFacts['host']> | null = null;
	/** Alerts waiting for their container's diagnosis, by container id: one gathering serves them all. */
	readonly #diagnosing = new Map<string, MonitorAlert[]>();

	constructor(engine: Engine, ctx: Pick<Context, 'endpoint'>, options: FeedOptions) {
		this.#engine = engine;
		this.#ctx = ctx;
		this.#options = options;
	}

	/** Read every container, open the stats streams and the event stream. Events from here on are seen. */
	async start(): Promise<void> {
		// Subscribe to events first, so nothing that happens while we read the containers is missed.
		this.#events = await this.#engine.containerEventStream();
		void this.#readEvents(this.#events);
		const list = await this.#engine.listContainers({all: true});
		await mapLimit(list, 8, async (c) => {
			const row = await this.#inspect(c.id, c);
			if (row) this.#baseline.set(row.id, row.restartCount);
		});
		for (const row of this.#rows.values()) if (row.state === 'running') this.#openStats(row.id);
	}

	snapshot(): MonitorSnapshot {
		return {takenAt: new Date().toISOString(), rows: [...this.#rows.values()], alerts: [...this.#alerts]};
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Resolves once every running container has a CPU reading (or after `timeoutMs`). */
	async settled(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const running = [...this.#rows.values()].filter((r) => r.state === 'running');
			if (running.every((r) => r.cpuPercent !== null)) return;
			await new Promise((r) => setTimeout(r, 100));
		}
	}

	async act(action: ContainerAction, id: string): Promise<string> {
		const row = this.#rows.get(id);
		const name = row?.name ?? id.slice(0, 12);
		if (action === 'restart') await this.#engine.restartContainer(id);
		else if (action === 'stop') await this.#engine.stopContainer(id);
		else await this.#engine.removeContainer(id, {force: row?.state === 'running' || row?.state === 'restarting' || row?.state === 'paused'});
		return action === 'restart' ? `${name} restarted` : action === 'stop' ? `${name} stopped` : `${name} removed`;
	}

	close(): void {
		this.#closed = true;
		this.#events?.destroy();
		for (const s of this.#stats.values()) s.destroy();
		this.#stats.clear();
		if (this.#timer) clearTimeout(this.#timer);
		this.#listeners.clear();
	}

	// --- internals

	#changed(): void {
		if (this.#closed) return;
		this.#dirty = true;
		if (this.#timer) return;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			if (!this.#dirty) return;
			this.#dirty = false;
			for (const l of this.#listeners) l();
		}, this.#options.notifyMs ?? 1000);
	}

	async #inspect(id: string, listed?: ContainerListEntry): Promise<MonitorRow | null> {
		try {
			const facts = await this.#engine.inspectContainer(id);
			const before = this.#rows.get(facts.id);
			const fresh = rowFromInspect(facts.document, listed?.ports ?? null, this.#baseline.get(facts.id) ?? null);
			const row: MonitorRow = before
				? {...fresh, cpuPercent: before.cpuPercent, memUsage: before.memUsage, memLimit: before.memLimit, cpuHistory: before.cpuHistory}
				: fresh;
			this.#rows.set(row.id, row);
			this.#changed();
			return row;
		} catch (error) {
			if (isHelperError(error) && error.code === 'NO_SUCH_CONTAINER') {
				this.#rows.delete(id);
				this.#changed();
				return null;
			}
			throw error;
		}
	}

	#openStats(id: string): void {
		if (this.#stats.has(id) || this.#closed) return;
		// Reserve the slot before the stream opens, so a second start event does not open another.
		const placeholder: ByteStream = {destroy: () => undefined, [Symbol.asyncIterator]: async function* () {}};
		this.#stats.set(id, placeholder);
		void (async () => {
			let stream: ByteStream;
			try {
				stream = await this.#engine.statsStream(id);
			} catch {
				this.#stats.delete(id);
				return;
			}
			if (this.#closed || this.#stats.get(id) !== placeholder) return stream.destroy();
			this.#stats.set(id, stream);
			const lines = new JsonLines();
			try {
				for await (const chunk of stream) {
					for (const doc of lines.push(chunk)) {
						const row = this.#rows.get(id);
						if (!row) continue;
						this.#rows.set(id, withStats(row, statsSampleFrom(doc)));
						this.#changed();
					}
				}
			} catch {
				// the container stopped or went away: its stream ends
			} finally {
				if (this.#stats.get(id) === stream) this.#stats.delete(id);
			}
		})();
	}

	#closeStats(id: string): void {
		this.#stats.get(id)?.destroy();
		this.#stats.delete(id);
		const row = this.#rows.get(id);
		if (row) this.#rows.set(id, withoutStats(row));
	}

	async #readEvents(stream: ByteStream): Promise<void> {
		const lines = new JsonLines();
		try {
			for await (const chunk of stream) {
				for (const doc of lines.push(chunk)) {
					const event = containerEventFrom(doc);
					// exec_create/exec_start/exec_die: every health probe and docker exec; the health_status event says what matters.
					if (!event || event.action.startsWith('exec_')) continue;
					// In order, one at a time: each may re-inspect its container first.
					this.#queue = this.#queue.then(() => this.#handle(event)).catch(() => undefined);
				}
			}
			if (!this.#closed) this.#options.onLost?.(new Error('the engine ended the event stream'));
		} catch (error) {
			if (!this.#closed) this.#options.onLost?.(error);
		}
	}

	async #handle(event: ContainerEvent): Promise<void> {
		if (this.#closed) return;
		const id = event.id;
		const before = this.#rows.get(id);
		let row: MonitorRow | null | undefined = before;
		if (event.action === 'destroy') {
			this.#closeStats(id);
			this.#rows.delete(id);
			this.#changed();
		} else if (/^(create|start|restart|die|stop|kill|oom|pause|unpause|rename|update|health_status)/.test(event.action)) {
			row = await this.#inspect(id);
			if (!this.#baseline.has(id) && row) this.#baseline.set(id, event.action === 'create' ? 0 : row.restartCount);
			if (row?.state === 'running') this.#openStats(id);
			else if (row) this.#closeStats(id);
		}
		this.#raise(event, row ?? before);
		// A restart policy restarts without a "restart" event: RestartCount going up is the sign, on whichever
		// event's inspection first shows it (events are handled in order, inspections may be later than the event).
		if (before && row && row.restartCount > before.restartCount && event.action !== 'restart') {
			this.#raise({...event, action: 'restart', attributes: {...event.attributes, restartCount: String(row.restartCount), by: 'policy'}}, row);
		}
	}

	#raise(event: ContainerEvent, row: MonitorRow | undefined): void {
		const id = event.id;
		if (event.action === 'restart') this.#restarts.set(id, [...(this.#restarts.get(id) ?? []), Date.parse(event.time)].slice(-20));
		const alert = alertFor(event, row, this.#restarts.get(id) ?? []);
		if (alert) {
			this.#alerts = [...this.#alerts, alert].slice(-MAX_ALERTS);
			this.#changed();
			if (this.#options.diagnose) this.#diagnose(alert);
		}
		this.#options.onEvent?.(event, alert);
	}

	/** The diagnose rules' top finding for the alert's container, gathered once at a time per container. */
	#diagnose(alert: MonitorAlert): void {
		const waiting = this.#diagnosing.get(alert.id);
		if (waiting) return void waiting.push(alert);
		this.#diagnosing.set(alert.id, [alert]);
		setTimeout(() => {
			void (async () => {
				let text: string;
				try {
					this.#host ??= gatherHostFacts(this.#ctx, this.#engine);
					const facts = await gatherDiagnosisFacts(this.#engine, alert.id, {tail: 50, host: this.#host});
					const top = diagnose(facts).findings.find((f) => f.severity !== 'info') ?? null;
					text = top ? top.title : `no rule explains it yet: docker-helper diagnose ${alert.container}`;
				} catch (error) {
					text = isHelperError(error) ? error.message : 'diagnosis failed';
				}
				const served = this.#diagnosing.get(alert.id) ?? [alert];
				this.#diagnosing.delete(alert.id);
				if (this.#closed) return;
				for (const a of served) {
					const done = {...a, diagnosis: text};
					this.#alerts = this.#alerts.map((x) => (x === a ? done : x));
					this.#options.onDiagnosis?.(done);
				}
				this.#changed();
			})();
		}, DIAGNOSIS_DELAY_MS);
	}
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await fn(items[next++]!);
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}
