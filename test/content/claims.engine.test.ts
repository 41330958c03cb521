/**
 * The knowledge content's transcripts are claims about what Docker does. These tests run the
 * commands the topics show against the real engine (busybox:1.36 replaced by the local fixture
 * image, names made unique) and check that the engine answers what the topic says it answers.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {Lexer, type Tokens} from 'marked';
import {afterAll, expect, it} from 'vitest';
import {readRawDocs} from '../../source/adapters/knowledge.js';
import {buildCatalog, resolve} from '../../source/core/knowledge/catalog.js';
import {ROOT} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

const catalog = buildCatalog(await readRawDocs(path.join(ROOT, 'content')));

interface Step {
	readonly command: string;
	/** The output lines the topic shows under the command. */
	readonly shown: string[];
}

/** The console block of a topic that contains `marker`, as commands with the output shown under each. */
function transcript(id: string, marker: string): Step[] {
	const doc = resolve(catalog, id)!;
	const blocks = new Lexer().lex(doc.markdown).filter((t): t is Tokens.Code => t.type === 'code' && t.lang === 'console');
	const block = blocks.find((b) => b.text.includes(marker));
	if (!block) throw new Error(`no console block with '${marker}' in ${id}`);
	const steps: Array<{command: string; shown: string[]}> = [];
	let continued = false;
	for (const line of block.text.split('\n')) {
		if (line.startsWith('$ ')) steps.push({command: line.slice(2), shown: []});
		else if (continued) steps.at(-1)!.command += `\n${line}`;
		else steps.at(-1)?.shown.push(line);
		continued = line.endsWith('\\');
	}
	return steps;
}

function localise(command: string, names: Record<string, string>): string {
	let out = command.replaceAll('busybox:1.36', FIXTURE_IMAGE);
	for (const [from, to] of Object.entries(names)) out = out.replace(new RegExp(`(?<![\\w-])${from}(?![\\w-])`, 'g'), to);
	return out;
}

function sh(command: string): {code: number; out: string; ms: number} {
	const start = Date.now();
	const r = spawnSync('bash', ['-c', command], {encoding: 'utf8', timeout: 60_000});
	return {code: r.status ?? -1, out: `${r.stdout}${r.stderr}`.trim(), ms: Date.now() - start};
}

const created: string[] = [];
afterAll(() => removeContainers(...created));

