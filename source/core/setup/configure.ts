/**
 * configure: engine and Docker Desktop configuration for a platform, from recommend's numbers.
 * Pure generation: the daemon.json to use (merged into the user's own, never replacing it), the
 * .wslconfig for WSL 2, and the Desktop settings to change, each with its reason.
 */
import type {WriteOutcome} from '../write-outcome.js';
import type {EndpointFacts, SetupFacts} from './facts.js';
import {dockerSize, type Finding, type Recommendation} from './recommend.js';

const GiB = 1024 ** 3;

export type Platform = 'linux' | 'macos' | 'windows';
export const PLATFORMS: readonly Platform[] = ['linux', 'macos', 'windows'];
export type ConfigFileId = 'daemon.json' | '.wslconfig';
export const CONFIG_FILES: readonly ConfigFileId[] = ['daemon.json', '.wslconfig'];

export interface DetectedPlatform {
	readonly platform: Platform;
	readonly why: string;
	/** Linux inside WSL 2: the WSL VM's own limits (.wslconfig) apply too. */
	readonly wsl: boolean;
}

export function detectPlatform(facts: SetupFacts): DetectedPlatform {
	const os = facts.host.os;
	if (os.wsl) {
		if (!facts.engine || facts.engine.desktop) return {platform: 'windows', why: 'running inside WSL 2 with Docker Desktop for Windows', wsl: true};
		return {platform: 'linux', why: 'a Linux engine inside WSL 2 (the WSL VM is sized by .wslconfig on Windows)', wsl: true};
	}
	const remote = facts.endpoint && facts.engine && !facts.engine.desktop && (facts.endpoint.transport === 'tcp' || facts.endpoint.transport === 'ssh');
	if (remote)
		return {
			platform: facts.engine!.os === 'windows' ? 'windows' : 'linux',
			why: `the engine at ${facts.endpoint!.host} runs ${facts.engine!.operatingSystem || facts.engine!.os}: apply this on that machine`,
			wsl: false,
		};
	if (os.platform === 'darwin') return {platform: 'macos', why: 'this host runs macOS', wsl: false};
	if (os.platform === 'win32') return {platform: 'windows', why: 'this host runs Windows', wsl: false};
	return {platform: 'linux', why: `this host runs ${os.distro || 'Linux'}`, wsl: false};
}

export interface DaemonItem {
	readonly key: string;
	readonly value: unknown;
	readonly reason: string;
}

export type ChangeAction = 'added' | 'extended' | 'kept' | 'same' | 'set';

export interface Change {
	readonly key: string;
	readonly action: ChangeAction;
	/** The user's value, when there was one. */
	readonly yours?: unknown;
	/** What we recommend. */
	readonly ours: unknown;
	readonly reason: string;
}

export interface ConfigFile {
	readonly id: ConfigFileId;
	/** Where this file lives for this platform. */
	readonly location: string;
	readonly content: string;
	/** The existing file merged into, if any. */
	readonly mergedFrom: string | null;
	readonly changes: readonly Change[];
	/** How to make the engine pick it up. */
	readonly activate: readonly string[];
}

export interface Section {
	readonly title: string;
	readonly lines: readonly string[];
}

export interface ConfigureInput {
	readonly facts: SetupFacts;
	readonly recommendation: Recommendation;
	readonly platform: DetectedPlatform;
	/** The daemon.json to merge into: the --write target if it exists, else the local engine's. */
	readonly existingDaemon: {readonly path: string; readonly raw: Readonly<Record<string, unknown>> | null} | null;
	/** The .wslconfig to merge into (the --write target), as text. */
	readonly existingWslConfig: {readonly path: string; readonly text: string} | null;
}

export interface ConfigureOutput {
	readonly sections: readonly Section[];
	readonly files: readonly ConfigFile[];
	readonly findings: readonly Finding[];
}

