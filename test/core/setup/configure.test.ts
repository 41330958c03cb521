import {describe, expect, it} from 'vitest';
import {
	configure,
	daemonItems,
	describeChange,
	detectPlatform,
	mergeDaemonJson,
	mergeWslConfig,
	type DetectedPlatform,
} from '../../../source/core/setup/configure.js';
import {recommend} from '../../../source/core/setup/recommend.js';
import {WORKLOADS} from '../../../source/core/setup/workloads.js';
import {facts, GiB, type Shape} from './machines.js';

const LINUX: DetectedPlatform = {platform: 'linux', why: 'test', wsl: false};

function run(
	shape: Shape,
	platform: DetectedPlatform = LINUX,
	workload: keyof typeof WORKLOADS = 'ai-inference',
	existing: {daemon?: Record<string, unknown> | null; wsl?: string} = {},
) {
	const f = facts(shape);
	return configure({
		facts: f,
		recommendation: recommend(f, WORKLOADS[workload]),
		platform,
		existingDaemon: existing.daemon !== undefined ? {path: '/etc/docker/daemon.json', raw: existing.daemon} : null,
		existingWslConfig: existing.wsl !== undefined ? {path: 'C:\\Users\\me\\.wslconfig', text: existing.wsl} : null,
	});
}

describe('configure: platform detection', () => {
	it.each([
		['macOS', {platform: 'darwin', engine: {desktop: true}}, 'macos', false],
		['Windows', {platform: 'win32', engine: {desktop: true}}, 'windows', false],
		['WSL 2 with Docker Desktop', {platform: 'linux', wsl: true, engine: {desktop: true}}, 'windows', true],
		['WSL 2 with its own Linux engine', {platform: 'linux', wsl: true}, 'linux', true],
		['Linux', {platform: 'linux'}, 'linux', false],
	] as const)('%s', (_name, shape, platform, wsl) => {
		const d = detectPlatform(facts({memory: 16 * GiB, cpus: 8, ...shape} as Shape));
		expect(d.platform).toBe(platform);
		expect(d.wsl).toBe(wsl);
	});
});

describe('configure: daemon.json keys for the engine', () => {
	const keys = (shape: Partial<Shape>, platform: 'linux' | 'macos' | 'windows' = 'linux', workload: keyof typeof WORKLOADS = 'ai-inference') => {
		const f = facts({memory: 16 * GiB, cpus: 8, ...shape});
		return Object.fromEntries(daemonItems(f, recommend(f, WORKLOADS[workload]), platform).map((i) => [i.key, i.value]));
	};

	it('Linux: log rotation, ulimits, live-restore, the storage driver pinned, default shm for AI', () => {
		expect(keys({})).toEqual({
			'log-driver': 'json-file',
			'log-opts': {'max-size': '10m', 'max-file': '3'},
			'default-ulimits': {nofile: {Name: 'nofile', Soft: 65536, Hard: 65536}},
			'live-restore': true,
			'storage-driver': 'overlay2',
			'default-shm-size': '1G',
		});
	});

	it.each([
		['vfs is switched to overlay2', 'vfs', 'overlay2'],
		['devicemapper is switched to overlay2', 'devicemapper', 'overlay2'],
		['btrfs, a deliberate choice, is left alone', 'btrfs', undefined],
		['zfs is left alone', 'zfs', undefined],
	] as const)('storage driver: %s', (_n, driver, expected) => {
		expect(keys({engine: {storageDriver: driver}})['storage-driver']).toBe(expected);
	});

	it('cgroup v2 with cgroupfs gets the systemd driver; rootless and systemd do not', () => {
		expect(keys({engine: {cgroupDriver: 'cgroupfs'}})['exec-opts']).toEqual(['native.cgroupdriver=systemd']);
		expect(keys({engine: {cgroupDriver: 'systemd'}})['exec-opts']).toBeUndefined();
		expect(keys({engine: {cgroupDriver: 'cgroupfs', rootless: true}})['exec-opts']).toBeUndefined();
	});

	it('Docker Desktop manages the VM: no live-restore, no storage driver; web keeps the 64 MiB shm', () => {
		const mac = keys({platform: 'darwin', engine: {desktop: true}}, 'macos');
		expect(mac['live-restore']).toBeUndefined();
		expect(mac['storage-driver']).toBeUndefined();
		expect(mac['log-opts']).toBeDefined();
		expect(keys({}, 'linux', 'web')['default-shm-size']).toBeUndefined();
	});
});

