/**
 * Host and engine shapes for the recommend/configure table tests. Each builds SetupFacts the way
 * gatherSetupFacts does (the same fields the adapters fill), varying only what a shape is about.
 */
import type {EngineFacts, SetupFacts} from '../../../source/core/setup/facts.js';

export const GiB = 1024 ** 3;

export interface Shape {
	readonly memory: number;
	readonly cpus: number;
	readonly swap?: number;
	readonly platform?: 'linux' | 'darwin' | 'win32';
	readonly wsl?: boolean;
	readonly arch?: string;
	readonly gpus?: ReadonlyArray<{readonly vendor: string; readonly model: string; readonly vram: number | null}>;
	readonly diskFree?: number;
	/** null: the engine did not answer. */
	readonly engine?: Partial<EngineFacts> | null;
	readonly transport?: 'unix' | 'tcp' | 'ssh' | 'npipe';
	readonly daemonRaw?: Record<string, unknown>;
}

export function engineFacts(over: Partial<EngineFacts>): EngineFacts {
	return {
		version: '24.0.7',
		apiVersion: '1.43',
		os: 'linux',
		arch: 'x86_64',
		operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
		kernel: '6.1.0',
		memTotal: 8 * GiB,
		cpus: 4,
		dockerRootDir: '/var/lib/docker',
		storageDriver: 'overlay2',
		cgroupVersion: '2',
		cgroupDriver: 'systemd',
		loggingDriver: 'json-file',
		runtimes: ['io.containerd.runc.v2', 'runc'],
		defaultRuntime: 'runc',
		cdiSpecDirs: [],
		securityOptions: ['name=seccomp,profile=builtin', 'name=cgroupns'],
		rootless: false,
		desktop: false,
		warnings: [],
		...over,
	};
}

export function facts(shape: Shape): SetupFacts {
	const engine = shape.engine === null ? null : engineFacts({memTotal: shape.memory, cpus: shape.cpus, ...(shape.engine ?? {})});
	const transport = shape.transport ?? 'unix';
	const platform = shape.platform ?? 'linux';
	const endpoint = {
		host: transport === 'unix' ? 'unix:///var/run/docker.sock' : transport === 'npipe' ? 'npipe:////./pipe/docker_engine' : `${transport}://build-server:2376`,
		source: transport === 'unix' ? 'default' : 'env',
		why: transport === 'unix' ? 'the default socket' : 'DOCKER_HOST',
		transport,
	};
	return {
		endpoint,
		engine,
		engineError: engine
			? null
			: {code: 'ENGINE_UNREACHABLE', message: 'Cannot reach the Docker Engine at unix:///var/run/docker.sock', hint: 'Is the daemon running?'},
		diskUsage: null,
		socket: null,
		daemonConfig: shape.daemonRaw ? {path: '/etc/docker/daemon.json', raw: shape.daemonRaw} : null,
		host: {
			memory: {total: shape.memory, available: shape.memory * 0.8, swapTotal: shape.swap ?? 0},
			cpus: {logical: shape.cpus, physical: Math.max(1, shape.cpus / 2), brand: 'Test CPU'},
			fileSystems: [{mount: platform === 'win32' ? 'C:' : '/', size: 500 * GiB, available: shape.diskFree ?? 200 * GiB, type: 'ext4'}],
			gpus: shape.gpus ?? [],
			os: {
				platform,
				distro: platform === 'linux' ? 'Debian GNU/Linux' : platform === 'darwin' ? 'macOS' : 'Windows 11',
				release: '1',
				kernel: shape.wsl ? '5.15.153.1-microsoft-standard-WSL2' : '6.1.0',
				arch: shape.arch ?? 'x64',
				wsl: shape.wsl ?? false,
			},
			shm: 2 * GiB,
		},
		today: '2026-11-22',
	};
}

export const RTX = {vendor: 'NVIDIA Corporation', model: 'NVIDIA GeForce RTX 4090', vram: 24564};
