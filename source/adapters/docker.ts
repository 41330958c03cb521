/**
 * The one place that imports dockerode (for its transport: unix, npipe, tcp, TLS, ssh). Every
 * engine call goes through one request path here, which gives it a deadline, checks the answer's
 * shape and returns domain types from core/engine, and maps every failure once to a HelperError
 * with a hint, the same for every command.
 */
import type {IncomingMessage} from 'node:http';
import Module, {createRequire} from 'node:module';
import type Dockerode from 'dockerode';
import {EXIT, HelperError, isHelperError, usageError} from '../core/errors.js';
import type {Endpoint} from '../core/endpoint.js';
import {suggest} from '../core/suggest.js';
import {readFileBoundedSync} from './files.js';
import {sshAgent} from './ssh.js';
import {demuxLogs, parseTarHeader} from '../core/diagnose/decode.js';
import {FrameDemuxer} from '../core/log-stream.js';
import {
	containerFactsFrom,
	containerListFrom,
	containerStatsFrom,
	diskUsageFrom,
	engineErrorMessage,
	engineInfoFrom,
	engineVersionFrom,
	execIdFrom,
	execStateFrom,
	imageFactsFrom,
	imageHistoryFrom,
	NotDockerAnswer,
} from '../core/engine/answers.js';
import {inventoryFrom, type Inventory} from '../core/engine/inventory.js';
import type {ToolboxSpec} from '../core/debug/plan.js';
import {checkContainerRef, checkImageRef, imagePath, pathSegment} from '../core/engine/refs.js';
import {impliedReference} from '../core/images/tags.js';
import type {
	ByteStream,
	ContainerFacts,
	ContainerListEntry,
	ContainerStats,
	DiskUsage,
	EngineEvent,
	EngineInfo,
	EngineVersion,
	ExecOptions,
	ExecSession,
	ExecStream,
	FileHead,
	ImageFacts,
	ImageHistoryEntry,
	LogLine,
	ThrowawaySpec,
	LogStreamOptions,
} from '../core/engine/types.js';

export type {ImageHistoryEntry, ThrowawaySpec};
export type {
	ByteStream,
	ContainerFacts,
	ContainerListEntry,
	DiskUsage,
	EngineEvent,
	EngineInfo,
	EngineVersion,
	ExecOptions,
	ExecSession,
	ExecStream,
	FileHead,
	ImageFacts,
	LogLine,
	LogStreamOptions,
};

/** The oldest Engine API we support (Docker 19.03). */
export const MIN_API_VERSION = '1.40';

/** How long one engine call may take unless DOCKER_HELPER_TIMEOUT says otherwise. */
export const DEFAULT_DEADLINE_MS = 15_000;
/** A build's answer starts once the engine has the context (a big one takes a while to upload). */
const BUILD_START_DEADLINE_MS = 120_000;
/** The ping is the first thing every command does: a dead engine should be reported fast. */
const PING_DEADLINE_MS = 5_000;
/** `docker system df` walks every layer and volume: it may take long on a big host. */
const DISK_USAGE_DEADLINE_MS = 60_000;
/** Largest JSON answer read: far above a real engine's (thousands of containers), far below harm. */
const MAX_ANSWER_BYTES = 128 * 1024 * 1024;
/** An image export may wait while the engine stages, compresses or reads a big layer. */
const EXPORT_IDLE_MS = 300_000;

export interface EngineOptions {
	/** One deadline for every call (DOCKER_HELPER_TIMEOUT): overrides the defaults above. */
	readonly deadlineMs?: number;
}

/** Who a request is about: a 404 is then "no such container" or "no such image", not a missing route. */
type Subject = {readonly kind: 'container' | 'image' | 'exec'; readonly ref: string};

interface Request {
	readonly method: 'GET' | 'POST' | 'HEAD' | 'DELETE';
	/** Path with its parameters already encoded (pathSegment, imagePath); no query. */
	readonly path: string;
	readonly query?: Readonly<Record<string, string | number | boolean>>;
	/** JSON body for POST. */
	readonly body?: Readonly<Record<string, unknown>>;
	readonly subject?: Subject;
	readonly deadlineMs?: number;
	/** A POST body streamed as is (a build context tar), instead of `body`. */
	readonly upload?: NodeJS.ReadableStream;
}

interface StreamRequest extends Request {
	/** Give up when no byte arrives for this long (a finished-in-bounded-time answer); omit for follow streams. */
	readonly idleMs?: number;
}

/** Every status code handed back to us: the adapter reads bodies and maps statuses itself. */
const ALL_STATUSES: Record<number, true> = Object.fromEntries(Array.from({length: 500}, (_, i) => [i + 100, true]));

export class Engine {
	readonly endpoint: Endpoint;
	readonly #client: Dockerode;
	readonly #deadlineMs: number | undefined;

	private constructor(endpoint: Endpoint, client: Dockerode, options: EngineOptions) {
		this.endpoint = endpoint;
		this.#client = client;
		this.#deadlineMs = options.deadlineMs;
	}

	/** Create a client for the endpoint and check that a Docker Engine answers there. */
	static async connect(endpoint: Endpoint, options: EngineOptions = {}): Promise<Engine> {
		const engine = await Engine.create(endpoint, options);
		await engine.ping();
		return engine;
	}

	/** Create a client without contacting the engine. */
	static async create(endpoint: Endpoint, options: EngineOptions = {}): Promise<Engine> {
		deferDockerodeSession();
		const {default: Docker} = await import('dockerode');
		let client: Dockerode;
		try {
			client = new Docker(clientOptions(endpoint) as Dockerode.DockerOptions);
		} catch (error) {
			if (error instanceof HelperError) throw error;
			throw new HelperError(
				'ENGINE_CONFIG',
				`Cannot set up a connection to ${endpoint.host}: ${(error as Error).message}`,
				'Check DOCKER_HOST, DOCKER_CERT_PATH and the Docker context (docker context inspect).',
				{endpoint: describeEndpoint(endpoint)},
			);
		}
		return new Engine(endpoint, client, options);
	}

