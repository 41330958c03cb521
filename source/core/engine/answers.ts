/**
 * The engine's answers checked for shape and turned into domain types. Pure. Anything that is
 * not what the Docker Engine API sends (HTML, a string, an object without the keys every engine
 * version has sent) raises NotDockerAnswer, which the adapter reports as "not a Docker Engine API".
 * Only the fields every supported engine sends are required; the rest are read when present.
 */
import type {ContainerDoc, ImageDoc} from '../container-summary.js';
import type {
	ContainerFacts,
	ContainerListEntry,
	ContainerStats,
	EngineDocument,
	DiskUsage,
	EngineInfo,
	EngineVersion,
	ImageFacts,
	ImageHistoryEntry,
	PublishedPort,
} from './types.js';

export class NotDockerAnswer extends Error {
	/** What was wrong, for the message: "GET /containers/x/json: Id is not a string". */
	readonly what: string;
	constructor(what: string) {
		super(`not a Docker Engine API answer: ${what}`);
		this.name = 'NotDockerAnswer';
		this.what = what;
	}
}

type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function object(v: unknown, what: string): Obj {
	if (!isObject(v)) throw new NotDockerAnswer(`${what} is ${describe(v)}, not an object`);
	return v;
}

function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'string') return v.length > 40 ? `text (${JSON.stringify(v.slice(0, 40))}…)` : `text (${JSON.stringify(v)})`;
	if (v instanceof Uint8Array) return `${v.length} bytes that are not JSON`;
	return `a ${typeof v}`;
}

function str(o: Obj, key: string, what: string): string {
	const v = o[key];
	if (typeof v !== 'string') throw new NotDockerAnswer(`${what}: ${key} is ${v === undefined ? 'missing' : describe(v)}`);
	return v;
}

function optStr(o: Obj | undefined, key: string): string | null {
	const v = o?.[key];
	return typeof v === 'string' ? v : null;
}

function optObj(o: Obj | undefined, key: string, what: string): Obj | undefined {
	const v = o?.[key];
	if (v === undefined || v === null) return undefined;
	return object(v, `${what}.${key}`);
}

function strings(v: unknown): string[] | null {
	if (!Array.isArray(v)) return null;
	return v.filter((x): x is string => typeof x === 'string');
}

