/**
 * lint reads with a bound (built binary): regular files only after resolving links, a size cap with a flag
 * to raise it, stdin bounded the same way, and config and .dockerignore files that cannot hang or flood it.
 * Each case would hang, abort or eat memory without the bound: the spawn timeout turns a hang into a failure.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {closeSync, mkdirSync, openSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, runCli} from '../support/cli.js';
import {tempDirs} from '../support/temp-dirs.js';

const dirs = tempDirs('dh-hd-lintin-');
const freshDir = dirs.fresh;

const GOOD = 'FROM busybox:1.36\nUSER 1000\nHEALTHCHECK CMD true\nCMD ["true"]\n';
// --failure-threshold warning: GOOD only draws the digest-pin info, so a clean read exits 0.
const lint = (args: readonly string[], cwd: string) => runCli(['lint', '--no-engine', '--failure-threshold', 'warning', ...args], {cwd, timeout: 20_000});

function expectOneLineFailure(r: {code: number; stderr: string}, code: number, ...parts: string[]): void {
	expect(r.code).toBe(code);
	for (const p of parts) expect(r.stderr).toContain(p);
	expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('lint: only regular files', () => {
	it.each([['/dev/zero'], ['/dev/urandom']])('%s is refused at once, exit 1', (device) => {
		expectOneLineFailure(lint([device], freshDir()), 1, device, 'character device', 'not a regular file');
	});

	it('a Dockerfile that links to /dev/urandom is refused (the link is followed, the target checked)', () => {
		const dir = freshDir();
		symlinkSync('/dev/urandom', path.join(dir, 'Dockerfile'));
		expectOneLineFailure(lint([], dir), 1, 'Dockerfile', 'character device');
		expectOneLineFailure(lint(['.'], dir), 1, 'Dockerfile', 'character device');
	});

	it('a link to a regular Dockerfile is linted', () => {
		const dir = freshDir();
		writeFileSync(path.join(dir, 'real.Dockerfile'), 'FROM busybox:latest\n');
		symlinkSync(path.join(dir, 'real.Dockerfile'), path.join(dir, 'Dockerfile'));
		const r = runCli(['lint', '--no-engine', '--json', 'Dockerfile'], {cwd: dir, timeout: 20_000});
		expect(r.code).toBe(1);
		expect(JSON.parse(r.stdout).result.files[0].findings.map((f: {slug: string}) => f.slug)).toContain('from-latest');
	});

	it('a FIFO does not block: refused, exit 1', () => {
		const dir = freshDir();
		execFileSync('mkfifo', [path.join(dir, 'Dockerfile')]);
		expectOneLineFailure(lint(['Dockerfile'], dir), 1, 'Dockerfile', 'named pipe (FIFO)');
	});

	it('a FIFO named .dockerignore, .hadolint.yaml or given as --config does not block', () => {
		const dir = freshDir();
		writeFileSync(path.join(dir, 'Dockerfile'), GOOD);
		execFileSync('mkfifo', [path.join(dir, '.dockerignore')]);
		expect(lint(['.'], dir).code).toBe(0); // an unreadable .dockerignore: the walk goes on as without one
		execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
		expectOneLineFailure(lint(['--config', 'pipe.yaml', 'Dockerfile'], dir), 1, 'pipe.yaml', 'FIFO');
		execFileSync('mkfifo', [path.join(dir, '.hadolint.yaml')]);
		expectOneLineFailure(lint(['Dockerfile'], dir), 1, '.hadolint.yaml', 'FIFO');
	});

	it('--config <directory> says it is a directory, not "Fix the YAML"', () => {
		const dir = freshDir();
		writeFileSync(path.join(dir, 'Dockerfile'), GOOD);
		mkdirSync(path.join(dir, 'conf'));
		const r = lint(['--config', 'conf', 'Dockerfile'], dir);
		expectOneLineFailure(r, 1, 'conf', 'directory');
		expect(r.stderr).not.toContain('Fix the YAML');
	});
});

describe('lint: a size cap, and a flag to raise it', () => {
	it('a file over the default 16 MiB is refused before it is read, with the flag to raise the limit', () => {
		const dir = freshDir();
		const file = path.join(dir, 'Dockerfile');
		writeFileSync(file, '');
		truncateSync(file, 16 * 1024 * 1024 + 1); // sparse: no 16 MiB written to the disk
		expectOneLineFailure(lint(['Dockerfile'], dir), 1, 'Dockerfile', '16 MiB', '--max-file-size');
	});

	it('--max-file-size sets the limit both ways', () => {
		const dir = freshDir();
		writeFileSync(path.join(dir, 'Dockerfile'), GOOD + `# ${'x'.repeat(3000)}\n`);
		expectOneLineFailure(lint(['--max-file-size', '2KiB', 'Dockerfile'], dir), 1, '2 KiB', '--max-file-size');
		expect(lint(['--max-file-size', '4KiB', 'Dockerfile'], dir).code).toBe(0);
		expect(lint(['Dockerfile'], dir).code).toBe(0);
	});

	it.each([['lots'], ['-5MB'], ['12'], ['1.5XB'], ['']])('--max-file-size=%s is a usage error (exit 2)', (value) => {
		const dir = freshDir();
		writeFileSync(path.join(dir, 'Dockerfile'), GOOD);
		expectOneLineFailure(lint([`--max-file-size=${value}`, 'Dockerfile'], dir), 2, '--max-file-size');
	});

	it('stdin is bounded too: /dev/zero on stdin stops at the limit, exit 1', () => {
		const zero = openSync('/dev/zero', 'r');
		try {
			const r = spawnSync(process.execPath, [CLI, 'lint', '--no-engine', '--max-file-size', '1MiB', '-'], {
				stdio: [zero, 'pipe', 'pipe'],
				encoding: 'utf8',
				timeout: 20_000,
				env: {...process.env, NO_COLOR: '1'},
			});
			expect(r.error).toBeUndefined();
			expectOneLineFailure({code: r.status ?? -1, stderr: r.stderr}, 1, 'stdin', '1 MiB');
		} finally {
			closeSync(zero);
		}
	});

	it('stdin under the limit is linted', () => {
		const r = runCli(['lint', '--no-engine', '--json', '-'], {cwd: freshDir(), input: 'FROM busybox:latest\n', timeout: 20_000});
		expect(JSON.parse(r.stdout).result.files[0].findings.map((f: {slug: string}) => f.slug)).toContain('from-latest');
	});
});
