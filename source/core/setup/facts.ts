/** What validate, recommend and configure know about this machine and its engine. Plain data. */

export interface EndpointFacts {
	readonly host: string;
	readonly source: string;
	readonly context?: string;
	readonly why: string;
	/** unix | npipe | tcp | ssh */
	readonly transport: string;
}

export interface EngineFacts {
	readonly version: string;
	readonly apiVersion: string;
	readonly os: string;
	readonly arch: string;
	readonly operatingSystem: string;
	readonly kernel: string;
	readonly memTotal: number;
	readonly cpus: number;
	readonly dockerRootDir: string;
	readonly storageDriver: string;
	readonly cgroupVersion: string | null;
	readonly cgroupDriver: string | null;
	readonly loggingDriver: string;
	readonly runtimes: readonly string[];
	readonly defaultRuntime: string | null;
	readonly cdiSpecDirs: readonly string[];
	readonly securityOptions: readonly string[];
	readonly rootless: boolean;
	readonly desktop: boolean;
	readonly warnings: readonly string[];
}

export interface DiskUsageFacts {
	readonly images: {readonly size: number; readonly reclaimable: number; readonly count: number};
	readonly containers: {readonly size: number; readonly reclaimable: number; readonly count: number};
	readonly volumes: {readonly size: number; readonly reclaimable: number; readonly count: number};
	readonly buildCache: {readonly size: number; readonly reclaimable: number; readonly count: number};
}

export interface SocketFacts {
	readonly path: string;
	readonly exists: boolean;
	/** Readable and writable by this user. */
	readonly accessible: boolean;
	readonly mode?: string;
	readonly group?: string;
}

export interface DaemonConfigFacts {
	readonly path: string;
	/** log-opts from daemon.json, when it could be read. */
	readonly logOpts?: Readonly<Record<string, string>>;
	readonly raw?: Readonly<Record<string, unknown>>;
}

export interface HostFacts {
	readonly memory: {readonly total: number; readonly available: number; readonly swapTotal: number};
	readonly cpus: {readonly logical: number; readonly physical: number; readonly brand: string};
	readonly fileSystems: ReadonlyArray<{readonly mount: string; readonly size: number; readonly available: number; readonly type: string}>;
	readonly gpus: ReadonlyArray<{readonly vendor: string; readonly model: string; readonly vram: number | null}>;
	readonly os: {
		readonly platform: string;
		readonly distro: string;
		readonly release: string;
		readonly kernel: string;
		readonly arch: string;
		readonly wsl: boolean;
	};
	/** /dev/shm size in bytes; null where there is none. */
	readonly shm: number | null;
}

export interface EngineError {
	readonly code: string;
	readonly message: string;
	readonly hint: string;
}

export interface SetupFacts {
	readonly endpoint: EndpointFacts | null;
	readonly engine: EngineFacts | null;
	readonly engineError: EngineError | null;
	readonly diskUsage: DiskUsageFacts | null;
	readonly socket: SocketFacts | null;
	/** Local engine only: daemon.json as read from the host. */
	readonly daemonConfig: DaemonConfigFacts | null;
	readonly host: HostFacts;
	/** Today, for lifecycle checks (injected so the checks stay pure). */
	readonly today: string;
}

export function isNvidia(gpu: {vendor: string; model: string}): boolean {
	return /nvidia/i.test(gpu.vendor) || /nvidia|geforce|quadro|tesla|rtx/i.test(gpu.model);
}
