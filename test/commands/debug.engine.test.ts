/**
 * debug on the real engine: a FROM-scratch target whose only program is a static busybox under
 * another name (no shell, no ls), seen from a toolbox that shares its processes, network and root
 * filesystem; the toolbox is gone after exit, after SIGINT, and after the terminal closes.
 */
import {spawn} from 'node:child_process';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {CLI, runCli} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers} from '../support/engine.js';
import {buildImage, opName, removeImages} from '../support/ops.js';
import {Tmux, tmuxAvailable} from '../support/tmux.js';
import {tempDirs} from '../support/temp-dirs.js';
import {writeFileSync} from 'node:fs';
import path from 'node:path';

const run = opName('dbg');
const image = `${run}/scratch:1`;
const target = `${run}-target`;
const stopped = `${run}-stopped`;
const toolbox = (what: string) => `${run}-tb-${what}`;
const toolboxes = () =>
	docker(['ps', '-a', '--filter', `label=docker-helper.debug.target`, '--format', '{{.Names}}'])
		.split('\n')
		.filter((n) => n.startsWith(run));
let term: Tmux | undefined;
const dirs = tempDirs('dh-op-debug-');
/** A project directory whose .docker-helper.yaml chooses the toolbox image. */
const configured = (toolboxImage: string) => {
	const dir = dirs.fresh();
	writeFileSync(path.join(dir, '.docker-helper.yaml'), `debug:\n  image: ${toolboxImage}\n`);
	return dir;
};

afterAll(() => {
	term?.kill();
	const left = toolboxes();
	removeContainers(target, stopped, ...left);
	removeImages(image);
});