	/** GET /_ping: a Docker Engine answers "OK" with an Api-Version header; anything else is not one. */
	async ping(): Promise<void> {
		const spec: Request = {method: 'GET', path: '/_ping', deadlineMs: this.#deadlineMs ?? PING_DEADLINE_MS};
		await this.#within(spec, async (signal) => {
			const res = await this.#dial(spec, signal);
			const body = await readBody(res, 4096, signal);
			const text = body.toString('utf8').trim();
			if (res.statusCode === 200 && (text === 'OK' || typeof res.headers['api-version'] === 'string')) return;
			throw this.#statusError(spec, res.statusCode ?? 0, parseJson(body), body);
		});
	}

	async version(): Promise<EngineVersion> {
		const version = engineVersionFrom(await this.#json({method: 'GET', path: '/version'}));
		if (compareApiVersions(version.ApiVersion, MIN_API_VERSION) < 0) {
			throw new HelperError(
				'ENGINE_API_TOO_OLD',
				`The Docker Engine at ${this.endpoint.host} speaks API ${version.ApiVersion}; docker-helper needs ${MIN_API_VERSION} or newer.`,
				'Upgrade Docker Engine to a maintained release (https://docs.docker.com/engine/install/).',
				{apiVersion: version.ApiVersion, engineVersion: version.Version},
			);
		}
		return version;
	}

	async info(): Promise<EngineInfo> {
		return engineInfoFrom(await this.#json({method: 'GET', path: '/info'}));
	}

	async diskUsage(): Promise<DiskUsage> {
		return diskUsageFrom(await this.#json({method: 'GET', path: '/system/df', deadlineMs: this.#deadlineMs ?? DISK_USAGE_DEADLINE_MS}));
	}

	/** GET /system/df: every image, container, volume and build cache record with the sizes `docker system df -v` shows. */
	async inventory(): Promise<Inventory> {
		return inventoryFrom(await this.#json({method: 'GET', path: '/system/df', deadlineMs: this.#deadlineMs ?? DISK_USAGE_DEADLINE_MS}));
	}

	// --- removal: never forced, so the engine itself refuses to remove what is in use

	/** docker container rm (not -f: a running container is refused; its anonymous volumes stay). */
	async removeContainer(id: string, options: {force?: boolean} = {}): Promise<void> {
		const name = containerRef(id);
		await this.#json({
			method: 'DELETE',
			path: `/containers/${pathSegment(name)}`,
			query: {force: options.force === true, v: false},
			subject: {kind: 'container', ref: name},
		});
	}

	/** docker restart / docker stop: the engine sends SIGTERM, then SIGKILL after `timeout` seconds. */
	async restartContainer(id: string, timeout = 10): Promise<void> {
		const name = containerRef(id);
		await this.#json({
			method: 'POST',
			path: `/containers/${pathSegment(name)}/restart`,
			query: {t: timeout},
			subject: {kind: 'container', ref: name},
			deadlineMs: (timeout + 15) * 1000,
		});
	}

	async stopContainer(id: string, timeout = 10): Promise<void> {
		const name = containerRef(id);
		await this.#json({
			method: 'POST',
			path: `/containers/${pathSegment(name)}/stop`,
			query: {t: timeout},
			subject: {kind: 'container', ref: name},
			deadlineMs: (timeout + 15) * 1000,
		});
	}

	// --- debug: the toolbox container, attached before it starts so no output is lost

	/** POST /containers/create for a debug toolbox: an argument-array spec, never a shell string; removed by the engine when it exits. */
	async createToolbox(spec: ToolboxSpec): Promise<string> {
		const body: Record<string, unknown> = {
			Image: spec.image,
			...(spec.cmd.length > 0 ? {Cmd: [...spec.cmd]} : {}),
			Tty: spec.tty,
			OpenStdin: spec.stdin,
			StdinOnce: spec.stdin,
			AttachStdin: spec.stdin,
			AttachStdout: true,
			AttachStderr: true,
			Labels: {...spec.labels},
			HostConfig: {
				AutoRemove: true,
				...(spec.pidMode ? {PidMode: spec.pidMode} : {}),
				...(spec.networkMode ? {NetworkMode: spec.networkMode} : {NetworkMode: 'none'}),
				...(spec.volumesFrom.length > 0 ? {VolumesFrom: [...spec.volumesFrom]} : {}),
				...(spec.capAdd.length > 0 ? {CapAdd: [...spec.capAdd]} : {}),
				RestartPolicy: {Name: 'no'},
			},
		};
		const answer = await this.#json({method: 'POST', path: '/containers/create', query: {name: spec.name}, body, subject: {kind: 'image', ref: spec.image}});
		const id = (answer as {Id?: unknown})?.Id;
		if (typeof id !== 'string') throw this.mapError(new NotDockerAnswer('container create: no Id'));
		return id;
	}

	/** docker attach: a duplex socket with stdin, else the output stream (multiplexed frames unless tty). */
	async attachContainer(id: string, options: {stdin: boolean}): Promise<ExecStream> {
		const name = containerRef(id);
		const spec: Request = {
			method: 'POST',
			path: `/containers/${pathSegment(name)}/attach`,
			query: {stream: true, stdin: options.stdin, stdout: true, stderr: true},
			subject: {kind: 'container', ref: name},
		};
		if (!options.stdin) return (await this.#stream(spec)) as unknown as ExecStream;
		return this.#within(spec, (signal) => this.#hijack(spec, signal));
	}

	/** POST /containers/{id}/wait: resolves with the exit code when the container next exits (no deadline: it may run long). */
	async waitContainer(id: string): Promise<number> {
		const name = containerRef(id);
		const answer = await this.#json({
			method: 'POST',
			path: `/containers/${pathSegment(name)}/wait`,
			query: {condition: 'next-exit'},
			subject: {kind: 'container', ref: name},
			deadlineMs: 2_000_000_000,
		});
		const code = (answer as {StatusCode?: unknown})?.StatusCode;
		return typeof code === 'number' ? code : 1;
	}

	async resizeContainer(id: string, rows: number, columns: number): Promise<void> {
		const name = containerRef(id);
		await this.#json({
			method: 'POST',
			path: `/containers/${pathSegment(name)}/resize`,
			query: {h: rows, w: columns},
			subject: {kind: 'container', ref: name},
		}).catch(() => undefined);
	}

	/** docker pull: progress lines to `onLine`; a registry the engine cannot reach is an error with the engine's words. */
	async pullImage(ref: string, onLine: (line: string) => void = () => {}): Promise<void> {
		const image = imageRef(ref);
		const at = image.lastIndexOf(':');
		const slash = image.lastIndexOf('/');
		const [fromImage, tag] = image.includes('@') ? [image, undefined] : at > slash ? [image.slice(0, at), image.slice(at + 1)] : [image, 'latest'];
		const stream = await this.#stream({
			method: 'POST',
			path: '/images/create',
			query: {fromImage, ...(tag ? {tag} : {})},
			idleMs: this.#deadline(),
			subject: {kind: 'image', ref: image},
		});
		let rest = '';
		for await (const chunk of stream) {
			const lines = (rest + Buffer.from(chunk).toString('utf8')).split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) {
				if (!line.trim()) continue;
				let doc: {error?: unknown; status?: unknown};
				try {
					doc = JSON.parse(line) as typeof doc;
				} catch {
					continue;
				}
				if (typeof doc.error === 'string')
					throw new HelperError('ENGINE_ERROR', `The engine could not pull ${image}: ${doc.error}`, `Pull it yourself to see why: docker pull ${image}`, {
						image,
					});
				if (typeof doc.status === 'string') onLine(doc.status);
			}
		}
	}

	// --- live streams: the monitor's, never buffered whole; destroy them to stop

	/** GET /events for containers from now on (docker events --filter type=container), one JSON document per line. */
	async containerEventStream(): Promise<ByteStream> {
		return this.#stream({method: 'GET', path: '/events', query: {filters: JSON.stringify({type: ['container']})}});
	}

	/** GET /containers/{id}/stats?stream=1: one JSON sample about every second (docker stats). */
	async statsStream(id: string): Promise<ByteStream> {
		const name = containerRef(id);
		return this.#stream({method: 'GET', path: `/containers/${pathSegment(name)}/stats`, query: {stream: true}, subject: {kind: 'container', ref: name}});
	}

	/** docker image rm (not -f: an image a container uses is refused). Returns what the engine untagged and deleted. */
	async removeImage(ref: string): Promise<{untagged: string[]; deleted: string[]}> {
		const image = imageRef(ref);
		const answer = await this.#json({
			method: 'DELETE',
			path: `/images/${imagePath(image)}`,
			query: {force: false, noprune: false},
			subject: {kind: 'image', ref: image},
		});
		const out = {untagged: [] as string[], deleted: [] as string[]};
		if (Array.isArray(answer)) {
			for (const entry of answer as Array<Record<string, unknown>>) {
				if (typeof entry?.['Untagged'] === 'string') out.untagged.push(entry['Untagged']);
				if (typeof entry?.['Deleted'] === 'string') out.deleted.push(entry['Deleted']);
			}
		}
		return out;
	}

	/** docker volume rm (not -f: a volume in use is refused). */
	async removeVolume(name: string): Promise<void> {
		if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) throw usageError(`Not a volume name: '${name}'.`, 'List volumes with: docker volume ls');
		await this.#json({method: 'DELETE', path: `/volumes/${pathSegment(name)}`, query: {force: false}});
	}

	/** docker builder prune --all: build cache records not in use. Returns the bytes the engine says it reclaimed. */
	async pruneBuildCache(): Promise<number> {
		const answer = await this.#json({method: 'POST', path: '/build/prune', query: {all: true}, deadlineMs: this.#deadlineMs ?? DISK_USAGE_DEADLINE_MS});
		const reclaimed = (answer as {SpaceReclaimed?: unknown})?.SpaceReclaimed;
		return typeof reclaimed === 'number' ? reclaimed : 0;
	}

	async listContainers(options: {all?: boolean; filters?: Record<string, string[]>} = {}): Promise<ContainerListEntry[]> {
		const query = {all: options.all ?? true, ...(options.filters ? {filters: JSON.stringify(options.filters)} : {})};
		return containerListFrom(await this.#json({method: 'GET', path: '/containers/json', query}));
	}

	/**
	 * Inspect a container by name, id or unique id prefix. A miss suggests the closest names;
	 * a prefix that matches several containers lists them.
	 */
	async inspectContainer(ref: string): Promise<ContainerFacts> {
		const name = containerRef(ref);
		try {
			return containerFactsFrom(await this.#json({method: 'GET', path: `/containers/${pathSegment(name)}/json`, subject: {kind: 'container', ref: name}}));
		} catch (error) {
			if (error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER') {
				const names = await this.containerNames().catch(() => []);
				const close = suggest(name, names);
				throw new HelperError(
					'NO_SUCH_CONTAINER',
					`No such container: ${name}`,
					close.length > 0 ? `Did you mean ${close.join(', ')}? List containers with: docker ps -a` : 'List containers with: docker ps -a',
					{container: name, suggestions: close},
				);
			}
			if (error instanceof HelperError && error.code === 'AMBIGUOUS_CONTAINER') {
				const matches = (await this.listContainers({all: true}).catch(() => []))
					.filter((c) => c.id.startsWith(name))
					.map((c) => `${c.name} (${c.id.slice(0, 12)})`);
				const listed = matches.length > 0 ? `: ${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}` : '';
				throw new HelperError(
					'AMBIGUOUS_CONTAINER',
					`The id prefix ${name} matches ${matches.length > 1 ? matches.length : 'several'} containers${listed}.`,
					'Give more characters of the id, or the name. List them with: docker ps -a --no-trunc',
					{container: name, matches},
				);
			}
			throw error;
		}
	}

	async containerNames(): Promise<string[]> {
		const list = await this.listContainers({all: true});
		return list.flatMap((c) => c.names);
	}

	async inspectImage(ref: string): Promise<ImageFacts> {
		const image = imageRef(ref);
		return imageFactsFrom(await this.#json({method: 'GET', path: `/images/${imagePath(image)}/json`, subject: {kind: 'image', ref: image}}));
	}

	// --- images: export stream, history, build, throwaway containers (analyze, verify)

	/**
	 * The image's export (`docker save`) as a byte stream, never buffered: GET /images/{name}/get.
	 * The deadline covers the answer's start and silence between chunks, not the whole transfer.
	 */
	async exportImage(ref: string): Promise<ByteStream> {
		const image = imageRef(ref);
		// The engine may stage a big image's layers before the first byte: the start gets the same long deadline.
		const ms = this.#deadlineMs ?? EXPORT_IDLE_MS;
		return this.#stream({method: 'GET', path: `/images/${imagePath(image)}/get`, subject: {kind: 'image', ref: image}, deadlineMs: ms, idleMs: ms});
	}

	/** `docker history --no-trunc`: newest first, as the engine gives it. */
	async imageHistory(ref: string): Promise<ImageHistoryEntry[]> {
		const image = imageRef(ref);
		return imageHistoryFrom(await this.#json({method: 'GET', path: `/images/${imagePath(image)}/history`, subject: {kind: 'image', ref: image}}));
	}

	/**
	 * POST /build with a context tar. BuildKit by default (`version=2`, what `docker build` uses): the engine
	 * serves the uploaded tar to its BuildKit as the context, so no session is needed, and `RUN --mount`
	 * (cache mounts) works. Progress arrives as `moby.buildkit.trace` protobuf messages, decoded into lines
	 * for `onLine`. An engine without BuildKit (API before 1.39, Windows, BuildKit disabled) is a
	 * BUILDKIT_UNAVAILABLE error, so the caller can send a fresh context to the legacy builder
	 * (`builder: 'legacy'`). A failed build is BUILD_FAILED with the failing step and the engine's message.
	 */
	async buildImage(
		context: NodeJS.ReadableStream,
		options: {tag: string; dockerfile?: string; builder?: 'buildkit' | 'legacy'},
		onLine: (line: string) => void = () => {},
	): Promise<void> {
		const buildkit = options.builder !== 'legacy';
		const hint = `Run the same build to see every step: ${buildkit ? '' : 'DOCKER_BUILDKIT=0 '}docker build -t ${options.tag} .`;
		const query: Record<string, string | boolean> = {
			t: options.tag,
			...(options.dockerfile ? {dockerfile: options.dockerfile} : {}),
			...(buildkit ? {version: '2'} : {rm: true, forcerm: true, version: '1'}),
		};
		const spec: StreamRequest = {method: 'POST', path: '/build', query, upload: context, deadlineMs: this.#deadlineMs ?? BUILD_START_DEADLINE_MS};
		let stream: ByteStream;
		try {
			stream = await this.#stream(spec);
		} catch (error) {
			if (buildkit && isHelperError(error) && error.code !== 'ENGINE_TIMEOUT' && error.exitCode !== EXIT.engine && /buildkit/i.test(error.message))
				throw new HelperError(
					'BUILDKIT_UNAVAILABLE',
					`This engine cannot build with BuildKit: ${error.message}`,
					'Update the engine to 18.09 or later (BuildKit is on by default from 23.0), or build with the legacy builder: DOCKER_BUILDKIT=0.',
					{image: options.tag},
				);
			throw error;
		}
		// The protobuf decoder is loaded for BuildKit builds only.
		const decoder = buildkit ? await import('./buildkit-trace.js') : null;
		const trace = decoder ? new decoder.TraceLines() : null;
		let rest = '';
		let failed: string | null = null;
		const handle = (line: string) => {
			if (!line.trim()) return;
			let doc: {id?: unknown; aux?: unknown; stream?: unknown; error?: unknown; errorDetail?: {message?: unknown}};
			try {
				doc = JSON.parse(line) as typeof doc;
			} catch {
				return;
			}
			if (typeof doc.error === 'string') failed = doc.error;
			else if (doc.id === 'moby.buildkit.trace' && typeof doc.aux === 'string' && trace && decoder)
				for (const l of trace.lines(decoder.decodeTrace(doc.aux))) onLine(l);
			else if (typeof doc.stream === 'string' && doc.stream.trim()) for (const l of doc.stream.split('\n')) if (l.trim()) onLine(l.trimEnd());
		};
		for await (const chunk of stream) {
			const lines = (rest + Buffer.from(chunk).toString('utf8')).split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) handle(line);
		}
		handle(rest);
		for (const l of trace?.flush() ?? []) onLine(l);
		if (failed !== null) {
			const why = (failed as string).trim().split('\n').pop() ?? '';
			const step = trace?.failures.find((f) => f.endsWith(why) || why.includes(f.slice(f.indexOf(': ') + 2))) ?? trace?.failures[0];
			const legacyMount = !buildkit && /--mount|requires BuildKit/i.test(why);
			// POST /build?version=2 carries no client session: no build secrets, no SSH agent, no registry login.
			const needsSession = buildkit && /no active session|pull access denied|unauthorized|authentication required/i.test(why);
			throw new HelperError(
				'BUILD_FAILED',
				`The build of ${options.tag} failed${step ? ` at ${step.slice(0, step.indexOf(': ')).trim()}` : ''}: ${why}`,
				legacyMount
					? 'The Dockerfile uses RUN --mount, which needs BuildKit: leave DOCKER_BUILDKIT unset (not 0), on an engine that has BuildKit (18.09 or later).'
					: needsSession
						? `This build needs a client session (RUN --mount=type=secret or type=ssh, or a registry login for FROM), which docker-helper's engine build does not open: build it with the docker CLI (docker build --secret id=... -t ${options.tag} .), then run the command on the image without --build.`
						: hint,
				{image: options.tag},
			);
		}
	}

	/**
	 * Create a throwaway container (verify): an argument-array spec, never a shell string. Ports are
	 * published only on 127.0.0.1 with an ephemeral host port. Returns the container id.
	 */
	async createThrowaway(spec: ThrowawaySpec): Promise<string> {
		const exposed: Record<string, object> = {};
		const bindings: Record<string, Array<{HostIp: string; HostPort: string}>> = {};
		for (const port of spec.publish ?? []) {
			exposed[`${port}/tcp`] = {};
			bindings[`${port}/tcp`] = [{HostIp: '127.0.0.1', HostPort: ''}];
		}
		const body: Record<string, unknown> = {
			Image: spec.image,
			Labels: {...spec.labels},
			ExposedPorts: exposed,
			...(spec.healthcheck ? {Healthcheck: spec.healthcheck} : {}),
			HostConfig: {
				PortBindings: bindings,
				ReadonlyRootfs: spec.readOnly === true,
				...(spec.tmpfs && spec.tmpfs.length > 0
					? {Tmpfs: Object.fromEntries(spec.tmpfs.map((t) => (t.includes(':') ? [t.slice(0, t.indexOf(':')), t.slice(t.indexOf(':') + 1)] : [t, ''])))}
					: {}),
				AutoRemove: false,
				RestartPolicy: {Name: 'no'},
			},
		};
		const answer = await this.#json({method: 'POST', path: '/containers/create', query: {name: spec.name}, body, subject: {kind: 'image', ref: spec.image}});
		const id = (answer as {Id?: unknown})?.Id;
		if (typeof id !== 'string') throw this.mapError(new NotDockerAnswer('container create: no Id'));
		return id;
	}

	async startContainer(id: string): Promise<void> {
		const name = containerRef(id);
		await this.#json({method: 'POST', path: `/containers/${pathSegment(name)}/start`, subject: {kind: 'container', ref: name}});
	}

	/** docker kill --signal: the signal goes to PID 1. */
	async signalContainer(id: string, signal: string): Promise<void> {
		const name = containerRef(id);
		await this.#json({method: 'POST', path: `/containers/${pathSegment(name)}/kill`, query: {signal}, subject: {kind: 'container', ref: name}});
	}

	/** docker rm -f -v, for the throwaway containers this tool created itself. A container already gone is fine. */
	async removeThrowaway(id: string): Promise<void> {
		const name = containerRef(id);
		try {
			await this.#json({method: 'DELETE', path: `/containers/${pathSegment(name)}`, query: {force: true, v: true}, subject: {kind: 'container', ref: name}});
		} catch (error) {
			if (error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER') return;
			throw error;
		}
	}

	/** docker top: the container's processes as the host's ps sees them (works without a shell in the image). */
	async containerTop(id: string, psArgs = '-o pid,uid,gid,comm'): Promise<{titles: string[]; processes: string[][]}> {
		const name = containerRef(id);
		const answer = (await this.#json({
			method: 'GET',
			path: `/containers/${pathSegment(name)}/top`,
			query: {ps_args: psArgs},
			subject: {kind: 'container', ref: name},
		})) as {Titles?: unknown; Processes?: unknown};
		const titles = Array.isArray(answer?.Titles) ? answer.Titles.map(String) : [];
		const processes = Array.isArray(answer?.Processes) ? answer.Processes.filter(Array.isArray).map((row: unknown[]) => row.map(String)) : [];
		return {titles, processes};
	}

	// --- container contents: log tails, events and files, each bounded in size and time

	/** The last `tail` log lines (both streams by default) with timestamps; the engine reads them from the end of the log. */
	async containerLogTail(
		id: string,
		tail: number,
		tty: boolean,
		streams: {stdout: boolean; stderr: boolean} = {stdout: true, stderr: true},
	): Promise<LogLine[]> {
		const name = containerRef(id);
		const spec: Request = {
			method: 'GET',
			path: `/containers/${pathSegment(name)}/logs`,
			query: {...streams, tail, timestamps: true, follow: false},
			subject: {kind: 'container', ref: name},
		};
		const body = await this.#within(spec, async (signal) => {
			const res = await this.#dial(spec, signal);
			if (!isSuccess(res)) throw await this.#failure(spec, res, signal);
			return readBody(res, MAX_ANSWER_BYTES, signal);
		});
		return demuxLogs(body, tty);
	}

	/** The engine's events for one container between two instants (Unix seconds); `until` makes the engine end the answer. */
	async containerEvents(id: string, since: number, until: number): Promise<EngineEvent[]> {
		const spec: Request = {method: 'GET', path: '/events', query: {since, until, filters: JSON.stringify({container: [id], type: ['container']})}};
		const body = await this.#within(spec, async (signal) => {
			const res = await this.#dial(spec, signal);
			if (!isSuccess(res)) throw await this.#failure(spec, res, signal);
			return readBody(res, MAX_ANSWER_BYTES, signal);
		});
		const keep = new Set(['exitCode', 'signal', 'execID']);
		const out: EngineEvent[] = [];
		for (const line of body.toString('utf8').split('\n')) {
			if (!line.trim()) continue;
			let e: unknown;
			try {
				e = JSON.parse(line);
			} catch {
				throw this.mapError(new NotDockerAnswer('events: a line that is not JSON'));
			}
			if (typeof e !== 'object' || e === null) throw this.mapError(new NotDockerAnswer('events: a line that is not an object'));
			const ev = e as {Action?: unknown; status?: unknown; time?: unknown; timeNano?: unknown; Actor?: {Attributes?: Record<string, unknown>}};
			const attributes: Record<string, string> = {};
			for (const [k, v] of Object.entries(ev.Actor?.Attributes ?? {})) if (keep.has(k) && typeof v === 'string') attributes[k] = v;
			const ms = typeof ev.timeNano === 'number' ? Math.floor(ev.timeNano / 1e6) : (typeof ev.time === 'number' ? ev.time : 0) * 1000;
			out.push({
				time: new Date(ms).toISOString(),
				action: typeof ev.Action === 'string' ? ev.Action : typeof ev.status === 'string' ? ev.status : '',
				attributes,
			});
		}
		return out;
	}

	/**
	 * The tar header and the first bytes of one file inside a container (created or stopped ones too),
	 * through the archive endpoint (docker cp). Null when the path does not exist.
	 */
	async readFileHead(id: string, path: string, maxBytes = 256): Promise<FileHead | null> {
		const name = containerRef(id);
		const spec: Request = {method: 'GET', path: `/containers/${pathSegment(name)}/archive`, query: {path}, subject: {kind: 'container', ref: name}};
		const all = await this.#within(spec, async (signal) => {
			const res = await this.#dial(spec, signal);
			if (res.statusCode === 404) {
				res.resume();
				return null;
			}
			if (!isSuccess(res)) throw await this.#failure(spec, res, signal);
			return readBody(res, 512 + maxBytes, signal, {truncate: true});
		});
		if (!all) return null;
		const entry = parseTarHeader(all.subarray(0, 512));
		if (!entry) return null;
		return {entry, head: new Uint8Array(all.subarray(512, 512 + Math.min(entry.size, maxBytes)))};
	}

	// --- logs, exec

	/**
	 * A container's log stream, never buffered whole: the engine's multiplexed frames, or raw
	 * bytes for a TTY container. The deadline covers the answer's start and, without --follow,
	 * silence between chunks; a follow may wait for new lines as long as it likes. Destroy it to stop.
	 */
	async containerLogStream(id: string, options: LogStreamOptions): Promise<ByteStream> {
		const name = containerRef(id);
		const query: Record<string, string | number | boolean> = {
			follow: options.follow,
			stdout: options.stdout ?? true,
			stderr: options.stderr ?? true,
			timestamps: options.timestamps,
			tail: options.tail === undefined ? 'all' : String(options.tail),
			...(options.since !== undefined ? {since: options.since} : {}),
			...(options.until !== undefined ? {until: options.until} : {}),
		};
		const spec: StreamRequest = {
			method: 'GET',
			path: `/containers/${pathSegment(name)}/logs`,
			query,
			subject: {kind: 'container', ref: name},
			...(options.follow ? {} : {idleMs: this.#deadline()}),
		};
		try {
			return await this.#stream(spec);
		} catch (error) {
			if (error instanceof HelperError && error.code === 'LOG_DRIVER_UNREADABLE') {
				const driver = await this.inspectContainer(name).then(
					(c) => c.logDriver,
					() => null,
				);
				throw logDriverError(name, driver, error.details);
			}
			throw error;
		}
	}

	/** Create an exec (argument array, never a shell string) and return a handle to start it. */
	async createExec(id: string, options: ExecOptions): Promise<ExecSession> {
		const name = containerRef(id);
		const execId = execIdFrom(
			await this.#json({
				method: 'POST',
				path: `/containers/${pathSegment(name)}/exec`,
				subject: {kind: 'container', ref: name},
				body: {
					Cmd: [...options.cmd],
					AttachStdin: options.stdin,
					AttachStdout: true,
					AttachStderr: true,
					Tty: options.tty,
					...(options.env && options.env.length > 0 ? {Env: [...options.env]} : {}),
					...(options.user ? {User: options.user} : {}),
					...(options.workdir ? {WorkingDir: options.workdir} : {}),
				},
			}),
		);
		const execPath = `/exec/${pathSegment(execId)}`;
		const subject: Subject = {kind: 'exec', ref: execId};
		return {
			id: execId,
			start: async () => {
				const spec: Request = {method: 'POST', path: `${execPath}/start`, body: {Detach: false, Tty: options.tty}, subject};
				if (!options.stdin) return (await this.#stream(spec)) as unknown as ExecStream;
				// stdin attached: the engine hijacks the connection into a raw duplex socket.
				return this.#within(spec, (signal) => this.#hijack(spec, signal));
			},
			inspect: async () => execStateFrom(await this.#json({method: 'GET', path: `${execPath}/json`, subject})),
			resize: async (rows: number, columns: number) => {
				await this.#json({method: 'POST', path: `${execPath}/resize`, query: {h: rows, w: columns}, subject}).catch(() => undefined);
			},
		};
	}

	/** Run a short command in a container and return only its exit code (for probes like `test -x /bin/bash`). */
	async execExitCode(id: string, cmd: readonly string[]): Promise<number | null> {
		const session = await this.createExec(id, {cmd, tty: false, stdin: false});
		const stream = await session.start();
		try {
			for await (const chunk of stream) void chunk;
		} catch {
			// The exit code below is what the caller wants; a torn stream does not change it.
		}
		return waitForExit(session);
	}

	/** One resource sample of a running container, without the engine's 1 s wait for a second sample (one-shot). */
	async containerStats(id: string): Promise<ContainerStats> {
		const name = containerRef(id);
		return containerStatsFrom(
			await this.#json({
				method: 'GET',
				path: `/containers/${pathSegment(name)}/stats`,
				query: {stream: false, 'one-shot': true},
				subject: {kind: 'container', ref: name},
			}),
		);
	}

	/** Run a short read-only command (argument array) in a running container and return its stdout, capped. */
	async execOutput(id: string, cmd: readonly string[], maxBytes = 256 * 1024): Promise<{exitCode: number | null; stdout: string}> {
		const session = await this.createExec(id, {cmd, tty: false, stdin: false});
		const stream = await session.start();
		const demux = new FrameDemuxer();
		const parts: Uint8Array[] = [];
		let size = 0;
		try {
			for await (const chunk of stream) {
				for (const piece of demux.push(chunk as Uint8Array)) {
					if (piece.stream !== 'stdout' || size >= maxBytes) continue;
					const take = piece.bytes.subarray(0, maxBytes - size);
					parts.push(Uint8Array.from(take));
					size += take.length;
				}
			}
		} catch {
			// A torn stream: what arrived is still what the command printed.
		}
		return {exitCode: await waitForExit(session), stdout: Buffer.concat(parts).toString('utf8')};
	}

	/**
	 * Run a dockerode call under the deadline and map its failure. Prefer the typed methods above;
	 * this is for a call not yet wrapped, whose answer the caller must still check for shape.
	 */
	async call<T>(fn: () => Promise<T>, deadlineMs = this.#deadline()): Promise<T> {
		return this.#within({method: 'GET', path: 'engine call', deadlineMs}, () => fn());
	}

	/** The HelperError for any failure of an engine call: the same mapping for every command. */
	mapError(error: unknown, subject?: Subject): HelperError {
		return mapEngineError(error, this.endpoint, subject);
	}

	// --- the one request path: deadline, status, shape

	#deadline(spec?: Request): number {
		return spec?.deadlineMs ?? this.#deadlineMs ?? DEFAULT_DEADLINE_MS;
	}

	/** Run `fn` with an abort signal that fires at the deadline; the deadline's error names the call and the endpoint. */
	async #within<T>(spec: Request, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
		const ms = this.#deadline(spec);
		const controller = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		const expired = new Promise<never>((_, reject) => {
			timer = setTimeout(() => {
				reject(timeoutError(this.endpoint, `${spec.method} ${spec.path}`, ms));
				controller.abort();
			}, ms);
		});
		try {
			return await Promise.race([fn(controller.signal), expired]);
		} catch (error) {
			throw this.mapError(error, spec.subject);
		} finally {
			clearTimeout(timer);
		}
	}

	/** Send the request; resolves with the response once its headers arrive, whatever the status. */
	#dial(spec: Request, signal: AbortSignal): Promise<IncomingMessage> {
		const modem = this.#client.modem as unknown as Dial;
		// docker-modem takes the query from `options` when the path ends in '?', and a POST's body from it too.
		const options = spec.method === 'POST' ? (spec.query ? {_query: spec.query, _body: spec.body ?? {}} : spec.body) : spec.query;
		return new Promise((resolve, reject) => {
			modem.dial(
				{
					path: spec.query && Object.keys(spec.query).length > 0 ? `${spec.path}?` : spec.path,
					method: spec.method,
					isStream: true,
					statusCodes: ALL_STATUSES,
					abortSignal: signal,
					...(spec.method === 'POST' ? {allowEmpty: true} : {}),
					...(options ? {options} : {}),
					...(spec.upload ? {file: spec.upload} : {}),
				},
				(error, res) => (error ? reject(error) : resolve(res as IncomingMessage)),
			);
		});
	}

	/** The stdin-attached exec start: the engine upgrades the connection to a raw duplex. */
	#hijack(spec: Request, signal: AbortSignal): Promise<ExecStream> {
		const modem = this.#client.modem as unknown as Dial;
		const withQuery = spec.query && Object.keys(spec.query).length > 0;
		return new Promise((resolve, reject) => {
			modem.dial(
				{
					path: withQuery ? `${spec.path}?` : spec.path,
					method: 'POST',
					isStream: true,
					hijack: true,
					openStdin: true,
					allowEmpty: true,
					abortSignal: signal,
					statusCodes: {101: true, 200: true, 204: true},
					options: withQuery ? {_query: spec.query, _body: spec.body ?? {}} : spec.body,
				},
				(error, socket) => (error ? reject(error) : resolve(socket as ExecStream)),
			);
		});
	}

	/** A JSON answer: status mapped, body read (bounded) and parsed; not JSON is not Docker's. */
	async #json(spec: Request): Promise<unknown> {
		return this.#within(spec, async (signal) => {
			const res = await this.#dial(spec, signal);
			if (!isSuccess(res)) throw await this.#failure(spec, res, signal);
			const body = await readBody(res, MAX_ANSWER_BYTES, signal);
			if (res.statusCode === 204 || (body.length === 0 && spec.method === 'POST')) return {};
			const parsed = parseJson(body);
			if (parsed === undefined) throw new NotDockerAnswer(`${spec.method} ${spec.path} answered ${res.statusCode} with ${body.length} bytes that are not JSON`);
			return parsed;
		});
	}

	/** A streaming answer: the deadline covers its start; `idleMs` then bounds silence between chunks. */
	async #stream(spec: StreamRequest): Promise<ByteStream> {
		const res = await this.#within(spec, async (signal) => {
			const r = await this.#dial(spec, signal);
			if (!isSuccess(r)) throw await this.#failure(spec, r, signal);
			return r;
		});
		return byteStream(
			res,
			spec.idleMs,
			() => timeoutError(this.endpoint, `${spec.method} ${spec.path} (no data for ${spec.idleMs! / 1000} s)`, spec.idleMs!),
			(error) => this.mapError(error, spec.subject),
		);
	}

	/** A non-2xx answer: read its (small) body and map it. */
	async #failure(spec: Request, res: IncomingMessage, signal: AbortSignal): Promise<HelperError> {
		const body = await readBody(res, 64 * 1024, signal, {truncate: true});
		return this.#statusError(spec, res.statusCode ?? 0, parseJson(body), body);
	}

	#statusError(spec: Request, statusCode: number, json: unknown, body: Uint8Array): HelperError {
		return this.mapError(
			Object.assign(new Error(`HTTP ${statusCode}`), {statusCode, json: json ?? body, request: `${spec.method} ${spec.path}`}),
			spec.subject,
		);
	}
}

