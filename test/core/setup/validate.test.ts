import {describe, expect, it} from 'vitest';
import type {SetupFacts} from '../../../source/core/setup/facts.js';
import {diskUsageFrom, engineFactsFrom} from '../../../source/core/setup/from-engine.js';
import {endOfLife} from '../../../source/core/setup/engine-lifecycle.js';
import {PROFILES} from '../../../source/core/setup/profiles.js';
import {dataRootFileSystem, runChecks, summarize} from '../../../source/core/setup/validate.js';
import {engineFacts, GiB} from './machines.js';

function facts(
	over: {engine?: Partial<NonNullable<SetupFacts['engine']>> | null; host?: Partial<SetupFacts['host']>; rest?: Partial<SetupFacts>} = {},
): SetupFacts {
	const engine =
		over.engine === null
			? null
			: engineFacts({
					version: '28.3.0',
					apiVersion: '1.51',
					operatingSystem: 'Ubuntu 24.04 LTS',
					kernel: '6.8.0',
					memTotal: 32 * GiB,
					cpus: 16,
					...over.engine,
				});
	return {
		endpoint: {host: 'unix:///var/run/docker.sock', source: 'default', why: 'default', transport: 'unix'},
		engine,
		engineError: engine ? null : {code: 'ENGINE_UNREACHABLE', message: 'Cannot reach the Docker Engine', hint: 'Start it'},
		diskUsage: {
			images: {size: 5 * GiB, reclaimable: 1 * GiB, count: 3},
			containers: {size: 0, reclaimable: 0, count: 0},
			volumes: {size: 0, reclaimable: 0, count: 0},
			buildCache: {size: 0, reclaimable: 0, count: 0},
		},
		socket: {path: '/var/run/docker.sock', exists: true, accessible: true, mode: '0660', group: 'docker'},
		daemonConfig: {path: '/etc/docker/daemon.json', logOpts: {'max-size': '10m', 'max-file': '3'}},
		host: {
			memory: {total: 32 * GiB, available: 20 * GiB, swapTotal: 8 * GiB},
			cpus: {logical: 16, physical: 8, brand: 'Test CPU'},
			fileSystems: [
				{mount: '/', size: 500 * GiB, available: 300 * GiB, type: 'ext4'},
				{mount: '/var/lib/docker', size: 100 * GiB, available: 15 * GiB, type: 'xfs'},
				{mount: '/var', size: 200 * GiB, available: 190 * GiB, type: 'ext4'},
			],
			gpus: [],
			os: {platform: 'linux', distro: 'Ubuntu', release: '24.04', kernel: '6.8.0', arch: 'x64', wsl: false},
			shm: 16 * GiB,
			...over.host,
		},
		today: '2026-11-22',
		...over.rest,
	};
}

const status = (f: SetupFacts, id: string, profile = PROFILES.ai) => runChecks(f, profile).find((c) => c.id === id)!;

