/**
 * A readable summary of `docker inspect` for a container (plus its image's platform):
 * what a person looks at first when something is wrong. Pure: it takes the engine's
 * documents and returns plain data with secrets already redacted.
 */
import {redactArgv, redactByKey, redactEnvEntry, redactText} from './redact.js';
import {formatBytes} from './units.js';

/** The parts of the engine's container document we read (all optional: engines differ). */
export interface ContainerDoc {
	Id?: string;
	Name?: string;
	Created?: string;
	Path?: string;
	Args?: string[];
	Image?: string;
	RestartCount?: number;
	Driver?: string;
	Platform?: string;
	State?: {
		Status?: string;
		Running?: boolean;
		Paused?: boolean;
		Restarting?: boolean;
		OOMKilled?: boolean;
		Dead?: boolean;
		Pid?: number;
		ExitCode?: number;
		Error?: string;
		StartedAt?: string;
		FinishedAt?: string;
		Health?: {Status?: string; FailingStreak?: number; Log?: Array<{Start?: string; End?: string; ExitCode?: number; Output?: string}> | null};
	};
	Config?: {
		User?: string;
		Env?: string[] | null;
		Cmd?: string[] | null;
		Entrypoint?: string[] | string | null;
		Image?: string;
		WorkingDir?: string;
		Labels?: Record<string, string> | null;
		ExposedPorts?: Record<string, unknown> | null;
		Tty?: boolean;
		StopSignal?: string;
		Healthcheck?: {Test?: string[]; Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number};
	};
	HostConfig?: {
		RestartPolicy?: {Name?: string; MaximumRetryCount?: number};
		Memory?: number;
		MemoryReservation?: number;
		MemorySwap?: number;
		NanoCpus?: number;
		CpuShares?: number;
		CpuQuota?: number;
		CpuPeriod?: number;
		CpusetCpus?: string;
		PidsLimit?: number | null;
		ShmSize?: number;
		ReadonlyRootfs?: boolean;
		Privileged?: boolean;
		CapAdd?: string[] | null;
		CapDrop?: string[] | null;
		NetworkMode?: string;
		LogConfig?: {Type?: string; Config?: Record<string, string>};
		PortBindings?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null;
		Tmpfs?: Record<string, string> | null;
		Init?: boolean | null;
		Runtime?: string;
	};
	Mounts?: Array<{Type?: string; Name?: string; Source?: string; Destination?: string; Mode?: string; RW?: boolean; Propagation?: string}>;
	NetworkSettings?: {
		Ports?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null;
		Networks?: Record<string, {IPAddress?: string; GlobalIPv6Address?: string; Gateway?: string; MacAddress?: string; Aliases?: string[] | null}> | null;
	};
}

export interface ImageDoc {
	Id?: string;
	RepoTags?: string[];
	Architecture?: string;
	Os?: string;
	Variant?: string;
}

export interface HealthProbe {
	readonly start: string;
	readonly exitCode: number | null;
	readonly durationMs: number | null;
	readonly output: string;
}

export interface InspectSummary {
	readonly name: string;
	readonly id: string;
	readonly created: string | null;
	readonly state: {
		readonly status: string;
		readonly exitCode: number | null;
		readonly oomKilled: boolean;
		readonly error: string | null;
		readonly startedAt: string | null;
		readonly finishedAt: string | null;
		readonly pid: number | null;
	};
	readonly health: null | {
		readonly status: string;
		readonly failingStreak: number;
		readonly test: readonly string[] | null;
		readonly interval: string | null;
		readonly timeout: string | null;
		readonly retries: number | null;
		readonly probes: readonly HealthProbe[];
	};
	readonly restart: {readonly policy: string; readonly maxRetries: number | null; readonly count: number};
	readonly image: {readonly ref: string; readonly id: string | null; readonly platform: string | null};
	readonly command: {
		readonly entrypoint: readonly string[];
		readonly cmd: readonly string[];
		readonly workingDir: string | null;
		readonly stopSignal: string | null;
	};
	readonly user: string;
	readonly resources: ReadonlyArray<{readonly name: string; readonly value: string}>;
	readonly mounts: ReadonlyArray<{
		readonly type: string;
		readonly source: string;
		readonly destination: string;
		readonly mode: 'rw' | 'ro';
		readonly options: string;
	}>;
	readonly ports: ReadonlyArray<{readonly container: string; readonly published: readonly string[]}>;
	readonly networkMode: string | null;
	readonly networks: ReadonlyArray<{
		readonly name: string;
		readonly ip: string | null;
		readonly ipv6: string | null;
		readonly gateway: string | null;
		readonly aliases: readonly string[];
	}>;
	readonly env: readonly string[];
	readonly labels: ReadonlyArray<{readonly key: string; readonly value: string}>;
	readonly logDriver: string | null;
}

