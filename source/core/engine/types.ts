/**
 * What the Docker Engine adapter (adapters/docker.ts) hands to commands: domain types with the
 * fields we read, checked for shape when the answer arrived. No dockerode type crosses the adapter.
 * The engine's own documents ride along (`document`) where a command shows or records them whole.
 */
import type {ContainerDoc, ImageDoc} from '../container-summary.js';
import type {EngineEvent, LogLine} from '../diagnose/facts.js';
import type {TarEntry} from '../diagnose/decode.js';

export type {ContainerDoc, ImageDoc, EngineEvent, LogLine, TarEntry};

/** An engine document: the fields we type, and every other field the engine sent, kept as it came. */
export type EngineDocument<T> = T & Readonly<Record<string, unknown>>;

/** One container as `docker inspect` knows it. */
export interface ContainerFacts {
	/** The full 64-hex id. */
	readonly id: string;
	/** The name without docker's leading slash. */
	readonly name: string;
	/** The image as the container was created from it (Config.Image), e.g. nginx:1.27. */
	readonly image: string;
	/** The image id (sha256:...). */
	readonly imageId: string;
	/** RFC 3339, or '' when the engine did not say. */
	readonly created: string;
	readonly tty: boolean;
	readonly state: ContainerState;
	/** HostConfig.LogConfig.Type: json-file, local, journald, none, ... */
	readonly logDriver: string | null;
	/** The engine's inspect document (shape-checked), for commands that show or record all of it. */
	readonly document: EngineDocument<ContainerDoc>;
}

export interface ContainerState {
	/** created, running, paused, restarting, removing, exited, dead. */
	readonly status: string;
	readonly running: boolean;
	readonly paused: boolean;
	readonly restarting: boolean;
	readonly exitCode: number | null;
}

/** One row of `docker ps -a`. */
export interface ContainerListEntry {
	readonly id: string;
	/** The first name without the leading slash, or the short id when the engine gave none. */
	readonly name: string;
	readonly names: readonly string[];
	readonly image: string;
	/** created, running, paused, restarting, removing, exited, dead. */
	readonly state: string;
	/** docker ps's STATUS column: "Up 3 minutes (unhealthy)", "Exited (1) 2 hours ago". */
	readonly status: string;
	/** Unix seconds. */
	readonly created: number;
	readonly ports: readonly PublishedPort[];
	readonly labels: Readonly<Record<string, string>>;
}

export interface PublishedPort {
	readonly ip: string | null;
	readonly privatePort: number;
	readonly publicPort: number | null;
	readonly type: string;
}

/** One image as `docker image inspect` knows it. */
export interface ImageFacts {
	readonly id: string;
	readonly repoTags: readonly string[];
	readonly architecture: string | null;
	readonly os: string | null;
	readonly variant: string | null;
	readonly config: ImageConfig;
	/** The engine's inspect document (shape-checked). */
	readonly document: EngineDocument<ImageDoc>;
}

/** A throwaway container to create (verify): what it runs with, never a shell string. */
export interface ThrowawaySpec {
	readonly name: string;
	readonly image: string;
	readonly labels: Readonly<Record<string, string>>;
	/** Container ports to publish on 127.0.0.1 with an ephemeral host port. */
	readonly publish?: readonly number[];
	readonly readOnly?: boolean;
	/** tmpfs mounts: "/tmp" or "/run:uid=1000,size=64m". */
	readonly tmpfs?: readonly string[];
	/** A healthcheck override in the engine's form (nanoseconds). */
	readonly healthcheck?: {
		readonly Test: readonly string[];
		readonly Interval: number;
		readonly Timeout: number;
		readonly Retries: number;
		readonly StartPeriod: number;
	};
}

/** One row of `docker history --no-trunc`. */
export interface ImageHistoryEntry {
	/** The image id of that step, or "<missing>" for steps pulled from a registry. */
	readonly id: string;
	readonly createdBy: string;
	/** Bytes the step added, as the engine's storage driver measured them. */
	readonly size: number;
	/** Unix seconds. */
	readonly created: number;
	readonly comment: string;
	readonly tags: readonly string[];
}