// --- helpers for the request path

interface Dial {
	dial(options: Record<string, unknown>, callback: (error: unknown, result: unknown) => void): void;
}

function isSuccess(res: IncomingMessage): boolean {
	const code = res.statusCode ?? 0;
	return code >= 200 && code < 300;
}

function parseJson(body: Uint8Array): unknown {
	if (body.length === 0) return undefined;
	try {
		return JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}

/** Read a body up to `max` bytes: past it, stop (truncate) or reject (an answer that big is not Docker's). */
function readBody(res: IncomingMessage, max: number, signal: AbortSignal, options: {truncate?: boolean} = {}): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let length = 0;
		let done = false;
		const finish = (error: unknown) => {
			if (done) return;
			done = true;
			signal.removeEventListener('abort', onAbort);
			if (error) reject(error);
			else resolve(Buffer.concat(chunks));
		};
		const onAbort = () => {
			res.destroy();
			finish(new Error('aborted'));
		};
		signal.addEventListener('abort', onAbort, {once: true});
		res.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			length += chunk.length;
			if (length >= max) {
				res.destroy();
				finish(options.truncate ? undefined : new NotDockerAnswer(`an answer larger than ${Math.round(max / 1024 / 1024)} MiB`));
			}
		});
		res.on('end', () => finish(undefined));
		res.on('error', (error) => finish(error));
		res.on('close', () => finish(res.complete ? undefined : Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'})));
	});
}

