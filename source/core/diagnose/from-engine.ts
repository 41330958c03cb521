/** Turn the engine's inspect documents into the plain, redacted DiagnosisFacts the rules read. */
import {redactArgv, redactEnvEntry, redactLines, redactText} from '../redact.js';
import type {DiagnosisFacts, EngineEvent, ExecutableProbe, LiveFacts, LogLine, MountFact, PortBindingFact} from './facts.js';

/* The few fields we read, typed loosely: core does not depend on dockerode. */
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RawFacts {
	readonly capturedAt: string;
	readonly inspect: Obj;
	readonly image: Obj | null;
	readonly logs: {readonly tail: number; readonly lines: readonly LogLine[]; readonly error: string | null};
	readonly events: {readonly since: string; readonly until: string; readonly list: readonly EngineEvent[]; readonly error: string | null};
	readonly portHolders: DiagnosisFacts['portHolders'];
	readonly executable: ExecutableProbe | null;
	readonly live?: LiveFacts | null;
	readonly host: DiagnosisFacts['host'];
}

const arr = (v: unknown): string[] | null => (Array.isArray(v) ? v.map(String) : null);

/** Entrypoint and Cmd are one argv: a secret flag in the entrypoint may have its value in Cmd. */
function commandOf(entrypoint: string[] | null, cmd: string[] | null): {entrypoint: string[] | null; cmd: string[] | null} {
	const ep = entrypoint ?? [];
	return {entrypoint: entrypoint ? redactArgv(entrypoint) : null, cmd: cmd ? redactArgv([...ep, ...cmd]).slice(ep.length) : null};
}

/** Multi-line text (probe output): redacted as lines, so a key block is hidden whole. */
const redactBlock = (text: string): string => redactLines(text.split('\n')).join('\n');
const dateOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' && !v.startsWith('0001-01-01') ? v : null);

