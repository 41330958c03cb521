/**
 * The engine's local objects as GET /system/df reports them (what `docker system df -v` shows):
 * images with their shared and unique size and how many containers use them, containers with their
 * writable layer, volumes with their reference count, and the build cache. Pure: the adapter hands
 * the answer here, checked for shape.
 */
import {isObject, NotDockerAnswer} from './answers.js';

export interface LocalImage {
	/** sha256:... */
	readonly id: string;
	readonly parentId: string;
	readonly repoTags: readonly string[];
	readonly repoDigests: readonly string[];
	/** Unix seconds. */
	readonly created: number;
	/** Bytes, the image with every layer (docker images' SIZE). */
	readonly size: number;
	/** Bytes shared with other local images; null when the engine did not compute it (-1). */
	readonly sharedSize: number | null;
	/** How many containers (any state) use it; null when the engine did not count (-1). */
	readonly containers: number | null;
	readonly labels: Readonly<Record<string, string>>;
}

export interface LocalContainer {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly imageId: string;
	/** created, running, paused, restarting, removing, exited, dead. */
	readonly state: string;
	readonly status: string;
	/** Unix seconds. */
	readonly created: number;
	/** Bytes in the writable layer; null when the engine did not say. */
	readonly sizeRw: number | null;
	readonly labels: Readonly<Record<string, string>>;
}

export interface LocalVolume {
	readonly name: string;
	readonly driver: string;
	readonly labels: Readonly<Record<string, string>>;
	/** Bytes; null when the engine did not measure it (-1, or a driver that cannot). */
	readonly size: number | null;
	/** How many containers reference it; null when unknown. */
	readonly refCount: number | null;
	/** Unix seconds, 0 when unknown. */
	readonly created: number;
}

export interface BuildCacheEntry {
	readonly id: string;
	readonly type: string;
	readonly description: string;
	readonly size: number;
	readonly inUse: boolean;
	readonly shared: boolean;
	/** Unix seconds, 0 when never used. */
	readonly lastUsed: number;
}

export interface Inventory {
	/** Bytes of every image layer on disk, counted once (docker system df's Images SIZE). */
	readonly layersSize: number;
	readonly images: readonly LocalImage[];
	readonly containers: readonly LocalContainer[];
	readonly volumes: readonly LocalVolume[];
	readonly buildCache: readonly BuildCacheEntry[];
}

type Obj = Record<string, unknown>;

function list(doc: Obj, key: string): Obj[] {
	const v = doc[key];
	if (v === undefined || v === null) return [];
	if (!Array.isArray(v)) throw new NotDockerAnswer(`system df: ${key} is not a list`);
	return v.map((x, i) => {
		if (!isObject(x)) throw new NotDockerAnswer(`system df: ${key}[${i}] is not an object`);
		return x;
	});
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const unix = (v: unknown): number => {
	if (typeof v === 'number') return v;
	if (typeof v === 'string' && v) {
		const ms = Date.parse(v);
		return Number.isNaN(ms) || ms < 0 ? 0 : Math.floor(ms / 1000);
	}
	return 0;
};

function labels(v: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
	return out;
}

/** GET /system/df */
/** Keys every engine's GET /system/df answer carries (empty lists may be null); an object with none of them is not Docker's. */
export const SYSTEM_DF_KEYS = ['LayersSize', 'Images', 'Containers', 'Volumes', 'BuildCache'] as const;

export function inventoryFrom(answer: unknown): Inventory {
	if (!isObject(answer)) throw new NotDockerAnswer('system df is not an object');
	if (!SYSTEM_DF_KEYS.some((key) => key in answer)) throw new NotDockerAnswer(`system df has none of ${SYSTEM_DF_KEYS.join(', ')}`);
	const images = list(answer, 'Images').map((i, n): LocalImage => {
		if (typeof i['Id'] !== 'string') throw new NotDockerAnswer(`system df: Images[${n}].Id is not a string`);
		// Engines before 1.44 write <none>:<none> / <none>@<none> for an untagged image.
		const repoTags = texts(i['RepoTags']).filter((t) => t !== '<none>:<none>');
		const repoDigests = texts(i['RepoDigests']).filter((t) => t !== '<none>@<none>');
		return {
			id: i['Id'],
			parentId: text(i['ParentId']),
			repoTags,
			repoDigests,
			created: unix(i['Created']),
			size: num(i['Size']) ?? 0,
			sharedSize: num(i['SharedSize']),
			containers: num(i['Containers']),
			labels: labels(i['Labels']),
		};
	});
	const containers = list(answer, 'Containers').map((c, n): LocalContainer => {
		if (typeof c['Id'] !== 'string') throw new NotDockerAnswer(`system df: Containers[${n}].Id is not a string`);
		const names = texts(c['Names']).map((x) => x.replace(/^\//, ''));
		return {
			id: c['Id'],
			name: names[0] ?? c['Id'].slice(0, 12),
			image: text(c['Image']),
			imageId: text(c['ImageID']),
			state: text(c['State']),
			status: text(c['Status']),
			created: unix(c['Created']),
			sizeRw: num(c['SizeRw']),
			labels: labels(c['Labels']),
		};
	});
	const volumes = list(answer, 'Volumes').map((v, n): LocalVolume => {
		if (typeof v['Name'] !== 'string') throw new NotDockerAnswer(`system df: Volumes[${n}].Name is not a string`);
		const usage = isObject(v['UsageData']) ? v['UsageData'] : {};
		return {
			name: v['Name'],
			driver: text(v['Driver']),
			labels: labels(v['Labels']),
			size: num(usage['Size']),
			refCount: num(usage['RefCount']),
			created: unix(v['CreatedAt']),
		};
	});
	const buildCache = list(answer, 'BuildCache').map((b): BuildCacheEntry => ({
		id: text(b['ID']),
		type: text(b['Type']),
		description: text(b['Description']),
		size: num(b['Size']) ?? 0,
		inUse: b['InUse'] === true,
		shared: b['Shared'] === true,
		lastUsed: unix(b['LastUsedAt']),
	}));
	return {layersSize: num(answer['LayersSize']) ?? 0, images, containers, volumes, buildCache};
}