describeEngine('the topics tell the truth (real engine)', () => {
	it('images-vs-containers: a file written in one container is not in the image', () => {
		const demo = uniqueName('k1-demo');
		created.push(demo);
		const steps = transcript('images-vs-containers', 'docker diff demo');
		const run = (i: number) => sh(localise(steps[i]!.command, {demo}));
		expect(run(0).code).toBe(0);
		const diff = run(1);
		expect(diff.out.split('\n')).toEqual(steps[1]!.shown);
		const status = run(2);
		expect(status.out).toMatch(new RegExp(`^${demo} Exited \\(0\\)`));
		expect(steps[2]!.shown[0]).toMatch(/^demo Exited \(0\)/);
		const fresh = run(3);
		expect(fresh.code).not.toBe(0);
		expect(fresh.out).toBe(steps[3]!.shown[0]);
	});

	it('copy-on-write: docker diff lists exactly the changes the topic shows', () => {
		const name = uniqueName('k1-cow');
		created.push(name);
		const steps = transcript('copy-on-write', 'docker diff cow-demo');
		const names = {'cow-demo': name};
		for (const i of [0, 1, 2]) expect(sh(localise(steps[i]!.command, names)).code).toBe(0);
		const diff = sh(localise(steps[3]!.command, names));
		expect(diff.out.split('\n').sort()).toEqual([...steps[3]!.shown].sort());
		const size = sh(localise(steps[4]!.command, names));
		expect(size.out).toMatch(new RegExp(`^${name} \\d+(\\.\\d+)?k?B \\(virtual `));
	});

	it('resource-limits: exceeding the memory limit ends in exit 137 with OOMKilled=true', () => {
		const name = uniqueName('k1-oom');
		created.push(name);
		const steps = transcript('resource-limits', 'oom-demo');
		const names = {'oom-demo': name};
		const killed = sh(`${localise(steps[0]!.command, names)}; echo $?`);
		expect(killed.out.split('\n').at(-1)).toBe(steps[1]!.shown[0]);
		expect(steps[1]!.shown[0]).toBe('137');
		const inspect = sh(localise(steps[2]!.command, names));
		expect(inspect.out).toBe(steps[2]!.shown[0]);
	});

	it('pid1-and-signals: docker stop waits out a PID 1 that ignores SIGTERM; --init stops at once', () => {
		const a = uniqueName('k1-sleeper');
		const b = uniqueName('k1-sleeper2');
		created.push(a, b);
		const steps = transcript('pid1-and-signals', 'time docker stop sleeper');
		const names = {sleeper: a, sleeper2: b};
		expect(sh(localise(steps[0]!.command, names)).code).toBe(0);
		const slow = sh(localise(steps[1]!.command, names));
		expect(slow.ms).toBeGreaterThan(9_000);
		expect(sh(localise(steps[2]!.command, names)).out).toBe(steps[2]!.shown[0]);
		expect(sh(localise(steps[3]!.command, names)).code).toBe(0);
		const fast = sh(localise(steps[4]!.command, names));
		expect(fast.ms).toBeLessThan(5_000);
		expect(docker(['inspect', '-f', '{{.State.ExitCode}}', b])).toBe('143');
		expect(resolve(catalog, 'pid1')!.markdown).toContain('exit code 143');
	});

	it('networking: names resolve on a user-defined network, not on the default bridge', () => {
		const net = uniqueName('k1-net');
		const db = uniqueName('k1-db');
		created.push(db);
		try {
			docker(['network', 'create', net]);
			docker(['run', '-d', '--name', db, '--network', net, FIXTURE_IMAGE, 'sleep', '300']);
			const steps = transcript('networking', 'ping -c1 db');
			const names = {appnet: net, db};
			const onNet = sh(localise(steps[2]!.command, names));
			expect(onNet.code).toBe(0);
			expect(onNet.out.split('\n')[0]).toMatch(new RegExp(`^PING ${db} \\(\\d+\\.\\d+\\.\\d+\\.\\d+\\): 56 data bytes$`));
			expect(steps[2]!.shown[0]).toMatch(/^PING db \(/);
			const onBridge = sh(localise(steps[3]!.command, names));
			expect(onBridge.code).not.toBe(0);
			expect(onBridge.out).toBe(steps[3]!.shown[0]!.replace("'db'", `'${db}'`));
		} finally {
			removeContainers(db);
			docker(['network', 'rm', net], {allowFail: true});
		}
	});

	it('restart-policies: on-failure:n restarts only failures, at most n times; unhealthy never restarts', async () => {
		const topic = resolve(catalog, 'restart-policies')!.markdown;
		expect(topic).toContain('only on a non-zero exit code, at most `n` times');
		expect(topic).toContain('**Unhealthy is not exited.**');
		const failing = uniqueName('k1-onfail');
		const ok = uniqueName('k1-onok');
		const sick = uniqueName('k1-sick');
		created.push(failing, ok, sick);
		docker(['run', '-d', '--name', failing, '--restart', 'on-failure:2', FIXTURE_IMAGE, 'sh', '-c', 'exit 3']);
		docker(['run', '-d', '--name', ok, '--restart', 'on-failure:2', FIXTURE_IMAGE, 'true']);
		docker(['run', '-d', '--name', sick, '--restart', 'always', '--health-cmd', 'exit 1', '--health-interval', '1s', '--health-retries', '1', FIXTURE_IMAGE, 'sleep', '300']);
		const state = (name: string) => docker(['inspect', '-f', '{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}', name]);
		const health = () => docker(['inspect', '-f', '{{.State.Health.Status}} {{.RestartCount}} {{.State.Status}}', sick]);
		for (let i = 0; i < 150 && !(state(failing) === 'exited 3 2' && health().startsWith('unhealthy')); i++) await new Promise((r) => setTimeout(r, 200));
		expect(state(failing)).toBe('exited 3 2');
		expect(state(ok)).toBe('exited 0 0');
		expect(health()).toBe('unhealthy 0 running');
	});
});
