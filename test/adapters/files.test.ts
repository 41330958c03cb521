/**
 * The safe writer and bounded reader every command uses: links never followed, numbered backups, the order
 * of operations under failure (full disk, a throw between steps, SIGKILL between steps), modes and owners kept.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readFileBounded, readFileBoundedSync, writeFileSafe, type WriteStep} from '../../source/adapters/files.js';
import {HelperError} from '../../source/core/errors.js';

const dirs: string[] = [];
function tmp(): string {
	const d = mkdtempSync(path.join(tmpdir(), 'dh-files-'));
	dirs.push(d);
	return d;
}
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

async function failure(p: Promise<unknown>): Promise<HelperError> {
	try {
		await p;
	} catch (error) {
		expect(error).toBeInstanceOf(HelperError);
		return error as HelperError;
	}
	throw new Error('expected a HelperError');
}

const isRoot = process.getuid?.() === 0;

describe('writeFileSafe: links', () => {
	it('refuses a target that is a symbolic link; the link and its target stay as they were', async () => {
		const dir = tmp();
		const victim = path.join(dir, 'authorized_keys');
		writeFileSync(victim, 'ssh-ed25519 AAAA mine\n');
		symlinkSync(victim, path.join(dir, 'Dockerfile'));
		const e = await failure(writeFileSafe(path.join(dir, 'Dockerfile'), 'FROM x\n', {force: true}));
		expect(e.code).toBe('FILE_UNSAFE');
		expect(e.message).toContain('symbolic link');
		expect(e.hint).toContain(victim);
		expect(readFileSync(victim, 'utf8')).toBe('ssh-ed25519 AAAA mine\n');
		expect(lstatSync(path.join(dir, 'Dockerfile')).isSymbolicLink()).toBe(true);
		expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'authorized_keys']);
	});

	it('refuses a dangling link as a target (creating through it would write elsewhere)', async () => {
		const dir = tmp();
		symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'compose.yaml'));
		const e = await failure(writeFileSafe(path.join(dir, 'compose.yaml'), 'services: {}\n'));
		expect(e.code).toBe('FILE_UNSAFE');
		expect(existsSync(path.join(dir, 'elsewhere'))).toBe(false);
	});

	it('never writes a backup through a link named like the backup: it takes the next number', async () => {
		const dir = tmp();
		const victim = path.join(dir, 'victim');
		writeFileSync(victim, 'precious\n');
		writeFileSync(path.join(dir, 'Dockerfile'), 'FROM old\n');
		symlinkSync(victim, path.join(dir, 'Dockerfile.bak'));
		symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'Dockerfile.bak.2'));
		const out = await writeFileSafe(path.join(dir, 'Dockerfile'), 'FROM new\n', {force: true});
		expect(out.backup).toBe(path.join(dir, 'Dockerfile.bak.3'));
		expect(readFileSync(victim, 'utf8')).toBe('precious\n');
		expect(readlinkSync(path.join(dir, 'Dockerfile.bak'))).toBe(victim);
		expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
		expect(readFileSync(path.join(dir, 'Dockerfile.bak.3'), 'utf8')).toBe('FROM old\n');
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe('FROM new\n');
	});

	it('refuses a directory or FIFO as the target', async () => {
		const dir = tmp();
		mkdirSync(path.join(dir, 'sub'));
		expect((await failure(writeFileSafe(path.join(dir, 'sub'), 'x', {force: true}))).code).toBe('FILE_UNSAFE');
		execFileSync('mkfifo', [path.join(dir, 'pipe')]);
		expect((await failure(writeFileSafe(path.join(dir, 'pipe'), 'x', {force: true}))).code).toBe('FILE_UNSAFE');
	});
});

describe('writeFileSafe: backups', () => {
	it('numbers backups and never reuses a name: each keeps the file it replaced', async () => {
		const dir = tmp();
		const file = path.join(dir, 'daemon.json');
		await writeFileSafe(file, 'v1');
		const names: Array<string | undefined> = [];
		for (const v of ['v2', 'v3', 'v4']) names.push((await writeFileSafe(file, v, {force: true})).backup);
		expect(names).toEqual([`${file}.bak`, `${file}.bak.2`, `${file}.bak.3`]);
		expect(['v1', 'v2', 'v3'].map((_, i) => readFileSync(names[i]!, 'utf8'))).toEqual(['v1', 'v2', 'v3']);
		expect(readFileSync(file, 'utf8')).toBe('v4');
		// a deleted older backup does not free its number for reuse out of order: the next is above the highest
		rmSync(`${file}.bak`);
		expect((await writeFileSafe(file, 'v5', {force: true})).backup).toBe(`${file}.bak.4`);
	});

	it('without force refuses an existing file and changes nothing', async () => {
		const dir = tmp();
		const file = path.join(dir, 'Dockerfile');
		writeFileSync(file, 'mine');
		const e = await failure(writeFileSafe(file, 'theirs'));
		expect(e.code).toBe('FILE_EXISTS');
		expect(readdirSync(dir)).toEqual(['Dockerfile']);
	});

	it('backup: false replaces without a backup', async () => {
		const dir = tmp();
		const file = path.join(dir, 'f');
		writeFileSync(file, 'a');
		expect((await writeFileSafe(file, 'b', {force: true, backup: false})).backup).toBeUndefined();
		expect(readdirSync(dir)).toEqual(['f']);
	});
});

describe('writeFileSafe: mode and owner', () => {
	it('a replaced file keeps its mode (0600 stays 0600, 0755 stays 0755); the backup keeps it too', async () => {
		const dir = tmp();
		for (const mode of [0o600, 0o755, 0o640]) {
			const file = path.join(dir, `f${mode.toString(8)}`);
			writeFileSync(file, 'old');
			chmodSync(file, mode);
			const out = await writeFileSafe(file, 'new', {force: true});
			expect(statSync(file).mode & 0o7777).toBe(mode);
			expect(statSync(out.backup!).mode & 0o7777).toBe(mode);
		}
	});

	it('a new file gets the requested mode (less the umask)', async () => {
		const dir = tmp();
		await writeFileSafe(path.join(dir, 'secret'), 'x', {mode: 0o600});
		expect(statSync(path.join(dir, 'secret')).mode & 0o777).toBe(0o600);
	});

	it.runIf(isRoot)('a replaced file keeps its owner and group (as root)', async () => {
		const dir = tmp();
		const file = path.join(dir, 'daemon.json');
		writeFileSync(file, '{}');
		chownSync(file, 1234, 2345);
		await writeFileSafe(file, '{"a":1}', {force: true});
		expect(statSync(file)).toMatchObject({uid: 1234, gid: 2345});
	});
});

describe('writeFileSafe: failures leave everything as it was', () => {
	const steps: WriteStep[] = ['temp-written', 'temp-synced', 'backup-made'];
	it.each(steps)('a failure after %s: original and old backup intact, no temp, no new backup', async (step) => {
		const dir = tmp();
		const file = path.join(dir, 'Dockerfile');
		writeFileSync(file, 'original');
		writeFileSync(`${file}.bak`, 'older');
		const e = await failure(
			writeFileSafe(file, 'new', {
				force: true,
				onStep: (s) => {
					if (s === step) throw Object.assign(new Error('injected'), {code: 'EIO'});
				},
			}),
		);
		expect(e.code).toBe('FILE_UNWRITABLE');
		expect(readFileSync(file, 'utf8')).toBe('original');
		expect(readFileSync(`${file}.bak`, 'utf8')).toBe('older');
		expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'Dockerfile.bak']);
	});

	it.runIf(isRoot)('a full disk (a small tmpfs): ENOSPC, the original and its backup intact, no temp file', async () => {
		const mnt = tmp();
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]);
		try {
			const file = path.join(mnt, 'Dockerfile');
			writeFileSync(file, 'original\n');
			writeFileSync(`${file}.bak`, 'older\n');
			// Fill the rest of the disk.
			spawnSync('dd', ['if=/dev/zero', `of=${path.join(mnt, 'fill')}`, 'bs=4k'], {stdio: 'ignore'});
			const e = await failure(writeFileSafe(file, Buffer.alloc(64 * 1024, 'x'), {force: true}));
			expect(e.code).toBe('FILE_UNWRITABLE');
			expect(e.message).toContain('no space left');
			expect(e.hint).toContain('untouched');
			expect(readFileSync(file, 'utf8')).toBe('original\n');
			expect(readFileSync(`${file}.bak`, 'utf8')).toBe('older\n');
			expect(readdirSync(mnt).sort()).toEqual(['Dockerfile', 'Dockerfile.bak', 'fill']);
		} finally {
			execFileSync('umount', [mnt]);
		}
	});
});

describe('writeFileSafe: SIGKILL between steps (a child process killed at a hook)', () => {
	let bundle = '';
	beforeAll(async () => {
		const out = tmp();
		bundle = path.join(out, 'files.mjs');
		await build({entryPoints: [path.resolve('source/adapters/files.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent'});
	});

	function killedAt(dir: string, step: WriteStep): void {
		const script = `
			import {writeFileSafe} from ${JSON.stringify(bundle)};
			await writeFileSafe(${JSON.stringify(path.join(dir, 'Dockerfile'))}, 'FROM new\\n', {force: true, onStep: (s) => { if (s === ${JSON.stringify(step)}) process.kill(process.pid, 'SIGKILL'); }});
			console.log('finished');`;
		const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'});
		expect(r.signal).toBe('SIGKILL');
		expect(r.stdout).not.toContain('finished');
	}

	it.each(['temp-written', 'temp-synced', 'backup-made', 'renamed'] as const)(
		'killed after %s: the target is whole (old or new), the old backup untouched, the next write removes the stray temp',
		async (step) => {
			const dir = tmp();
			const file = path.join(dir, 'Dockerfile');
			writeFileSync(file, 'FROM old\n');
			writeFileSync(`${file}.bak`, 'FROM older\n');
			killedAt(dir, step);
			const content = readFileSync(file, 'utf8');
			expect(step === 'renamed' ? ['FROM new\n'] : ['FROM old\n']).toContain(content);
			expect(readFileSync(`${file}.bak`, 'utf8')).toBe('FROM older\n');
			if (step === 'backup-made' || step === 'renamed') expect(readFileSync(`${file}.bak.2`, 'utf8')).toBe('FROM old\n');
			// The next write cleans up what the killed one left behind and still never reuses a backup name.
			const next = await writeFileSafe(file, 'FROM newest\n', {force: true});
			expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
			expect(readFileSync(next.backup!, 'utf8')).toBe(content);
			expect(readFileSync(`${file}.bak`, 'utf8')).toBe('FROM older\n');
		},
	);
});

describe('readFileBounded: only regular files, never more than the limit', () => {
	it('reads a regular file, also through a link', async () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'a'), 'hello');
		symlinkSync(path.join(dir, 'a'), path.join(dir, 'link'));
		expect((await readFileBounded(path.join(dir, 'link'))).toString()).toBe('hello');
		expect(readFileBoundedSync(path.join(dir, 'a')).toString()).toBe('hello');
	});

	it.each([
		['/dev/zero', 'character device'],
		['/dev/urandom', 'character device'],
	])('refuses %s (%s) at once', async (file, kind) => {
		const e = await failure(readFileBounded(file));
		expect(e.code).toBe('FILE_UNREADABLE');
		expect(e.message).toContain(kind);
		expect(() => readFileBoundedSync(file)).toThrow(kind);
	});

	it('refuses a link to /dev/urandom and a FIFO without blocking', async () => {
		const dir = tmp();
		symlinkSync('/dev/urandom', path.join(dir, 'Dockerfile'));
		expect((await failure(readFileBounded(path.join(dir, 'Dockerfile')))).message).toContain('character device');
		execFileSync('mkfifo', [path.join(dir, 'fifo')]);
		expect((await failure(readFileBounded(path.join(dir, 'fifo')))).message).toContain('FIFO');
		expect(() => readFileBoundedSync(path.join(dir, 'fifo'))).toThrow('FIFO');
	});

	it('refuses a file above the limit with the hint given, and accepts one at the limit', async () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'big'), Buffer.alloc(1025));
		const e = await failure(readFileBounded(path.join(dir, 'big'), {maxBytes: 1024, limitHint: 'Pass --max-file-size 2KB'}));
		expect(e.code).toBe('FILE_TOO_LARGE');
		expect(e.message).toContain('1 KiB');
		expect(e.hint).toBe('Pass --max-file-size 2KB');
		expect((await readFileBounded(path.join(dir, 'big'), {maxBytes: 1025})).length).toBe(1025);
	});

	it('stops at the limit when the size is not known beforehand (/proc files report 0)', async () => {
		const e = await failure(readFileBounded('/proc/self/maps', {maxBytes: 16}));
		expect(e.code).toBe('FILE_TOO_LARGE');
	});
});
