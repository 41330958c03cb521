/** init through the built CLI: --dry-run and --json, never clobbering, --force with backups, usage errors, custom templates. */
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT, runCli, runJson} from '../support/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'init');
const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

function project(name: string): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-in-cli-'));
	dirs.push(dir);
	const target = path.join(dir, name);
	cpSync(path.join(FIXTURES, name), target, {recursive: true});
	return target;
}

describe('init', () => {
	it('--dry-run --json: the detection with evidence, every file with its diff, and nothing written', () => {
		const dir = project('django-postgres');
		const {code, doc} = runJson(['init', '--dry-run'], {cwd: dir});
		expect(code).toBe(0);
		const r = doc.result;
		expect(r.mode).toBe('dry-run');
		expect(r.detection.stack).toBe('django');
		expect(r.detection.framework.value).toEqual({name: 'Django', version: '5.0.6'});
		expect(r.detection.framework.evidence).toContainEqual({file: 'requirements.txt', line: 3, text: 'Django==5.0.6'});
		expect(r.files.map((f: {path: string; status: string}) => `${f.status} ${f.path}`)).toEqual([
			'create Dockerfile',
			'create .dockerignore',
			'create compose.yaml',
			'create .env.example',
		]);
		expect(r.files[0].diff).toContain('+FROM python:3.12-slim-trixie AS builder');
		for (const f of ['Dockerfile', '.dockerignore', 'compose.yaml', '.env.example']) expect(existsSync(path.join(dir, f)), f).toBe(false);
		const text = runCli(['init', '--dry-run'], {cwd: dir});
		expect(text.stdout).toContain('Django 5.0.6, from requirements.txt line 3 and manage.py line 9');
		expect(text.stdout).toContain('Dry run: nothing was written.');
	});

	it('without a terminal and without --yes it previews, and says how to write', () => {
		const dir = project('static-site');
		const r = runCli(['init'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('docker-helper init --yes');
		expect(existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
	});

	it('never overwrites without --force: nothing is written when one file exists; --force keeps numbered backups', () => {
		const dir = project('flask-redis');
		writeFileSync(path.join(dir, 'Dockerfile'), 'FROM mine\n');
		const blocked = runJson(['init', '--yes'], {cwd: dir});
		expect(blocked.code).toBe(1);
		expect(blocked.doc.result.mode).toBe('blocked');
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe('FROM mine\n');
		expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false); // not half a setup
		const text = runCli(['init', '--yes'], {cwd: dir});
		expect(text.code).toBe(1);
		expect(text.stdout).toMatch(/Dockerfile already exists; nothing was written/);

		const forced = runJson(['init', '--yes', '--force'], {cwd: dir});
		expect(forced.code).toBe(0);
		expect(readFileSync(path.join(dir, 'Dockerfile.bak'), 'utf8')).toBe('FROM mine\n');
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toContain('gunicorn');
		const df = forced.doc.result.files.find((f: {path: string}) => f.path === 'Dockerfile');
		expect(df).toMatchObject({status: 'replace', backup: 'Dockerfile.bak'});

		writeFileSync(path.join(dir, 'Dockerfile'), 'FROM mine again\n');
		expect(runJson(['init', '--yes', '--force'], {cwd: dir}).code).toBe(0);
		expect(readFileSync(path.join(dir, 'Dockerfile.bak.2'), 'utf8')).toBe('FROM mine again\n');
		expect(readFileSync(path.join(dir, 'Dockerfile.bak'), 'utf8')).toBe('FROM mine\n');
	});

	it('an existing .env.example is kept, even with --force', () => {
		const dir = project('express-api');
		writeFileSync(path.join(dir, '.env.example'), '# ours\nDATABASE_URL=\n');
		const r = runJson(['init', '--yes', '--force'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.doc.result.files.find((f: {path: string}) => f.path === '.env.example').status).toBe('kept');
		expect(readFileSync(path.join(dir, '.env.example'), 'utf8')).toBe('# ours\nDATABASE_URL=\n');
	});

	it('a symbolic link in the way is refused, not followed', () => {
		const dir = project('static-site');
		const elsewhere = path.join(path.dirname(dir), 'elsewhere');
		writeFileSync(elsewhere, 'keep\n');
		symlinkSync(elsewhere, path.join(dir, 'compose.yaml'));
		const r = runCli(['init', '--yes', '--force'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/symbolic link/);
		expect(readFileSync(elsewhere, 'utf8')).toBe('keep\n');
	});

	it('answers from flags: stack, port, version, services, GPU', () => {
		const dir = project('fastapi-poetry');
		const {code, doc} = runJson(['init', '--dry-run', '--port', '8088', '--python', '3.12', '--with', 'redis', '--gpu', '--entry', 'main:api'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result.answers).toMatchObject({template: 'fastapi', port: 8088, runtime: '3.12', services: ['redis'], gpu: true, entry: 'main:api'});
		const compose = doc.result.files.find((f: {path: string}) => f.path === 'compose.yaml').content as string;
		expect(compose).toContain('"8088:8088"');
		expect(compose).toContain('redis:7.4-alpine');
		expect(compose).not.toContain('postgres:17');
		expect(compose).toContain('capabilities:');
		expect(doc.result.files[0].content).toContain('FROM python:3.12-slim-trixie AS runtime');
	});

	it.each([
		[['--port', '70000'], /--port must be a whole number/],
		[['--with', 'mongo'], /--with mongo: not a service/],
		[['--stack', 'cobol'], /No init template 'cobol'/],
		[['--entry', 'app;rm -rf /'], /is not a module, file or app object/],
		[['--python', '3.x'], /is not a version number/],
		[['--base', 'Bad Image'], /is not an image reference/],
		[['--yes', '--dry-run'], /contradict/],
	])('%j is a usage error (exit 2)', (flags, message) => {
		const r = runCli(['init', ...flags], {cwd: project('flask-redis')});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it('a directory with no recognised stack asks for --stack', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-in-cli-empty-'));
		dirs.push(dir);
		writeFileSync(path.join(dir, 'README.md'), '# nothing\n');
		const r = runCli(['init', '--dry-run'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/No stack recognised/);
		expect(runCli(['init', '--dry-run', '--stack', 'static'], {cwd: dir}).code).toBe(0);
	});

	it('--list shows the shipped templates; --template-dir overrides one and adds another', () => {
		const list = runJson(['init', '--list']).doc.result.templates.map((t: {id: string}) => t.id);
		expect(list).toEqual(expect.arrayContaining(['django', 'fastapi', 'static', 'static-busybox', 'go', 'java-maven', 'nextjs']));

		const custom = mkdtempSync(path.join(os.tmpdir(), 'dh-in-tpl-custom-'));
		dirs.push(custom);
		mkdirSync(path.join(custom, 'static'));
		writeFileSync(
			path.join(custom, 'static', 'template.json'),
			JSON.stringify({
				id: 'static',
				title: 'Team static',
				summary: 'ours',
				language: 'static',
				runtime: null,
				base: 'registry.example.com/nginx:1.27',
				health: null,
				healthPath: '/',
				startPeriod: '5s',
				cmd: ['nginx'],
			}),
		);
		writeFileSync(
			path.join(custom, 'static', 'Dockerfile.tmpl'),
			'# team template for {{image}}\nFROM {{base}}\nCOPY . /srv\n{{> healthcheck}}\nCMD {{json cmd}}\n',
		);
		mkdirSync(path.join(custom, 'shell'));
		writeFileSync(
			path.join(custom, 'shell', 'template.json'),
			JSON.stringify({
				id: 'shell',
				stack: 'shell',
				default: false,
				title: 'Shell tool',
				summary: 'a script',
				language: 'static',
				runtime: null,
				base: 'busybox:1.37.0',
				health: null,
				healthPath: '/',
				startPeriod: '5s',
				cmd: ['sh', '/run.sh'],
			}),
		);
		writeFileSync(path.join(custom, 'shell', 'Dockerfile.tmpl'), 'FROM {{base}}\nCMD {{json cmd}}\n');

		const listed = runJson(['init', '--list', '--template-dir', custom]).doc.result.templates;
		expect(listed.find((t: {id: string}) => t.id === 'static').source).toBe('custom');
		expect(listed.find((t: {id: string}) => t.id === 'shell').source).toBe('custom');
		const dir = project('static-site');
		const r = runJson(['init', '--dry-run', '--template-dir', custom], {cwd: dir}).doc.result;
		expect(r.template).toMatchObject({id: 'static', source: 'custom'});
		expect(r.files[0].content).toBe(
			'# team template for static-site\nFROM registry.example.com/nginx:1.27\nCOPY . /srv\n\n# A tool that runs and exits has nothing to probe.\nHEALTHCHECK NONE\nCMD ["nginx"]\n',
		);
		// The config file names the directory too.
		writeFileSync(path.join(dir, '.docker-helper.yaml'), `init:\n  templateDir: ${custom}\n`);
		expect(runJson(['init', '--dry-run'], {cwd: dir}).doc.result.template.source).toBe('custom');
		// A broken custom template is a usage error naming the file.
		writeFileSync(path.join(custom, 'shell', 'Dockerfile.tmpl'), 'FROM {{base}}\n{{#if x}}\n');
		const bad = runCli(['init', '--list', '--template-dir', custom]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/shell.*never closed/);
	});

	it('--help lists the answers the wizard asks for', () => {
		const r = runCli(['init', '--help']);
		for (const flag of [
			'--yes',
			'--dry-run',
			'--stack',
			'--port',
			'--entry',
			'--python',
			'--node',
			'--gpu',
			'--with',
			'--force',
			'--template-dir',
			'--scripts',
		])
			expect(r.stdout).toContain(flag);
	});
});

describe('the shipped custom-template example', () => {
	it('overrides the fastapi template, with its own placeholders and the shipped partials', () => {
		const dir = project('fastapi-poetry');
		const r = runJson(['init', '--dry-run', '--template-dir', path.join(ROOT, 'assets', 'init-examples')], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.doc.result.template).toMatchObject({id: 'fastapi', source: 'custom'});
		const dockerfile = r.doc.result.files[0].content as string;
		expect(dockerfile).toContain('(maintained by the platform team)');
		expect(dockerfile).toContain('"--workers","2"');
		expect(dockerfile).toContain('/opt/poetry/bin/poetry install'); // the shipped python-builder partial
	});
});
