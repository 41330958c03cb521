/**
 * Builds go through the engine's BuildKit (POST /build?version=2), so the templates' `RUN --mount=type=cache`
 * works. A template with a cache mount, FROM the fixture image (no registry here), is initialised and built
 * with `init --build`; a second build sees what the first left in the cache mount. DOCKER_BUILDKIT=0 asks
 * for the legacy builder, which refuses RUN --mount with a message that says why.
 */
import {randomBytes} from 'node:crypto';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {ROOT, runCli, runJson} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE} from '../support/engine.js';

const dirs: string[] = [];
const images: string[] = [];
/** Image IDs seen under a tag: a rebuild moves the tag and leaves the earlier image dangling, so they are removed by ID. */
const imageIds: string[] = [];
const rememberId = (tag: string): void => {
	imageIds.push(docker(['image', 'inspect', '--format', '{{.Id}}', tag]).trim());
};
const cacheDirs: string[] = [];

/** The engine API on the local socket: the docker CLI here has no buildx, so build-cache records are read and pruned directly. */
function api(method: string, pathAndQuery: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const req = http.request({socketPath: '/var/run/docker.sock', path: pathAndQuery, method}, (res) => {
			let body = '';
			res.on('data', (c: Buffer) => (body += c.toString('utf8')));
			res.on('end', () => resolve(body ? JSON.parse(body) : null));
		});
		req.on('error', reject);
		req.end();
	});
}

afterAll(async () => {
	for (const i of [...images, ...imageIds]) docker(['image', 'rm', '-f', i], {allowFail: true});
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
	// The cache mounts these builds made: their description names the (unique) target directory.
	if (!cacheDirs.length || process.env['DOCKER_HOST']?.startsWith('tcp:')) return;
	const df = (await api('GET', '/system/df').catch(() => null)) as {BuildCache?: Array<{ID: string; Description?: string}> | null} | null;
	for (const r of df?.BuildCache ?? [])
		if (cacheDirs.some((c) => r.Description?.includes(c)))
			await api('POST', `/build/prune?filters=${encodeURIComponent(JSON.stringify({id: [r.ID]}))}`).catch(() => undefined);
});

/** The static-site fixture in a directory named dh-in-…, and the cache-mount template with a unique cache directory. */
function project(): {dir: string; name: string; templates: string; cacheDir: string} {
	const parent = mkdtempSync(path.join(os.tmpdir(), 'dh-in-bk-'));
	dirs.push(parent);
	const name = `dh-in-${randomBytes(4).toString('hex')}`;
	const dir = path.join(parent, name);
	cpSync(path.join(ROOT, 'test', 'fixtures', 'init', 'static-site'), dir, {recursive: true});
	const templates = path.join(parent, 'templates');
	cpSync(path.join(ROOT, 'test', 'fixtures', 'init-templates'), templates, {recursive: true});
	const cacheDir = `/cache/${name}`;
	cacheDirs.push(cacheDir);
	const file = path.join(templates, 'busybox-cache', 'template.json');
	const spec = JSON.parse(readFileSync(file, 'utf8')) as {vars: Record<string, string>};
	spec.vars['cacheDir'] = cacheDir;
	writeFileSync(file, JSON.stringify(spec, null, 2));
	images.push(`${name}:local`);
	return {dir, name, templates, cacheDir};
}

const init = (p: {templates: string}) => ['init', '--yes', '--template-dir', p.templates, '--stack', 'busybox-cache', '--base', FIXTURE_IMAGE];