/** How many health probes to show (the engine keeps the last 5). */
const PROBES = 5;

export function summarizeContainer(c: ContainerDoc, image: ImageDoc | null): InspectSummary {
	const s = c.State ?? {};
	const h = c.HostConfig ?? {};
	const cfg = c.Config ?? {};
	const health = s.Health;
	const hc = cfg.Healthcheck;
	const entrypoint = cfg.Entrypoint == null ? [] : Array.isArray(cfg.Entrypoint) ? cfg.Entrypoint : [cfg.Entrypoint];
	return {
		name: (c.Name ?? '').replace(/^\//, '') || (c.Id ?? '').slice(0, 12),
		id: (c.Id ?? '').slice(0, 12),
		created: c.Created ?? null,
		state: {
			status: s.Status ?? 'unknown',
			exitCode: s.Running ? null : (s.ExitCode ?? null),
			oomKilled: s.OOMKilled === true,
			error: s.Error ? redactText(s.Error) : null,
			startedAt: realTime(s.StartedAt),
			finishedAt: realTime(s.FinishedAt),
			pid: s.Pid ? s.Pid : null,
		},
		health:
			health || (hc?.Test && hc.Test[0] !== 'NONE')
				? {
						status: health?.Status ?? 'starting',
						failingStreak: health?.FailingStreak ?? 0,
						test: hc?.Test && hc.Test[0] !== 'NONE' ? redactArgv(hc.Test) : null,
						interval: hc?.Interval ? nsDuration(hc.Interval) : null,
						timeout: hc?.Timeout ? nsDuration(hc.Timeout) : null,
						retries: hc?.Retries ?? null,
						probes: (health?.Log ?? []).slice(-PROBES).map((p) => ({
							start: p.Start ?? '',
							exitCode: p.ExitCode ?? null,
							durationMs: p.Start && p.End ? Math.max(0, Date.parse(p.End) - Date.parse(p.Start)) : null,
							output: redactText((p.Output ?? '').trim()),
						})),
					}
				: null,
		restart: {
			policy: h.RestartPolicy?.Name || 'no',
			maxRetries: h.RestartPolicy?.Name === 'on-failure' ? (h.RestartPolicy.MaximumRetryCount ?? 0) : null,
			count: c.RestartCount ?? 0,
		},
		image: {
			ref: cfg.Image ?? c.Image ?? '',
			id: c.Image ? c.Image.replace(/^sha256:/, '').slice(0, 12) : null,
			platform: image?.Architecture ? [image.Os ?? 'linux', image.Architecture, image.Variant].filter(Boolean).join('/') : null,
		},
		command: {
			entrypoint: redactArgv(entrypoint),
			cmd: redactArgv([...entrypoint, ...(cfg.Cmd ?? [])]).slice(entrypoint.length),
			workingDir: cfg.WorkingDir || null,
			stopSignal: cfg.StopSignal || null,
		},
		user: cfg.User || '',
		resources: resources(h),
		mounts: [
			...(c.Mounts ?? []).map((m) => ({
				type: m.Type ?? 'unknown',
				source: m.Type === 'volume' && m.Name ? m.Name : (m.Source ?? ''),
				destination: m.Destination ?? '',
				mode: m.RW === false ? ('ro' as const) : ('rw' as const),
				options: [m.Mode, m.Propagation].filter((x) => x && x !== 'rw' && x !== 'ro').join(','),
			})),
			// --tmpfs mounts live only in HostConfig.Tmpfs.
			...Object.entries(h.Tmpfs ?? {}).map(([destination, opts]) => ({
				type: 'tmpfs',
				source: '',
				destination,
				mode: opts.split(',').includes('ro') ? ('ro' as const) : ('rw' as const),
				options: opts
					.split(',')
					.filter((o) => o && o !== 'rw' && o !== 'ro')
					.join(','),
			})),
		],
		ports: ports(cfg.ExposedPorts ?? null, c.NetworkSettings?.Ports ?? null),
		networkMode: h.NetworkMode ?? null,
		networks: Object.entries(c.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
			name,
			ip: n.IPAddress || null,
			ipv6: n.GlobalIPv6Address || null,
			gateway: n.Gateway || null,
			aliases: (n.Aliases ?? []).filter((a) => !(c.Id ?? '').startsWith(a)),
		})),
		env: (cfg.Env ?? []).map(redactEnvEntry),
		labels: Object.entries(cfg.Labels ?? {})
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([key, value]) => ({key, value: redactByKey(key, value)})),
		logDriver: h.LogConfig?.Type ?? null,
	};
}

