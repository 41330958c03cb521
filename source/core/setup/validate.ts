/** The validate checks: pure functions from SetupFacts and a Profile to check results. */
import {formatBytes} from '../units.js';
import {endOfLife, LIFECYCLE_AS_OF} from './engine-lifecycle.js';
import {isNvidia, type EndpointFacts, type SetupFacts} from './facts.js';
import type {Profile} from './profiles.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
	readonly id: string;
	readonly title: string;
	readonly status: CheckStatus;
	/** What was measured, in words a person reads. */
	readonly measured: string;
	/** What the profile expects. */
	readonly expected: string;
	/** Exactly what to change; empty when nothing needs changing. */
	readonly hint: string;
}

type Check = (facts: SetupFacts, profile: Profile) => CheckResult;

const needsEngine = (id: string, title: string, expected: string): CheckResult => ({
	id,
	title,
	status: 'skip',
	measured: 'engine not reachable',
	expected,
	hint: 'Fix the engine connection first (see engine.reachable).',
});

/** Where Docker's data lives: the file system whose mount is the longest prefix of the data root. */
export function dataRootFileSystem(facts: SetupFacts): SetupFacts['host']['fileSystems'][number] | undefined {
	const root = facts.engine?.dockerRootDir;
	if (!root) return undefined;
	let best: SetupFacts['host']['fileSystems'][number] | undefined;
	for (const fs of facts.host.fileSystems) {
		const mount = fs.mount.endsWith('/') ? fs.mount : `${fs.mount}/`;
		if ((root === fs.mount || `${root}/`.startsWith(mount)) && (!best || fs.mount.length > best.mount.length)) best = fs;
	}
	return best;
}

/** True when the engine runs on this host, so host file systems and daemon.json are its own. */
export function engineIsLocal(facts: SetupFacts): boolean {
	return facts.endpoint?.transport === 'unix' && facts.engine !== null && !facts.engine.desktop;
}

/**
 * True when the engine is reached over the network (ssh://, tcp://) and is not Docker Desktop: its
 * machine is judged from the engine's own facts (docker info), never from this host's hardware.
 * Also true while such an engine does not answer, so the laptop is not graded for the server.
 */
export function engineIsRemote(facts: SetupFacts): boolean {
	const t = facts.endpoint?.transport;
	return (t === 'ssh' || t === 'tcp') && !facts.engine?.desktop;
}

const REMOTE_NOTE = "the engine's machine, from docker info";

const threshold = (value: number, min: number, recommended: number): CheckStatus => (value < min ? 'fail' : value < recommended ? 'warn' : 'ok');