describe('validate checks', () => {
	it('matches the data root to the longest mount prefix, not /', () => {
		expect(dataRootFileSystem(facts())?.mount).toBe('/var/lib/docker');
		const c = status(facts(), 'disk.data-root');
		expect(c.status).toBe('fail'); // 15 GiB < 20 GiB on the data-root disk, although / has 300 GiB
		expect(c.measured).toContain('/var/lib/docker');
	});

	it.each([
		[4 * GiB, 'fail'],
		[12 * GiB, 'warn'],
		[16 * GiB, 'ok'],
	])('host memory %d bytes → %s under the ai profile', (total, expected) => {
		expect(status(facts({host: {memory: {total, available: total, swapTotal: 8 * GiB}}}), 'host.memory').status).toBe(expected);
	});

	it('the general profile is lighter', () => {
		const f = facts({host: {memory: {total: 6 * GiB, available: 6 * GiB, swapTotal: 8 * GiB}, cpus: {logical: 4, physical: 4, brand: ''}}});
		expect(status(f, 'host.memory', PROFILES.ai).status).toBe('fail');
		expect(status(f, 'host.memory', PROFILES.general).status).toBe('ok');
		expect(status(f, 'host.shm', PROFILES.general).status).toBe('skip');
	});

	it.each([
		[2, 'fail'],
		[6, 'warn'],
		[8, 'ok'],
	])('%d cores → %s', (logical, expected) => {
		expect(status(facts({host: {cpus: {logical, physical: logical, brand: ''}}}), 'host.cpus').status).toBe(expected);
	});

	it('no swap is a warning with the command to add it', () => {
		const c = status(facts({host: {memory: {total: 32 * GiB, available: 1, swapTotal: 0}}}), 'host.swap');
		expect(c.status).toBe('warn');
		expect(c.hint).toContain('swapon');
	});

	it('an unreachable engine fails one check and skips the engine-dependent ones', () => {
		const checks = runChecks(facts({engine: null}), PROFILES.ai);
		expect(checks.find((c) => c.id === 'engine.reachable')!.status).toBe('fail');
		for (const id of ['engine.version', 'engine.resources', 'engine.logging', 'engine.storage-driver', 'disk.data-root']) {
			expect(checks.find((c) => c.id === id)!.status).toBe('skip');
		}
		// Host checks still run.
		expect(checks.find((c) => c.id === 'host.memory')!.status).toBe('ok');
	});

	it('warns on engine versions past end of life, not on current ones', () => {
		expect(status(facts({engine: {version: '20.10.24+dfsg1'}}), 'engine.version').status).toBe('warn');
		expect(status(facts({engine: {version: '28.3.0'}}), 'engine.version').status).toBe('ok');
		expect(endOfLife('17.06.2-ce')).toBeDefined();
		expect(endOfLife('26.1.4')?.major).toBe('26.1');
		expect(endOfLife('29.0.1')).toBeUndefined();
	});

	it('an inaccessible socket fails with the docker group hint', () => {
		const c = status(facts({rest: {socket: {path: '/var/run/docker.sock', exists: true, accessible: false, mode: '0660', group: 'docker'}}}), 'engine.socket');
		expect(c.status).toBe('fail');
		expect(c.hint).toContain('usermod -aG docker');
	});

	it('GPU: skip without NVIDIA, fail when present but unusable, ok with the runtime or CDI', () => {
		const gpu = [{vendor: 'NVIDIA Corporation', model: 'NVIDIA A10G', vram: 24576}];
		expect(status(facts(), 'gpu').status).toBe('skip');
		expect(status(facts({host: {gpus: [{vendor: 'Intel', model: 'UHD 630', vram: null}]}}), 'gpu').status).toBe('skip');
		const unusable = status(facts({host: {gpus: gpu}}), 'gpu');
		expect(unusable.status).toBe('fail');
		expect(unusable.hint).toContain('nvidia-ctk');
		expect(status(facts({host: {gpus: gpu}, engine: {runtimes: ['nvidia', 'runc']}}), 'gpu').status).toBe('ok');
		expect(status(facts({host: {gpus: gpu}, engine: {cdiSpecDirs: ['/etc/cdi', '/var/run/cdi']}}), 'gpu').status).toBe('ok');
	});

	it('json-file without max-size warns; with it or with the local driver it passes', () => {
		expect(status(facts({rest: {daemonConfig: null}}), 'engine.logging').status).toBe('warn');
		expect(status(facts({rest: {daemonConfig: {path: '/etc/docker/daemon.json', logOpts: {'max-file': '3'}}}}), 'engine.logging').status).toBe('warn');
		expect(status(facts(), 'engine.logging').status).toBe('ok');
		expect(status(facts({engine: {loggingDriver: 'local'}, rest: {daemonConfig: null}}), 'engine.logging').status).toBe('ok');
	});

	it('storage drivers: overlay2 ok, vfs and devicemapper warn', () => {
		expect(status(facts(), 'engine.storage-driver').status).toBe('ok');
		expect(status(facts({engine: {storageDriver: 'vfs'}}), 'engine.storage-driver').status).toBe('warn');
		expect(status(facts({engine: {storageDriver: 'devicemapper'}}), 'engine.storage-driver').status).toBe('warn');
	});

	it('cgroup v1 warns; v2 with systemd passes', () => {
		expect(status(facts({engine: {cgroupVersion: '1', cgroupDriver: 'cgroupfs'}}), 'engine.cgroup').status).toBe('warn');
		expect(status(facts(), 'engine.cgroup').status).toBe('ok');
	});

	it('Docker Desktop: resources are the VM, disk is not matched to host file systems', () => {
		const f = facts({engine: {desktop: true, operatingSystem: 'Docker Desktop', memTotal: 4 * GiB, cpus: 4}});
		const res = status(f, 'engine.resources');
		expect(res.status).toBe('fail');
		expect(res.measured).toContain("Docker Desktop's VM");
		expect(res.hint).toContain('Settings → Resources');
		expect(status(f, 'disk.data-root').status).toBe('skip');
	});

	it('rootless engines are reported as such', () => {
		expect(status(facts({engine: {rootless: true}}), 'engine.mode').measured).toContain('rootless');
	});

	it('large reclaimable space warns with the prune command', () => {
		const f = facts({
			rest: {
				diskUsage: {
					images: {size: 40 * GiB, reclaimable: 30 * GiB, count: 50},
					containers: {size: 0, reclaimable: 0, count: 0},
					volumes: {size: 0, reclaimable: 0, count: 0},
					buildCache: {size: 5 * GiB, reclaimable: 5 * GiB, count: 9},
				},
			},
		});
		const c = status(f, 'engine.disk-usage');
		expect(c.status).toBe('warn');
		expect(c.hint).toContain('docker system prune');
	});

	it('small shared memory warns under the ai profile', () => {
		expect(status(facts({host: {shm: 64 * 1024 ** 2}}), 'host.shm').status).toBe('warn');
		expect(status(facts(), 'host.shm').status).toBe('ok');
	});

	it('every check has an id, title, measured and expected; fail and warn have a hint', () => {
		const checks = runChecks(facts({engine: {version: '20.10.1', storageDriver: 'vfs'}, rest: {daemonConfig: null}}), PROFILES.ai);
		expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
		for (const c of checks) {
			expect(c.title && c.measured && c.expected).toBeTruthy();
			if (c.status === 'warn' || c.status === 'fail') expect(c.hint).not.toBe('');
		}
		const s = summarize(checks);
		expect(s.ok + s.warn + s.fail + s.skip).toBe(checks.length);
	});
});