/** The keys we recommend for daemon.json on this platform and engine, each with its reason. */
export function daemonItems(facts: SetupFacts, rec: Recommendation, platform: Platform): DaemonItem[] {
	const items: DaemonItem[] = [
		{key: 'log-driver', value: 'json-file', reason: '`docker logs` keeps working and every tool reads these files'},
		{
			key: 'log-opts',
			value: {'max-size': '10m', 'max-file': '3'},
			reason: 'without max-size json-file logs grow until the disk is full; 3 × 10 MiB per container is plenty for `docker logs`',
		},
		{
			key: 'default-ulimits',
			value: {nofile: {Name: 'nofile', Soft: 65536, Hard: 65536}},
			reason:
				'a known open-files limit for every container: servers and model loaders open many files and sockets, and an unbounded limit slows some runtimes (each fd is scanned on fork)',
		},
	];
	if (platform === 'linux' && !facts.engine?.desktop) {
		items.push({key: 'live-restore', value: true, reason: 'containers keep running while dockerd restarts or upgrades (not available in swarm mode)'});
		const driver = facts.engine?.storageDriver;
		if (driver === 'overlay2')
			items.push({
				key: 'storage-driver',
				value: 'overlay2',
				reason: 'pins the driver the engine already uses, so a kernel or package change cannot silently fall back to vfs',
			});
		else if (driver === 'vfs' || driver === 'devicemapper' || driver === 'aufs') {
			items.push({
				key: 'storage-driver',
				value: 'overlay2',
				reason: `${driver} is slow or removed from current engines; images and containers made with it stay hidden after the switch (save or push what you need first)`,
			});
		}
		if (facts.engine?.cgroupVersion === '2' && facts.engine.cgroupDriver === 'cgroupfs' && !facts.engine.rootless) {
			items.push({
				key: 'exec-opts',
				value: ['native.cgroupdriver=systemd'],
				reason: 'on a systemd host two cgroup managers disagree under memory pressure; let systemd manage container cgroups',
			});
		}
	}
	const shm = rec.settings?.shm;
	if (shm)
		items.push({
			key: 'default-shm-size',
			value: dockerSize(shm.value).toUpperCase(),
			reason: `every container gets ${shm.display} of /dev/shm instead of 64 MiB (${rec.workload}); a per-container --shm-size still wins`,
		});
	return items;
}