/** A response as a ByteStream: errors mapped, and (when idleMs is set) silence longer than idleMs ends it with a timeout. */
function byteStream(res: IncomingMessage, idleMs: number | undefined, idleError: () => HelperError, map: (error: unknown) => HelperError): ByteStream {
	let idle: HelperError | null = null;
	return {
		destroy: () => void res.destroy(),
		async *[Symbol.asyncIterator]() {
			let timer: NodeJS.Timeout | undefined;
			// The clock runs only while we wait on the engine, not while the consumer is busy with a chunk.
			const arm = () => {
				if (idleMs === undefined) return;
				timer = setTimeout(() => {
					idle = idleError();
					res.destroy(idle);
				}, idleMs);
			};
			try {
				arm();
				for await (const chunk of res) {
					clearTimeout(timer);
					yield chunk as Uint8Array;
					arm();
				}
			} catch (error) {
				throw idle ?? map(error);
			} finally {
				clearTimeout(timer);
			}
		},
	};
}

function timeoutError(endpoint: Endpoint, what: string, ms: number): HelperError {
	return new HelperError(
		'ENGINE_TIMEOUT',
		`The Docker Engine at ${endpoint.host} (${endpoint.why}) did not answer ${what} within ${ms / 1000} s.`,
		'Check that the daemon is healthy (systemctl status docker) and reachable from here; if it is only slow, allow more time with DOCKER_HELPER_TIMEOUT=<seconds>.',
		{endpoint: describeEndpoint(endpoint), request: what, deadlineMs: ms},
	);
}