describe('configure: merging into an existing daemon.json', () => {
	const items = daemonItems(facts({memory: 16 * GiB, cpus: 8}), recommend(facts({memory: 16 * GiB, cpus: 8}), WORKLOADS['ai-inference']), 'linux');
	const actions = (changes: ReturnType<typeof mergeDaemonJson>['changes']) => Object.fromEntries(changes.map((c) => [c.key, c.action]));

	it('no file: everything is added', () => {
		const {merged, changes} = mergeDaemonJson(null, items);
		expect(Object.keys(merged)).toEqual(items.map((i) => i.key));
		expect(new Set(changes.map((c) => c.action))).toEqual(new Set(['added']));
	});

	it("keeps every key of the user's, extends objects, keeps conflicting choices", () => {
		const mine = {
			'registry-mirrors': ['https://mirror.example'],
			debug: true,
			'log-opts': {'max-size': '50m'},
			'live-restore': false,
			'storage-driver': 'overlay2',
		};
		const {merged, changes} = mergeDaemonJson(mine, items);
		expect(merged['registry-mirrors']).toEqual(['https://mirror.example']);
		expect(merged['debug']).toBe(true);
		expect(merged['log-opts']).toEqual({'max-size': '50m', 'max-file': '3'}); // their 50m stays, max-file added
		expect(merged['live-restore']).toBe(false); // their choice
		expect(actions(changes)).toMatchObject({
			'log-driver': 'added',
			'log-opts': 'extended',
			'live-restore': 'kept',
			'storage-driver': 'same',
			'default-ulimits': 'added',
		});
		expect(describeChange(changes.find((c) => c.key === 'live-restore')!)).toContain('kept false');
	});

	it('a non-rotating log driver (journald) gets no json-file options', () => {
		const {merged, changes} = mergeDaemonJson({'log-driver': 'journald'}, items);
		expect(merged['log-driver']).toBe('journald');
		expect(merged['log-opts']).toBeUndefined(); // max-size is invalid for journald: dockerd would refuse to start
		expect(changes.find((c) => c.key === 'log-opts')!.reason).toContain('journald');
	});

	it('the local driver rotates by itself and is kept', () => {
		const {merged} = mergeDaemonJson({'log-driver': 'local'}, items);
		expect(merged['log-driver']).toBe('local');
	});

	it('an invalid daemon.json is a failure, and no daemon.json is proposed', () => {
		const out = run({memory: 16 * GiB, cpus: 8}, LINUX, 'ai-inference', {daemon: null});
		expect(out.findings.find((f) => f.id === 'daemon-json.invalid')?.severity).toBe('fail');
		expect(out.files.find((f) => f.id === 'daemon.json')).toBeUndefined();
	});
});

describe('configure: .wslconfig', () => {
	const values = {memory: '16GB', processors: '8', swap: '2GB'};
	const reasons = {memory: 'm', processors: 'p', swap: 's'};

	it('a new file has the [wsl2] limits', () => {
		const {content} = mergeWslConfig(null, values, reasons);
		expect(content).toMatch(/\[wsl2\][\s\S]*memory=16GB[\s\S]*processors=8[\s\S]*swap=2GB/);
	});

	it('an existing file keeps its other keys and sections; our limits are set in [wsl2]', () => {
		const existing = '[wsl2]\r\nmemory=4GB\r\nlocalhostForwarding=true\r\n\r\n[experimental]\r\nautoMemoryReclaim=gradual\r\n';
		const {content, changes} = mergeWslConfig(existing, values, reasons);
		expect(content).toBe(
			'[wsl2]\r\nmemory=16GB\r\nlocalhostForwarding=true\r\nprocessors=8\r\nswap=2GB\r\n\r\n[experimental]\r\nautoMemoryReclaim=gradual\r\n',
		);
		expect(changes.map((c) => `${c.key}:${c.action}`)).toEqual(['memory:set', 'processors:added', 'swap:added']);
	});

	it('a file without [wsl2] gets the section appended', () => {
		const {content} = mergeWslConfig('[experimental]\nsparseVhd=true\n', values, reasons);
		expect(content).toBe('[experimental]\nsparseVhd=true\n\n[wsl2]\nmemory=16GB\nprocessors=8\nswap=2GB\n');
	});
});