async function until(test: () => boolean, what: string, ms = 20_000): Promise<void> {
	const start = Date.now();
	while (!test()) {
		if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describeEngine('debug (real engine, built CLI)', () => {
	beforeAll(() => {
		buildImage(
			image,
			`FROM ${FIXTURE_IMAGE} AS src\nFROM scratch\nCOPY --from=src /bin/busybox /opt/busybox-static\nENTRYPOINT ["/opt/busybox-static", "sleep", "600"]\n`,
		);
		docker(['run', '-d', '--name', target, '--network', 'none', image]);
		docker(['create', '--name', stopped, '-v', '/data', image]);
	});

	it('the target really has no shell, and exec says to use debug', () => {
		const r = runCli(['exec', target, '--', 'sh']);
		expect(r.code).toBe(127);
		expect(r.stderr).toContain('has no sh');
		expect(r.stderr).toContain(`docker-helper debug ${target}`);
		expect(r.stderr).not.toContain('ls -l /bin');
	});

	it("sees the target's processes; the toolbox is removed after it exits", () => {
		const r = runCli(['debug', target, '--image', FIXTURE_IMAGE, '--name', toolbox('ps'), '--', 'ps', '-o', 'pid,args']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^\s*1\s+\/opt\/busybox-static sleep 600$/m);
		expect(r.stderr).toContain('/proc/1/root');
		expect(r.stderr).toContain(`--pid container:${target} --network container:${target}`);
		expect(toolboxes()).toEqual([]);
	});

	it('--json: the root filesystem under /proc/1/root, the exit code, removed: true', () => {
		const r = runCli(['debug', target, '--image', FIXTURE_IMAGE, '--name', toolbox('ls'), '--json', '--', 'ls', '/proc/1/root/opt']);
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout);
		expect(doc.result.stdout).toBe('busybox-static\n');
		expect(doc.result.removed).toBe(true);
		expect(doc.result.limits).toEqual([]);
		const failed = runCli(['debug', target, '--image', FIXTURE_IMAGE, '--name', toolbox('exit'), '--', 'sh', '-c', 'exit 7']);
		expect(failed.code).toBe(7);
		expect(toolboxes()).toEqual([]);
	});

	it('SIGINT during a command removes the toolbox', async () => {
		const child = spawn(process.execPath, [CLI, 'debug', target, '--image', FIXTURE_IMAGE, '--name', toolbox('int'), '--', 'sleep', '120'], {stdio: 'ignore'});
		const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
		await until(() => docker(['ps', '--filter', `name=^${toolbox('int')}$`, '--format', '{{.Names}}']) === toolbox('int'), 'the toolbox to run');
		child.kill('SIGINT');
		expect(await exited).toBe(130);
		await until(() => toolboxes().length === 0, 'the toolbox to be gone', 10_000);
	});

	it.runIf(tmuxAvailable)(
		'an interactive shell beside the target; closing the terminal removes the toolbox',
		async () => {
			term = new Tmux({width: 120, height: 30});
			term.type(`${process.execPath} ${CLI} debug ${target} --image ${FIXTURE_IMAGE} --name ${toolbox('tty')}`);
			term.keys('Enter');
			await term.waitFor((s) => s.includes('Its root filesystem is under /proc/1/root') && /^\/ #\s*$/m.test(s), 'the banner and the toolbox prompt');
			term.type('ps -o pid,args | grep busybox-static');
			term.keys('Enter');
			await term.waitFor((s) => /^\s*1\s+\/opt\/busybox-static sleep 600$/m.test(s), "the target's PID 1 from the shell");
			expect(toolboxes()).toEqual([toolbox('tty')]);
			// the terminal goes away: SIGHUP to docker-helper, whose handler removes the toolbox
			term.kill();
			term = undefined;
			await until(() => toolboxes().length === 0, 'the toolbox to be gone after the terminal closed', 15_000);
		},
		60_000,
	);

	it('a stopped target: its volumes, and a plain statement of what cannot be done', () => {
		const r = runCli(['debug', stopped, '--image', FIXTURE_IMAGE, '--name', toolbox('stopped'), '--', 'sh', '-c', 'test -d /data && echo has-data']);
		expect(r.code).toBe(0);
		expect(r.stdout.trim()).toBe('has-data');
		expect(r.stderr).toContain('has no processes and no network to join');
		expect(r.stderr).toContain(`--volumes-from ${stopped}:ro`);
		expect(toolboxes()).toEqual([]);
	});

	it('a toolbox image that cannot be pulled: which image to make available', () => {
		const r = runCli(['debug', target, '--image', `${run}/missing-toolbox:1`, '--', 'ps']);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`The toolbox image ${run}/missing-toolbox:1 (from --image) is not on this engine and could not be pulled`);
		expect(r.stderr).toContain(`docker pull ${run}/missing-toolbox:1`);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it('without --image: the toolbox image chosen by debug.image in .docker-helper.yaml', () => {
		const r = runCli(['debug', target, '--name', toolbox('config'), '--', 'sh', '-c', 'ps -o comm | grep -c busybox-static'], {cwd: configured(FIXTURE_IMAGE)});
		expect(r.stderr).not.toContain('busybox:stable');
		expect(r.code).toBe(0);
		expect(Number(r.stdout.trim())).toBeGreaterThan(0);
		expect(toolboxes()).toEqual([]);
	});

	it('a configured toolbox image that cannot be pulled: the error names the config as its source; --image overrides it', () => {
		const dir = configured(`${run}/configured-missing:1`);
		const r = runCli(['debug', target, '--', 'ps'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`The toolbox image ${run}/configured-missing:1 (from .docker-helper.yaml debug.image) is not on this engine`);
		const over = runCli(['debug', target, '--image', FIXTURE_IMAGE, '--name', toolbox('override'), '--', 'true'], {cwd: dir});
		expect(over.code).toBe(0);
		expect(toolboxes()).toEqual([]);
	});

	it('no command and no terminal: a usage error', () => {
		const r = runCli(['debug', target, '--image', FIXTURE_IMAGE]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`docker-helper debug ${target} -- ps`);
	});
});
