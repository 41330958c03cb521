/**
 * init end to end on the real engine. No registry is reachable here, so the project is one whose Dockerfile
 * builds FROM the fixture image: a static site, initialised with the BusyBox httpd template and --base.
 * It is built and verified by `init --build`, its .dockerignore is checked against the real (legacy) builder,
 * and compose.yaml is brought up with docker-compose until the service is healthy.
 */
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {cpSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {ROOT, runJson} from '../support/cli.js';
import {composeRun, describeCompose} from '../support/compose.js';
import {describeEngine, docker, FIXTURE_IMAGE} from '../support/engine.js';

const dirs: string[] = [];
const images: string[] = [];
const projects: Array<{name: string; dir: string}> = [];
afterAll(() => {
	for (const p of projects) composeRun(['-p', p.name, 'down', '-v', '--remove-orphans'], p.dir, 120_000);
	for (const i of images) docker(['image', 'rm', '-f', i], {allowFail: true});
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

/** A copy of the static-site fixture in a directory named dh-in-…: the image is named after it. */
function site(): {dir: string; name: string} {
	const parent = mkdtempSync(path.join(os.tmpdir(), 'dh-in-e2e-'));
	dirs.push(parent);
	const name = `dh-in-${randomBytes(4).toString('hex')}`;
	const dir = path.join(parent, name);
	cpSync(path.join(ROOT, 'test', 'fixtures', 'init', 'static-site'), dir, {recursive: true});
	return {dir, name};
}

const INIT = ['init', '--yes', '--stack', 'static-busybox', '--base', FIXTURE_IMAGE];

describeEngine('init --build on the engine', () => {
	it('writes, builds and verifies: healthy, non-root, stops on SIGTERM; the throwaway container is gone', () => {
		const {dir, name} = site();
		images.push(`${name}:local`);
		const {code, doc, stderr} = runJson([...INIT, '--build', '--timeout', '60'], {cwd: dir, timeout: 300_000});
		expect(code, stderr).toBe(0);
		const build = doc.result.build;
		expect(build).toMatchObject({image: `${name}:local`, built: true, ok: true});
		const checks = Object.fromEntries(build.verify.checks.map((c: {id: string; status: string}) => [c.id, c.status]));
		expect(checks['healthcheck']).toBe('pass');
		expect(checks['non-root-user']).toBe('pass');
		expect(checks['stops-on-sigterm']).toBe('pass');
		expect(build.verify.container.removed).toBe(true);
		expect(docker(['ps', '-a', '--filter', `name=${name}-verify-`, '--format', '{{.Names}}'])).toBe('');
		expect(docker(['image', 'inspect', '--format', '{{.Config.User}}', `${name}:local`])).toBe('1000:1000');
	});

	it('the generated .dockerignore, applied by the real builder: secrets out at every depth, examples in', () => {
		const {dir, name} = site();
		expect(runJson(INIT, {cwd: dir}).code).toBe(0);
		const tag = `${name}-ctx:1`;
		images.push(tag);
		const built = spawnSync('docker', ['build', '-q', '-t', tag, dir], {encoding: 'utf8', env: {...process.env, DOCKER_BUILDKIT: '0'}, timeout: 180_000});
		expect(built.status, built.stderr).toBe(0);
		const files = docker(['run', '--rm', '--entrypoint', 'find', tag, '/srv/www', '-type', 'f'])
			.split('\n')
			.map((l) => l.replace(/^\/srv\/www\//, ''))
			.sort();
		for (const f of ['index.html', 'about.html', 'css/site.css', 'sub/.env.example', '.env.example']) expect(files, f).toContain(f);
		for (const f of ['.env', 'sub/.env', 'Dockerfile', 'compose.yaml', '.dockerignore']) expect(files, f).not.toContain(f);
	});
});

describeCompose('init compose.yaml on the engine', () => {
	it('docker-compose up without a .env: the service becomes healthy and serves the site', () => {
		const {dir, name} = site();
		expect(runJson(INIT, {cwd: dir}).code).toBe(0);
		rmSync(path.join(dir, '.env'), {force: true});
		images.push(`${name}:local`);
		projects.push({name, dir});
		const up = spawnSync('docker-compose', ['-p', name, 'up', '-d', '--build'], {
			encoding: 'utf8',
			cwd: dir,
			env: {...process.env, DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0'},
			timeout: 300_000,
		});
		expect(up.status, up.stderr).toBe(0);
		const id = composeRun(['-p', name, 'ps', '-q', 'app'], dir).stdout.trim();
		expect(id).not.toBe('');
		let status = '';
		for (let i = 0; i < 60 && status !== 'healthy'; i++) {
			status = docker(['inspect', '--format', '{{.State.Health.Status}}', id]);
			if (status !== 'healthy') spawnSync('sleep', ['1']);
		}
		expect(status).toBe('healthy');
		expect(docker(['exec', id, 'wget', '-q', '-O', '-', 'http://127.0.0.1:8080/'])).toContain('Pocket guide');
		// Down now, not in afterAll: the next test's project publishes the same host port 8080.
		expect(composeRun(['-p', name, 'down', '-v', '--remove-orphans'], dir, 120_000).code).toBe(0);
	});
});

describeCompose('init --scripts on the engine', () => {
	it('docker/test.sh builds, starts, waits until healthy and stops; the other scripts are there and executable', () => {
		const {dir, name} = site();
		const r = runJson([...INIT, '--scripts'], {cwd: dir});
		expect(r.code, r.stderr).toBe(0);
		for (const s of ['build', 'run', 'test', 'logs', 'stop']) expect(statSync(path.join(dir, 'docker', `${s}.sh`)).mode & 0o111, s).not.toBe(0);
		expect(readFileSync(path.join(dir, 'docker', 'README.md'), 'utf8')).toContain('`docker/test.sh`');
		images.push(`${name}:local`);
		projects.push({name, dir});
		const t = spawnSync('sh', [path.join(dir, 'docker', 'test.sh')], {
			encoding: 'utf8',
			cwd: os.tmpdir(),
			env: {...process.env, DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0'},
			timeout: 300_000,
		});
		expect(t.status, `${t.stdout}\n${t.stderr}`).toBe(0);
		expect(t.stdout).toContain('app is healthy');
		// test.sh stops what it started
		expect(docker(['ps', '-a', '--filter', `name=${name}_app`, '--format', '{{.Names}}'])).toBe('');
	});
});