describe('configure: per platform', () => {
	it('Linux: no VM limits, per-container limits, daemon.json at /etc/docker', () => {
		const out = run({memory: 32 * GiB, cpus: 8});
		expect(out.sections[0]!.lines.join('\n')).toContain('No VM limits apply');
		expect(out.sections[0]!.lines.join('\n')).toContain('docker run -d --memory 12g');
		const daemon = out.files.find((f) => f.id === 'daemon.json')!;
		expect(daemon.location).toBe('/etc/docker/daemon.json');
		expect(JSON.parse(daemon.content)['log-opts']['max-size']).toBe('10m');
		expect(out.files.find((f) => f.id === '.wslconfig')).toBeUndefined();
		expect(daemon.activate.join('\n')).toContain('dockerd --validate'); // Docker 24 in the fixture
	});

	it("rootless Linux: the user's daemon.json and a user-level restart", () => {
		const daemon = run({memory: 32 * GiB, cpus: 8, engine: {rootless: true}}).files.find((f) => f.id === 'daemon.json')!;
		expect(daemon.location).toContain('~/.config/docker/daemon.json');
		expect(daemon.activate.join('\n')).toContain('systemctl --user restart docker');
	});

	it('macOS: Desktop Resources numbers from recommend, Apple-silicon GPU caveat', () => {
		const out = run(
			{memory: 32 * GiB, cpus: 10, platform: 'darwin', arch: 'arm64', engine: {desktop: true, memTotal: 8 * GiB, cpus: 4}},
			{platform: 'macos', why: 't', wsl: false},
		);
		const text = out.sections.map((s) => s.lines.join('\n')).join('\n');
		expect(out.sections[0]!.title).toContain('Docker Desktop for Mac');
		expect(text).toContain('Memory: 16GB');
		expect(text).toContain('CPUs: 8');
		expect(text).toContain('Apple GPU');
		expect(out.files.map((f) => f.id)).toEqual(['daemon.json']);
	});

	it('Windows with WSL 2: .wslconfig carries the VM limits', () => {
		const out = run(
			{memory: 32 * GiB, cpus: 12, platform: 'linux', wsl: true, engine: {desktop: true, memTotal: 16 * GiB, cpus: 12}},
			{platform: 'windows', why: 't', wsl: true},
		);
		const wsl = out.files.find((f) => f.id === '.wslconfig')!;
		expect(wsl.content).toContain('memory=16GB');
		expect(wsl.content).toContain('processors=10');
		expect(wsl.activate[0]).toContain('wsl --shutdown');
		expect(out.files.find((f) => f.id === 'daemon.json')!.location).toContain('%UserProfile%');
	});

	it('a machine below the minimum: no resource numbers, the failure is reported, log rotation is still offered', () => {
		const out = run({memory: 4 * GiB, cpus: 2}, {platform: 'windows', why: 't', wsl: true}, 'ai-training');
		expect(out.findings.some((f) => f.severity === 'fail')).toBe(true);
		expect(out.files.find((f) => f.id === '.wslconfig')).toBeUndefined();
		expect(out.sections[0]!.lines.join('\n')).toContain('No resource numbers');
		expect(out.files.find((f) => f.id === 'daemon.json')).toBeDefined();
	});
});

describe('configure: engines that are not this plain host', () => {
	it('a remote engine is configured as its own OS, whatever this laptop runs', () => {
		const f = facts({memory: 8 * GiB, cpus: 4, platform: 'darwin', transport: 'ssh', engine: {memTotal: 64 * GiB, cpus: 16}});
		const d = detectPlatform(f);
		expect(d.platform).toBe('linux');
		expect(d.why).toContain('ssh://build-server:2376');
		const out = configure({facts: f, recommendation: recommend(f, WORKLOADS['ai-inference']), platform: d, existingDaemon: null, existingWslConfig: null});
		expect(out.sections[0]!.lines[0]).toContain("the engine's host");
		expect(out.sections[0]!.lines.join('\n')).toContain('--memory 24g'); // from the engine's 64 GiB, not the laptop's 8
	});

	it('Docker Desktop for Linux: a VM with Resources settings, not "no VM limits"', () => {
		const out = run({memory: 32 * GiB, cpus: 8, engine: {desktop: true, memTotal: 8 * GiB, cpus: 4}});
		expect(out.sections[0]!.title).toContain('Docker Desktop for Linux');
		expect(out.sections.map((s) => s.lines.join('\n')).join('\n')).not.toContain('No VM limits');
		const daemon = out.files.find((f) => f.id === 'daemon.json')!;
		expect(daemon.location).toContain('~/.docker/daemon.json');
		expect(JSON.parse(daemon.content)['live-restore']).toBeUndefined();
	});
});
