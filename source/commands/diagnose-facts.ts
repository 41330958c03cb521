/** Gather DiagnosisFacts once per container, concurrently, through the Docker and host adapters. */
import {diskSpace} from '../adapters/disk-space.js';
import type {Engine} from '../adapters/docker.js';
import type {FileHead} from '../core/engine/types.js';
import {isHelperError} from '../core/errors.js';
import {sniffExecutable} from '../core/diagnose/decode.js';
import type {DiagnosisFacts, EngineEvent, ExecutableProbe, LiveFacts, LogLine} from '../core/diagnose/facts.js';
import {parseListeners} from '../core/diagnose/net-tcp.js';
import {buildFacts, executableCandidates, mergeLogLines, needsExecutableProbe} from '../core/diagnose/from-engine.js';
import type {Context} from './types.js';

export const DEFAULT_TAIL = 200;

/** Engine- and host-wide facts, gathered once even for `diagnose --all`. */
export function gatherHostFacts(ctx: Pick<Context, 'endpoint'>, engine: Engine): Promise<DiagnosisFacts['host']> {
	return (async () => {
		const [info, version, endpoint] = await Promise.all([engine.info(), engine.version(), ctx.endpoint()]);
		const root = info.DockerRootDir ?? '/var/lib/docker';
		let dataRootFree: number | null = null;
		let dataRootSize: number | null = null;
		// Free disk is only meaningful when the engine runs on this machine.
		// (Docker Desktop's data root lives in its VM: the path is not on this machine and statfs finds nothing useful.)
		if (endpoint.transport.kind === 'unix' && !/desktop/i.test(info.OperatingSystem ?? '')) {
			const space = await diskSpace(root);
			if (space) {
				dataRootFree = space.free;
				dataRootSize = space.size;
			}
		}
		return {
			arch: version.Arch,
			os: version.Os,
			kernel: info.KernelVersion ?? version.KernelVersion ?? '',
			memTotal: info.MemTotal ?? 0,
			cpus: info.NCPU ?? 0,
			cgroupVersion: info.CgroupVersion ?? null,
			dockerRootDir: root,
			dataRootFree,
			dataRootSize,
			engineVersion: version.Version,
		};
	})();
}

function message(error: unknown): string {
	return isHelperError(error) ? error.message : String((error as Error)?.message ?? error);
}

export async function gatherDiagnosisFacts(
	engine: Engine,
	ref: string,
	options: {tail: number; host: Promise<DiagnosisFacts['host']>},
): Promise<DiagnosisFacts> {
	const container = await engine.inspectContainer(ref);
	const {id, tty, document: inspect} = container;
	const untilMs = Date.now();
	const createdMs = Date.parse(container.created) || untilMs - 3600_000;
	const since = Math.floor(createdMs / 1000) - 1;
	// `until` in the past (to the millisecond) makes the engine answer at once instead of waiting for it.
	const until = untilMs / 1000;
	const bindings = Object.values(inspect.HostConfig?.PortBindings ?? {})
		.flatMap((b) => b ?? [])
		.map((b) => b.HostPort ?? '')
		.filter((p) => p !== '' && p !== '0');

	const [image, logs, events, portHolders, host] = await Promise.all([
		container.imageId ? engine.inspectImage(container.imageId).catch(() => null) : Promise.resolve(null),
		// Both streams together, and stderr alone: a flood of stdout can push the one error line out of the combined tail.
		Promise.all([
			engine.containerLogTail(id, options.tail, tty),
			tty ? Promise.resolve([]) : engine.containerLogTail(id, options.tail, tty, {stdout: false, stderr: true}),
		]).then(
			([both, stderr]) => ({tail: options.tail, lines: mergeLogLines(both, stderr), error: null}),
			(error: unknown) => ({tail: options.tail, lines: [] as LogLine[], error: message(error)}),
		),
		engine.containerEvents(id, since, until).then(
			(list) => ({since: new Date(since * 1000).toISOString(), until: new Date(untilMs).toISOString(), list, error: null}),
			(error: unknown) => ({
				since: new Date(since * 1000).toISOString(),
				until: new Date(untilMs).toISOString(),
				list: [] as EngineEvent[],
				error: message(error),
			}),
		),
		bindings.length > 0 ? portHoldersFor(engine, id, bindings) : Promise.resolve([]),
		options.host,
	]);
	const executable = needsExecutableProbe(inspect, logs.lines) ? await probeExecutable(engine, id, inspect.Path ?? '', inspect.Config?.Env ?? []) : null;
	const up = inspect.State?.Running === true && inspect.State?.Restarting !== true && inspect.State?.Paused !== true;
	const live = up
		? await liveFacts(
				engine,
				id,
				Object.keys(inspect.HostConfig?.PortBindings ?? {}).some((p) => p.endsWith('/tcp')),
			)
		: null;
	return buildFacts({capturedAt: new Date(untilMs).toISOString(), inspect, image: image?.document ?? null, logs, events, portHolders, executable, live, host});
}

