import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT, runCli, runJson} from '../support/cli.js';

const dirs: string[] = [];
function tmp(): string {
	const d = mkdtempSync(path.join(os.tmpdir(), 'dh-copy-'));
	dirs.push(d);
	return d;
}
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

const template = (id: string) => readFileSync(path.join(ROOT, 'assets', 'dockerfiles', `${id}.Dockerfile`), 'utf8');

describe('copy-dockerfile (built binary)', () => {
	it('has help with its flags and examples', () => {
		const r = runCli(['copy-dockerfile', '--help']);
		expect(r.code).toBe(0);
		for (const f of ['--variant', '--output', '--force', '--stdout', '--list', 'Examples']) expect(r.stdout).toContain(f);
	});

	it('--list shows every variant with base image, size and when to choose it; --json gives the metadata', () => {
		const r = runCli(['copy-dockerfile', '--list']);
		expect(r.code).toBe(0);
		for (const s of ['slim', 'alpine', 'gunicorn', 'node', 'basic', 'python:3.13.14-slim-trixie', 'node:24.18.0-alpine3.24', 'choose', 'MB'])
			expect(r.stdout).toContain(s);
		const {code, doc} = runJson(['copy-dockerfile', '--list']);
		expect(code).toBe(0);
		expect(doc.result.kind).toBe('list');
		expect(doc.result.variants.map((v: {id: string}) => v.id)).toEqual(expect.arrayContaining(['slim', 'alpine', 'gunicorn', 'node', 'basic']));
		expect(doc.result.variants[0]).toHaveProperty('chooseWhen');
	});

	it('writes ./Dockerfile by default: the template byte for byte, then the next steps', () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'requirements.txt'), 'fastapi==0.115.6\n');
		const r = runCli(['copy-dockerfile', '--variant', 'slim'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(template('slim'));
		expect(r.stdout).toContain('Wrote Dockerfile');
		expect(r.stdout).toMatch(/ok requirements\.txt/); // present
		expect(r.stdout).toMatch(/warn app\/main\.py \(missing\)/);
		expect(r.stdout).toContain(`docker build -t ${path.basename(dir).toLowerCase()} .`);
		expect(r.stdout).toContain('docker run -d');
		expect(r.stdout).toContain('generate-dockerignore'); // no .dockerignore yet
	});

	it('accepts the variant as an argument too, and reports the write as JSON', () => {
		const dir = tmp();
		const {code, doc} = runJson(['copy-dockerfile', 'alpine'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result).toMatchObject({kind: 'written', variant: 'alpine', path: 'Dockerfile', replaced: false, backup: null});
		expect(doc.result.expects).toEqual([
			expect.objectContaining({path: 'requirements.txt', present: false}),
			expect.objectContaining({path: 'app/__main__.py', present: false}),
		]);
		expect(doc.result.nextSteps.join('\n')).toContain('docker build');
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(template('alpine'));
	});

	it('refuses to overwrite an existing file (exit 1): the original stays byte-identical, no .bak, no temp files', () => {
		const dir = tmp();
		const original = Buffer.from('FROM scratch\n# mine \u00e9\n');
		writeFileSync(path.join(dir, 'Dockerfile'), original);
		const r = runCli(['copy-dockerfile', '--variant', 'gunicorn'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('already exists');
		expect(r.stderr).toContain('--force');
		expect(r.stderr).toContain('--output');
		expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
		expect(readFileSync(path.join(dir, 'Dockerfile')).equals(original)).toBe(true);
		expect(readdirSync(dir)).toEqual(['Dockerfile']);
		const {code, doc} = runJson(['copy-dockerfile', '--variant', 'gunicorn'], {cwd: dir});
		expect(code).toBe(1);
		expect(doc.error.code).toBe('FILE_EXISTS');
	});

	it('--force replaces it and keeps the old file as .bak', () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
		const {code, doc} = runJson(['copy-dockerfile', '--variant', 'node', '--force'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result).toMatchObject({replaced: true, backup: 'Dockerfile.bak'});
		expect(readFileSync(path.join(dir, 'Dockerfile.bak'), 'utf8')).toBe('FROM scratch\n');
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(template('node'));
	});

	it('--stdout prints the template and writes nothing', () => {
		const dir = tmp();
		const r = runCli(['copy-dockerfile', '--variant', 'basic', '--stdout'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(template('basic'));
		expect(readdirSync(dir)).toEqual([]);
	});

	it('--output writes elsewhere (a directory gets a Dockerfile inside) and the build step uses -f', () => {
		const dir = tmp();
		mkdirSync(path.join(dir, 'docker'));
		const a = runCli(['copy-dockerfile', '--variant', 'slim', '--output', 'docker/Dockerfile.api'], {cwd: dir});
		expect(a.code).toBe(0);
		expect(readFileSync(path.join(dir, 'docker', 'Dockerfile.api'), 'utf8')).toBe(template('slim'));
		expect(a.stdout).toContain('docker build -f docker/Dockerfile.api -t');
		const b = runJson(['copy-dockerfile', '--variant', 'alpine', '-o', 'docker'], {cwd: dir});
		expect(b.code).toBe(0);
		expect(b.doc.result.path).toBe(path.join('docker', 'Dockerfile'));
		expect(existsSync(path.join(dir, 'docker', 'Dockerfile'))).toBe(true);
	});

	it('an unknown variant exits 2 with a suggestion', () => {
		const dir = tmp();
		const r = runCli(['copy-dockerfile', '--variant', 'gunicron'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("Unknown Dockerfile variant 'gunicron'");
		expect(r.stderr).toContain('Did you mean gunicorn?');
		const {code, doc} = runJson(['copy-dockerfile', 'alpin'], {cwd: dir});
		expect(code).toBe(2);
		expect(doc.error).toMatchObject({code: 'UNKNOWN_VARIANT', details: {suggestions: ['alpine']}});
		expect(readdirSync(dir)).toEqual([]);
	});

	it('without a variant and without a terminal it says which variants exist (exit 2)', () => {
		const r = runCli(['copy-dockerfile'], {cwd: tmp()});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('needs a variant');
		expect(r.stderr).toContain('slim, alpine, gunicorn, node, basic');
	});

	it('two different variants are a usage error', () => {
		const r = runCli(['copy-dockerfile', 'slim', '--variant', 'alpine'], {cwd: tmp()});
		expect(r.code).toBe(2);
	});

	it('an unwritable location fails clearly with exit 1 (the parent is a regular file: fails even for root)', () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'notadir'), 'x');
		const r = runCli(['copy-dockerfile', '--variant', 'slim', '--output', 'notadir/Dockerfile'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('Cannot write');
		expect(r.stderr).toContain('not a directory');
		expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
		expect(readFileSync(path.join(dir, 'notadir'), 'utf8')).toBe('x');
		const missing = runJson(['copy-dockerfile', '--variant', 'slim', '--output', 'no/such/dir/Dockerfile'], {cwd: dir});
		expect(missing.code).toBe(1);
		expect(missing.doc.error.code).toBe('FILE_UNWRITABLE');
	});
});