describeEngine('builds with BuildKit on the engine', () => {
	it('init --build: a template with RUN --mount=type=cache builds, runs healthy, and the cache mount carries over', () => {
		const p = project();
		const dockerfile = (() => {
			expect(runJson(init(p), {cwd: p.dir}).code).toBe(0);
			return readFileSync(path.join(p.dir, 'Dockerfile'), 'utf8');
		})();
		expect(dockerfile).toContain(`RUN --mount=type=cache,target=${p.cacheDir}`);
		const {code, doc, stderr} = runJson(['verify', `${p.name}:local`, '--build', '.', '--timeout', '60'], {cwd: p.dir, timeout: 300_000});
		expect(code, stderr).toBe(0);
		expect(doc.result.summary.failed).toBe(0);
		rememberId(`${p.name}:local`);
		const once = docker(['run', '--rm', '--entrypoint', 'cat', `${p.name}:local`, '/srv/www/builds.txt']).split('\n');
		expect(once).toHaveLength(1);

		// A changed page re-runs the step (its COPY input changed): the cache mount still holds the first build's line.
		appendFileSync(path.join(p.dir, 'about.html'), '\n<!-- edited -->\n');
		const again = runJson([...init(p), '--force', '--build', '--timeout', '60'], {cwd: p.dir, timeout: 300_000});
		expect(again.code, again.stderr).toBe(0);
		const build = again.doc.result.build;
		expect(build).toMatchObject({image: `${p.name}:local`, built: true, ok: true});
		// The progress is BuildKit's decoded trace: step names, never base64 protobuf.
		const log = (build.log as string[]).join('\n');
		expect(log).toMatch(/\[build 4\/4\] RUN --mount=type=cache/);
		expect(log).not.toMatch(/moby\.buildkit\.trace|[A-Za-z0-9+/]{80,}/);
		const twice = docker(['run', '--rm', '--entrypoint', 'cat', `${p.name}:local`, '/srv/www/builds.txt']).split('\n');
		expect(twice).toHaveLength(2);
		expect(twice[0]).toBe(once[0]);
		// BuildKit keeps the cache out of the image: no layer has the cache directory.
		expect(docker(['run', '--rm', '--entrypoint', 'sh', `${p.name}:local`, '-c', `test -e ${p.cacheDir} && echo present || echo absent`])).toBe('absent');
	}, 600_000);

	it('a failing step: exit 1, the step named, no stack trace', () => {
		const p = project();
		expect(runJson(init(p), {cwd: p.dir}).code).toBe(0);
		writeFileSync(path.join(p.dir, 'Dockerfile'), `FROM ${FIXTURE_IMAGE}\nRUN --mount=type=cache,target=${p.cacheDir} echo about to fail && false\n`);
		const r = runCli(['verify', `${p.name}:local`, '--build', '.'], {cwd: p.dir, timeout: 300_000});
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/failed at \[[^\]]*2\/2\] RUN --mount=type=cache[^:]*: .*exit code: 1/);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	}, 300_000);

	it('a build that needs a session (a required build secret): exit 1, and the message says the engine build has none and what to do', () => {
		const p = project();
		expect(runJson(init(p), {cwd: p.dir}).code).toBe(0);
		writeFileSync(path.join(p.dir, 'Dockerfile'), `FROM ${FIXTURE_IMAGE}\nRUN --mount=type=secret,id=token,required=true cat /run/secrets/token\n`);
		const r = runCli(['verify', `${p.name}:local`, '--build', '.'], {cwd: p.dir, timeout: 300_000});
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/failed at \[[^\]]*2\/2\] RUN --mount=type=secret[^:]*: no active sessions/);
		expect(r.stderr).toMatch(/needs a client session .*docker build --secret id=/);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	}, 300_000);

	it('DOCKER_BUILDKIT=0: the legacy builder, and a clear message that RUN --mount needs BuildKit', () => {
		const p = project();
		expect(runJson(init(p), {cwd: p.dir}).code).toBe(0);
		const r = runCli(['verify', `${p.name}:local`, '--build', '.'], {cwd: p.dir, timeout: 300_000, env: {DOCKER_BUILDKIT: '0'}});
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/--mount/);
		expect(r.stderr).toMatch(/needs BuildKit: leave DOCKER_BUILDKIT unset/);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	}, 300_000);
});
