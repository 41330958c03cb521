/** The one place that imports systeminformation. Facts only, gathered once per call. */
import {promises as fsp} from 'node:fs';
import os from 'node:os';

export interface HostMemory {
	readonly total: number;
	readonly available: number;
	readonly swapTotal: number;
	readonly swapFree: number;
}
export interface HostCpu {
	readonly logical: number;
	readonly physical: number;
	readonly brand: string;
}
export interface HostFs {
	readonly mount: string;
	readonly fs: string;
	readonly type: string;
	readonly size: number;
	readonly used: number;
	readonly available: number;
}
export interface HostGpu {
	readonly vendor: string;
	readonly model: string;
	readonly vram: number | null;
}
export interface HostOs {
	readonly platform: string;
	readonly distro: string;
	readonly release: string;
	readonly kernel: string;
	readonly arch: string;
	/** WSL 2 shows up as Linux with "microsoft" in the kernel release. */
	readonly wsl: boolean;
}

export interface HostAdapter {
	memory(): Promise<HostMemory>;
	cpu(): Promise<HostCpu>;
	fileSystems(): Promise<HostFs[]>;
	gpus(): Promise<HostGpu[]>;
	os(): Promise<HostOs>;
	/** Size of /dev/shm in bytes, or null where there is none. */
	shmSize(): Promise<number | null>;
}

export function createHostAdapter(): HostAdapter {
	let si: typeof import('systeminformation') | undefined;
	const load = async () => (si ??= (await import('systeminformation')).default);
	return {
		async memory() {
			const m = await (await load()).mem();
			return {total: m.total, available: m.available, swapTotal: m.swaptotal, swapFree: m.swapfree};
		},
		async cpu() {
			const c = await (await load()).cpu();
			return {logical: c.cores || os.cpus().length, physical: c.physicalCores || c.cores, brand: `${c.manufacturer} ${c.brand}`.trim()};
		},
		async fileSystems() {
			const list = await (await load()).fsSize();
			return list.map((f) => ({mount: f.mount, fs: f.fs, type: f.type, size: f.size, used: f.used, available: f.available}));
		},
		async gpus() {
			const g = await (await load()).graphics();
			return g.controllers.map((c) => ({vendor: c.vendor ?? '', model: c.model ?? '', vram: c.vram ?? null}));
		},
		async os() {
			const o = await (await load()).osInfo();
			const kernel = o.kernel || os.release();
			return {
				platform: o.platform || process.platform,
				distro: o.distro,
				release: o.release,
				kernel,
				arch: o.arch || process.arch,
				wsl: /microsoft/i.test(kernel),
			};
		},
		async shmSize() {
			try {
				const st = await fsp.statfs('/dev/shm');
				return st.blocks * st.bsize;
			} catch {
				return null;
			}
		},
	};
}