export interface ImageConfig {
	/** USER, '' when unset (root). */
	readonly user: string;
	readonly env: readonly string[];
	readonly entrypoint: readonly string[] | null;
	readonly cmd: readonly string[] | null;
	/** HEALTHCHECK's test (["CMD-SHELL", "..."], ["NONE"]), null when the image defines none. */
	readonly healthcheck: readonly string[] | null;
	/** "80/tcp", ... */
	readonly exposedPorts: readonly string[];
	readonly workingDir: string;
}

/** GET /info: the fields we read. */
export interface EngineInfo {
	readonly ServerVersion?: string;
	readonly OperatingSystem?: string;
	readonly KernelVersion?: string;
	readonly MemTotal?: number;
	readonly NCPU?: number;
	readonly DockerRootDir?: string;
	readonly Driver?: string;
	readonly LoggingDriver?: string;
	readonly DefaultRuntime?: string;
	readonly Labels?: readonly string[] | null;
	readonly CgroupVersion?: string;
	readonly CgroupDriver?: string;
	readonly CDISpecDirs?: readonly string[] | null;
	readonly Runtimes?: Readonly<Record<string, unknown>>;
	readonly SecurityOptions?: readonly string[] | null;
	readonly Warnings?: readonly string[] | null;
}

/** GET /version: the fields we read. */
export interface EngineVersion {
	readonly Version: string;
	readonly ApiVersion: string;
	readonly MinAPIVersion?: string;
	readonly Os: string;
	readonly Arch: string;
	readonly KernelVersion?: string;
	readonly Platform?: {readonly Name?: string};
}

/** GET /system/df: the fields we read. */
export interface DiskUsage {
	readonly LayersSize?: number;
	readonly Images?: ReadonlyArray<{readonly Size: number; readonly SharedSize: number; readonly Containers: number}> | null;
	readonly Containers?: ReadonlyArray<{readonly SizeRw?: number; readonly State?: string}> | null;
	readonly Volumes?: ReadonlyArray<{readonly UsageData?: {readonly Size: number; readonly RefCount: number} | null}> | null;
	readonly BuildCache?: ReadonlyArray<{readonly Size: number; readonly InUse: boolean; readonly Shared?: boolean}> | null;
}

/** Bytes from the engine as they arrive. Destroy it to stop reading (and close the connection). */
export interface ByteStream extends AsyncIterable<Uint8Array> {
	destroy(): void;
}

export interface LogStreamOptions {
	readonly follow: boolean;
	readonly timestamps: boolean;
	readonly tail?: number;
	/** Unix seconds as the engine takes them ("1714564800.5"). */
	readonly since?: string;
	readonly until?: string;
	/** Default: both. */
	readonly stdout?: boolean;
	readonly stderr?: boolean;
}

export interface ExecOptions {
	readonly cmd: readonly string[];
	readonly tty: boolean;
	readonly stdin: boolean;
	readonly env?: readonly string[];
	readonly user?: string;
	readonly workdir?: string;
}

/** A started exec: the engine's stream, writable when stdin is attached. */
export type ExecStream = NodeJS.ReadWriteStream & ByteStream;

export interface ExecSession {
	readonly id: string;
	/** Start it: a duplex socket when stdin is attached, otherwise the output stream. */
	start(): Promise<ExecStream>;
	inspect(): Promise<{running: boolean; exitCode: number | null}>;
	resize(rows: number, columns: number): Promise<void>;
}

/** The tar header and first bytes of one file read through the archive endpoint (docker cp). */
export interface FileHead {
	readonly entry: TarEntry;
	readonly head: Uint8Array;
}

/** One sample of a running container's resource use. Null fields: the engine did not report them. */
export interface ContainerStats {
	/** Bytes in use, less the page cache the kernel can reclaim (what docker stats shows). */
	readonly memoryUsage: number | null;
	readonly memoryLimit: number | null;
	readonly pids: number | null;
	/** CFS periods since the container started, and how many of them were throttled (CPU limit reached). */
	readonly cpuPeriods: number | null;
	readonly cpuThrottledPeriods: number | null;
}