export function buildFacts(raw: RawFacts): DiagnosisFacts {
	const i = raw.inspect;
	const cfg: Obj = i['Config'] ?? {};
	const hc: Obj = i['HostConfig'] ?? {};
	const st: Obj = i['State'] ?? {};
	const labels: Record<string, string> = {...(cfg['Labels'] ?? {})};
	for (const k of Object.keys(labels)) labels[k] = redactEnvEntry(`${k}=${String(labels[k])}`).slice(k.length + 1);
	const health: Obj | undefined = st['Health'];
	const mounts: MountFact[] = (i['Mounts'] ?? []).map((m: Obj) => ({
		type: String(m['Type'] ?? ''),
		source: String(m['Source'] ?? ''),
		destination: String(m['Destination'] ?? ''),
		rw: m['RW'] !== false,
		mode: String(m['Mode'] ?? ''),
		...(m['Name'] ? {name: String(m['Name'])} : {}),
	}));
	const ports: PortBindingFact[] = [];
	for (const [containerPort, bindings] of Object.entries((hc['PortBindings'] ?? {}) as Record<string, Obj[] | null>)) {
		for (const b of bindings ?? []) ports.push({containerPort, hostIp: String(b['HostIp'] ?? ''), hostPort: String(b['HostPort'] ?? '')});
	}
	const hcTest = arr(cfg['Healthcheck']?.['Test']);
	const img = raw.image;
	const imgCfg: Obj = img?.['Config'] ?? {};
	const argv = redactArgv([String(i['Path'] ?? ''), ...(arr(i['Args']) ?? [])]);
	const command = commandOf(arr(cfg['Entrypoint']), arr(cfg['Cmd']));
	const imageCommand = commandOf(arr(imgCfg['Entrypoint']), arr(imgCfg['Cmd']));
	return {
		version: 1,
		capturedAt: raw.capturedAt,
		container: {
			id: String(i['Id'] ?? ''),
			name: String(i['Name'] ?? '').replace(/^\//, ''),
			image: String(cfg['Image'] ?? ''),
			imageId: String(i['Image'] ?? ''),
			created: String(i['Created'] ?? ''),
			path: argv[0]!,
			args: argv.slice(1),
			entrypoint: command.entrypoint,
			cmd: command.cmd,
			user: String(cfg['User'] ?? ''),
			workingDir: String(cfg['WorkingDir'] ?? ''),
			tty: cfg['Tty'] === true,
			env: (arr(cfg['Env']) ?? []).map(redactEnvEntry),
			labels,
			composeService: labels['com.docker.compose.service'] ?? null,
			composeProject: labels['com.docker.compose.project'] ?? null,
			stopSignal: String(cfg['StopSignal'] ?? ''),
			stopTimeout: typeof cfg['StopTimeout'] === 'number' ? cfg['StopTimeout'] : null,
		},
		state: {
			status: String(st['Status'] ?? ''),
			running: st['Running'] === true,
			restarting: st['Restarting'] === true,
			paused: st['Paused'] === true,
			dead: st['Dead'] === true,
			oomKilled: st['OOMKilled'] === true,
			exitCode: Number(st['ExitCode'] ?? 0),
			error: redactText(String(st['Error'] ?? '')),
			startedAt: dateOrNull(st['StartedAt']),
			finishedAt: dateOrNull(st['FinishedAt']),
			health: health
				? {
						status: String(health['Status'] ?? ''),
						failingStreak: Number(health['FailingStreak'] ?? 0),
						log: (health['Log'] ?? []).map((p: Obj) => ({
							start: String(p['Start'] ?? ''),
							end: String(p['End'] ?? ''),
							exitCode: Number(p['ExitCode'] ?? 0),
							output: redactBlock(String(p['Output'] ?? '')).slice(0, 2000),
						})),
					}
				: null,
		},
		restartCount: Number(i['RestartCount'] ?? 0),
		restartPolicy: {name: String(hc['RestartPolicy']?.['Name'] || 'no'), maximumRetryCount: Number(hc['RestartPolicy']?.['MaximumRetryCount'] ?? 0)},
		resources: {
			memory: Number(hc['Memory'] ?? 0),
			memorySwap: Number(hc['MemorySwap'] ?? 0),
			memoryReservation: Number(hc['MemoryReservation'] ?? 0),
			nanoCpus: Number(hc['NanoCpus'] ?? 0),
			cpusetCpus: String(hc['CpusetCpus'] ?? ''),
			pidsLimit: typeof hc['PidsLimit'] === 'number' && hc['PidsLimit'] > 0 ? hc['PidsLimit'] : null,
			readonlyRootfs: hc['ReadonlyRootfs'] === true,
			shmSize: Number(hc['ShmSize'] ?? 0),
			tmpfs: {...(hc['Tmpfs'] ?? {})},
		},
		healthcheck:
			hcTest && hcTest.length > 0 && hcTest[0] !== 'NONE'
				? {
						test: redactArgv(hcTest),
						interval: Number(cfg['Healthcheck']['Interval'] ?? 0),
						timeout: Number(cfg['Healthcheck']['Timeout'] ?? 0),
						retries: Number(cfg['Healthcheck']['Retries'] ?? 0),
						startPeriod: Number(cfg['Healthcheck']['StartPeriod'] ?? 0),
					}
				: null,
		mounts,
		ports,
		network: {
			mode: String(hc['NetworkMode'] ?? ''),
			networks: Object.keys(i['NetworkSettings']?.['Networks'] ?? {}),
			extraHosts: arr(hc['ExtraHosts']) ?? [],
			dns: arr(hc['Dns']) ?? [],
			addresses: Object.fromEntries(
				Object.entries((i['NetworkSettings']?.['Networks'] ?? {}) as Record<string, Obj>).map(([n, v]) => [n, String(v?.['IPAddress'] ?? '')]),
			),
		},
		image: img
			? {
					id: String(img['Id'] ?? ''),
					user: String(imgCfg['User'] ?? ''),
					entrypoint: imageCommand.entrypoint,
					cmd: imageCommand.cmd,
					workingDir: String(imgCfg['WorkingDir'] ?? ''),
					architecture: String(img['Architecture'] ?? ''),
					variant: img['Variant'] ? String(img['Variant']) : null,
					os: String(img['Os'] ?? ''),
					healthcheck: ((t) => (t ? redactArgv(t) : null))(arr(imgCfg['Healthcheck']?.['Test'])),
					exposedPorts: Object.keys(imgCfg['ExposedPorts'] ?? {}),
					stopSignal: String(imgCfg['StopSignal'] ?? ''),
				}
			: null,
		logs: raw.logs,
		events: raw.events,
		portHolders: raw.portHolders,
		executable: raw.executable,
		live: raw.live ?? null,
		host: raw.host,
	};
}

/** Does this container's start failure call for a look at the file it tried to execute? */
export function needsExecutableProbe(inspect: Obj, lines: readonly LogLine[]): boolean {
	const st: Obj = inspect['State'] ?? {};
	const code = Number(st['ExitCode'] ?? 0);
	if (code === 126 || code === 127) return true;
	if (/exec|no such file|permission denied|format error/i.test(String(st['Error'] ?? ''))) return true;
	return lines.some((l) => /exec format error|exec user process caused|no such file or directory/i.test(l.text));
}

/** Candidate paths for the executable: absolute as given, else each PATH entry (at most 8). */
export function executableCandidates(path: string, env: readonly string[]): string[] {
	if (path === '') return [];
	if (path.includes('/')) return [path.startsWith('/') ? path : `/${path}`];
	const pathVar = env.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
	return pathVar
		.split(':')
		.filter((d) => d.startsWith('/'))
		.slice(0, 8)
		.map((d) => `${d.replace(/\/$/, '')}/${path}`);
}

/** Merge two tails of the same log (both streams, stderr only) in time order, without duplicates. */
export function mergeLogLines(a: readonly LogLine[], b: readonly LogLine[]): LogLine[] {
	if (b.length === 0) return [...a];
	const seen = new Set(a.map((l) => `${l.time}|${l.stream}|${l.text}`));
	const extra = b.filter((l) => !seen.has(`${l.time}|${l.stream}|${l.text}`));
	if (extra.length === 0) return [...a];
	// RFC 3339 times from the engine are all UTC with the same precision: string order is time order.
	return [...a, ...extra].sort((x, y) => (x.time ?? '').localeCompare(y.time ?? ''));
}
