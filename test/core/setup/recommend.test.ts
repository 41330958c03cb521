import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {cpuReserve, dockerSize, hasFailure, hostReserve, recommend, roundMemory} from '../../../source/core/setup/recommend.js';
import {WORKLOAD_IDS, WORKLOADS} from '../../../source/core/setup/workloads.js';
import {facts, GiB, RTX, type Shape} from './machines.js';

const MiB = 1024 ** 2;
const rec = (shape: Shape, workload: keyof typeof WORKLOADS) => recommend(facts(shape), WORKLOADS[workload]);
const ids = (r: ReturnType<typeof rec>) => r.findings.map((f) => `${f.severity}:${f.id}`);

describe('recommend: machine shapes', () => {
	it.each([
		// name, shape, workload, docker memory, docker CPUs, container memory, container CPUs, shm (null: default)
		['8 GiB / 4 cores, inference', {memory: 8 * GiB, cpus: 4}, 'ai-inference', 4 * GiB, 3, 3 * GiB, 3, 1 * GiB],
		['tiny laptop 4 GiB / 2 cores, web', {memory: 4 * GiB, cpus: 2}, 'web', 2 * GiB, 2, 512 * MiB, 1, null],
		[
			'64 GiB / 16 cores + GPU, inference',
			{memory: 64 * GiB, cpus: 16, gpus: [RTX], engine: {runtimes: ['nvidia', 'runc']}},
			'ai-inference',
			32 * GiB,
			14,
			24 * GiB,
			14,
			3 * GiB,
		],
		[
			'64 GiB / 16 cores + GPU, training',
			{memory: 64 * GiB, cpus: 16, gpus: [RTX], engine: {runtimes: ['nvidia', 'runc']}},
			'ai-training',
			32 * GiB,
			14,
			27 * GiB,
			14,
			6 * GiB,
		],
		['512 GiB / 64 cores, web: Docker memory capped', {memory: 512 * GiB, cpus: 64}, 'web', 16 * GiB, 62, 2 * GiB, 31, null],
		['256 GiB, inference: capped at 64 GiB', {memory: 256 * GiB, cpus: 32}, 'ai-inference', 64 * GiB, 30, 48 * GiB, 30, 6 * GiB],
		['2 GiB VPS, web', {memory: 2 * GiB, cpus: 1}, 'web', 1 * GiB, 1, 256 * MiB, 0.5, null],
		['6 GiB, inference: half is below the minimum, so the minimum', {memory: 6 * GiB, cpus: 2}, 'ai-inference', 4 * GiB, 2, 3 * GiB, 2, 1 * GiB],
	] as const)('%s', (_name, shape, workload, dockerMemory, dockerCpus, containerMemory, containerCpus, shm) => {
		const r = rec(shape, workload);
		expect(r.feasible).toBe(true);
		expect(r.settings!.dockerMemory.value).toBe(dockerMemory);
		expect(r.settings!.dockerCpus.value).toBe(dockerCpus);
		expect(r.settings!.containerMemory.value).toBe(containerMemory);
		expect(r.settings!.containerCpus.value).toBe(containerCpus);
		expect(r.settings!.shm?.value ?? null).toBe(shm);
		expect(r.settings!.pids.value).toBe(WORKLOADS[workload].container.pids);
		// Every number carries its reason.
		for (const n of Object.values(r.settings!)) if (n) expect(n.reason.length).toBeGreaterThan(10);
	});

	it.each([
		['tiny laptop 4 GiB, inference', {memory: 4 * GiB, cpus: 2}, 'ai-inference', 'memory.minimum'],
		['8 GiB / 4 cores, training', {memory: 8 * GiB, cpus: 4}, 'ai-training', 'memory.minimum'],
		['24 GiB / 2 cores, training', {memory: 24 * GiB, cpus: 2}, 'ai-training', 'cpus.minimum'],
		['1 GiB, web', {memory: 1 * GiB, cpus: 1}, 'web', 'memory.minimum'],
		['10 GiB free disk, inference', {memory: 32 * GiB, cpus: 8, diskFree: 10 * GiB}, 'ai-inference', 'disk.minimum'],
		[
			'remote 4 GiB engine on a big laptop, inference',
			{memory: 4 * GiB, cpus: 2, transport: 'tcp', engine: {memTotal: 4 * GiB}},
			'ai-inference',
			'memory.minimum',
		],
	] as const)('refuses the impossible: %s', (_name, shape, workload, finding) => {
		const r = rec(shape, workload);
		expect(r.feasible).toBe(false);
		expect(hasFailure(r)).toBe(true);
		expect(r.settings).toBeNull();
		expect(r.apply).toBeNull();
		expect(ids(r)).toContain(`fail:${finding}`);
	});

	it('8 GiB / 4 cores: feasible, but says what is tight', () => {
		const r = rec({memory: 8 * GiB, cpus: 4}, 'ai-inference');
		expect(ids(r)).toEqual(expect.arrayContaining(['warn:memory.comfortable', 'info:cpus.comfortable', 'info:host.swap']));
		expect(r.settings!.containerMemoryReservation.value).toBe(1.5 * GiB);
		expect(r.settings!.containerMemorySwap.value).toBe(3 * GiB); // no swap inside an inference container
		expect(r.apply!.dockerRun).toBe('docker run -d --memory 3g --memory-reservation 1536m --memory-swap 3g --cpus 3 --pids-limit 1024 --shm-size 1g IMAGE');
		expect(r.apply!.desktop).toBeNull();
	});

	it('GPU with the nvidia runtime is reserved in every rendering; without the runtime it is not, and says why', () => {
		const withRuntime = rec({memory: 64 * GiB, cpus: 16, gpus: [RTX], engine: {runtimes: ['nvidia', 'runc']}}, 'ai-inference');
		expect(withRuntime.settings!.gpu.value).toBe(true);
		expect(withRuntime.apply!.dockerRun).toContain('--gpus all');
		const compose = parse(withRuntime.apply!.compose) as any;
		expect(compose.services.app.deploy.resources.reservations.devices).toEqual([{driver: 'nvidia', count: 'all', capabilities: ['gpu']}]);

		const noRuntime = rec({memory: 64 * GiB, cpus: 16, gpus: [RTX]}, 'ai-inference');
		expect(noRuntime.settings!.gpu.value).toBe(false);
		expect(noRuntime.settings!.gpu.reason).toContain('NVIDIA Container Toolkit');
		expect(ids(noRuntime)).toContain('warn:gpu.runtime');
		expect(noRuntime.apply!.dockerRun).not.toContain('--gpus');

		const cdi = rec({memory: 64 * GiB, cpus: 16, gpus: [RTX], engine: {cdiSpecDirs: ['/etc/cdi']}}, 'ai-training');
		expect(cdi.settings!.gpu.value).toBe(true);
		expect(rec({memory: 64 * GiB, cpus: 16, gpus: [RTX], engine: {runtimes: ['nvidia']}}, 'web').settings!.gpu.value).toBe(false);
	});

	it('reasons say when a cap or the minimum decided the number', () => {
		expect(rec({memory: 24 * GiB, cpus: 2}, 'web').settings!.containerMemory.reason).toContain('capped at 2 GiB');
		expect(rec({memory: 8 * GiB, cpus: 4}, 'web').settings!.containerMemory.reason).not.toContain('capped');
		expect(rec({memory: 512 * GiB, cpus: 64}, 'web').settings!.dockerMemory.reason).toContain('capped');
		expect(rec({memory: 6 * GiB, cpus: 2}, 'ai-inference').settings!.dockerMemory.reason).toContain('below the 4 GiB this workload needs');
	});

	it('training allows a little swap inside the container; inference and web none', () => {
		const t = rec({memory: 64 * GiB, cpus: 16}, 'ai-training').settings!;
		expect(t.containerMemorySwap.value).toBe(27 * GiB + 6 * GiB);
		expect(t.containerMemorySwap.value).toBeGreaterThan(t.containerMemory.value);
		const i = rec({memory: 64 * GiB, cpus: 16}, 'ai-inference').settings!;
		expect(i.containerMemorySwap.value).toBe(i.containerMemory.value);
	});
});

