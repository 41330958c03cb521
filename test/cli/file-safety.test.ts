/**
 * Every command that writes a file, through the built binary: a symlinked target or backup is never
 * followed, a second --force never replaces the first backup (and names the new one), modes are kept,
 * and generate-dockerignore --merge keeps the bytes of a file that is not UTF-8.
 */
import {chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';

const dirs: string[] = [];
function tmp(): string {
	const d = mkdtempSync(path.join(tmpdir(), 'dh-filesafety-'));
	dirs.push(d);
	return d;
}
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

interface Writer {
	readonly name: string;
	readonly file: string;
	readonly args: (dir: string) => string[];
}

const WRITERS: readonly Writer[] = [
	{name: 'copy-dockerfile', file: 'Dockerfile', args: () => ['copy-dockerfile', '--variant', 'basic', '--force']},
	{
		name: 'configure --write',
		file: 'daemon.json',
		args: (dir) => ['configure', '--platform', 'linux', '--workload', 'web', '--write', path.join(dir, 'daemon.json'), '--force'],
	},
	{name: 'generate-compose', file: 'compose.yaml', args: () => ['generate-compose', '--workload', 'web', '--force']},
	{name: 'generate-dockerignore', file: '.dockerignore', args: () => ['generate-dockerignore', '--force']},
];

const ORIGINAL: Record<string, string> = {
	Dockerfile: 'FROM scratch\n',
	'daemon.json': '{"debug": true}\n',
	'compose.yaml': 'services: {}\n',
	'.dockerignore': 'mine\n',
};

describe.each(WRITERS)('$name', (w) => {
	it('a backup name that is a symbolic link is never written through: the next number is used and printed', () => {
		const dir = tmp();
		const victim = path.join(dir, 'authorized_keys');
		writeFileSync(victim, 'ssh-ed25519 AAAA keep-me\n');
		writeFileSync(path.join(dir, w.file), ORIGINAL[w.file]!);
		symlinkSync(victim, path.join(dir, `${w.file}.bak`));
		const r = runCli(w.args(dir), {cwd: dir});
		expect(r.code, r.stderr).toBe(0);
		expect(readFileSync(victim, 'utf8')).toBe('ssh-ed25519 AAAA keep-me\n');
		expect(lstatSync(path.join(dir, `${w.file}.bak`)).isSymbolicLink()).toBe(true);
		expect(readFileSync(path.join(dir, `${w.file}.bak.2`), 'utf8')).toBe(ORIGINAL[w.file]);
		expect(r.stdout).toContain(`${w.file}.bak.2`);
	});

	it('a target that is a symbolic link is refused (exit 1, FILE_UNSAFE); nothing changes', () => {
		const dir = tmp();
		const victim = path.join(dir, 'victim');
		writeFileSync(victim, 'precious\n');
		symlinkSync(victim, path.join(dir, w.file));
		const {code, doc} = runJson(w.args(dir), {cwd: dir});
		expect(code).toBe(1);
		expect(doc.error.code).toBe('FILE_UNSAFE');
		expect(doc.error.message).toContain('symbolic link');
		expect(readFileSync(victim, 'utf8')).toBe('precious\n');
		expect(readdirSync(dir).sort()).toEqual([w.file, 'victim'].sort());
	});

	it('a second --force keeps the first backup and makes a new one; the mode of the file is kept', () => {
		const dir = tmp();
		const file = path.join(dir, w.file);
		writeFileSync(file, ORIGINAL[w.file]!);
		chmodSync(file, 0o600);
		expect(runCli(w.args(dir), {cwd: dir}).code).toBe(0);
		const first = readFileSync(file, 'utf8');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const second = runJson(w.args(dir), {cwd: dir});
		expect(second.code).toBe(0);
		expect(JSON.stringify(second.doc.result)).toContain(`${w.file}.bak.2`);
		expect(readFileSync(`${file}.bak`, 'utf8')).toBe(ORIGINAL[w.file]);
		expect(readFileSync(`${file}.bak.2`, 'utf8')).toBe(first);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	});
});

describe('generate-dockerignore --merge', () => {
	it('keeps the bytes of a Latin-1 file exactly, appends after them, and keeps a backup', () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'package.json'), '{}');
		const latin1 = Buffer.from([
			...Buffer.from('# caf'),
			0xe9,
			...Buffer.from('\ndonn'),
			0xe9,
			0x65,
			0x73,
			...Buffer.from('/\n!donn'),
			0xe9,
			...Buffer.from('es/keep\n'),
		]);
		writeFileSync(path.join(dir, '.dockerignore'), latin1);
		const {code, doc} = runJson(['generate-dockerignore', '--merge'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result.mode).toBe('merged');
		const after = readFileSync(path.join(dir, '.dockerignore'));
		expect(after.subarray(0, latin1.length).equals(latin1)).toBe(true);
		expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false); // no U+FFFD
		expect(after.toString('latin1')).toContain('node_modules');
		expect(doc.result.backup).toBe('.dockerignore.bak');
		expect(readFileSync(path.join(dir, '.dockerignore.bak')).equals(latin1)).toBe(true);
	});

	it('keeps a UTF-8 file byte-identical before the appended block (BOM and CRLF included)', () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'package.json'), '{}');
		const utf8 = Buffer.from('\ufeff# café\r\ndonnées/\r\n', 'utf8');
		writeFileSync(path.join(dir, '.dockerignore'), utf8);
		const r = runCli(['generate-dockerignore', '--merge'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('.dockerignore.bak');
		expect(readFileSync(path.join(dir, '.dockerignore')).subarray(0, utf8.length).equals(utf8)).toBe(true);
	});

	it('refuses to merge into a symbolic link', () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'real'), 'x\n');
		symlinkSync(path.join(dir, 'real'), path.join(dir, '.dockerignore'));
		const {code, doc} = runJson(['generate-dockerignore', '--merge'], {cwd: dir});
		expect(code).toBe(1);
		expect(doc.error.code).toBe('FILE_UNSAFE');
		expect(readFileSync(path.join(dir, 'real'), 'utf8')).toBe('x\n');
		expect(existsSync(path.join(dir, 'real.bak'))).toBe(false);
	});
});