function equal(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merge recommendations into the user's daemon.json. The user's keys all stay; a key we do not
 * have is added; objects (log-opts, default-ulimits) gain only the sub-keys they lack; where the
 * user chose a different value, theirs is kept and ours is reported beside it.
 */
export function mergeDaemonJson(
	existing: Readonly<Record<string, unknown>> | null,
	items: readonly DaemonItem[],
): {merged: Record<string, unknown>; changes: Change[]} {
	const merged: Record<string, unknown> = {...(existing ?? {})};
	const changes: Change[] = [];
	const userDriver = existing?.['log-driver'];
	const rotatingDriver = userDriver === undefined || userDriver === 'json-file' || userDriver === 'local';
	for (const item of items) {
		const yours = existing?.[item.key];
		if ((item.key === 'log-driver' || item.key === 'log-opts') && !rotatingDriver) {
			changes.push({
				key: item.key,
				action: 'kept',
				...(yours !== undefined ? {yours} : {}),
				ours: item.value,
				reason: `your log-driver "${String(userDriver)}" keeps logs elsewhere: max-size and max-file apply to json-file and local only`,
			});
			continue;
		}
		if (item.key === 'log-driver' && userDriver === 'local') {
			changes.push({key: item.key, action: 'kept', yours, ours: item.value, reason: 'the local driver rotates by itself (20 MiB × 5 files by default); kept'});
			continue;
		}
		if (yours === undefined) {
			merged[item.key] = item.value;
			changes.push({key: item.key, action: 'added', ours: item.value, reason: item.reason});
		} else if (equal(yours, item.value)) {
			changes.push({key: item.key, action: 'same', yours, ours: item.value, reason: item.reason});
		} else if (isObject(yours) && isObject(item.value)) {
			const added = Object.keys(item.value).filter((k) => !(k in yours));
			if (added.length === 0) {
				changes.push({key: item.key, action: 'kept', yours, ours: item.value, reason: `your values are kept (${item.reason})`});
			} else {
				const extended = {...yours};
				for (const k of added) extended[k] = item.value[k];
				merged[item.key] = extended;
				changes.push({key: item.key, action: 'extended', yours, ours: extended, reason: `added ${added.join(', ')}: ${item.reason}`});
			}
		} else {
			changes.push({
				key: item.key,
				action: 'kept',
				yours,
				ours: item.value,
				reason: `you chose ${JSON.stringify(yours)}; we would set ${JSON.stringify(item.value)} because ${item.reason}`,
			});
		}
	}
	return {merged, changes};
}

const WSL_KEYS = ['memory', 'processors', 'swap'] as const;

/** .wslconfig [wsl2] limits, merged into an existing file: other sections and keys stay as they are. */
export function mergeWslConfig(
	existing: string | null,
	values: Readonly<Record<(typeof WSL_KEYS)[number], string>>,
	reasons: Readonly<Record<(typeof WSL_KEYS)[number], string>>,
): {content: string; changes: Change[]} {
	const changes: Change[] = [];
	if (existing === null || existing.trim() === '') {
		const lines = ['# %UserProfile%\\.wslconfig: limits of the WSL 2 VM that runs Docker Desktop (docker-helper configure)', '[wsl2]'];
		for (const key of WSL_KEYS) {
			lines.push(`# ${reasons[key]}`, `${key}=${values[key]}`);
			changes.push({key, action: 'added', ours: values[key], reason: reasons[key]});
		}
		return {content: `${lines.join('\n')}\n`, changes};
	}
	const eol = existing.includes('\r\n') ? '\r\n' : '\n';
	const lines = existing.split(/\r?\n/);
	if (lines.at(-1) === '') lines.pop();
	let section = '';
	let wslStart = -1;
	let wslEnd = lines.length;
	const seen = new Set<string>();
	for (let i = 0; i < lines.length; i++) {
		const header = /^\s*\[([^\]]+)\]\s*$/.exec(lines[i]!);
		if (header) {
			if (section === 'wsl2' && wslEnd === lines.length) wslEnd = i;
			section = header[1]!.trim().toLowerCase();
			if (section === 'wsl2') wslStart = i;
			continue;
		}
		if (section !== 'wsl2') continue;
		const kv = /^\s*([A-Za-z0-9_.]+)\s*=\s*(.*?)\s*$/.exec(lines[i]!);
		const key = kv?.[1]?.toLowerCase();
		const known = WSL_KEYS.find((k) => k === key);
		if (!kv || !known) continue;
		seen.add(known);
		if (kv[2] === values[known]) changes.push({key: known, action: 'same', yours: kv[2], ours: values[known], reason: reasons[known]});
		else {
			lines[i] = `${known}=${values[known]}`;
			changes.push({key: known, action: 'set', yours: kv[2], ours: values[known], reason: reasons[known]});
		}
	}
	if (section === 'wsl2' && wslEnd === lines.length) wslEnd = lines.length;
	const missing = WSL_KEYS.filter((k) => !seen.has(k));
	if (wslStart === -1) {
		lines.push('', '[wsl2]');
		wslEnd = lines.length;
	}
	// Insert after the last non-blank line of the [wsl2] section.
	let at = wslEnd;
	while (at - 1 > wslStart && lines[at - 1]!.trim() === '') at--;
	const inserted = missing.map((k) => `${k}=${values[k]}`);
	lines.splice(at, 0, ...inserted);
	for (const k of missing) changes.push({key: k, action: 'added', ours: values[k], reason: reasons[k]});
	return {content: `${lines.join(eol)}${eol}`, changes};
}

function daemonLocation(platform: Platform, facts: SetupFacts): string {
	if (platform === 'linux' && facts.engine?.desktop) return '~/.docker/daemon.json (Docker Desktop → Settings → Docker Engine edits the same file)';
	if (platform === 'macos') return '~/.docker/daemon.json (Docker Desktop → Settings → Docker Engine edits the same file)';
	if (platform === 'windows') return '%UserProfile%\\.docker\\daemon.json (Docker Desktop → Settings → Docker Engine edits the same file)';
	if (facts.engine?.rootless) return '~/.config/docker/daemon.json (rootless engine)';
	return '/etc/docker/daemon.json';
}

function engineMajor(facts: SetupFacts): number {
	return Number.parseInt(facts.engine?.version ?? '0', 10) || 0;
}

