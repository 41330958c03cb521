/**
 * vitest global setup: every test leaves the engine as it found it. At the start of the run the
 * engine's containers, images, networks and volumes are noted; at the end, whatever is new and still
 * there is a leak. Under CI=true (one run, nothing else on the engine) every new object counts and the
 * run fails; elsewhere, where other runs may share the engine, only objects named `dhtest-` (the
 * prefix uniqueName gives) are reported, as a warning, and left alone, since they may belong to a run
 * still going. Under CI leaks are removed after they are reported, so one bad run does not poison the next.
 */
import {spawnSync} from 'node:child_process';

type Kind = 'container' | 'image' | 'network' | 'volume';
interface EngineObject {
	readonly kind: Kind;
	readonly id: string;
	readonly name: string;
}

const LIST: Record<Kind, string[]> = {
	container: ['ps', '-a', '--no-trunc', '--format', '{{.ID}}\t{{.Names}}'],
	image: ['images', '-a', '--no-trunc', '--format', '{{.ID}}\t{{.Repository}}:{{.Tag}}'],
	network: ['network', 'ls', '--no-trunc', '--format', '{{.ID}}\t{{.Name}}'],
	volume: ['volume', 'ls', '--format', '{{.Name}}\t{{.Name}}'],
};
const REMOVE: Record<Kind, string[]> = {container: ['rm', '-f', '-v'], image: ['rmi', '-f'], network: ['network', 'rm'], volume: ['volume', 'rm', '-f']};

function docker(args: readonly string[]): {ok: boolean; out: string} {
	const r = spawnSync('docker', [...args], {encoding: 'utf8', timeout: 30_000});
	return {ok: r.status === 0, out: r.stdout ?? ''};
}

function snapshot(): EngineObject[] | null {
	if (!docker(['version', '--format', '{{.Server.Version}}']).ok) return null;
	const all: EngineObject[] = [];
	for (const kind of Object.keys(LIST) as Kind[]) {
		const r = docker(LIST[kind]);
		if (!r.ok) return null;
		for (const line of r.out.split('\n').filter(Boolean)) {
			const [id, name] = line.split('\t') as [string, string];
			all.push({kind, id, name});
		}
	}
	return all;
}

let before: EngineObject[] | null = null;

export function setup(): void {
	before = snapshot();
}

export function teardown(): void {
	if (!before) return;
	const after = snapshot();
	if (!after) return;
	const strict = process.env['CI'] === 'true';
	const seen = new Set(before.map((o) => `${o.kind}:${o.id}`));
	const leaks = after.filter((o) => !seen.has(`${o.kind}:${o.id}`) && (strict || o.name.includes('dhtest-')));
	if (leaks.length === 0) return;
	const lines = leaks.map((o) => `  ${o.kind} ${o.name === o.id ? o.id : `${o.name} (${o.id.replace(/^sha256:/, '').slice(0, 12)})`}`);
	if (!strict) {
		console.warn(
			`[docker-helper tests] New engine objects named dhtest- still exist at the end of this run (another run on this engine may own them):\n${lines.join('\n')}`,
		);
		return;
	}
	// Remove in dependency order: containers hold images, networks and volumes.
	for (const kind of ['container', 'image', 'network', 'volume'] as const) {
		const ids = leaks.filter((o) => o.kind === kind).map((o) => o.id);
		if (ids.length > 0) docker([...REMOVE[kind], ...ids]);
	}
	// vitest reports an error thrown here but still exits 0: fail the process itself.
	console.error(`[docker-helper tests] FAIL: tests left ${leaks.length} engine object(s) behind (removed now):\n${lines.join('\n')}`);
	process.exitCode = 1;
}