describe('recommend: where the resources come from', () => {
	it('Docker Desktop VM smaller than the host: sized from the host, the VM told to grow', () => {
		const shape: Shape = {
			memory: 32 * GiB,
			cpus: 10,
			platform: 'darwin',
			arch: 'arm64',
			engine: {desktop: true, memTotal: 4 * GiB, cpus: 4, operatingSystem: 'Docker Desktop'},
		};
		const r = rec(shape, 'ai-inference');
		expect(r.machine.kind).toBe('desktop');
		expect(r.machine.memory).toBe(32 * GiB);
		expect(r.machine.engineMemory).toBe(4 * GiB);
		expect(r.settings!.dockerMemory.value).toBe(16 * GiB);
		expect(r.settings!.dockerCpus.value).toBe(8);
		expect(ids(r)).toContain('warn:vm.memory');
		expect(hasFailure(r)).toBe(false);
		expect(r.apply!.desktop).toEqual(expect.arrayContaining(['CPUs: 8', 'Memory: 16 GB', 'Swap: 2 GB']));

		// A 4 GiB VM cannot hold training's 8 GiB minimum: a failure now, but the host can fix it.
		const t = rec(shape, 'ai-training');
		expect(t.feasible).toBe(true);
		expect(ids(t)).toContain('fail:vm.memory');
		expect(hasFailure(t)).toBe(true);
		expect(t.findings.find((f) => f.id === 'vm.memory')!.hint).toContain('Settings → Resources');
		expect(t.findings[0]!.severity).toBe('fail'); // failures first
		// shm and swap in whole GiB: 13 GiB limit → 3 GiB shm, 3 GiB swap on top.
		expect(t.settings!.containerMemory.value).toBe(13 * GiB);
		expect(t.settings!.shm!.value).toBe(3 * GiB);
		expect(t.settings!.containerMemorySwap.value).toBe(16 * GiB);
	});

	it('Docker Desktop VM larger than the host can spare', () => {
		const r = rec({memory: 16 * GiB, cpus: 8, platform: 'darwin', engine: {desktop: true, memTotal: 15 * GiB, cpus: 8}}, 'web');
		expect(r.findings.find((f) => f.id === 'vm.memory')?.message).toMatch(/more than this 16 GiB host can spare/);
	});

	it('another local VM (Colima) on a Mac: resize command instead of Desktop settings', () => {
		const r = rec({memory: 16 * GiB, cpus: 8, platform: 'darwin', engine: {memTotal: 2 * GiB, cpus: 2, operatingSystem: 'Ubuntu 24.04 LTS'}}, 'ai-inference');
		expect(r.machine.kind).toBe('vm');
		expect(r.apply!.desktop).toBeNull();
		expect(r.apply!.vm).toContain('colima start --cpu 6 --memory 8 --disk 66');
		expect(ids(r)).toContain('fail:vm.memory'); // 2 GiB is below inference's 4 GiB minimum
	});

	it("remote engine: the engine's memory and CPUs count, not this laptop's", () => {
		const r = rec({memory: 8 * GiB, cpus: 4, transport: 'tcp', engine: {memTotal: 128 * GiB, cpus: 32, runtimes: ['nvidia', 'runc']}}, 'ai-inference');
		expect(r.machine.kind).toBe('remote');
		expect(r.machine.source).toBe('engine');
		expect(r.machine.memory).toBe(128 * GiB);
		expect(r.machine.diskFree).toBeNull();
		expect(r.settings!.dockerMemory.value).toBe(64 * GiB);
		expect(r.settings!.dockerCpus.value).toBe(30);
		expect(r.settings!.gpu.value).toBe(true); // the nvidia runtime is the evidence of a GPU there
		expect(ids(r)).toContain('info:engine.remote');
	});

	it('engine unreachable: from this host alone, and says so', () => {
		const r = rec({memory: 16 * GiB, cpus: 8, engine: null}, 'ai-inference');
		expect(r.machine.kind).toBe('host-only');
		expect(r.feasible).toBe(true);
		expect(ids(r)).toContain('warn:engine.unreachable');
		expect(r.settings!.dockerMemory.value).toBe(8 * GiB);
	});

	it('limits the engine cannot enforce are reported', () => {
		expect(ids(rec({memory: 16 * GiB, cpus: 8, engine: {rootless: true, cgroupVersion: '1'}}, 'web'))).toContain('warn:limits.rootless-cgroup-v1');
		expect(ids(rec({memory: 16 * GiB, cpus: 8, engine: {rootless: true, cgroupVersion: '2'}}, 'web'))).not.toContain('warn:limits.rootless-cgroup-v1');
		expect(ids(rec({memory: 16 * GiB, cpus: 8, engine: {warnings: ['WARNING: No swap limit support']}}, 'web'))).toContain('info:limits.no-swap-accounting');
	});

	it("local Linux engine: the data root's file system and the host swap are used", () => {
		const r = rec({memory: 32 * GiB, cpus: 8, swap: 8 * GiB, diskFree: 30 * GiB}, 'ai-inference');
		expect(r.machine.kind).toBe('linux');
		expect(r.machine.diskFree).toBe(30 * GiB);
		expect(r.machine.diskWhere).toContain('/var/lib/docker');
		expect(ids(r)).toContain('warn:disk.comfortable');
		expect(ids(r)).not.toContain('info:host.swap');
	});
});