export const CHECKS: readonly Check[] = [
	(f) => {
		const ep = f.endpoint;
		const where = ep ? `${ep.host} (${ep.why})` : 'no endpoint';
		if (f.engine)
			return {
				id: 'engine.reachable',
				title: 'Docker Engine reachable',
				status: 'ok',
				measured: `Docker ${f.engine.version} at ${where}`,
				expected: 'an engine that answers',
				hint: '',
			};
		return {
			id: 'engine.reachable',
			title: 'Docker Engine reachable',
			status: 'fail',
			measured: f.engineError?.message ?? `no answer from ${where}`,
			expected: 'an engine that answers',
			hint: f.engineError?.hint ?? 'Start the Docker daemon.',
		};
	},
	(f) => {
		if (!f.engine) return needsEngine('engine.version', 'Engine version', 'a maintained release');
		const eol = endOfLife(f.engine.version);
		if (eol) {
			return {
				id: 'engine.version',
				title: 'Engine version',
				status: 'warn',
				measured: `${f.engine.version} (API ${f.engine.apiVersion}); ${eol.major} reached upstream end of life ${eol.ended}`,
				expected: `a maintained release (lifecycle data as of ${LIFECYCLE_AS_OF})`,
				hint: 'Upgrade Docker Engine (https://docs.docker.com/engine/install/). Distribution packages may carry backported security fixes, but not new features.',
			};
		}
		return {
			id: 'engine.version',
			title: 'Engine version',
			status: 'ok',
			measured: `${f.engine.version} (API ${f.engine.apiVersion})`,
			expected: `a maintained release (lifecycle data as of ${LIFECYCLE_AS_OF})`,
			hint: '',
		};
	},
	(f) => {
		const s = f.socket;
		if (!s)
			return {
				id: 'engine.socket',
				title: 'Socket permission',
				status: 'skip',
				measured: f.endpoint ? `${f.endpoint.transport} endpoint, no local socket` : 'no endpoint',
				expected: 'read and write access to the socket',
				hint: '',
			};
		if (!s.exists)
			return {
				id: 'engine.socket',
				title: 'Socket permission',
				status: 'fail',
				measured: `${s.path} does not exist`,
				expected: 'a socket you can read and write',
				hint: 'Start the daemon (sudo systemctl start docker), or point DOCKER_HOST at the socket your engine uses.',
			};
		if (!s.accessible) {
			return {
				id: 'engine.socket',
				title: 'Socket permission',
				status: 'fail',
				measured: `${s.path} is not writable by you${s.mode ? ` (mode ${s.mode}${s.group ? `, group ${s.group}` : ''})` : ''}`,
				expected: 'read and write access to the socket',
				hint: `Add yourself to the ${s.group ?? 'docker'} group: sudo usermod -aG ${s.group ?? 'docker'} $USER (then log in again), or use rootless Docker (DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock).`,
			};
		}
		return {
			id: 'engine.socket',
			title: 'Socket permission',
			status: 'ok',
			measured: `${s.path} readable and writable${s.mode ? ` (mode ${s.mode})` : ''}`,
			expected: 'read and write access to the socket',
			hint: '',
		};
	},
	(f, p) => {
		const expected = `at least ${formatBytes(p.memory.min)}, ${formatBytes(p.memory.recommended)}+ recommended`;
		if (engineIsRemote(f) && !f.engine) return needsEngine('host.memory', "Memory of the engine's machine", expected);
		const total = engineIsRemote(f) ? f.engine!.memTotal : f.host.memory.total;
		return {
			id: 'host.memory',
			title: engineIsRemote(f) ? "Memory of the engine's machine" : 'Host memory',
			status: threshold(total, p.memory.min, p.memory.recommended),
			measured: engineIsRemote(f) ? `${formatBytes(total)} on ${REMOTE_NOTE}` : formatBytes(total),
			expected,
			hint:
				total < p.memory.recommended
					? `Models and their data loaders need headroom: use a machine with ${formatBytes(p.memory.recommended)} or more, or run smaller models and set per-container limits (docker-helper recommend).`
					: '',
		};
	},
	(f, p) => {
		const expected = `at least ${p.cpus.min}, ${p.cpus.recommended}+ recommended`;
		const remote = engineIsRemote(f);
		if (remote && !f.engine) return needsEngine('host.cpus', "CPUs of the engine's machine", expected);
		const n = remote ? f.engine!.cpus : f.host.cpus.logical;
		return {
			id: 'host.cpus',
			title: remote ? "CPUs of the engine's machine" : 'Host CPU cores',
			status: threshold(n, p.cpus.min, p.cpus.recommended),
			measured: remote ? `${n} CPUs on ${REMOTE_NOTE}` : `${n} logical (${f.host.cpus.physical} physical)${f.host.cpus.brand ? `, ${f.host.cpus.brand}` : ''}`,
			expected,
			hint:
				n < p.cpus.recommended
					? `Use a machine with ${p.cpus.recommended}+ cores for ${p.title}; with fewer, limit concurrency (workers, threads) to the cores you have.`
					: '',
		};
	},
	(f, p) => {
		if (engineIsRemote(f)) {
			return {
				id: 'host.swap',
				title: 'Swap',
				status: 'skip',
				measured: 'local-only check skipped: the engine is on another machine and docker info does not report its swap',
				expected: `${formatBytes(p.swap.recommended)}+ to absorb memory peaks`,
				hint: 'Check it on the engine host: free -h (or run docker-helper validate there).',
			};
		}
		const swap = f.host.memory.swapTotal;
		return {
			id: 'host.swap',
			title: 'Swap',
			status: swap < p.swap.recommended ? 'warn' : 'ok',
			measured: swap === 0 ? 'none' : formatBytes(swap),
			expected: `${formatBytes(p.swap.recommended)}+ to absorb memory peaks`,
			hint:
				swap < p.swap.recommended
					? `Without swap a short memory peak is an OOM kill. Consider a swap file (sudo fallocate -l ${formatBytes(p.swap.recommended).replace(' GiB', 'G')} /swapfile && sudo chmod 600 /swapfile && sudo mkswap /swapfile && sudo swapon /swapfile), and cap containers with --memory so swap is a cushion, not a habit.`
					: '',
		};
	},
	(f, p) => {
		const expected = `at least ${formatBytes(p.diskFree.min)} free, ${formatBytes(p.diskFree.recommended)}+ recommended`;
		if (!f.engine) return needsEngine('disk.data-root', 'Free disk for Docker data', expected);
		if (!engineIsLocal(f)) {
			return {
				id: 'disk.data-root',
				title: 'Free disk for Docker data',
				status: 'skip',
				measured: `data root ${f.engine.dockerRootDir} is on ${f.engine.desktop ? "Docker Desktop's VM" : 'another machine'}${f.engine.desktop ? '' : ': local-only check skipped, the API does not report free space'}`,
				expected,
				hint: f.engine.desktop
					? 'Check the virtual disk limit in Docker Desktop → Settings → Resources.'
					: `Check it on the engine host: df -h ${f.engine.dockerRootDir} (or run docker-helper validate there).`,
			};
		}
		const fs = dataRootFileSystem(f);
		if (!fs)
			return {
				id: 'disk.data-root',
				title: 'Free disk for Docker data',
				status: 'warn',
				measured: `no file system found for ${f.engine.dockerRootDir}`,
				expected,
				hint: `Check it by hand: df -h ${f.engine.dockerRootDir}`,
			};
		return {
			id: 'disk.data-root',
			title: 'Free disk for Docker data',
			status: threshold(fs.available, p.diskFree.min, p.diskFree.recommended),
			measured: `${formatBytes(fs.available)} free of ${formatBytes(fs.size)} on ${fs.mount} (data root ${f.engine.dockerRootDir})`,
			expected,
			hint:
				fs.available < p.diskFree.recommended
					? `Free space (docker system prune), or move the data root to a larger disk: "data-root" in /etc/docker/daemon.json, then restart the daemon.`
					: '',
		};
	},
	(f, p) => {
		const expected = `at least ${formatBytes(p.memory.min)} and ${p.cpus.min} CPUs available to containers`;
		if (!f.engine) return needsEngine('engine.resources', 'Resources the engine can use', expected);
		const mem = threshold(f.engine.memTotal, p.memory.min, p.memory.recommended);
		const cpu = threshold(f.engine.cpus, p.cpus.min, p.cpus.recommended);
		const status: CheckStatus = mem === 'fail' || cpu === 'fail' ? 'fail' : mem === 'warn' || cpu === 'warn' ? 'warn' : 'ok';
		const where = f.engine.desktop ? "Docker Desktop's VM" : 'the engine';
		return {
			id: 'engine.resources',
			title: 'Resources the engine can use',
			status,
			measured: `${formatBytes(f.engine.memTotal)} and ${f.engine.cpus} CPUs in ${where}`,
			expected,
			hint:
				status === 'ok'
					? ''
					: f.engine.desktop
						? 'Raise Memory and CPUs in Docker Desktop → Settings → Resources (see docker-helper configure).'
						: engineIsRemote(f)
							? 'The engine sees its whole machine: that machine itself is short (see host.memory and host.cpus).'
							: 'The engine sees the whole host here: the host itself is short (see host.memory and host.cpus).',
		};
	},
	(f) => {
		const expected = 'an NVIDIA GPU usable from containers (nvidia runtime or CDI), when one is present';
		if (engineIsRemote(f)) {
			// This host's GPUs say nothing about the engine's machine; the engine's runtimes and CDI directories do.
			if (!f.engine) return needsEngine('gpu', 'GPU for containers', expected);
			const runtime = f.engine.runtimes.includes('nvidia');
			const cdi = f.engine.cdiSpecDirs.length > 0;
			if (!runtime && !cdi)
				return {
					id: 'gpu',
					title: 'GPU for containers',
					status: 'skip',
					measured: 'the engine has no nvidia runtime and no CDI spec directories (its GPUs, if any, cannot be listed from here)',
					expected,
					hint: '',
				};
			return {
				id: 'gpu',
				title: 'GPU for containers',
				status: 'ok',
				measured: `the engine has ${runtime ? 'the nvidia runtime' : ''}${runtime && cdi ? ' and ' : ''}${cdi ? `CDI (${f.engine.cdiSpecDirs.join(', ')})` : ''}`,
				expected,
				hint: 'Test it: docker run --rm --gpus all nvidia/cuda:12.4.1-base-ubuntu22.04 nvidia-smi',
			};
		}
		const nvidia = f.host.gpus.filter(isNvidia);
		if (nvidia.length === 0)
			return {
				id: 'gpu',
				title: 'GPU for containers',
				status: 'skip',
				measured: f.host.gpus.length > 0 ? `no NVIDIA GPU (${f.host.gpus.map((g) => g.model || g.vendor).join(', ')})` : 'no GPU found',
				expected,
				hint: '',
			};
		if (!f.engine) return needsEngine('gpu', 'GPU for containers', expected);
		const runtime = f.engine.runtimes.includes('nvidia');
		const cdi = f.engine.cdiSpecDirs.length > 0;
		const names = nvidia.map((g) => g.model).join(', ');
		if (runtime || cdi)
			return {
				id: 'gpu',
				title: 'GPU for containers',
				status: 'ok',
				measured: `${names}; ${runtime ? 'nvidia runtime' : ''}${runtime && cdi ? ' and ' : ''}${cdi ? `CDI (${f.engine.cdiSpecDirs.join(', ')})` : ''}`,
				expected,
				hint: 'Test it: docker run --rm --gpus all nvidia/cuda:12.4.1-base-ubuntu22.04 nvidia-smi',
			};
		return {
			id: 'gpu',
			title: 'GPU for containers',
			status: 'fail',
			measured: `${names} present, but the engine has no nvidia runtime and no CDI spec directories`,
			expected,
			hint: 'Install the NVIDIA Container Toolkit, then: sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker',
		};
	},
	(f) => {
		if (!f.engine) return needsEngine('engine.storage-driver', 'Storage driver', 'overlay2 (or btrfs/zfs/fuse-overlayfs where chosen)');
		const d = f.engine.storageDriver;
		const good = ['overlay2', 'btrfs', 'zfs', 'fuse-overlayfs', 'windowsfilter', 'overlayfs', 'stargz'];
		if (good.includes(d))
			return {id: 'engine.storage-driver', title: 'Storage driver', status: 'ok', measured: d, expected: 'overlay2 or another copy-on-write driver', hint: ''};
		const why =
			d === 'vfs'
				? 'vfs copies every layer in full: slow builds and huge disk use'
				: d === 'devicemapper' || d === 'aufs'
					? `${d} is deprecated and removed from current engines`
					: `${d} is unusual`;
		return {
			id: 'engine.storage-driver',
			title: 'Storage driver',
			status: 'warn',
			measured: `${d}: ${why}`,
			expected: 'overlay2 or another copy-on-write driver',
			hint: 'Set "storage-driver": "overlay2" in /etc/docker/daemon.json (images must be pulled again), on a kernel and file system that support it (ext4 or xfs with d_type).',
		};
	},
	(f) => {
		if (!f.engine) return needsEngine('engine.cgroup', 'cgroup version and driver', 'cgroup v2');
		const v = f.engine.cgroupVersion;
		const d = f.engine.cgroupDriver;
		const measured = `cgroup v${v ?? '?'} with the ${d ?? 'unknown'} driver`;
		if (v === '1')
			return {
				id: 'engine.cgroup',
				title: 'cgroup version and driver',
				status: 'warn',
				measured,
				expected: 'cgroup v2',
				hint: 'cgroup v1 is deprecated and its memory accounting is less precise. Boot with systemd.unified_cgroup_hierarchy=1 (most current distributions default to v2).',
			};
		if (v === '2' && d === 'cgroupfs' && f.host.os.platform === 'linux' && engineIsLocal(f)) {
			return {
				id: 'engine.cgroup',
				title: 'cgroup version and driver',
				status: 'warn',
				measured,
				expected: 'cgroup v2 with the systemd driver on systemd hosts',
				hint: 'With systemd as init, two cgroup managers can disagree under pressure: set "exec-opts": ["native.cgroupdriver=systemd"] in daemon.json.',
			};
		}
		return {id: 'engine.cgroup', title: 'cgroup version and driver', status: v ? 'ok' : 'skip', measured, expected: 'cgroup v2', hint: ''};
	},
	(f) => {
		if (!f.engine) return needsEngine('engine.logging', 'Log rotation', 'a logging driver that rotates');
		const driver = f.engine.loggingDriver;
		const expected = 'json-file with max-size (and max-file), or the local driver';
		if (driver === 'local')
			return {id: 'engine.logging', title: 'Log rotation', status: 'ok', measured: 'local driver (rotates by default: 20 MiB × 5 files)', expected, hint: ''};
		if (driver !== 'json-file')
			return {id: 'engine.logging', title: 'Log rotation', status: 'ok', measured: `${driver} driver (rotation is that system's job)`, expected, hint: ''};
		const opts = f.daemonConfig?.logOpts;
		if (opts?.['max-size'])
			return {
				id: 'engine.logging',
				title: 'Log rotation',
				status: 'ok',
				measured: `json-file, max-size ${opts['max-size']}${opts['max-file'] ? `, max-file ${opts['max-file']}` : ''} (${f.daemonConfig!.path})`,
				expected,
				hint: '',
			};
		const where = f.daemonConfig
			? `no max-size in ${f.daemonConfig.path}`
			: engineIsLocal(f)
				? 'no daemon.json with log-opts found'
				: 'log options of a remote engine cannot be read';
		return {
			id: 'engine.logging',
			title: 'Log rotation',
			status: 'warn',
			measured: `json-file without rotation (${where})`,
			expected,
			hint: 'Logs grow until the disk is full. In /etc/docker/daemon.json set "log-driver": "json-file", "log-opts": {"max-size": "10m", "max-file": "3"} and restart the daemon (applies to new containers).',
		};
	},
	(f) => {
		if (!f.engine) return needsEngine('engine.mode', 'Engine mode', 'rootful or rootless, Docker Desktop or not');
		const parts = [
			f.engine.rootless ? 'rootless' : 'rootful',
			f.engine.desktop ? 'Docker Desktop' : f.engine.operatingSystem,
			`default runtime ${f.engine.defaultRuntime ?? 'runc'}`,
		];
		return {
			id: 'engine.mode',
			title: 'Engine mode',
			status: 'ok',
			measured: parts.join(', '),
			expected: 'informational',
			hint: f.engine.rootless ? 'Rootless: ports below 1024 need net.ipv4.ip_unprivileged_port_start, and --memory limits need cgroup v2 with delegation.' : '',
		};
	},
	(f, p) => {
		const expected = p.shm ? `at least ${formatBytes(p.shm.min)} of shared memory for --shm-size` : 'not checked for this profile';
		if (!p.shm) return {id: 'host.shm', title: 'Shared memory', status: 'skip', measured: 'not needed for this profile', expected, hint: ''};
		const shm = f.host.shm;
		if (!engineIsLocal(f))
			return {
				id: 'host.shm',
				title: 'Shared memory',
				status: 'skip',
				measured: 'local-only check skipped: the engine is not on this host',
				expected,
				hint: 'Containers get 64 MiB of /dev/shm by default: pass --shm-size (compose: shm_size) for data loaders.',
			};
		if (shm === null)
			return {
				id: 'host.shm',
				title: 'Shared memory',
				status: 'warn',
				measured: 'no /dev/shm found',
				expected,
				hint: 'Mount a tmpfs on /dev/shm; containers get 64 MiB by default and need --shm-size for PyTorch data loaders.',
			};
		return {
			id: 'host.shm',
			title: 'Shared memory',
			status: shm < p.shm.min ? 'warn' : 'ok',
			measured: `/dev/shm ${formatBytes(shm)} on the host (containers get 64 MiB unless --shm-size is set)`,
			expected,
			hint:
				shm < p.shm.min
					? `Grow it: sudo mount -o remount,size=${Math.ceil(p.shm.min / 1024 ** 3)}G /dev/shm, and give AI containers --shm-size=${Math.ceil(p.shm.min / 1024 ** 3)}g.`
					: 'Give AI containers --shm-size (compose: shm_size); the 64 MiB default breaks multi-worker data loaders.',
		};
	},
	(f, p) => {
		const expected = `less than ${formatBytes(p.reclaimableWarn)} reclaimable`;
		if (!f.engine) return needsEngine('engine.disk-usage', 'Docker disk usage', expected);
		const du = f.diskUsage;
		if (!du)
			return {
				id: 'engine.disk-usage',
				title: 'Docker disk usage',
				status: 'skip',
				measured: 'the engine did not report disk usage',
				expected,
				hint: 'docker system df',
			};
		const used = du.images.size + du.containers.size + du.volumes.size + du.buildCache.size;
		const reclaimable = du.images.reclaimable + du.containers.reclaimable + du.volumes.reclaimable + du.buildCache.reclaimable;
		const measured = `${formatBytes(used)} used (images ${formatBytes(du.images.size)}, containers ${formatBytes(du.containers.size)}, volumes ${formatBytes(du.volumes.size)}, build cache ${formatBytes(du.buildCache.size)}); ${formatBytes(reclaimable)} reclaimable`;
		const big = reclaimable >= p.reclaimableWarn;
		return {
			id: 'engine.disk-usage',
			title: 'Docker disk usage',
			status: big ? 'warn' : 'ok',
			measured,
			expected,
			hint: big
				? 'Reclaim it: docker system prune (stopped containers, dangling images, build cache); add -a for unused images and --volumes only if no volume holds data you need. See: docker system df -v'
				: '',
		};
	},
];

export interface ValidateSummary {
	readonly ok: number;
	readonly warn: number;
	readonly fail: number;
	readonly skip: number;
}

export function runChecks(facts: SetupFacts, profile: Profile): CheckResult[] {
	return CHECKS.map((check) => check(facts, profile));
}

export function summarize(checks: readonly CheckResult[]): ValidateSummary {
	const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
	return {ok: count('ok'), warn: count('warn'), fail: count('fail'), skip: count('skip')};
}

/** validate's Result: the checks run against one profile, and how they add up. */
export interface ValidateResult {
	readonly profile: Profile['id'];
	readonly strict: boolean;
	readonly endpoint: EndpointFacts | null;
	readonly checks: readonly CheckResult[];
	readonly summary: ValidateSummary;
	/** Engine connection failed: exit code 3 even though the checks ran. */
	readonly engineUnreachable: boolean;
}