/** A running container: one stats sample, and (when it publishes TCP ports) what listens inside it. */
async function liveFacts(engine: Engine, id: string, published: boolean): Promise<LiveFacts> {
	const [stats, sockets] = await Promise.all([
		engine.containerStats(id).catch(() => null),
		published
			? engine.execOutput(id, ['cat', '/proc/net/tcp', '/proc/net/tcp6']).then(
					(r) =>
						r.stdout.includes('local_address')
							? {listeners: parseListeners(r.stdout)}
							: {listeners: null, listenersError: `cat /proc/net/tcp exited ${r.exitCode ?? '?'} (no cat in the image?)`},
					(error: unknown) => ({listeners: null, listenersError: message(error)}),
				)
			: Promise.resolve({listeners: null}),
	]);
	return {
		memoryUsage: stats?.memoryUsage ?? null,
		memoryLimit: stats?.memoryLimit ?? null,
		pids: stats?.pids ?? null,
		cpuPeriods: stats?.cpuPeriods ?? null,
		cpuThrottledPeriods: stats?.cpuThrottledPeriods ?? null,
		...sockets,
	};
}

async function portHoldersFor(engine: Engine, id: string, hostPorts: readonly string[]): Promise<DiagnosisFacts['portHolders']> {
	try {
		const running = await engine.listContainers({all: false});
		return running
			.filter((c) => c.id !== id)
			.map((c) => ({
				name: c.name,
				id: c.id,
				ports: c.ports
					.filter((p) => p.publicPort && hostPorts.includes(String(p.publicPort)))
					.map((p) => `${p.ip ?? ''}:${p.publicPort}->${p.privatePort}/${p.type}`),
			}))
			.filter((c) => c.ports.length > 0);
	} catch {
		return [];
	}
}

/** Look at the file the runtime tried to start: does it exist, is it executable, which CPU is it for, CRLF? */
async function probeExecutable(engine: Engine, id: string, path: string, env: readonly string[]): Promise<ExecutableProbe | null> {
	const candidates = executableCandidates(path, env);
	if (candidates.length === 0) return null;
	for (const candidate of candidates) {
		let current = candidate;
		for (let hop = 0; hop < 4; hop++) {
			let found: FileHead | null;
			try {
				found = await engine.readFileHead(id, current);
			} catch {
				return null; // the engine could not look (a broken mount, say): unknown, not "missing"
			}
			if (!found) break;
			const {entry, head} = found;
			if (entry.type === '2' && entry.linkName) {
				current = entry.linkName.startsWith('/') ? entry.linkName : `${current.slice(0, current.lastIndexOf('/'))}/${entry.linkName}`;
				continue;
			}
			const mode = entry.mode & 0o7777;
			return {
				path: candidate,
				exists: true,
				...(current !== candidate ? {resolved: current} : {}),
				mode: mode.toString(8).padStart(4, '0'),
				executable: (mode & 0o111) !== 0,
				size: entry.size,
				...sniffExecutable(head),
			};
		}
	}
	return {path: candidates.length === 1 ? candidates[0]! : path, exists: false};
}