describe('recommend: invariants over a grid of machines', () => {
	const memories = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 256, 512].map((g) => g * GiB);
	const cpuCounts = [1, 2, 3, 4, 6, 8, 12, 16, 32, 64, 128];
	for (const workload of WORKLOAD_IDS) {
		it(`${workload}: limits nest, minimums hold, nothing exceeds the machine`, () => {
			let feasible = 0;
			for (const memory of memories) {
				for (const cpus of cpuCounts) {
					const r = rec({memory, cpus}, workload);
					const w = WORKLOADS[workload];
					if (!r.feasible) {
						expect(memory - hostReserve(memory) < w.minimum.memory || cpus < w.minimum.cpus).toBe(true);
						continue;
					}
					feasible++;
					const s = r.settings!;
					expect(s.dockerMemory.value).toBeGreaterThanOrEqual(w.minimum.memory);
					expect(s.dockerMemory.value).toBeLessThanOrEqual(memory - hostReserve(memory));
					expect(s.dockerMemory.value).toBeLessThanOrEqual(w.dockerMemory.cap);
					expect(s.containerMemory.value).toBeGreaterThan(0);
					expect(s.containerMemory.value).toBeLessThanOrEqual(s.dockerMemory.value);
					expect(s.containerMemoryReservation.value).toBeLessThanOrEqual(s.containerMemory.value);
					expect(s.containerMemorySwap.value).toBeGreaterThanOrEqual(s.containerMemory.value);
					expect(s.containerCpus.value).toBeLessThanOrEqual(s.dockerCpus.value);
					expect(s.containerCpusReservation.value).toBeLessThanOrEqual(s.containerCpus.value);
					expect(s.dockerCpus.value).toBeLessThanOrEqual(cpus);
					if (s.shm) expect(s.shm.value).toBeLessThanOrEqual(s.containerMemory.value / 2);
					// Numbers a setting accepts: whole GiB from 4 GiB, 256 MiB steps below.
					expect(roundMemory(s.dockerMemory.value)).toBe(s.dockerMemory.value);
					expect(dockerSize(s.containerMemory.value)).toMatch(/^\d+[gm]$/);
				}
			}
			expect(feasible).toBeGreaterThan(50);
		});
	}

	it('reserves: a quarter or 1 GiB of memory, a core or two of CPU', () => {
		expect(hostReserve(2 * GiB)).toBe(1 * GiB);
		expect(hostReserve(64 * GiB)).toBe(16 * GiB);
		expect([1, 2, 3, 4, 7, 8, 64].map(cpuReserve)).toEqual([0, 0, 0, 1, 1, 2, 2]);
		expect(dockerSize(1536 * MiB)).toBe('1536m');
		expect(dockerSize(8 * GiB)).toBe('8g');
	});
});
