/**
 * recommend: resource numbers for a workload on a measured machine. Pure: SetupFacts and a
 * Workload in, numbers with their reasons and the ways to apply them out. When the machine
 * cannot meet the workload's minimum the result says so and recommends nothing.
 */
import {stringify} from 'yaml';
import {formatBytes} from '../units.js';
import {isNvidia, type EndpointFacts, type SetupFacts} from './facts.js';
import {dataRootFileSystem} from './validate.js';
import type {Workload} from './workloads.js';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * Where containers get their resources:
 * - linux: a local engine on this Linux host; no VM, containers share the host.
 * - desktop: Docker Desktop's VM on this machine; its size is a setting, bounded by the host.
 * - vm: another local Linux VM (Colima, OrbStack, Rancher Desktop, Podman machine).
 * - remote: an engine on another machine (tcp, ssh); only the engine's own numbers count.
 * - host-only: the engine did not answer; numbers come from this host alone.
 */
export type MachineKind = 'linux' | 'desktop' | 'vm' | 'remote' | 'host-only';

export interface Machine {
	readonly kind: MachineKind;
	readonly description: string;
	/** Memory and CPUs the recommendation shares out (the host, or the remote engine). */
	readonly memory: number;
	readonly cpus: number;
	/** Which facts those two came from. */
	readonly source: 'host' | 'engine';
	/** What the engine reports now (for a VM: the VM's current size). */
	readonly engineMemory: number | null;
	readonly engineCpus: number | null;
	/** Free disk where images and volumes will live; null when it cannot be known from here. */
	readonly diskFree: number | null;
	readonly diskWhere: string | null;
	/** Swap of this host; null for a remote engine. */
	readonly swap: number | null;
	readonly gpu: {readonly nvidia: readonly string[]; readonly usable: boolean; readonly runtime: string | null};
}

export type FindingSeverity = 'fail' | 'warn' | 'info';

export interface Finding {
	readonly id: string;
	readonly severity: FindingSeverity;
	readonly message: string;
	readonly hint: string;
}

export interface Num {
	readonly value: number;
	/** How a person reads it ("6 GiB", "3.5 CPUs"). */
	readonly display: string;
	readonly reason: string;
}

export interface Settings {
	/** Memory for Docker: the Desktop VM's size, or the budget for all containers on Linux. */
	readonly dockerMemory: Num;
	readonly dockerCpus: Num;
	readonly swap: Num;
	readonly diskFree: Num;
	readonly containerMemory: Num;
	readonly containerMemoryReservation: Num;
	/** --memory-swap: memory plus the swap the container may use. */
	readonly containerMemorySwap: Num;
	readonly containerCpus: Num;
	readonly containerCpusReservation: Num;
	readonly pids: Num;
	/** null: Docker's 64 MiB default is fine for this workload. */
	readonly shm: Num | null;
	readonly gpu: {readonly value: boolean; readonly reason: string};
}

export interface Apply {
	/** Docker Desktop → Settings → Resources, one line per setting; null when there is no Desktop VM. */
	readonly desktop: readonly string[] | null;
	/** Another VM's resize command (Colima); null otherwise. */
	readonly vm: string | null;
	/** Engine-wide defaults (daemon.json holds no per-container memory or CPU limits). */
	readonly daemonJson: Readonly<Record<string, unknown>>;
	readonly dockerRun: string;
	/** A compose service fragment: deploy.resources, shm_size, pids_limit. */
	readonly compose: string;
}

export interface Recommendation {
	readonly workload: Workload['id'];
	readonly title: string;
	readonly machine: Machine;
	/** The machine can meet the workload's minimum (a too-small Desktop VM is a fail finding, not infeasible: it can be raised). */
	readonly feasible: boolean;
	readonly findings: readonly Finding[];
	/** null when the machine cannot run the workload: nothing impossible is recommended. */
	readonly settings: Settings | null;
	readonly apply: Apply | null;
}

/** Memory left to the host OS (or the VM's kernel and the engine): at least 1 GiB or a quarter. */
export function hostReserve(memory: number): number {
	return Math.max(1 * GiB, memory * 0.25);
}

/** CPUs left to the host so its desktop and shell stay responsive. CPU time is shared, so this is small. */
export function cpuReserve(cpus: number): number {
	return cpus >= 8 ? 2 : cpus >= 4 ? 1 : 0;
}

