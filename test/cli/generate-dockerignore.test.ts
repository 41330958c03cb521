import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {isExcluded} from '../../source/core/dockerignore/match.js';
import {parsePatterns} from '../../source/core/dockerignore/generate.js';
import {runCli, runJson} from '../support/cli.js';

const dirs: string[] = [];
function project(files: Record<string, string>): string {
	const d = mkdtempSync(path.join(os.tmpdir(), 'dh-ignore-'));
	dirs.push(d);
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(d, name)), {recursive: true});
		writeFileSync(path.join(d, name), content);
	}
	return d;
}
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});
const read = (dir: string) => readFileSync(path.join(dir, '.dockerignore'), 'utf8');

describe('generate-dockerignore (built binary)', () => {
	it('has help', () => {
		const r = runCli(['generate-dockerignore', '--help']);
		expect(r.code).toBe(0);
		for (const f of ['--merge', '--force', '--stdout', '--output', 'Examples']) expect(r.stdout).toContain(f);
	});

	it('detects the languages and writes ./.dockerignore by default', () => {
		const dir = project({'package.json': '{}', 'api/requirements.txt': 'flask\n', 'api/app.py': ''});
		const r = runCli(['generate-dockerignore'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Python');
		expect(r.stdout).toContain('Node.js');
		expect(r.stdout).toContain('Wrote .dockerignore');
		const patterns = parsePatterns(read(dir));
		for (const f of ['.git/HEAD', '.env', '.venv/bin/python', 'node_modules/x/index.js', 'api/__pycache__/app.cpython-313.pyc'])
			expect(isExcluded(patterns, f), f).toBe(true);
		for (const f of ['.env.example', 'package.json', 'api/requirements.txt', 'api/app.py']) expect(isExcluded(patterns, f), f).toBe(false);
	});

	it('reports detection and the written entries as JSON', () => {
		const dir = project({'go.mod': 'module x\n', 'src/App/App.csproj': '<Project/>'});
		const {code, doc} = runJson(['generate-dockerignore'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result.mode).toBe('created');
		expect(doc.result.detected.map((d: {language: string}) => d.language)).toEqual(['go', 'dotnet']);
		expect(doc.result.detected[1].evidence).toEqual(['src/App/App.csproj']);
		expect(doc.result.added).toContain('**/obj');
	});

	it('does not look inside node_modules or virtualenvs to detect languages', () => {
		const dir = project({'main.py': '', 'node_modules/dep/package.json': '{}', '.venv/lib/x/package.json': '{}'});
		const {doc} = runJson(['generate-dockerignore', '--stdout'], {cwd: dir});
		expect(doc.result.detected.map((d: {language: string}) => d.language)).toEqual(['python']);
	});

	it('refuses to touch an existing .dockerignore without --merge or --force (exit 1, byte-identical)', () => {
		const original = 'node_modules\n# keep me\n!important\n';
		const dir = project({'.dockerignore': original, 'package.json': '{}'});
		const r = runCli(['generate-dockerignore'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('already exists');
		expect(r.stderr).toContain('--merge');
		expect(read(dir)).toBe(original);
		expect(readdirSync(dir).sort()).toEqual(['.dockerignore', 'package.json']);
	});

	it('--merge appends only the missing entries, keeps every user line and reports what it added', () => {
		const original = '# mine\n/node_modules/\n.git\n*.secret';
		const dir = project({'.dockerignore': original, 'package.json': '{}'});
		const r = runCli(['generate-dockerignore', '--merge'], {cwd: dir});
		expect(r.code).toBe(0);
		const after = read(dir);
		expect(after.startsWith(`${original}\n`)).toBe(true);
		expect(r.stdout).toMatch(/Appended \d+ missing entries/);
		expect(r.stdout).toContain('+ **/node_modules');
		expect(r.stdout).not.toMatch(/^\s+\+ node_modules$/m); // /node_modules/ is the same entry
		expect(r.stdout).not.toMatch(/^\s+\+ \.git$/m);
		// the file before the merge is kept as a backup, and the output names it
		expect(readdirSync(dir).sort()).toEqual(['.dockerignore', '.dockerignore.bak', 'package.json']);
		expect(readFileSync(path.join(dir, '.dockerignore.bak'), 'utf8')).toBe(original);
		expect(r.stdout).toContain('kept as .dockerignore.bak');
		// a second merge finds nothing to add and leaves the file alone
		const {code, doc} = runJson(['generate-dockerignore', '--merge'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result.mode).toBe('unchanged');
		expect(doc.result.added).toEqual([]);
		expect(read(dir)).toBe(after);
	});

	it('--merge without an existing file simply creates it', () => {
		const dir = project({'Cargo.toml': ''});
		const {code, doc} = runJson(['generate-dockerignore', '--merge'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result.mode).toBe('created');
		expect(read(dir)).toContain('target');
	});

	it('--force replaces the file and keeps the old one as .dockerignore.bak', () => {
		const dir = project({'.dockerignore': 'old\n', Gemfile: ''});
		const {code, doc} = runJson(['generate-dockerignore', '--force'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result).toMatchObject({mode: 'replaced', backup: '.dockerignore.bak'});
		expect(readFileSync(path.join(dir, '.dockerignore.bak'), 'utf8')).toBe('old\n');
		expect(read(dir)).toContain('.bundle');
	});

	it('--stdout prints the file and writes nothing; with --merge it prints the merged file', () => {
		const dir = project({'composer.json': '{}'});
		const r = runCli(['generate-dockerignore', '--stdout'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('vendor');
		expect(r.stdout.startsWith('# Generated by docker-helper')).toBe(true);
		expect(readdirSync(dir)).toEqual(['composer.json']);
		writeFileSync(path.join(dir, '.dockerignore'), 'mine\n');
		const m = runCli(['generate-dockerignore', '--merge', '--stdout'], {cwd: dir});
		expect(m.stdout.startsWith('mine\n')).toBe(true);
		expect(m.stdout).toContain('vendor');
		expect(read(dir)).toBe('mine\n');
	});

	it('--merge with --force is a usage error (exit 2)', () => {
		expect(runCli(['generate-dockerignore', '--merge', '--force'], {cwd: project({})}).code).toBe(2);
	});

	it('an unwritable location fails clearly with exit 1 (the parent is a regular file: fails even for root)', () => {
		const dir = project({'plain-file': 'x', 'package.json': '{}'});
		const r = runCli(['generate-dockerignore', '--output', 'plain-file/.dockerignore'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('Cannot write');
		expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
		expect(readFileSync(path.join(dir, 'plain-file'), 'utf8')).toBe('x');
	});

	it('--dir scans another directory and writes there; a missing directory is exit 1', () => {
		const dir = project({'svc/go.mod': 'module y\n'});
		const {code, doc} = runJson(['generate-dockerignore', '--dir', 'svc'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result.path).toBe(path.join('svc', '.dockerignore'));
		expect(readFileSync(path.join(dir, 'svc', '.dockerignore'), 'utf8')).toContain('**/*.test');
		expect(runCli(['generate-dockerignore', '--dir', 'nope'], {cwd: dir}).code).toBe(1);
	});
});

describe('generate-dockerignore reads the Dockerfile (built binary)', () => {
	it("does not exclude what the Dockerfile copies (Spring Boot's COPY target/*.jar) and says so", () => {
		const dir = project({
			'pom.xml': '<project/>',
			Dockerfile: 'FROM eclipse-temurin:21-jre\nCOPY target/*.jar app.jar\nCMD ["java","-jar","app.jar"]\n',
			'Dockerfile.bak': 'FROM x\nCOPY build/ /b\n',
		});
		const r = runCli(['generate-dockerignore'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Left out target: Dockerfile:2 copies target/*.jar');
		const patterns = parsePatterns(read(dir));
		expect(isExcluded(patterns, 'target/app-1.0.jar')).toBe(false);
		expect(isExcluded(patterns, '.gradle/caches')).toBe(true);
		expect(isExcluded(patterns, 'build/x')).toBe(true); // the .bak Dockerfile is not read
	});

	it('warns when the Dockerfile copies a secrets file, which stays excluded', () => {
		const dir = project({'package.json': '{}', Dockerfile: 'FROM node:24.18.0-alpine3.24\nCOPY .env ./\n'});
		const {code, doc} = runJson(['generate-dockerignore'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result.secretCopies).toEqual([expect.objectContaining({path: '.env', line: 2})]);
		expect(parsePatterns(read(dir))).toContain('.env');
		const text = runCli(['generate-dockerignore', '--stdout'], {cwd: dir});
		expect(text.stdout).not.toContain('holds secrets'); // --stdout prints only the file
	});
});