/** GET /containers/{id}/json */
export function containerFactsFrom(answer: unknown): ContainerFacts {
	const what = 'container inspect';
	const doc = object(answer, what);
	const id = str(doc, 'Id', what);
	const state = optObj(doc, 'State', what);
	const config = optObj(doc, 'Config', what);
	const hostConfig = optObj(doc, 'HostConfig', what);
	if (!state) throw new NotDockerAnswer(`${what}: State is missing`);
	const status = optStr(state, 'Status') ?? (state['Running'] === true ? 'running' : 'exited');
	const exitCode = typeof state['ExitCode'] === 'number' ? state['ExitCode'] : null;
	const logConfig = optObj(hostConfig, 'LogConfig', what);
	return {
		id,
		name: (optStr(doc, 'Name') ?? '').replace(/^\//, '') || id.slice(0, 12),
		image: optStr(config, 'Image') ?? '',
		imageId: optStr(doc, 'Image') ?? '',
		created: optStr(doc, 'Created') ?? '',
		tty: config?.['Tty'] === true,
		state: {status, running: state['Running'] === true, paused: state['Paused'] === true, restarting: state['Restarting'] === true, exitCode},
		logDriver: optStr(logConfig, 'Type'),
		document: doc as EngineDocument<ContainerDoc>,
	};
}

/** GET /containers/json */
export function containerListFrom(answer: unknown): ContainerListEntry[] {
	const what = 'container list';
	if (!Array.isArray(answer)) throw new NotDockerAnswer(`${what} is ${describe(answer)}, not a list`);
	return answer.map((raw, i) => {
		const c = object(raw, `${what}[${i}]`);
		const id = str(c, 'Id', `${what}[${i}]`);
		const names = (strings(c['Names']) ?? []).map((n) => n.replace(/^\//, ''));
		const ports: PublishedPort[] = (Array.isArray(c['Ports']) ? c['Ports'] : []).filter(isObject).map((p) => ({
			ip: typeof p['IP'] === 'string' ? p['IP'] : null,
			privatePort: typeof p['PrivatePort'] === 'number' ? p['PrivatePort'] : 0,
			publicPort: typeof p['PublicPort'] === 'number' ? p['PublicPort'] : null,
			type: typeof p['Type'] === 'string' ? p['Type'] : 'tcp',
		}));
		const labels: Record<string, string> = {};
		if (isObject(c['Labels'])) for (const [k, v] of Object.entries(c['Labels'])) if (typeof v === 'string') labels[k] = v;
		return {
			id,
			name: names[0] ?? id.slice(0, 12),
			names,
			image: optStr(c, 'Image') ?? '',
			state: optStr(c, 'State') ?? '',
			status: optStr(c, 'Status') ?? '',
			created: typeof c['Created'] === 'number' ? c['Created'] : 0,
			ports,
			labels,
		};
	});
}

/** GET /images/{name}/json */
export function imageFactsFrom(answer: unknown): ImageFacts {
	const what = 'image inspect';
	const doc = object(answer, what);
	const id = str(doc, 'Id', what);
	const config = optObj(doc, 'Config', what);
	const health = optObj(config, 'Healthcheck', what);
	return {
		id,
		repoTags: strings(doc['RepoTags']) ?? [],
		architecture: optStr(doc, 'Architecture'),
		os: optStr(doc, 'Os'),
		variant: optStr(doc, 'Variant'),
		config: {
			user: optStr(config, 'User') ?? '',
			env: strings(config?.['Env']) ?? [],
			entrypoint: typeof config?.['Entrypoint'] === 'string' ? [config['Entrypoint']] : strings(config?.['Entrypoint']),
			cmd: typeof config?.['Cmd'] === 'string' ? [config['Cmd']] : strings(config?.['Cmd']),
			healthcheck: strings(health?.['Test']),
			exposedPorts: isObject(config?.['ExposedPorts']) ? Object.keys(config['ExposedPorts']) : [],
			workingDir: optStr(config, 'WorkingDir') ?? '',
		},
		document: doc as EngineDocument<ImageDoc>,
	};
}

/** GET /images/{name}/history: newest first. */
export function imageHistoryFrom(answer: unknown): ImageHistoryEntry[] {
	const what = 'image history';
	if (!Array.isArray(answer)) throw new NotDockerAnswer(`${what}: not a list`);
	return answer.map((row) => {
		const doc = object(row, what);
		return {
			id: optStr(doc, 'Id') ?? '',
			createdBy: optStr(doc, 'CreatedBy') ?? '',
			size: typeof doc['Size'] === 'number' ? doc['Size'] : 0,
			created: typeof doc['Created'] === 'number' ? doc['Created'] : 0,
			comment: optStr(doc, 'Comment') ?? '',
			tags: strings(doc['Tags']) ?? [],
		};
	});
}

/** GET /version */
export function engineVersionFrom(answer: unknown): EngineVersion {
	const what = 'version';
	const doc = object(answer, what);
	const version = str(doc, 'Version', what);
	const apiVersion = str(doc, 'ApiVersion', what);
	if (!/^\d+\.\d+/.test(apiVersion)) throw new NotDockerAnswer(`${what}: ApiVersion ${JSON.stringify(apiVersion.slice(0, 20))} is not a version`);
	return {
		...(doc as Partial<EngineVersion>),
		Version: version,
		ApiVersion: apiVersion,
		Os: optStr(doc, 'Os') ?? 'linux',
		Arch: optStr(doc, 'Arch') ?? 'unknown',
	};
}

/** GET /info */
export function engineInfoFrom(answer: unknown): EngineInfo {
	const what = 'info';
	const doc = object(answer, what);
	// Every engine since 1.x sends these two; a JSON object without them is not /info.
	if (typeof doc['ServerVersion'] !== 'string' && typeof doc['NCPU'] !== 'number') throw new NotDockerAnswer(`${what}: neither ServerVersion nor NCPU`);
	for (const key of ['Labels', 'SecurityOptions', 'Warnings', 'CDISpecDirs']) {
		if (doc[key] != null && !Array.isArray(doc[key])) throw new NotDockerAnswer(`${what}: ${key} is ${describe(doc[key])}, not a list`);
	}
	return doc as EngineInfo;
}

/** GET /system/df */
export function diskUsageFrom(answer: unknown): DiskUsage {
	const what = 'system df';
	const doc = object(answer, what);
	if (!['LayersSize', 'Images', 'Containers', 'Volumes', 'BuildCache'].some((key) => key in doc))
		throw new NotDockerAnswer(`${what} has none of LayersSize, Images, Containers, Volumes, BuildCache`);
	for (const key of ['Images', 'Containers', 'Volumes', 'BuildCache']) {
		if (doc[key] != null && !Array.isArray(doc[key])) throw new NotDockerAnswer(`${what}: ${key} is ${describe(doc[key])}, not a list`);
	}
	return doc as DiskUsage;
}

/** POST /containers/{id}/exec: {"Id": "..."} */
export function execIdFrom(answer: unknown): string {
	return str(object(answer, 'exec create'), 'Id', 'exec create');
}

/** GET /exec/{id}/json */
export function execStateFrom(answer: unknown): {running: boolean; exitCode: number | null} {
	const doc = object(answer, 'exec inspect');
	if (typeof doc['Running'] !== 'boolean') throw new NotDockerAnswer('exec inspect: Running is not a boolean');
	return {running: doc['Running'], exitCode: typeof doc['ExitCode'] === 'number' ? doc['ExitCode'] : null};
}

/** The JSON error body every engine sends with a 4xx/5xx: {"message": "..."}; null when it is not one. */
export function engineErrorMessage(body: unknown): string | null {
	return isObject(body) && typeof body['message'] === 'string' ? body['message'] : null;
}

/** GET /containers/{id}/stats?stream=false&one-shot=true, the fields diagnose reads. */
export function containerStatsFrom(answer: unknown): ContainerStats {
	const doc = object(answer, 'container stats');
	const mem = optObj(doc, 'memory_stats', 'container stats');
	const memStats = optObj(mem, 'stats', 'container stats.memory_stats');
	const num = (o: Obj | undefined, key: string): number | null => (typeof o?.[key] === 'number' && Number.isFinite(o[key]) ? (o[key] as number) : null);
	const usage = num(mem, 'usage');
	// What docker stats shows: usage less the page cache the kernel can drop (cgroup v1 total_inactive_file, v2 inactive_file).
	const reclaimable = num(memStats, 'total_inactive_file') ?? num(memStats, 'inactive_file') ?? 0;
	const pids = optObj(doc, 'pids_stats', 'container stats');
	const throttling = optObj(optObj(doc, 'cpu_stats', 'container stats'), 'throttling_data', 'container stats.cpu_stats');
	return {
		memoryUsage: usage === null ? null : Math.max(0, usage - reclaimable),
		memoryLimit: num(mem, 'limit'),
		pids: num(pids, 'current'),
		cpuPeriods: num(throttling, 'periods'),
		cpuThrottledPeriods: num(throttling, 'throttled_periods'),
	};
}
