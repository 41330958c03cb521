/**
 * The one place that imports dockerode. It turns an Endpoint into a client,
 * returns typed facts, and maps every failure once to a HelperError with a hint.
 */
import {readFileSync} from 'node:fs';
import Module, {createRequire} from 'node:module';
import type Dockerode from 'dockerode';
import {HelperError} from '../core/errors.js';
import type {Endpoint} from '../core/endpoint.js';
import {suggest} from '../core/suggest.js';
import {sshAgent} from './ssh.js';
import {demuxLogs, parseTarHeader, type TarEntry as DiagnoseTarEntry} from '../core/diagnose/decode.js';
import type {EngineEvent as DiagnoseEngineEvent, LogLine as DiagnoseLogLine} from '../core/diagnose/facts.js';

export type ContainerInspect = Dockerode.ContainerInspectInfo;
export type ImageInspect = Dockerode.ImageInspectInfo;
export type ContainerSummary = Dockerode.ContainerInfo;
export type EngineInfo = Record<string, unknown> & {
	ServerVersion?: string;
	OperatingSystem?: string;
	KernelVersion?: string;
	MemTotal?: number;
	NCPU?: number;
	DockerRootDir?: string;
	Driver?: string;
	LoggingDriver?: string;
	DefaultRuntime?: string;
	Labels?: string[];
	CgroupVersion?: string;
	CgroupDriver?: string;
	CDISpecDirs?: string[];
	Runtimes?: Record<string, unknown>;
	SecurityOptions?: string[];
	Warnings?: string[] | null;
};
export interface EngineVersion {
	Version: string;
	ApiVersion: string;
	MinAPIVersion?: string;
	Os: string;
	Arch: string;
	KernelVersion?: string;
	Platform?: {Name?: string};
}
export interface DiskUsage {
	LayersSize?: number;
	Images?: Array<{Size: number; SharedSize: number; Containers: number}>;
	Containers?: Array<{SizeRw?: number; State?: string}>;
	Volumes?: Array<{UsageData?: {Size: number; RefCount: number}}>;
	BuildCache?: Array<{Size: number; InUse: boolean; Shared?: boolean}>;
}

/** The oldest Engine API we support (Docker 19.03). */
export const MIN_API_VERSION = '1.40';
const PING_TIMEOUT_MS = 5000;

export class Engine {
	readonly endpoint: Endpoint;
	readonly #client: Dockerode;

	private constructor(endpoint: Endpoint, client: Dockerode) {
		this.endpoint = endpoint;
		this.#client = client;
	}

	/** Create a client for the endpoint and check that the engine answers. */
	static async connect(endpoint: Endpoint): Promise<Engine> {
		const engine = await Engine.create(endpoint);
		await engine.ping();
		return engine;
	}

	/** Create a client without contacting the engine. */
	static async create(endpoint: Endpoint): Promise<Engine> {
		deferDockerodeSession();
		const {default: Docker} = await import('dockerode');
		let client: Dockerode;
		try {
			client = new Docker(clientOptions(endpoint) as Dockerode.DockerOptions);
		} catch (error) {
			throw new HelperError('ENGINE_CONFIG', `Cannot set up a connection to ${endpoint.host}: ${(error as Error).message}`, 'Check DOCKER_HOST, DOCKER_CERT_PATH and the Docker context (docker context inspect).', {endpoint: describeEndpoint(endpoint)});
		}
		return new Engine(endpoint, client);
	}

