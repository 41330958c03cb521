/**
 * What diagnose knows about one container: gathered once by commands/diagnose-facts.ts
 * through the Docker adapter, already redacted, then read by the pure rules.
 * Plain JSON data, so it can be recorded as a fixture and replayed in tests.
 */

export interface LogLine {
	readonly stream: 'stdout' | 'stderr';
	/** RFC 3339 timestamp from the engine (docker logs --timestamps), or null for TTY containers without one. */
	readonly time: string | null;
	/** The line, without the trailing newline, redacted and capped in length. A trailing "\r" is kept: it is evidence. */
	readonly text: string;
}

export interface EngineEvent {
	readonly time: string;
	/** die, oom, kill, stop, start, restart, health_status: unhealthy, create, ... */
	readonly action: string;
	/** Selected actor attributes: exitCode, signal, ... */
	readonly attributes: Readonly<Record<string, string>>;
}

export interface HealthProbe {
	readonly start: string;
	readonly end: string;
	readonly exitCode: number;
	readonly output: string;
}

export interface MountFact {
	readonly type: string;
	readonly source: string;
	readonly destination: string;
	readonly rw: boolean;
	readonly mode: string;
	readonly name?: string;
}

export interface PortBindingFact {
	/** "8080/tcp" */
	readonly containerPort: string;
	readonly hostIp: string;
	readonly hostPort: string;
}

/** What the file the container tried to execute looks like inside its filesystem (only gathered on start failures). */
export interface ExecutableProbe {
	readonly path: string;
	readonly exists: boolean;
	/** The path after following symlinks inside the container. */
	readonly resolved?: string;
	readonly mode?: string;
	readonly executable?: boolean;
	readonly size?: number;
	/** ELF binaries: the CPU architecture in Docker's names (amd64, arm64, ...), from the ELF header. */
	readonly elfArch?: string;
	/** Scripts: the first line with control characters made visible ("\r" stays "\r"). */
	readonly firstLine?: string;
	readonly crlf?: boolean;
	/** The interpreter named in the shebang line, without a trailing "\r". */
	readonly interpreter?: string;
}

export interface LiveFacts {
	/** Memory in use less reclaimable page cache (what docker stats shows), and the limit the engine applies. */
	readonly memoryUsage: number | null;
	readonly memoryLimit: number | null;
	readonly pids: number | null;
	readonly cpuPeriods: number | null;
	readonly cpuThrottledPeriods: number | null;
	/** null: not read (no published port) or unreadable (no cat in the image, say). */
	readonly listeners: ReadonlyArray<{readonly address: string; readonly port: number}> | null;
	readonly listenersError?: string;
}

export interface DiagnosisFacts {
	/** Schema version of this document. */
	readonly version: 1;
	readonly capturedAt: string;
	readonly container: {
		readonly id: string;
		readonly name: string;
		readonly image: string;
		readonly imageId: string;
		readonly created: string;
		/** The process the runtime starts: Path and Args from docker inspect. */
		readonly path: string;
		readonly args: readonly string[];
		readonly entrypoint: readonly string[] | null;
		readonly cmd: readonly string[] | null;
		readonly user: string;
		readonly workingDir: string;
		readonly tty: boolean;
		/** NAME=value entries, secrets redacted. */
		readonly env: readonly string[];
		readonly labels: Readonly<Record<string, string>>;
		readonly composeService: string | null;
		readonly composeProject: string | null;
		/** Config.StopSignal: what docker stop sends first ("" = the image's, else SIGTERM). Absent in recordings made before it was gathered. */
		readonly stopSignal?: string;
		/** Config.StopTimeout in seconds: how long docker stop waits before SIGKILL (null = the engine's default, 10 s). */
		readonly stopTimeout?: number | null;
	};
	readonly state: {
		readonly status: string;
		readonly running: boolean;
		readonly restarting: boolean;
		readonly paused: boolean;
		readonly dead: boolean;
		readonly oomKilled: boolean;
		readonly exitCode: number;
		readonly error: string;
		readonly startedAt: string | null;
		readonly finishedAt: string | null;
		readonly health: {readonly status: string; readonly failingStreak: number; readonly log: readonly HealthProbe[]} | null;
	};
	readonly restartCount: number;
	readonly restartPolicy: {readonly name: string; readonly maximumRetryCount: number};
	readonly resources: {
		/** Bytes, 0 = unlimited. */
		readonly memory: number;
		readonly memorySwap: number;
		readonly memoryReservation: number;
		readonly nanoCpus: number;
		readonly cpusetCpus: string;
		readonly pidsLimit: number | null;
		readonly readonlyRootfs: boolean;
		readonly shmSize: number;
		readonly tmpfs: Readonly<Record<string, string>>;
	};
	readonly healthcheck: {
		readonly test: readonly string[];
		readonly interval: number;
		readonly timeout: number;
		readonly retries: number;
		readonly startPeriod: number;
	} | null;
	readonly mounts: readonly MountFact[];
	readonly ports: readonly PortBindingFact[];
	readonly network: {
		readonly mode: string;
		readonly networks: readonly string[];
		readonly extraHosts: readonly string[];
		readonly dns: readonly string[];
		/** IP address per network while it runs (absent in older recordings). */ readonly addresses?: Readonly<Record<string, string>>;
	};
	readonly image: {
		readonly id: string;
		readonly user: string;
		readonly entrypoint: readonly string[] | null;
		readonly cmd: readonly string[] | null;
		readonly workingDir: string;
		readonly architecture: string;
		readonly variant: string | null;
		readonly os: string;
		readonly healthcheck: readonly string[] | null;
		readonly exposedPorts: readonly string[];
		readonly stopSignal?: string;
	} | null;
	readonly logs: {readonly tail: number; readonly lines: readonly LogLine[]; readonly error: string | null};
	readonly events: {readonly since: string; readonly until: string; readonly list: readonly EngineEvent[]; readonly error: string | null};
	/** Running containers that publish one of this container's host ports. */
	readonly portHolders: ReadonlyArray<{readonly name: string; readonly id: string; readonly ports: readonly string[]}>;
	readonly executable: ExecutableProbe | null;
	/**
	 * Running containers only (null otherwise, absent in older recordings): one resource sample from the
	 * engine, and the TCP sockets listening inside (from /proc/net/tcp{,6}, read only when ports are published).
	 */
	readonly live?: LiveFacts | null;
	readonly host: {
		/** Engine architecture in Docker's names (amd64, arm64). */
		readonly arch: string;
		readonly os: string;
		readonly kernel: string;
		readonly memTotal: number;
		readonly cpus: number;
		readonly cgroupVersion: string | null;
		readonly dockerRootDir: string;
		/** Free bytes on the file system holding the data root; null when the engine is remote. */
		readonly dataRootFree: number | null;
		readonly dataRootSize: number | null;
		readonly engineVersion: string;
	};
}