/** Round memory down to a number a setting takes: whole GiB from 4 GiB up, 256 MiB steps below. */
export function roundMemory(bytes: number): number {
	const step = bytes >= 4 * GiB ? GiB : 256 * MiB;
	return Math.max(0, Math.floor(bytes / step) * step);
}

/** Round down to whole GiB from 1 GiB up (256 MiB steps below): for shm and swap, read as round numbers. */
export function roundCoarse(bytes: number): number {
	return bytes >= GiB ? Math.floor(bytes / GiB) * GiB : roundMemory(bytes);
}

/** Round CPUs down to halves, never below a half. */
function roundCpus(n: number): number {
	return Math.max(0.5, Math.floor(n * 2) / 2);
}

/** docker run / compose size: "6g", "1536m". */
export function dockerSize(bytes: number): string {
	if (bytes % GiB === 0) return `${bytes / GiB}g`;
	return `${Math.round(bytes / MiB)}m`;
}

function cpusText(n: number): string {
	return `${n} CPU${n === 1 ? '' : 's'}`;
}

export function describeMachine(facts: SetupFacts): Machine {
	const {host, engine, endpoint} = facts;
	const nvidia = host.gpus.filter(isNvidia).map((g) => g.model || g.vendor);
	const engineRuntime = engine ? (engine.runtimes.includes('nvidia') ? 'nvidia' : engine.cdiSpecDirs.length > 0 ? 'cdi' : null) : null;
	const hostDisk = (): {free: number | null; where: string | null} => {
		const root = host.fileSystems.find((f) => f.mount === '/' || /^[A-Z]:\\?$/i.test(f.mount)) ?? [...host.fileSystems].sort((a, b) => b.size - a.size)[0];
		return root ? {free: root.available, where: `${root.mount} on this host`} : {free: null, where: null};
	};
	const local = endpoint ? endpoint.transport === 'unix' || endpoint.transport === 'npipe' : false;
	const base = {engineMemory: engine?.memTotal ?? null, engineCpus: engine?.cpus ?? null};
	// The machine seen from this host: what containers get when the engine runs here or in a local VM.
	const fromHost = {memory: host.memory.total, cpus: host.cpus.logical, source: 'host' as const, ...base, swap: host.memory.swapTotal};

	if (!engine) {
		const d = hostDisk();
		return {
			kind: 'host-only',
			description: `this host (${host.os.distro || host.os.platform}); the engine did not answer, so its view is missing`,
			...fromHost,
			diskFree: d.free,
			diskWhere: d.where,
			gpu: {nvidia, usable: false, runtime: null},
		};
	}
	if (engine.desktop) {
		const d = hostDisk();
		return {
			kind: 'desktop',
			description: `Docker Desktop's VM (${formatBytes(engine.memTotal)}, ${cpusText(engine.cpus)} now) on a ${formatBytes(host.memory.total)}, ${host.cpus.logical}-CPU ${host.os.wsl ? 'Windows (WSL 2)' : host.os.platform === 'darwin' ? 'Mac' : host.os.platform === 'win32' ? 'Windows' : host.os.platform} host`,
			...fromHost,
			diskFree: d.free,
			diskWhere: d.where ? `${d.where} (holds Desktop's virtual disk)` : null,
			gpu: {nvidia, usable: nvidia.length > 0 && engineRuntime !== null, runtime: engineRuntime},
		};
	}
	if (local && host.os.platform !== 'linux') {
		const d = hostDisk();
		return {
			kind: 'vm',
			description: `a local Linux VM (${engine.operatingSystem || 'unknown OS'}: ${formatBytes(engine.memTotal)}, ${cpusText(engine.cpus)} now) on a ${formatBytes(host.memory.total)}, ${host.cpus.logical}-CPU ${host.os.platform} host`,
			...fromHost,
			diskFree: d.free,
			diskWhere: d.where,
			gpu: {nvidia: [], usable: false, runtime: engineRuntime},
		};
	}
	if (local) {
		const fs = dataRootFileSystem(facts);
		return {
			kind: 'linux',
			description: `this Linux host (${engine.operatingSystem || host.os.distro}); containers share it directly, no VM`,
			...fromHost,
			diskFree: fs ? fs.available : null,
			diskWhere: fs ? `${fs.mount} (holds the data root ${engine.dockerRootDir})` : null,
			gpu: {nvidia, usable: nvidia.length > 0 && engineRuntime !== null, runtime: engineRuntime},
		};
	}
	return {
		kind: 'remote',
		description: `the remote engine at ${endpoint?.host ?? 'unknown'} (${engine.operatingSystem || engine.os}); this host's own hardware does not count`,
		memory: engine.memTotal,
		cpus: engine.cpus,
		source: 'engine',
		...base,
		diskFree: null,
		diskWhere: null,
		swap: null,
		// The engine cannot list GPUs; a GPU runtime is the best evidence there is one.
		gpu: {nvidia: [], usable: engineRuntime !== null, runtime: engineRuntime},
	};
}