function realTime(t: string | undefined): string | null {
	return t && !t.startsWith('0001-01-01') ? t : null;
}

/** Engine durations are nanoseconds. */
export function nsDuration(ns: number): string {
	const s = ns / 1e9;
	if (s < 1) return `${Math.round(ns / 1e6)}ms`;
	if (s < 60) return `${Number(s.toFixed(1))}s`;
	if (s < 3600) return `${Number((s / 60).toFixed(1))}m`;
	return `${Number((s / 3600).toFixed(1))}h`;
}

function resources(h: NonNullable<ContainerDoc['HostConfig']>): Array<{name: string; value: string}> {
	const out: Array<{name: string; value: string}> = [];
	out.push({name: 'memory limit', value: h.Memory ? formatBytes(h.Memory) : 'none (can use all host memory)'});
	if (h.MemoryReservation) out.push({name: 'memory reservation', value: formatBytes(h.MemoryReservation)});
	if (h.MemorySwap && h.Memory) out.push({name: 'memory + swap', value: h.MemorySwap === -1 ? 'unlimited swap' : formatBytes(h.MemorySwap)});
	const cpus = h.NanoCpus ? h.NanoCpus / 1e9 : h.CpuQuota && h.CpuPeriod ? h.CpuQuota / h.CpuPeriod : 0;
	out.push({name: 'cpus', value: cpus ? String(Number(cpus.toFixed(2))) : 'no limit'});
	if (h.CpusetCpus) out.push({name: 'cpuset', value: h.CpusetCpus});
	if (h.CpuShares) out.push({name: 'cpu shares', value: String(h.CpuShares)});
	out.push({name: 'pids limit', value: h.PidsLimit && h.PidsLimit > 0 ? String(h.PidsLimit) : 'none'});
	if (h.ShmSize) out.push({name: '/dev/shm', value: formatBytes(h.ShmSize)});
	out.push({name: 'root filesystem', value: h.ReadonlyRootfs ? 'read-only' : 'writable'});
	if (h.Privileged) out.push({name: 'privileged', value: 'yes (full access to the host devices)'});
	if (h.CapAdd?.length) out.push({name: 'capabilities added', value: h.CapAdd.join(', ')});
	if (h.CapDrop?.length) out.push({name: 'capabilities dropped', value: h.CapDrop.join(', ')});
	if (h.Init) out.push({name: 'init', value: 'yes (docker-init is PID 1)'});
	if (h.Runtime && h.Runtime !== 'runc') out.push({name: 'runtime', value: h.Runtime});
	return out;
}

function ports(
	exposed: Record<string, unknown> | null,
	bound: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null,
): Array<{container: string; published: string[]}> {
	const keys = new Set([...Object.keys(exposed ?? {}), ...Object.keys(bound ?? {})]);
	return [...keys]
		.sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b))
		.map((key) => ({
			container: key,
			published: (bound?.[key] ?? []).map(
				(b) => `${b.HostIp && b.HostIp !== '' ? (b.HostIp.includes(':') ? `[${b.HostIp}]` : b.HostIp) : '0.0.0.0'}:${b.HostPort ?? ''}`,
			),
		}));
}

/** inspect's Result: the summary, the redacted engine document and the image's platform. */
export interface InspectResult {
	readonly summary: InspectSummary;
	/** The engine's full container document, redacted. */
	readonly document: Record<string, unknown>;
	/** The image's platform facts, or null when the image is gone. */
	readonly image: {
		readonly id: string;
		readonly architecture: string | null;
		readonly os: string | null;
		readonly variant: string | null;
		readonly tags: readonly string[];
	} | null;
}