function logDriverError(name: string, driver: string | null, details: Record<string, unknown> | undefined): HelperError {
	const which = driver ? `the '${driver}' log driver` : 'a log driver';
	return new HelperError(
		'LOG_DRIVER_UNREADABLE',
		`Container ${name} uses ${which}, which the engine cannot read logs back from.`,
		driver === 'none'
			? 'It keeps no logs. Recreate it with a readable driver: docker run --log-driver local ... (or json-file).'
			: `Read them where ${driver ? `the '${driver}' driver` : 'the driver'} sends them, or use the local or json-file driver (dual logging needs Docker 20.10+ with it enabled).`,
		{...details, container: name, driver},
	);
}

function containerRef(ref: string): string {
	const checked = checkContainerRef(ref);
	if (!checked.ok)
		throw usageError(`Not a container reference: ${checked.reason}.`, 'Give a container name, id or unique id prefix, as docker ps -a shows them.', {
			container: ref,
		});
	return checked.ref;
}

function imageRef(ref: string): string {
	const checked = checkImageRef(ref);
	if (!checked.ok)
		throw usageError(
			`Not an image reference: ${checked.reason}.`,
			'Give an image as docker images shows it: name[:tag], registry/name[:tag], name@sha256:..., or an image id.',
			{image: ref},
		);
	return checked.ref;
}