/** Exit code 1 when anything stops the workload from running here now. */
export function hasFailure(r: Recommendation): boolean {
	return r.findings.some((f) => f.severity === 'fail');
}

export function recommend(facts: SetupFacts, workload: Workload): Recommendation {
	const machine = describeMachine(facts);
	const findings: Finding[] = [];
	const w = workload;
	const reserve = hostReserve(machine.memory);
	const usable = machine.memory - reserve;

	if (facts.engineError) {
		findings.push({
			id: 'engine.unreachable',
			severity: 'warn',
			message: `The engine did not answer (${facts.engineError.message.replace(/\.$/, '')}): these numbers come from this host alone.`,
			hint: facts.engineError.hint,
		});
	}
	// Minimums first: below them there is nothing honest to recommend.
	if (usable < w.minimum.memory) {
		findings.push({
			id: 'memory.minimum',
			severity: 'fail',
			message: `${w.title} needs at least ${formatBytes(w.minimum.memory)} for containers; ${machine.kind === 'remote' ? 'the engine has' : 'this host has'} ${formatBytes(machine.memory)}, and ${formatBytes(reserve)} of it must stay with the ${machine.kind === 'linux' || machine.kind === 'remote' ? 'operating system' : 'host'}.`,
			hint: `Run it on a machine with at least ${formatBytes(w.minimum.memory + Math.max(GiB, w.minimum.memory / 3))} of memory${w.id !== 'web' ? ', or choose a smaller model or a lighter workload (--workload web)' : ''}.`,
		});
	}
	if (machine.cpus < w.minimum.cpus) {
		findings.push({
			id: 'cpus.minimum',
			severity: 'fail',
			message: `${w.title} needs at least ${cpusText(w.minimum.cpus)}; ${machine.kind === 'remote' ? 'the engine has' : 'this host has'} ${machine.cpus}.`,
			hint: `Run it on a machine with ${w.minimum.cpus}+ CPUs${w.usesGpu ? ' (or a GPU machine, where the CPU only feeds the GPU)' : ''}.`,
		});
	}
	if (machine.diskFree !== null && machine.diskFree < w.minimum.diskFree) {
		findings.push({
			id: 'disk.minimum',
			severity: 'fail',
			message: `${w.title} needs at least ${formatBytes(w.minimum.diskFree)} free for images, models and volumes; ${machine.diskWhere ?? 'the disk'} has ${formatBytes(machine.diskFree)}.`,
			hint: 'Free space first (docker system prune; see docker system df), or move Docker\'s data root to a larger disk ("data-root" in daemon.json).',
		});
	}
	if (findings.some((f) => f.severity === 'fail')) {
		return {workload: w.id, title: w.title, machine, feasible: false, findings, settings: null, apply: null};
	}

	// Docker's memory: about half, never below the workload's minimum, never above its cap or what the host can spare.
	const half = machine.memory * w.dockerMemory.share;
	const raw = Math.min(Math.max(half, w.minimum.memory), w.dockerMemory.cap, usable);
	const dockerMemory = Math.max(roundMemory(raw), Math.min(w.minimum.memory, usable));
	const memWhy =
		half < w.minimum.memory
			? `half of ${formatBytes(machine.memory)} is below the ${formatBytes(w.minimum.memory)} this workload needs, so Docker gets the minimum and the host keeps ${formatBytes(machine.memory - dockerMemory)}`
			: half > w.dockerMemory.cap
				? `about half of ${formatBytes(machine.memory)}, capped: ${w.dockerMemory.capWhy}`
				: half > usable
					? `half would leave the host less than ${formatBytes(reserve)}; capped to keep it`
					: `about half of ${formatBytes(machine.memory)}: the other half stays with the host for its OS, tools and the page cache every file read goes through${w.usesGpu ? ' (model weights included)' : ''}`;

	const dockerCpus = Math.max(1, machine.cpus - cpuReserve(machine.cpus));
	const cpuWhy =
		cpuReserve(machine.cpus) > 0
			? `${machine.cpus} CPUs less ${cpuReserve(machine.cpus)} so the host stays responsive under full load; CPU time is shared, idle CPUs are not lost`
			: `all ${machine.cpus} CPUs: too few to keep one back, CPU time is shared anyway`;

	const containerMemory = roundMemory(Math.min(dockerMemory * w.container.memoryShare, w.container.memoryCap));
	const reservation = roundMemory(containerMemory / 2);
	const swapInside = roundCoarse(containerMemory * w.container.swapShare);
	const containerCpus = Math.min(roundCpus(dockerCpus * w.container.cpuShare), dockerCpus);
	const cpuReservation = Math.max(0.25, Math.floor((containerCpus / 2) * 4) / 4);
	const shm = w.shm ? roundCoarse(Math.min(Math.max(containerMemory * w.shm.share, w.shm.min), w.shm.max, containerMemory / 2)) : null;
	const gpu = w.usesGpu && machine.gpu.usable;

	const settings: Settings = {
		dockerMemory: {value: dockerMemory, display: formatBytes(dockerMemory), reason: memWhy},
		dockerCpus: {value: dockerCpus, display: cpusText(dockerCpus), reason: cpuWhy},
		swap: {value: w.swap.size, display: formatBytes(w.swap.size), reason: w.swap.why},
		diskFree: {
			value: w.comfortable.diskFree,
			display: formatBytes(w.comfortable.diskFree),
			reason: `free space for images, build cache${w.usesGpu ? ', model weights' : ''} and volumes (at least ${formatBytes(w.minimum.diskFree)})`,
		},
		containerMemory: {
			value: containerMemory,
			display: formatBytes(containerMemory),
			reason: `${w.container.memoryShareWhy} (${Math.round(w.container.memoryShare * 100)}% of ${formatBytes(dockerMemory)}${dockerMemory * w.container.memoryShare > w.container.memoryCap ? `, capped at ${formatBytes(w.container.memoryCap)}` : ''}); past it the kernel OOM-kills the container (exit 137)`,
		},
		containerMemoryReservation: {
			value: reservation,
			display: formatBytes(reservation),
			reason: 'half the limit: a soft floor the kernel protects when memory runs short elsewhere',
		},
		containerMemorySwap: {
			value: containerMemory + swapInside,
			display: formatBytes(containerMemory + swapInside),
			reason: `${w.container.swapWhy}${swapInside > 0 ? ` (${formatBytes(swapInside)} of swap on top of the limit)` : ' (--memory-swap equal to --memory)'}`,
		},
		containerCpus: {
			value: containerCpus,
			display: cpusText(containerCpus),
			reason:
				w.container.cpuShare >= 1
					? 'every CPU Docker has: a CPU limit only throttles, and this container is the main tenant'
					: `${Math.round(w.container.cpuShare * 100)}% of Docker's CPUs, so a busy app cannot starve its database`,
		},
		containerCpusReservation: {
			value: cpuReservation,
			display: cpusText(cpuReservation),
			reason: 'half the limit: guaranteed under contention (compose deploy.resources.reservations)',
		},
		pids: {value: w.container.pids, display: String(w.container.pids), reason: w.container.pidsWhy},
		shm:
			shm !== null && w.shm
				? {value: shm, display: formatBytes(shm), reason: `${w.shm.why}; it counts against the container's memory limit, so it is at most half of it`}
				: null,
		gpu: {
			value: gpu,
			reason: !w.usesGpu
				? 'this workload does not use a GPU'
				: gpu
					? `${machine.gpu.nvidia.join(', ') || 'a GPU'} reachable through the ${machine.gpu.runtime} runtime: reserve it for the container`
					: machine.gpu.nvidia.length > 0
						? `${machine.gpu.nvidia.join(', ')} present, but the engine has no nvidia runtime or CDI: install the NVIDIA Container Toolkit first (docker-helper validate)`
						: 'no NVIDIA GPU usable from containers here: it runs on CPU',
		},
	};

	// What is worth knowing beyond the numbers.
	if (machine.memory < w.comfortable.memory) {
		findings.push({
			id: 'memory.comfortable',
			severity: 'warn',
			message: `${formatBytes(machine.memory)} is enough to run ${w.title.toLowerCase()} but below the comfortable ${formatBytes(w.comfortable.memory)}.`,
			hint: w.usesGpu ? 'Prefer small or quantised models, and one worker per container.' : 'Keep the number of companion services small.',
		});
	}
	if (machine.cpus < w.comfortable.cpus) {
		findings.push({
			id: 'cpus.comfortable',
			severity: 'info',
			message: `${machine.cpus} CPUs: enough, below the comfortable ${w.comfortable.cpus}.`,
			hint: 'Match worker and thread counts (uvicorn --workers, OMP_NUM_THREADS, DataLoader num_workers) to the CPUs the container gets.',
		});
	}
	if (machine.diskFree !== null && machine.diskFree < w.comfortable.diskFree) {
		findings.push({
			id: 'disk.comfortable',
			severity: 'warn',
			message: `${formatBytes(machine.diskFree)} free on ${machine.diskWhere ?? 'the disk'}: enough to start, below the ${formatBytes(w.comfortable.diskFree)} this workload grows into.`,
			hint: 'Watch it with docker system df, and prune build cache regularly (docker builder prune).',
		});
	}
	if ((machine.kind === 'desktop' || machine.kind === 'vm') && machine.engineMemory !== null) {
		const now = machine.engineMemory;
		if (now < dockerMemory * 0.9) {
			findings.push({
				id: 'vm.memory',
				severity: now < w.minimum.memory ? 'fail' : 'warn',
				message: `The VM has ${formatBytes(now)} now${now < w.minimum.memory ? `, below the ${formatBytes(w.minimum.memory)} this workload needs` : ''}; the host can give it ${formatBytes(dockerMemory)}.`,
				hint:
					machine.kind === 'desktop'
						? `Raise Memory in Docker Desktop → Settings → Resources to ${Math.round(dockerMemory / GiB)} GB, then Apply & restart.`
						: 'Resize the VM (see the command below) and restart it.',
			});
		} else if (now > usable) {
			findings.push({
				id: 'vm.memory',
				severity: 'warn',
				message: `The VM has ${formatBytes(now)}, more than this ${formatBytes(machine.memory)} host can spare: the host will swap under load.`,
				hint: `Lower Memory to ${Math.round(dockerMemory / GiB)} GB.`,
			});
		}
		if (machine.engineCpus !== null && machine.engineCpus < Math.min(dockerCpus, w.minimum.cpus)) {
			findings.push({
				id: 'vm.cpus',
				severity: 'fail',
				message: `The VM has ${cpusText(machine.engineCpus)}, fewer than the ${w.minimum.cpus} this workload needs; the host has ${machine.cpus}.`,
				hint: `Raise CPUs to ${dockerCpus}.`,
			});
		}
	}
	if (machine.kind === 'linux' && machine.swap !== null && machine.swap < w.swap.size) {
		findings.push({
			id: 'host.swap',
			severity: 'info',
			message: `This host has ${machine.swap === 0 ? 'no swap' : `${formatBytes(machine.swap)} of swap`}; ${formatBytes(w.swap.size)} is recommended.`,
			hint: `sudo fallocate -l ${dockerSize(w.swap.size).toUpperCase()} /swapfile && sudo chmod 600 /swapfile && sudo mkswap /swapfile && sudo swapon /swapfile (add it to /etc/fstab to keep it).`,
		});
	}
	if (w.usesGpu && machine.gpu.nvidia.length > 0 && !machine.gpu.usable) {
		findings.push({
			id: 'gpu.runtime',
			severity: 'warn',
			message: `${machine.gpu.nvidia.join(', ')} present but not usable from containers.`,
			hint: 'Install the NVIDIA Container Toolkit, then: sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker',
		});
	}
	// Limits the engine cannot enforce are worth knowing before relying on them.
	const engine = facts.engine;
	if (engine?.rootless && engine.cgroupVersion !== '2') {
		findings.push({
			id: 'limits.rootless-cgroup-v1',
			severity: 'warn',
			message: 'Rootless Docker on cgroup v1: --memory, --cpus and --pids-limit are ignored.',
			hint: 'Boot with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate controllers to your user (see the rootless Docker docs: "Limiting resources").',
		});
	}
	if (engine?.warnings.some((w) => /no swap limit support/i.test(w))) {
		findings.push({
			id: 'limits.no-swap-accounting',
			severity: 'info',
			message: 'This kernel has no swap accounting: --memory-swap (compose memswap_limit) is ignored.',
			hint: 'Enable it with the kernel parameter swapaccount=1 (cgroup v1), or use cgroup v2.',
		});
	}
	if (machine.kind === 'remote') {
		findings.push({
			id: 'engine.remote',
			severity: 'info',
			message: "Numbers come from the remote engine's memory and CPUs; its disk and swap cannot be seen from here.",
			hint: 'Run docker-helper validate on that machine for its disk, swap and GPU.',
		});
	}

	const order: Record<FindingSeverity, number> = {fail: 0, warn: 1, info: 2};
	findings.sort((a, b) => order[a.severity] - order[b.severity]);
	return {workload: w.id, title: w.title, machine, feasible: true, findings, settings, apply: applyFor(machine, settings)};
}

