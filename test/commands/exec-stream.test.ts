/**
 * exec yields its output (Command.stream) and main.ts writes it: Ctrl-C ends the command with 130
 * and no stack, a reader that goes away (`| head`) ends it quietly, and a reader that does not read
 * holds the container's output back instead of buffering it all in memory.
 */
import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {CLI, ROOT} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers} from '../support/engine.js';

const running = `dh-ar-exec-${randomBytes(4).toString('hex')}`;

afterAll(() => removeContainers(running));

function start(args: readonly string[]) {
	const child = spawn(process.execPath, [CLI, ...args], {cwd: ROOT, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']});
	const seen = {out: '', err: '', bytes: 0};
	child.stderr.on('data', (d: Buffer) => (seen.err += d.toString()));
	const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('exit', (code, signal) => resolve({code, signal})));
	const until = async (pred: () => boolean, what: string) => {
		for (let i = 0; i < 400 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
		if (!pred()) throw new Error(`timed out waiting for ${what}; stdout=${seen.out.slice(-300)} stderr=${seen.err}`);
	};
	return {child, seen, exited, until};
}

describeEngine('exec streams through main.ts (real engine, built CLI)', () => {
	beforeAll(() => {
		docker(['run', '-d', '--name', running, FIXTURE_IMAGE, 'sleep', '600']);
	});

	it('Ctrl-C ends a running command: exit 130, no stack trace', async () => {
		const run = start(['exec', running, '--', 'sh', '-c', 'echo ready; sleep 600']);
		run.child.stdout.on('data', (d: Buffer) => (run.seen.out += d.toString()));
		await run.until(() => run.seen.out.includes('ready'), 'ready');
		run.child.kill('SIGINT');
		const how = await run.exited;
		expect(how).toEqual({code: 130, signal: null});
		expect(run.seen.err).not.toMatch(/\bat .*:\d+:\d+/);
	});

	it('a reader that goes away ends the command quietly (exit 0, nothing on stderr)', async () => {
		const run = start(['exec', running, '--', 'sh', '-c', 'while :; do echo line; done']);
		run.child.stdout.once('data', () => run.child.stdout.destroy());
		const how = await run.exited;
		expect(how).toEqual({code: 0, signal: null});
		expect(run.seen.err).toBe('');
	});

	it('a reader that stops reading holds the output back (backpressure), and nothing is lost once it reads again', async () => {
		// 192 MiB from the container: far more than the pipe and the socket buffers hold.
		const run = start(['exec', running, '--', 'sh', '-c', 'dd if=/dev/zero bs=65536 count=3072 2>/dev/null; echo; echo end-of-output']);
		run.child.stdout.on('data', (d: Buffer) => {
			run.seen.bytes += d.length;
			run.seen.out = d.toString('latin1').slice(-40);
		});
		await run.until(() => run.seen.bytes > 0, 'the first bytes');
		run.child.stdout.pause();
		await new Promise((r) => setTimeout(r, 2500));
		const rss = Number(/VmRSS:\s+(\d+)/.exec(await readStatus(run.child.pid!))?.[1] ?? 0) * 1024;
		// Paused, the process holds far less than the 192 MiB the container writes (Node itself is about 50 MiB).
		expect(rss).toBeGreaterThan(0);
		expect(rss).toBeLessThan(140 * 1024 * 1024);
		expect(run.seen.bytes).toBeLessThan(192 * 1024 * 1024);
		run.child.stdout.resume();
		const how = await run.exited;
		expect(how.code).toBe(0);
		expect(run.seen.bytes).toBe(192 * 1024 * 1024 + '\nend-of-output\n'.length);
		expect(run.seen.out).toContain('end-of-output');
	});
});

async function readStatus(pid: number): Promise<string> {
	const {readFile} = await import('node:fs/promises');
	return readFile(`/proc/${pid}/status`, 'utf8');
}
