import {spawn} from 'node:child_process';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {CLI, ROOT, runCli} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

const made: string[] = [];
function run(args: string[], opts: {tty?: boolean; detach?: boolean; extra?: string[]} = {}): string {
	const name = uniqueName('logs');
	made.push(name);
	docker(['run', ...(opts.detach === false ? [] : ['-d']), ...(opts.tty ? ['-t'] : []), ...(opts.extra ?? []), '--name', name, FIXTURE_IMAGE, ...args]);
	return name;
}
const wait = (name: string) => docker(['wait', name]);

afterAll(() => removeContainers(...made));

describeEngine('logs (real engine, built CLI)', () => {
	let mixed: string;
	beforeAll(() => {
		// The engine copies stdout and stderr separately, so lines written at once may be logged out of
		// order; a pause after the stderr line keeps it out of the last lines the --tail tests read.
		mixed = run([
			'sh',
			'-c',
			'echo to-out; echo to-err >&2; sleep 0.5; echo "alpha 1"; echo "beta 2"; echo "ALPHA 3"; echo DB_PASSWORD=hunter2; printf "bad \\377\\376 bytes\\n"',
		]);
		wait(mixed);
	});

	it('separates stdout and stderr: --json stream field, and fds in text mode', () => {
		const r = runCli(['logs', mixed, '--json']);
		expect(r.code).toBe(0);
		const records = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as {stream: string; time: string; line: string});
		expect(records.find((x) => x.line === 'to-out')?.stream).toBe('stdout');
		expect(records.find((x) => x.line === 'to-err')?.stream).toBe('stderr');
		expect(records.every((x) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(x.time))).toBe(true);
		expect(records).toHaveLength(7);

		const t = runCli(['logs', mixed]);
		expect(t.code).toBe(0);
		expect(t.stdout).toContain('to-out');
		expect(t.stdout).not.toContain('to-err');
		expect(t.stderr).toContain('to-err');
	});

	it('never crashes on bytes that are not UTF-8: they become U+FFFD in text and JSON', () => {
		const t = runCli(['logs', mixed]);
		expect(t.stdout).toContain('bad \uFFFD\uFFFD bytes');
		const j = runCli(['logs', mixed, '--json', '--grep', 'bad']);
		expect(JSON.parse(j.stdout.trim()).line).toBe('bad \uFFFD\uFFFD bytes');
	});

	it('--grep filters lines (regex, -i), exits 1 when nothing matched and 2 on a bad pattern', () => {
		expect(runCli(['logs', mixed, '--grep', 'alpha']).stdout.trim()).toBe('alpha 1');
		expect(runCli(['logs', mixed, '--grep', '^alpha \\d', '-i']).stdout.trim().split('\n')).toEqual(['alpha 1', 'ALPHA 3']);
		const none = runCli(['logs', mixed, '--grep', 'zzz-nothing']);
		expect(none.code).toBe(1);
		expect(none.stdout).toBe('');
		const bad = runCli(['logs', mixed, '--grep', '(unclosed']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--grep');
	});

	it('redacts secrets in log lines unless --no-redact', () => {
		const r = runCli(['logs', mixed]);
		expect(r.stdout).toContain('DB_PASSWORD=[redacted]');
		expect(r.stdout + r.stderr).not.toContain('hunter2');
		expect(runCli(['logs', mixed, '--no-redact']).stdout).toContain('DB_PASSWORD=hunter2');
	});

	it('--tail, --since and --until select lines; bad times are usage errors', () => {
		expect(runCli(['logs', mixed, '--tail', '2']).stdout.trim().split('\n')).toEqual(['DB_PASSWORD=[redacted]', 'bad \uFFFD\uFFFD bytes']);
		expect(runCli(['logs', mixed, '--until', '2000-01-01']).stdout).toBe('');
		expect(runCli(['logs', mixed, '--since', '2000-01-01T00:00:00Z']).stdout).toContain('alpha 1');
		expect(runCli(['logs', mixed, '--since', '1h']).stdout).toContain('alpha 1');
		const bad = runCli(['logs', mixed, '--since', 'yesterday']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--since');
	});

	it('--timestamps prefixes each line with its RFC 3339 time', () => {
		const lines = runCli(['logs', mixed, '--timestamps', '--tail', '3']).stdout.trim().split('\n');
		expect(lines).toHaveLength(3);
		for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z \S/);
	});

	it('reads a TTY container (raw stream, CRLF) as stdout lines', () => {
		const name = run(['sh', '-c', 'echo tty-line-1; echo tty-line-2 >&2'], {tty: true});
		wait(name);
		const r = runCli(['logs', name, '--json']);
		const records = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as {stream: string; line: string});
		expect(records.map((x) => [x.stream, x.line])).toEqual([
			['stdout', 'tty-line-1'],
			['stdout', 'tty-line-2'],
		]);
	});

	it('a container whose log driver keeps nothing readable gets an explanation, not an HTTP error', () => {
		const name = run(['echo', 'hi'], {extra: ['--log-driver', 'none']});
		const r = runCli(['logs', name]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("'none' log driver");
		expect(r.stderr).toContain('--log-driver local');
	});

	it('an unknown container is exit 1 with close names', () => {
		const r = runCli(['logs', `${mixed}x`]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`No such container: ${mixed}x`);
		expect(r.stderr).toContain(mixed);
	});

	it('follow mode delivers new lines as they are written, and Ctrl-C ends it cleanly (130, no stack)', async () => {
		const name = run(['sh', '-c', 'echo first-line; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo second-line; sleep 600']);
		const child = spawn(process.execPath, [CLI, 'logs', name, '--follow'], {
			cwd: ROOT,
			env: {...process.env, NO_COLOR: '1'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (err += d.toString()));
		const until = async (pred: () => boolean, what: string) => {
			for (let i = 0; i < 300 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
			if (!pred()) throw new Error(`timed out waiting for ${what}; stdout=${out} stderr=${err}`);
		};
		await until(() => out.includes('first-line'), 'first-line');
		expect(out).not.toContain('second-line');
		docker(['exec', name, 'touch', '/tmp/go']);
		await until(() => out.includes('second-line'), 'second-line (follow)');
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		child.kill('SIGINT');
		expect(await exited).toBe(130);
		expect(err).not.toMatch(/\bat .*:\d+:\d+/);
	});

	it('follow mode ends with exit 0 when the container stops', async () => {
		const name = run(['sh', '-c', 'echo start; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo bye']);
		const child = spawn(process.execPath, [CLI, 'logs', name, '-f'], {cwd: ROOT, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		for (let i = 0; i < 200 && !out.includes('start'); i++) await new Promise((r) => setTimeout(r, 50));
		docker(['exec', name, 'touch', '/tmp/go']);
		expect(await exited).toBe(0);
		expect(out).toBe('start\nbye\n');
	});

	it('inside the app (interactive context) it writes nothing and returns the lines for the view', async () => {
		const {logs} = await import('../../source/commands/logs.js');
		const {createContext} = await import('../../source/context.js');
		const {PassThrough} = await import('node:stream');
		const written: string[] = [];
		const sink = Object.assign(new PassThrough(), {isTTY: true}) as unknown as NodeJS.WriteStream;
		sink.on('data', (c: Buffer) => written.push(c.toString()));
		const ctx = createContext({env: process.env, cwd: process.cwd(), stdout: sink, stderr: sink, stdinIsTTY: true}, {}, {interactive: true, progress: false});
		const result = await logs.run(ctx, {args: [mixed], flags: {grep: 'alpha', ignoreCase: true}});
		expect(written).toEqual([]);
		expect(result.records?.map((r) => r.line)).toEqual(['alpha 1', 'ALPHA 3']);
		const {makeTheme} = await import('../../source/output/theme.js');
		expect(logs.text(result, makeTheme(false), {args: [mixed], flags: {}})).toContain('ALPHA 3');
	});
});