function applyFor(machine: Machine, s: Settings): Apply {
	const desktop =
		machine.kind === 'desktop'
			? [
					`CPUs: ${s.dockerCpus.value}`,
					`Memory: ${Math.round(s.dockerMemory.value / GiB)} GB`,
					`Swap: ${Math.max(0.5, s.swap.value / GiB)} GB`,
					`Virtual disk limit: ${Math.round(s.diskFree.value / GiB) + 16} GB (the workload's ${s.diskFree.display} plus room for the VM itself)`,
				]
			: null;
	const vm =
		machine.kind === 'vm'
			? `colima stop && colima start --cpu ${s.dockerCpus.value} --memory ${Math.round(s.dockerMemory.value / GiB)} --disk ${Math.round(s.diskFree.value / GiB) + 16}   # OrbStack / Rancher Desktop: set the same numbers in their settings`
			: null;
	const daemonJson: Record<string, unknown> = {
		'default-ulimits': {nofile: {Name: 'nofile', Soft: 65536, Hard: 65536}},
		...(s.shm ? {'default-shm-size': dockerSize(s.shm.value).toUpperCase()} : {}),
	};
	const flags = [
		`--memory ${dockerSize(s.containerMemory.value)}`,
		`--memory-reservation ${dockerSize(s.containerMemoryReservation.value)}`,
		`--memory-swap ${dockerSize(s.containerMemorySwap.value)}`,
		`--cpus ${s.containerCpus.value}`,
		`--pids-limit ${s.pids.value}`,
		...(s.shm ? [`--shm-size ${dockerSize(s.shm.value)}`] : []),
		...(s.gpu.value ? ['--gpus all'] : []),
	];
	return {
		desktop,
		vm,
		daemonJson,
		dockerRun: `docker run -d ${flags.join(' ')} IMAGE`,
		compose: stringify({services: {app: composeResources(s)}}, {lineWidth: 0}),
	};
}