/** The exit code once the engine has recorded it (it can lag the end of the stream briefly). */
export async function waitForExit(session: ExecSession, timeoutMs = 5000): Promise<number | null> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const info = await session.inspect();
		if (!info.running && info.exitCode !== null) return info.exitCode;
		if (Date.now() > deadline) return info.exitCode;
		await new Promise((r) => setTimeout(r, 25));
	}
}

/**
 * dockerode loads its BuildKit session support (gRPC and protobuf, ~0.6 s of a ~1 s import) at
 * start-up, although only buildImage with BuildKit uses it. Put a stand-in in the require cache
 * that loads the real module on first call, so every engine command starts faster and that
 * path keeps working (measured in bench/RESULTS.md).
 */
function deferDockerodeSession(): void {
	try {
		const requireHere = createRequire(import.meta.url);
		const file = requireHere.resolve('dockerode/lib/session.js');
		if (requireHere.cache[file]) return;
		const stub = new Module(file);
		stub.filename = file;
		stub.loaded = true;
		stub.exports = function withSession(this: unknown, ...args: unknown[]) {
			delete requireHere.cache[file];
			return (requireHere(file) as (...a: unknown[]) => unknown).apply(this, args);
		};
		requireHere.cache[file] = stub;
	} catch {
		// A dockerode without lib/session.js: nothing to defer.
	}
}