describe('facts from the engine', () => {
	it('detects Docker Desktop, rootless and runtimes from /info', () => {
		const e = engineFactsFrom(
			{
				OperatingSystem: 'Docker Desktop',
				MemTotal: 8 * GiB,
				NCPU: 4,
				Driver: 'overlay2',
				SecurityOptions: ['name=seccomp,profile=unconfined', 'name=rootless'],
				Runtimes: {runc: {}, nvidia: {}},
				CDISpecDirs: ['/etc/cdi'],
			},
			{Version: '28.0.1', ApiVersion: '1.48'},
		);
		expect(e).toMatchObject({desktop: true, rootless: true, runtimes: ['nvidia', 'runc'], cdiSpecDirs: ['/etc/cdi'], memTotal: 8 * GiB, cpus: 4});
	});

	it('computes reclaimable disk like docker system df', () => {
		const du = diskUsageFrom({
			Images: [
				{Size: 100, SharedSize: 0, Containers: 1},
				{Size: 50, SharedSize: 0, Containers: 0},
			],
			Containers: [
				{SizeRw: 10, State: 'running'},
				{SizeRw: 7, State: 'exited'},
			],
			Volumes: [{UsageData: {Size: 30, RefCount: 0}}, {UsageData: {Size: 5, RefCount: 1}}],
			BuildCache: [
				{Size: 20, InUse: false},
				{Size: 3, InUse: true},
			],
		});
		expect(du.images).toEqual({size: 150, reclaimable: 50, count: 2});
		expect(du.containers).toEqual({size: 17, reclaimable: 7, count: 2});
		expect(du.volumes).toEqual({size: 35, reclaimable: 30, count: 2});
		expect(du.buildCache).toEqual({size: 23, reclaimable: 20, count: 2});
	});
});

describe('a remote engine is judged from its own facts, never from this host', () => {
	const remote = (engine: Partial<NonNullable<SetupFacts['engine']>> | null, transport: 'ssh' | 'tcp' = 'ssh') =>
		facts({
			engine,
			// A laptop with a GPU, lots of RAM and swap: none of it may count for the server.
			host: {
				memory: {total: 64 * GiB, available: 40 * GiB, swapTotal: 16 * GiB},
				cpus: {logical: 16, physical: 8, brand: 'Laptop CPU'},
				gpus: [{vendor: 'NVIDIA Corporation', model: 'NVIDIA GeForce RTX 4090', vram: 24564}],
			},
			rest: {endpoint: {host: `${transport}://build-box`, source: 'env', why: 'DOCKER_HOST is set', transport}, socket: null, daemonConfig: null},
		});
	const byId = (f: SetupFacts) => new Map(runChecks(f, PROFILES.ai).map((c) => [c.id, c]));

	it.each(['ssh', 'tcp'] as const)("%s: memory and CPUs are the engine machine's (docker info), swap, disk and shm are skipped as local-only", (transport) => {
		const c = byId(remote({memTotal: 4 * GiB, cpus: 2}, transport));
		expect(c.get('host.memory')).toMatchObject({status: 'fail', title: "Memory of the engine's machine"});
		expect(c.get('host.memory')!.measured).toBe("4 GiB on the engine's machine, from docker info");
		expect(c.get('host.cpus')).toMatchObject({status: 'fail', measured: "2 CPUs on the engine's machine, from docker info"});
		for (const id of ['host.swap', 'disk.data-root', 'host.shm']) {
			expect(c.get(id)?.status, id).toBe('skip');
			expect(c.get(id)?.measured, id).toContain('local-only check skipped');
		}
		// The laptop's GPU is not the server's: without a GPU runtime on the engine, nothing to grade.
		expect(c.get('gpu')?.status).toBe('skip');
		expect(c.get('gpu')?.measured).toContain('the engine has no nvidia runtime');
	});

	it('a big remote engine passes although this host is small', () => {
		const f = remote({memTotal: 128 * GiB, cpus: 32, runtimes: ['runc', 'nvidia']});
		const small = {
			...f,
			host: {...f.host, memory: {total: 2 * GiB, available: 1 * GiB, swapTotal: 0}, cpus: {logical: 1, physical: 1, brand: 'tiny'}, gpus: []},
		};
		const c = byId(small);
		expect(c.get('host.memory')?.status).toBe('ok');
		expect(c.get('host.cpus')?.status).toBe('ok');
		expect(c.get('gpu')).toMatchObject({status: 'ok', measured: 'the engine has the nvidia runtime'});
	});

	it('an unreachable remote engine grades nothing of this host', () => {
		const c = byId(remote(null));
		for (const id of ['host.memory', 'host.cpus', 'gpu']) expect(c.get(id)?.status, id).toBe('skip');
		expect(c.get('host.swap')?.status).toBe('skip');
	});
});