	async ping(): Promise<void> {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), PING_TIMEOUT_MS);
		try {
			await (this.#client.ping as (opts: {abortSignal: AbortSignal}) => Promise<unknown>)({abortSignal: controller.signal});
		} catch (error) {
			if (controller.signal.aborted) {
				throw new HelperError('ENGINE_TIMEOUT', `The Docker Engine at ${this.endpoint.host} did not answer within ${PING_TIMEOUT_MS / 1000} s.`, 'Check that the daemon is healthy (systemctl status docker) and that the endpoint is reachable from here.', {endpoint: describeEndpoint(this.endpoint)});
			}
			throw this.mapError(error);
		} finally {
			clearTimeout(timer);
		}
	}

	async version(): Promise<EngineVersion> {
		const version = (await this.call(() => this.#client.version())) as unknown as EngineVersion;
		if (compareApiVersions(version.ApiVersion, MIN_API_VERSION) < 0) {
			throw new HelperError('ENGINE_API_TOO_OLD', `The Docker Engine at ${this.endpoint.host} speaks API ${version.ApiVersion}; docker-helper needs ${MIN_API_VERSION} or newer.`, 'Upgrade Docker Engine to a maintained release (https://docs.docker.com/engine/install/).', {apiVersion: version.ApiVersion, engineVersion: version.Version});
		}
		return version;
	}

	async info(): Promise<EngineInfo> {
		return (await this.call(() => this.#client.info())) as EngineInfo;
	}

	async diskUsage(): Promise<DiskUsage> {
		return (await this.call(() => this.#client.df())) as DiskUsage;
	}

	async listContainers(options: {all?: boolean; filters?: Record<string, string[]>} = {}): Promise<ContainerSummary[]> {
		return this.call(() =>
			this.#client.listContainers({all: options.all ?? true, ...(options.filters ? {filters: JSON.stringify(options.filters)} : {})}),
		);
	}

	/** Inspect a container by name, id or unique id prefix; a miss suggests the closest names. */
	async inspectContainer(ref: string): Promise<ContainerInspect> {
		try {
			return await this.call(() => this.#client.getContainer(ref).inspect());
		} catch (error) {
			if (error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER') {
				const names = await this.containerNames().catch(() => []);
				const close = suggest(ref, names);
				throw new HelperError(
					'NO_SUCH_CONTAINER',
					`No such container: ${ref}`,
					close.length > 0 ? `Did you mean ${close.join(', ')}? List containers with: docker ps -a` : 'List containers with: docker ps -a',
					{container: ref, suggestions: close},
				);
			}
			throw error;
		}
	}

	async containerNames(): Promise<string[]> {
		const list = await this.listContainers({all: true});
		return list.flatMap((c) => c.Names.map((n) => n.replace(/^\//, '')));
	}

	async inspectImage(ref: string): Promise<ImageInspect> {
		try {
			return await this.call(() => this.#client.getImage(ref).inspect());
		} catch (error) {
			if (error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER') {
				throw new HelperError('NO_SUCH_IMAGE', `No such image: ${ref}`, `Pull or build it first (docker pull ${ref}), or list images with: docker images`, {image: ref});
			}
			throw error;
		}
	}

	// --- diagnose (engineer D1): the raw facts diagnose reads, each bounded in size and time.

	/** The last `tail` log lines of both streams with timestamps; the engine reads them from the end of the log. */
	async diagnoseLogTail(id: string, tail: number, tty: boolean, streams: {stdout: boolean; stderr: boolean} = {stdout: true, stderr: true}): Promise<DiagnoseLogLine[]> {
		const body = await this.call(() => this.#client.getContainer(id).logs({...streams, tail, timestamps: true, follow: false}));
		return demuxLogs(body as Uint8Array, tty);
	}

	/** The engine's events for one container between two instants; `until` makes the call return instead of streaming. */
	async diagnoseEvents(id: string, since: number, until: number): Promise<DiagnoseEngineEvent[]> {
		const stream = await this.call(() => this.#client.getEvents({since, until, filters: JSON.stringify({container: [id], type: ['container']}) as never}));
		const keep = new Set(['exitCode', 'signal', 'execID']);
		return new Promise((resolve, reject) => {
			let buffer = '';
			const out: DiagnoseEngineEvent[] = [];
			// `until` makes the engine end the stream; this is only a guard against a stuck engine.
			const timer = setTimeout(() => {
				(stream as unknown as {destroy(): void}).destroy();
				reject(new HelperError('ENGINE_TIMEOUT', `The engine's events for ${id.slice(0, 12)} did not arrive within 15 s.`, 'Check the engine load (docker events may be slow under heavy use).'));
			}, 15_000);
			const take = (line: string) => {
				if (!line.trim()) return;
				try {
					const e = JSON.parse(line) as {Action?: string; status?: string; time?: number; timeNano?: number; Actor?: {Attributes?: Record<string, string>}};
					const attributes: Record<string, string> = {};
					for (const [k, v] of Object.entries(e.Actor?.Attributes ?? {})) if (keep.has(k)) attributes[k] = v;
					const ms = e.timeNano ? Math.floor(e.timeNano / 1e6) : (e.time ?? 0) * 1000;
					out.push({time: new Date(ms).toISOString(), action: e.Action ?? e.status ?? '', attributes});
				} catch {
					// A torn line is not evidence; skip it.
				}
			};
			stream.on('data', (chunk: Buffer) => {
				buffer += chunk.toString('utf8');
				const lines = buffer.split('\n');
				buffer = lines.pop()!;
				lines.forEach(take);
			});
			stream.on('end', () => {
				clearTimeout(timer);
				take(buffer);
				resolve(out);
			});
			stream.on('error', (error: unknown) => {
				clearTimeout(timer);
				reject(this.mapError(error));
			});
		});
	}

	/**
	 * The tar header and the first bytes of one file inside a container (created or stopped ones too),
	 * through the archive endpoint (docker cp). Null when the path does not exist.
	 */
	async diagnoseFileHead(id: string, path: string, maxBytes = 256): Promise<{entry: DiagnoseTarEntry; head: Uint8Array} | null> {
		let stream: NodeJS.ReadableStream;
		try {
			stream = await this.call(() => this.#client.getContainer(id).getArchive({path}));
		} catch (error) {
			if (error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER') return null;
			throw error;
		}
		return new Promise((resolve, reject) => {
			const chunks: Buffer[] = [];
			let length = 0;
			let done = false;
			const finish = () => {
				if (done) return;
				done = true;
				(stream as unknown as {destroy(): void}).destroy();
				const all = Buffer.concat(chunks);
				const entry = parseTarHeader(all.subarray(0, 512));
				if (!entry) return resolve(null);
				resolve({entry, head: new Uint8Array(all.subarray(512, 512 + Math.min(entry.size, maxBytes)))});
			};
			stream.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
				length += chunk.length;
				if (length >= 512 + maxBytes) finish();
			});
			stream.on('end', finish);
			stream.on('error', (error: unknown) => (done ? undefined : reject(this.mapError(error))));
		});
	}

	// --- end diagnose

	// --- logs, inspect, exec

	/**
	 * A container's log stream, never buffered whole: the engine's multiplexed frames,
	 * or raw bytes for a TTY container. Always a stream (dockerode buffers non-follow
	 * logs into one Buffer, so this dials the endpoint itself). Destroy it to stop.
	 */
	async containerLogStream(id: string, options: LogStreamOptions): Promise<NodeJS.ReadableStream & {destroy(): void}> {
		const query: Record<string, string | number | boolean> = {
			follow: options.follow,
			stdout: true,
			stderr: true,
			timestamps: options.timestamps,
			tail: options.tail === undefined ? 'all' : String(options.tail),
			...(options.since !== undefined ? {since: options.since} : {}),
			...(options.until !== undefined ? {until: options.until} : {}),
		};
		const modem = this.#client.modem as unknown as {dial(opts: Record<string, unknown>, cb: (err: unknown, data: unknown) => void): void};
		return this.call(
			() =>
				new Promise((resolve, reject) => {
					modem.dial(
						{path: `/containers/${encodeURIComponent(id)}/logs?`, method: 'GET', isStream: true, statusCodes: {200: true, 404: 'no such container', 500: 'server error'}, options: query},
						(err, data) => (err ? reject(err) : resolve(data as NodeJS.ReadableStream & {destroy(): void})),
					);
				}),
		);
	}

	/** Create an exec (argument array, never a shell string) and return a handle to start it. */
	async createExec(id: string, options: ExecOptions): Promise<ExecSession> {
		const container = this.#client.getContainer(id);
		const exec = await this.call(() =>
			container.exec({
				Cmd: [...options.cmd],
				AttachStdin: options.stdin,
				AttachStdout: true,
				AttachStderr: true,
				Tty: options.tty,
				...(options.env && options.env.length > 0 ? {Env: [...options.env]} : {}),
				...(options.user ? {User: options.user} : {}),
				...(options.workdir ? {WorkingDir: options.workdir} : {}),
			}),
		);
		return {
			id: exec.id,
			start: async () =>
				(await this.call(() => exec.start({hijack: options.stdin, stdin: options.stdin, Tty: options.tty}) as Promise<unknown>)) as NodeJS.ReadWriteStream & {destroy(): void},
			inspect: async () => {
				const info = (await this.call(() => exec.inspect())) as unknown as {Running: boolean; ExitCode: number | null; Pid?: number};
				return {running: info.Running, exitCode: info.ExitCode};
			},
			resize: async (rows: number, columns: number) => {
				await this.call(() => exec.resize({h: rows, w: columns}) as Promise<unknown>).catch(() => undefined);
			},
		};
	}

	/** Run a short command in a container and return only its exit code (for probes like `test -x /bin/bash`). */
	async execExitCode(id: string, cmd: readonly string[]): Promise<number | null> {
		const session = await this.createExec(id, {cmd, tty: false, stdin: false});
		const stream = await session.start();
		await new Promise<void>((resolve) => {
			stream.on('end', resolve);
			stream.on('close', resolve);
			stream.on('error', () => resolve());
			stream.resume();
		});
		return waitForExit(session);
	}

	/** Run an engine call and map its failure. */
	async call<T>(fn: () => Promise<T>): Promise<T> {
		try {
			return await fn();
		} catch (error) {
			throw this.mapError(error);
		}
	}

	mapError(error: unknown): HelperError {
		return mapEngineError(error, this.endpoint);
	}
}

// --- logs, inspect, exec (types and helpers)

export interface LogStreamOptions {
	readonly follow: boolean;
	readonly timestamps: boolean;
	readonly tail?: number;
	/** Unix seconds as the engine takes them ("1714564800.5"). */
	readonly since?: string;
	readonly until?: string;
}

export interface ExecOptions {
	readonly cmd: readonly string[];
	readonly tty: boolean;
	readonly stdin: boolean;
	readonly env?: readonly string[];
	readonly user?: string;
	readonly workdir?: string;
}

export interface ExecSession {
	readonly id: string;
	/** Start it: a duplex socket when stdin is attached, otherwise the output stream. */
	start(): Promise<NodeJS.ReadWriteStream & {destroy(): void}>;
	inspect(): Promise<{running: boolean; exitCode: number | null}>;
	resize(rows: number, columns: number): Promise<void>;
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
 * path keeps working. (Added by D1 for diagnose's < 1 s target; measured in bench/RESULTS.md.)
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
			const read = (file?: string) => (file ? readFileSync(file) : undefined);
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

interface ErrnoLike {
	code?: string;
	errno?: number;
	statusCode?: number;
	reason?: string;
	json?: {message?: string} | null;
	message?: string;
}

export function mapEngineError(error: unknown, endpoint: Endpoint): HelperError {
	if (error instanceof HelperError) return error;
	const e = (error ?? {}) as ErrnoLike;
	const details = {endpoint: describeEndpoint(endpoint)};
	const where = `${endpoint.host} (${endpoint.why})`;
	const serverMessage = e.json?.message ?? e.reason ?? e.message ?? String(error);
	switch (e.code) {
		case 'ENOENT':
		case 'ECONNREFUSED':
		case 'ECONNRESET':
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return new HelperError(
				'ENGINE_UNREACHABLE',
				`Cannot reach the Docker Engine at ${where}: ${e.code}.`,
				endpoint.transport.kind === 'unix'
					? 'Is the daemon running? Start it (sudo systemctl start docker, or open Docker Desktop), or point DOCKER_HOST / --host / --context at a running engine.'
					: 'Is the daemon running and reachable from here? Check the address, or pick another engine with --host / --context.',
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
			return new HelperError('ENGINE_TIMEOUT', `The Docker Engine at ${where} timed out.`, 'Check the network path to the engine and that the daemon is not overloaded.', details);
		default:
			break;
	}
	if (typeof e.statusCode === 'number') {
		if (e.statusCode === 404) {
			return new HelperError('NO_SUCH_CONTAINER', serverMessage, 'List what exists with: docker ps -a', details);
		}
		if (e.statusCode === 400 && /client version .* too (old|new)|minimum supported API version/i.test(serverMessage)) {
			return new HelperError('ENGINE_API_TOO_OLD', `The Docker Engine refused the API version: ${serverMessage}`, 'Upgrade Docker Engine, or set DOCKER_API_VERSION to a version it supports.', details);
		}
		if (e.statusCode === 409 && /is not running|is paused|is restarting/i.test(serverMessage)) {
			return new HelperError('CONTAINER_NOT_RUNNING', serverMessage, 'Start it first: docker start <container>', details);
		}
		return new HelperError('ENGINE_ERROR', `The Docker Engine answered ${e.statusCode}: ${serverMessage}`, 'See the engine log (journalctl -u docker) for more.', details);
	}
	if (/ssh|handshake|authentication/i.test(serverMessage)) {
		return new HelperError('ENGINE_UNREACHABLE', `Cannot reach the Docker Engine over SSH at ${where}: ${serverMessage}`, 'Check that `ssh <host> docker system dial-stdio` works and that your SSH agent holds the key (SSH_AUTH_SOCK).', details);
	}
	if (/certificate|self.signed|TLS|SSL/i.test(serverMessage)) {
		return new HelperError('ENGINE_CONFIG', `TLS to the Docker Engine at ${where} failed: ${serverMessage}`, 'Check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY.', details);
	}
	// Unknown: keep the original so it is not hidden, but still tell the user where.
	return new HelperError('ENGINE_ERROR', `Docker Engine call failed at ${where}: ${serverMessage}`, 'Run the equivalent docker command to compare, and report this if docker succeeds.', details);
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