export function describeEndpoint(endpoint: Endpoint): {host: string; source: string; context?: string; why: string} {
	return {host: endpoint.host, source: endpoint.source, ...(endpoint.context ? {context: endpoint.context} : {}), why: endpoint.why};
}

/** The transport for an endpoint: the one function that turns an Endpoint into client options. */
function clientOptions(endpoint: Endpoint): Record<string, unknown> {
	// docker-modem merges its own DOCKER_HOST defaults under ours: pin every field explicitly.
	const t = endpoint.transport;
	switch (t.kind) {
		case 'unix':
		case 'npipe':
			return {socketPath: t.socketPath, host: undefined, port: undefined, protocol: undefined};
		case 'ssh':
			// The system ssh carries the API (adapters/ssh.ts); "docker" is only the Host header, as in the docker CLI.
			return {protocol: 'http', host: 'docker', port: undefined, socketPath: undefined, agent: sshAgent(t)};
		case 'tcp': {
			if (!t.tls) return {protocol: 'http', host: t.host, port: t.port, socketPath: undefined, ca: undefined, cert: undefined, key: undefined};
			const read = (file?: string) => {
				if (!file) return undefined;
				try {
					// PEM files are a few KiB: a bound keeps a FIFO or a huge file from hanging the connection.
					return readFileBoundedSync(file, {maxBytes: 1024 * 1024, display: file});
				} catch (error) {
					const why =
						error instanceof HelperError
							? error.message.slice(file.length + 1).replace(/\.$/, '')
							: (error as NodeJS.ErrnoException).code === 'ENOENT'
								? 'does not exist'
								: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
					throw new HelperError(
						'ENGINE_CONFIG',
						`The TLS file ${file} for ${endpoint.host} (${endpoint.why}) ${why}.`,
						'Point DOCKER_CERT_PATH at the directory holding ca.pem, cert.pem and key.pem (the docker CLI reads the same three files), or unset DOCKER_TLS_VERIFY for a plain-TCP engine.',
						{endpoint: describeEndpoint(endpoint), file},
					);
				}
			};
			return {
				protocol: 'https',
				host: t.host,
				port: t.port,
				socketPath: undefined,
				ca: read(t.tls.ca),
				cert: read(t.tls.cert),
				key: read(t.tls.key),
				...(t.tls.verify ? {} : {checkServerIdentity: () => undefined}),
			};
		}
	}
}

// --- the error mapping: every engine failure, once

interface ErrnoLike {
	code?: string;
	statusCode?: number;
	reason?: string;
	json?: unknown;
	message?: string;
	request?: string;
}

/** Node's HTTP parser rejecting what came back: the peer does not speak HTTP. */
const NOT_HTTP = /^HPE_|^ERR_HTTP|^ERR_INVALID_HTTP/;

export function mapEngineError(error: unknown, endpoint: Endpoint, subject?: Subject): HelperError {
	if (error instanceof HelperError) return error;
	const details = {endpoint: describeEndpoint(endpoint)};
	const where = `${endpoint.host} (${endpoint.why})`;
	const notDocker = (what: string) =>
		new HelperError(
			'NOT_DOCKER_ENGINE',
			`The endpoint ${where} is not a Docker Engine API: ${what}.`,
			'Point DOCKER_HOST, --host or the Docker context at a Docker daemon (docker context ls shows them); a web server, proxy or other service answers differently.',
			{...details, what},
		);
	if (error instanceof NotDockerAnswer) return notDocker(error.what);
	const e = (error ?? {}) as ErrnoLike;
	const raw = e.reason ?? e.message ?? String(error);
	if (typeof e.statusCode === 'number') return mapStatus(e.statusCode, e.json, e.request ?? 'a request', subject, endpoint, notDocker);
	if (e.code && NOT_HTTP.test(e.code)) return notDocker(`it answered with something that is not HTTP (${e.code})`);
	switch (e.code) {
		case 'ENOENT':
		case 'ECONNREFUSED':
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
		case 'ENOTSOCK':
			return new HelperError(
				'ENGINE_UNREACHABLE',
				`Cannot reach the Docker Engine at ${where}: ${e.code}.`,
				endpoint.transport.kind === 'unix'
					? 'Is the daemon running? Start it (sudo systemctl start docker, or open Docker Desktop), or point DOCKER_HOST / --host / --context at a running engine.'
					: 'Is the daemon running and reachable from here? Check the address, or pick another engine with --host / --context.',
				details,
			);
		case 'ECONNRESET':
		case 'EPIPE':
			return new HelperError(
				'ENGINE_UNREACHABLE',
				`The endpoint ${where} closed the connection without a complete answer.`,
				'A Docker Engine that is restarting does this briefly; otherwise the address is not a Docker Engine. Check it with: docker version',
				details,
			);
		case 'EACCES':
		case 'EPERM':
			return new HelperError(
				'ENGINE_PERMISSION',
				`Permission denied on the Docker socket ${endpoint.host}.`,
				'Add yourself to the docker group (sudo usermod -aG docker $USER, then log in again), or use a rootless engine: DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock',
				details,
			);
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
			return new HelperError(
				'ENGINE_TIMEOUT',
				`The Docker Engine at ${where} timed out.`,
				'Check the network path to the engine and that the daemon is not overloaded.',
				details,
			);
		default:
			break;
	}
	if (/ssh|handshake|authentication/i.test(raw)) {
		return new HelperError(
			'ENGINE_UNREACHABLE',
			`Cannot reach the Docker Engine over SSH at ${where}: ${raw}`,
			'Check that `ssh <host> docker system dial-stdio` works and that your SSH agent holds the key (SSH_AUTH_SOCK).',
			details,
		);
	}
	const tls = tlsFailure(e.code ?? '', raw, endpoint);
	if (tls) return new HelperError('ENGINE_CONFIG', `TLS to the Docker Engine at ${where} failed: ${tls.what}.`, tls.hint, {...details, tlsCode: e.code});
	if (/certificate|self.signed|TLS|SSL/i.test(raw) || /^ERR_SSL|^CERT_|_CERT$|^UNABLE_TO_|^DEPTH_ZERO/.test(e.code ?? '')) {
		return new HelperError(
			'ENGINE_CONFIG',
			`TLS to the Docker Engine at ${where} failed: ${raw}`,
			'Check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY.',
			details,
		);
	}
	if (/socket hang up/i.test(raw)) return mapEngineError(Object.assign(new Error(raw), {code: 'ECONNRESET'}), endpoint, subject);
	// Unknown: keep the original so it is not hidden, but still tell the user where.
	return new HelperError(
		'ENGINE_ERROR',
		`Docker Engine call failed at ${where}: ${raw}`,
		'Run the equivalent docker command to compare, and report this if docker succeeds.',
		details,
	);
}