export function configure(input: ConfigureInput): ConfigureOutput {
	const {facts, recommendation: rec, platform} = input;
	const p = platform.platform;
	const s = rec.settings;
	const sections: Section[] = [];
	const files: ConfigFile[] = [];
	const findings: Finding[] = [...rec.findings];
	const gb = (bytes: number) => `${Math.round(bytes / GiB)}GB`;

	if (p === 'macos' || p === 'windows') {
		const title = p === 'macos' ? 'Docker Desktop for Mac → Settings → Resources → Advanced' : 'Docker Desktop for Windows → Settings → Resources';
		const lines = s
			? p === 'windows'
				? [
						'With the WSL 2 backend (the default) Windows sizes the VM: the Resources page has no memory or CPU sliders; use .wslconfig below.',
						`With the Hyper-V backend: CPUs ${s.dockerCpus.value}, Memory ${gb(s.dockerMemory.value)}, Swap ${Math.max(0.5, s.swap.value / GiB)}GB, Disk image size ${gb(s.diskFree.value + 16 * GiB)}.`,
						'Keep your projects inside the WSL file system (\\\\wsl$\\<distro>\\home\\...), not /mnt/c: bind mounts from C: are several times slower.',
						...(s.gpu.value || facts.host.gpus.length > 0
							? ['NVIDIA GPUs work with the WSL 2 backend and a current Windows NVIDIA driver: docker run --gpus all ...']
							: []),
					]
				: [
						`CPUs: ${s.dockerCpus.value} — ${s.dockerCpus.reason}`,
						`Memory: ${gb(s.dockerMemory.value)} — ${s.dockerMemory.reason}`,
						`Swap: ${Math.max(0.5, s.swap.value / GiB)}GB — ${s.swap.reason}`,
						`Virtual disk limit: ${gb(s.diskFree.value + 16 * GiB)} — ${s.diskFree.reason}, plus room for the VM`,
						'Then Apply & restart. General → Virtual Machine Options: the Apple Virtualization framework with VirtioFS gives the fastest bind mounts.',
						...(facts.host.os.arch === 'arm64'
							? [
									'Apple silicon: containers cannot use the Apple GPU (Metal); run GPU inference natively, or on the CPU in a container. Prefer arm64 images; enable Rosetta for x86/amd64 emulation only where you must.',
								]
							: []),
					]
			: ["No resource numbers: this machine cannot meet the workload's minimum (see the findings)."];
		sections.push({title, lines});
	}

	if (p === 'windows' || platform.wsl) {
		if (s) {
			const values = {memory: gb(s.dockerMemory.value), processors: String(s.dockerCpus.value), swap: `${Math.max(1, Math.round(s.swap.value / GiB))}GB`};
			const reasons = {
				memory: `memory of the WSL 2 VM: ${s.dockerMemory.reason}`,
				processors: `CPUs of the WSL 2 VM: ${s.dockerCpus.reason}`,
				swap: `swap of the WSL 2 VM: ${s.swap.reason}`,
			};
			const merged = mergeWslConfig(input.existingWslConfig?.text ?? null, values, reasons);
			files.push({
				id: '.wslconfig',
				location: '%UserProfile%\\.wslconfig (on the Windows side)',
				content: merged.content,
				mergedFrom: input.existingWslConfig?.path ?? null,
				changes: merged.changes,
				activate: [
					'wsl --shutdown   (in PowerShell; stops every WSL distro)',
					'Start Docker Desktop again; check with: docker info --format "{{.MemTotal}} {{.NCPU}}"',
				],
			});
		}
	}

	const desktopOnLinux = p === 'linux' && facts.engine?.desktop === true;
	if (desktopOnLinux) {
		sections.push({
			title: 'Docker Desktop for Linux → Settings → Resources → Advanced',
			lines: s
				? [
						`CPUs: ${s.dockerCpus.value} — ${s.dockerCpus.reason}`,
						`Memory: ${gb(s.dockerMemory.value)} — ${s.dockerMemory.reason}`,
						`Swap: ${Math.max(0.5, s.swap.value / GiB)}GB — ${s.swap.reason}`,
						`Virtual disk limit: ${gb(s.diskFree.value + 16 * GiB)} — ${s.diskFree.reason}, plus room for the VM`,
						'Then Apply & restart. Docker Desktop runs its own VM even on Linux: these limits apply to it.',
					]
				: ["No resource numbers: this machine cannot meet the workload's minimum (see the findings)."],
		});
	}
	if (p === 'linux' && !desktopOnLinux) {
		const remote = facts.endpoint?.transport === 'tcp' || facts.endpoint?.transport === 'ssh';
		const lines = [`No VM limits apply: containers share ${remote ? "the engine's host" : 'this host'} directly. Limit each container instead:`];
		if (s && rec.apply) {
			lines.push(`  ${rec.apply.dockerRun}`);
			lines.push(
				`  compose: deploy.resources.limits memory ${dockerSize(s.containerMemory.value)}, cpus ${s.containerCpus.value}; pids_limit ${s.pids.value}${s.shm ? `; shm_size ${dockerSize(s.shm.value)}` : ''} (docker-helper generate-compose)`,
			);
			lines.push(`Keep the sum of all containers' --memory under ${s.dockerMemory.display}: ${s.dockerMemory.reason}.`);
		}
		if (platform.wsl)
			lines.push("Inside WSL 2 the whole distro is a VM sized by .wslconfig on Windows (by default half of Windows' memory): see .wslconfig below.");
		sections.push({title: 'Linux engine', lines});
	}

	const existing = input.existingDaemon;
	if (existing && existing.raw === null) {
		findings.push({
			id: 'daemon-json.invalid',
			severity: 'fail',
			message: `${existing.path} is not valid JSON: dockerd refuses to start with it.`,
			hint: `Fix it first (python3 -m json.tool ${existing.path} shows where), then run configure again.`,
		});
	} else {
		const {merged, changes} = mergeDaemonJson(existing?.raw ?? null, daemonItems(facts, rec, p));
		const activate =
			p === 'linux' && !facts.engine?.desktop
				? [
						engineMajor(facts) >= 23
							? `sudo dockerd --validate --config-file ${facts.engine?.rootless ? '~/.config/docker/daemon.json' : '/etc/docker/daemon.json'}`
							: 'python3 -m json.tool /etc/docker/daemon.json >/dev/null   # a syntax check (dockerd --validate needs Docker 23+)',
						facts.engine?.rootless
							? 'systemctl --user restart docker'
							: 'sudo systemctl restart docker   # running containers stop this once; with live-restore on, later restarts keep them',
						'Log options and ulimits apply to containers created after the restart.',
					]
				: ['Paste it into Docker Desktop → Settings → Docker Engine, then Apply & restart.'];
		files.push({
			id: 'daemon.json',
			location: daemonLocation(p, facts),
			content: `${JSON.stringify(merged, null, 2)}\n`,
			mergedFrom: existing?.path ?? null,
			changes,
			activate,
		});
	}
	return {sections, files, findings};
}

/** A short human form of a change for the text output. */
export function describeChange(c: Change): string {
	const v = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
	switch (c.action) {
		case 'added':
			return `+ ${c.key}: ${v(c.ours)} — ${c.reason}`;
		case 'extended':
			return `~ ${c.key}: ${v(c.yours)} → ${v(c.ours)} — ${c.reason}`;
		case 'set':
			return `~ ${c.key}: ${v(c.yours)} → ${v(c.ours)} — ${c.reason}`;
		case 'kept':
			return `= ${c.key}: kept ${c.yours === undefined ? 'as is' : v(c.yours)} — ${c.reason}`;
		case 'same':
			return `= ${c.key}: already ${v(c.yours)}`;
	}
}

/** configure's Result: the platform, the files for it, and what --write wrote. */
export interface ConfigureResult {
	readonly platform: Platform;
	readonly platformWhy: string;
	readonly workload: string;
	readonly feasible: boolean;
	readonly endpoint: EndpointFacts | null;
	readonly sections: readonly Section[];
	readonly files: readonly ConfigFile[];
	readonly findings: readonly Finding[];
	/** Set when --write wrote a file. */
	readonly written: (WriteOutcome & {readonly file: ConfigFileId}) | null;
}
