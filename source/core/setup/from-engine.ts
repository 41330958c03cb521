/** Turn the engine's raw /info, /version and /system/df answers into facts. Pure. */
import type {DiskUsageFacts, EngineFacts} from './facts.js';

export interface RawInfo {
	readonly ServerVersion?: string;
	readonly OperatingSystem?: string;
	readonly KernelVersion?: string;
	readonly MemTotal?: number;
	readonly NCPU?: number;
	readonly DockerRootDir?: string;
	readonly Driver?: string;
	readonly CgroupVersion?: string;
	readonly CgroupDriver?: string;
	readonly LoggingDriver?: string;
	readonly Runtimes?: Readonly<Record<string, unknown>>;
	readonly DefaultRuntime?: string;
	readonly CDISpecDirs?: readonly string[] | null;
	readonly SecurityOptions?: readonly string[] | null;
	readonly Warnings?: readonly string[] | null;
	readonly Labels?: readonly string[] | null;
}

export interface RawVersion {
	readonly Version: string;
	readonly ApiVersion: string;
	readonly Os?: string;
	readonly Arch?: string;
	readonly Platform?: {readonly Name?: string};
}

export function engineFactsFrom(info: RawInfo, version: RawVersion): EngineFacts {
	const security = info.SecurityOptions ?? [];
	const os = info.OperatingSystem ?? '';
	return {
		version: version.Version || info.ServerVersion || 'unknown',
		apiVersion: version.ApiVersion,
		os: version.Os ?? 'linux',
		arch: version.Arch ?? 'unknown',
		operatingSystem: os,
		kernel: info.KernelVersion ?? '',
		memTotal: info.MemTotal ?? 0,
		cpus: info.NCPU ?? 0,
		dockerRootDir: info.DockerRootDir ?? '',
		storageDriver: info.Driver ?? 'unknown',
		cgroupVersion: info.CgroupVersion ?? null,
		cgroupDriver: info.CgroupDriver ?? null,
		loggingDriver: info.LoggingDriver ?? 'json-file',
		runtimes: Object.keys(info.Runtimes ?? {}).sort(),
		defaultRuntime: info.DefaultRuntime ?? null,
		cdiSpecDirs: info.CDISpecDirs ?? [],
		securityOptions: security,
		rootless: security.some((s) => /name=rootless/.test(s)),
		desktop:
			/docker desktop/i.test(os) || /docker desktop/i.test(version.Platform?.Name ?? '') || (info.Labels ?? []).some((l) => l.startsWith('com.docker.desktop')),
		warnings: info.Warnings ?? [],
	};
}

interface RawDf {
	readonly Images?: ReadonlyArray<{readonly Size: number; readonly SharedSize: number; readonly Containers: number}> | null;
	readonly Containers?: ReadonlyArray<{readonly SizeRw?: number; readonly State?: string}> | null;
	readonly Volumes?: ReadonlyArray<{readonly UsageData?: {readonly Size: number; readonly RefCount: number} | null}> | null;
	readonly BuildCache?: ReadonlyArray<{readonly Size: number; readonly InUse: boolean; readonly Shared?: boolean}> | null;
}

/** Same arithmetic as `docker system df`: unused images, stopped containers, unreferenced volumes, idle cache. */
export function diskUsageFrom(df: RawDf): DiskUsageFacts {
	const images = df.Images ?? [];
	const containers = df.Containers ?? [];
	const volumes = df.Volumes ?? [];
	const cache = df.BuildCache ?? [];
	const sum = (xs: number[]) => xs.reduce((a, b) => a + Math.max(0, b), 0);
	const imageSize = sum(images.map((i) => i.Size - Math.max(0, i.SharedSize))) + sum(shared(images));
	return {
		images: {size: imageSize, reclaimable: sum(images.filter((i) => i.Containers === 0).map((i) => i.Size - Math.max(0, i.SharedSize))), count: images.length},
		containers: {
			size: sum(containers.map((c) => c.SizeRw ?? 0)),
			reclaimable: sum(containers.filter((c) => c.State !== 'running' && c.State !== 'paused' && c.State !== 'restarting').map((c) => c.SizeRw ?? 0)),
			count: containers.length,
		},
		volumes: {
			size: sum(volumes.map((v) => v.UsageData?.Size ?? 0)),
			reclaimable: sum(volumes.filter((v) => (v.UsageData?.RefCount ?? 1) === 0).map((v) => v.UsageData?.Size ?? 0)),
			count: volumes.length,
		},
		buildCache: {
			size: sum(cache.filter((c) => !c.Shared).map((c) => c.Size)),
			reclaimable: sum(cache.filter((c) => !c.InUse && !c.Shared).map((c) => c.Size)),
			count: cache.length,
		},
	};
}

/** Shared layers counted once: the largest SharedSize is a fair lower bound without layer ids. */
function shared(images: ReadonlyArray<{SharedSize: number}>): number[] {
	const max = Math.max(0, ...images.map((i) => i.SharedSize));
	return max > 0 ? [max] : [];
}