/** The TLS failures a user can act on, told apart by OpenSSL's codes and alerts, as the docker CLI tells them apart. */
function tlsFailure(code: string, raw: string, endpoint: Endpoint): {what: string; hint: string} | undefined {
	const tls = endpoint.transport.kind === 'tcp' ? endpoint.transport.tls : undefined;
	const ca = tls?.ca ?? 'ca.pem';
	if (
		/^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_SIGNATURE_FAILURE)$/.test(
			code,
		)
	) {
		return {
			what: `the engine's certificate is not signed by the CA in ${ca} (${raw})`,
			hint: `Use the ca.pem that issued the daemon's --tlscert in DOCKER_CERT_PATH; compare with: openssl verify -CAfile ${ca} <the daemon's cert>`,
		};
	}
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
		return {
			what: `the engine's certificate is not issued for ${endpoint.transport.kind === 'tcp' ? endpoint.transport.host : endpoint.host} (${raw})`,
			hint: "Connect with the name or IP address in the certificate's subjectAltName, or reissue the daemon's certificate with this address in it.",
		};
	}
	if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
		return {
			what: `the engine's certificate ${code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet'}`,
			hint: "Reissue the daemon's certificate (and check both clocks).",
		};
	if (
		/ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA|CERTIFICATE_REQUIRED|ALERT_HANDSHAKE_FAILURE/.test(code) ||
		/alert (bad certificate|unknown ca|certificate required)/i.test(raw)
	) {
		return {
			what: `the engine refused the client certificate (${raw}); the daemon runs with --tlsverify and does not trust ${tls?.cert ?? 'cert.pem'}`,
			hint: 'Use a cert.pem and key.pem issued by the CA the daemon trusts (its --tlscacert), in DOCKER_CERT_PATH.',
		};
	}
	if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(raw)) {
		return {
			what: 'the endpoint does not speak TLS',
			hint: "It is a plain-TCP engine (usually port 2375): unset DOCKER_TLS_VERIFY, or use the daemon's TLS port (usually 2376).",
		};
	}
	return undefined;
}

function mapStatus(
	status: number,
	body: unknown,
	request: string,
	subject: Subject | undefined,
	endpoint: Endpoint,
	notDocker: (what: string) => HelperError,
): HelperError {
	const details = {endpoint: describeEndpoint(endpoint), status};
	const message = engineErrorMessage(body);
	// Every Docker Engine error is JSON {"message": ...}; an HTML page or plain text is another server.
	if (status >= 300 && status < 400) return notDocker(`${request} was answered with a redirect (HTTP ${status}), which the Docker Engine API never sends`);
	// Go's TLS listener answers plain HTTP with this fixed 400 text.
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString() : '';
	if (status === 400 && /HTTP request to an HTTPS server/i.test(text)) {
		return new HelperError(
			'ENGINE_CONFIG',
			`The Docker Engine at ${endpoint.host} (${endpoint.why}) expects TLS, and this connection was plain HTTP.`,
			'Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the directory with ca.pem, cert.pem and key.pem (or use a Docker context with TLS material).',
			details,
		);
	}
	if (message === null) return notDocker(`${request} was answered with HTTP ${status} and a body that is not Docker's JSON error`);
	if (status === 404 && subject?.kind === 'container')
		return new HelperError('NO_SUCH_CONTAINER', `No such container: ${subject.ref}`, 'List containers with: docker ps -a', {
			...details,
			container: subject.ref,
		});
	if (status === 404 && subject?.kind === 'image') {
		const looked = impliedReference(subject.ref);
		return new HelperError(
			'NO_SUCH_IMAGE',
			looked === subject.ref ? `No such image: ${subject.ref}` : `No such image: ${subject.ref} (a name without a tag means ${looked})`,
			`Pull or build it first (docker pull ${subject.ref}), or list images with: docker images`,
			{...details, image: subject.ref},
		);
	}
	// 20.10 sends it as a 500, later engines as a 400: the message is what identifies it.
	if (/multiple IDs found with provided prefix/i.test(message)) {
		return new HelperError(
			'AMBIGUOUS_CONTAINER',
			`The id prefix ${subject?.ref ?? ''} matches several containers.`,
			'Give more characters of the id, or the name. List them with: docker ps -a --no-trunc',
			{...details, container: subject?.ref},
		);
	}
	if (status === 400 && /client version .* too (old|new)|minimum supported API version/i.test(message)) {
		return new HelperError(
			'ENGINE_API_TOO_OLD',
			`The Docker Engine at ${endpoint.host} refused the API version: ${message}`,
			'Upgrade Docker Engine, or set DOCKER_API_VERSION to a version it supports.',
			details,
		);
	}
	if (/does not support reading/i.test(message))
		return new HelperError('LOG_DRIVER_UNREADABLE', message, 'Use the local or json-file log driver to read logs back.', details);
	if (status === 409 && /is not running|is paused|is restarting/i.test(message)) {
		return new HelperError(
			'CONTAINER_NOT_RUNNING',
			message,
			`Start it first: docker start ${subject?.kind === 'container' ? subject.ref : '<container>'}`,
			details,
		);
	}
	if (status === 409)
		return new HelperError(
			'ENGINE_CONFLICT',
			`The Docker Engine refused ${request} as a conflict: ${message}`,
			'Another object holds that name or state: look with docker ps -a / docker images, then remove or rename it.',
			details,
		);
	if (status === 401 || status === 403) {
		return new HelperError(
			'ENGINE_PERMISSION',
			`The Docker Engine at ${endpoint.host} refused ${request}: ${message}`,
			'An authorization plugin or proxy in front of the engine denied it: ask whoever runs that engine for access.',
			details,
		);
	}
	return new HelperError(
		'ENGINE_ERROR',
		`The Docker Engine answered ${status} to ${request}: ${message}`,
		'See the engine log (journalctl -u docker) for more.',
		details,
	);
}

/** Compare "1.41" and "1.40" numerically. */
export function compareApiVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}