/** The compose keys that carry the recommendation: used by the snippet and by generate-compose. */
export function composeResources(s: Settings): Record<string, unknown> {
	return {
		deploy: {
			resources: {
				limits: {cpus: String(s.containerCpus.value), memory: dockerSize(s.containerMemory.value)},
				reservations: {
					cpus: String(s.containerCpusReservation.value),
					memory: dockerSize(s.containerMemoryReservation.value),
					...(s.gpu.value ? {devices: [{driver: 'nvidia', count: 'all', capabilities: ['gpu']}]} : {}),
				},
			},
		},
		// Without it Docker lets a container swap as much again as its memory limit.
		memswap_limit: dockerSize(s.containerMemorySwap.value),
		...(s.shm ? {shm_size: dockerSize(s.shm.value)} : {}),
		pids_limit: s.pids.value,
	};
}

/** recommend's Result: the recommendation, and what was measured to make it. */
export interface RecommendResult extends Recommendation {
	readonly endpoint: EndpointFacts | null;
	/** What was measured, so the numbers can be checked against `docker info` and `free`. */
	readonly measured: {
		readonly host: {readonly memory: number; readonly cpus: number; readonly swap: number; readonly platform: string; readonly wsl: boolean};
		readonly engine: {
			readonly version: string;
			readonly memory: number;
			readonly cpus: number;
			readonly desktop: boolean;
			readonly operatingSystem: string;
		} | null;
	};
}
