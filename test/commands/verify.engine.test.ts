/**
 * verify against the real engine: fixture images built FROM the busybox fixture, each proving one
 * check passes or fails for the right reason, through the built CLI. Every run must leave no
 * container behind, also when it is interrupted with Ctrl-C.
 */
import {spawn} from 'node:child_process';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {CLI, runCli, runJson} from '../support/cli.js';
import {describeEngine, docker} from '../support/engine.js';
import {buildFixture, imageName, removeImages} from '../support/images.js';

const TRAP_LOOP = `CMD ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;
const PREFIX = 'dh-im-verify-';

function leftovers(): string[] {
	return docker(['ps', '-a', '--filter', `name=${PREFIX}`, '--format', '{{.Names}}'])
		.split('\n')
		.filter(Boolean);
}

type Check = {id: string; status: string; evidence: string[]; message: string; fix?: string};
const byId = (doc: {result: {checks: Check[]}}) => Object.fromEntries(doc.result.checks.map((c) => [c.id, c]));
const verify = (image: string, ...args: string[]) => runJson(['verify', image, '--name-prefix', PREFIX, ...args], {timeout: 120_000});

describeEngine('verify on fixture images', () => {
	const images = {
		root: `${imageName('root-gcc')}:1`,
		good: `${imageName('good')}:1`,
		unhealthy: `${imageName('unhealthy')}:1`,
		noterm: `${imageName('noterm')}:1`,
		httpd: `${imageName('httpd')}:1`,
		writes: `${imageName('writes')}:1`,
		secret: `${imageName('secret')}:1`,
	};

	beforeAll(() => {
		buildFixture(
			images.root,
			`RUN printf '#!/bin/sh\\necho fake gcc\\n' > /usr/bin/gcc 2>/dev/null || (mkdir -p /usr/bin && printf '#!/bin/sh\\n' > /usr/bin/gcc); chmod 755 /usr/bin/gcc\n${TRAP_LOOP}`,
		);
		buildFixture(images.good, `USER 1000\nHEALTHCHECK --interval=30s --retries=2 CMD test -d /home/app\n${TRAP_LOOP}`);
		buildFixture(images.unhealthy, `USER app\nHEALTHCHECK --interval=30s --retries=2 CMD sh -c 'echo database not ready; exit 1'\n${TRAP_LOOP}`);
		buildFixture(images.noterm, 'USER 1000\nCMD ["sh", "-c", "while true; do sleep 1; done"]');
		buildFixture(
			images.httpd,
			`RUN mkdir -p /www && echo ok > /www/health\nUSER 1000\nCMD ["sh", "-c", "trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait"]`,
		);
		buildFixture(images.writes, `USER 1000\nCMD ["sh", "-c", "touch /tmp/state || exit 1; trap 'exit 0' TERM; while true; do sleep 1; done"]`);
		buildFixture(images.secret, `ENV API_TOKEN=tok-fixture-value-123 MODE=prod\nUSER 1000\n${TRAP_LOOP}`);
	}, 300_000);
	afterAll(() => removeImages(...Object.values(images)));

	it('a root image with a compiler fails the user and build-tools checks from its files', () => {
		const {code, doc} = verify(images.root, '--grace', '3', '--max-size', '1KB');
		expect(code).toBe(1);
		const c = byId(doc);
		expect(c['size']).toMatchObject({status: 'fail', title: 'Image size within 1000 B'});
		expect(c['size']!.message).toMatch(/^image size [\d.]+ MiB > max 1000 B$/);
		expect(c['gate-maxSize']).toBeUndefined();
		expect(c['non-root-user']).toMatchObject({status: 'fail'});
		expect(c['non-root-user']!.evidence).toContain('Config.User = (unset: root)');
		expect(c['no-build-tools']).toMatchObject({status: 'fail'});
		expect(c['no-build-tools']!.evidence).toEqual(['/usr/bin/gcc (compiler or build tool)']);
		expect(c['no-package-caches']!.status).toBe('pass');
		expect(c['healthcheck']).toMatchObject({status: 'skip'});
		expect(c['healthcheck']!.message).toMatch(/health not verified/);
		expect(doc.result.container.removed).toBe(true);
		expect(leftovers()).toEqual([]);
	});

	it('a non-root image with a passing HEALTHCHECK that stops on SIGTERM passes every check (exit 0)', () => {
		const {code, doc} = verify(images.good, '--max-size', '50MB');
		const c = byId(doc);
		expect(c['size']).toMatchObject({status: 'pass', title: 'Image size within 47.7 MiB'});
		expect(Object.values(c).filter((x) => x.status !== 'pass')).toEqual([]);
		expect(code).toBe(0);
		expect(c['non-root-user']!.evidence).toEqual(['Config.User = 1000', '/etc/passwd: app has uid 1000', 'running PID 1 has uid 1000']);
		expect(c['healthcheck']!.evidence[0]).toMatch(/^State.Health.Status = healthy after/);
		expect(c['stops-on-sigterm']!.evidence[0]).toMatch(/exit code 0$/);
		expect(leftovers()).toEqual([]);
	});

	it('a HEALTHCHECK that never passes fails with the health log, and the diagnose rules name it', () => {
		const {code, doc} = verify(images.unhealthy, '--timeout', '15');
		expect(code).toBe(1);
		const hc = byId(doc)['healthcheck']!;
		expect(hc.status).toBe('fail');
		expect(hc.evidence[0]).toMatch(/State.Health.Status = unhealthy/);
		expect(hc.evidence).toContain('probe exit 1: database not ready');
		expect(doc.result.diagnosis.id).toBe('healthcheck-failing');
		// No --max-size: the size is shown, not judged, and not counted as a pass.
		expect(byId(doc)['size']).toMatchObject({status: 'skip', message: expect.stringMatching(/not judged: no --max-size given$/)});
		expect(byId(doc)['non-root-user']!.message).toBe('runs as app (uid 1000)');
		expect(leftovers()).toEqual([]);
	});

	it('a PID 1 that ignores SIGTERM fails with the fix (exec form, --init, tini)', () => {
		const {code, doc} = verify(images.noterm, '--grace', '2');
		expect(code).toBe(1);
		const stop = byId(doc)['stops-on-sigterm']!;
		expect(stop.status).toBe('fail');
		expect(stop.evidence[0]).toBe('still running 2 s after SIGTERM: docker stop would SIGKILL it');
		expect(stop.fix).toMatch(/exec-form CMD.*--init \(tini\)/);
		expect(leftovers()).toEqual([]);
	});

	it('--http: busybox httpd answers /health through 127.0.0.1; a port nothing listens on fails', () => {
		const ok = verify(images.httpd, '--http', '8080');
		expect(ok.code).toBe(0);
		expect(byId(ok.doc)['http']!.evidence[0]).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/health \(container port 8080\) → 200/);
		const bad = verify(images.httpd, '--http', '8081/ready', '--timeout', '4');
		expect(bad.code).toBe(1);
		expect(byId(bad.doc)['http']).toMatchObject({status: 'fail', message: 'No 2xx from /ready within 4 s.'});
		expect(leftovers()).toEqual([]);
	});

	it('--read-only: an image that writes at start fails, and passes with a tmpfs there', () => {
		const ro = verify(images.writes, '--read-only');
		expect(ro.code).toBe(1);
		expect(byId(ro.doc)['starts']).toMatchObject({status: 'fail'});
		const tmpfs = verify(images.writes, '--read-only', '--tmpfs', '/tmp:size=1m');
		expect(byId(tmpfs.doc)['read-only']).toMatchObject({status: 'pass'});
		expect(tmpfs.code).toBe(0);
		expect(leftovers()).toEqual([]);
	});

	it('a secret baked into ENV fails, and its value never appears', () => {
		const r = runCli(['verify', images.secret, '--name-prefix', PREFIX], {timeout: 120_000});
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('ENV API_TOKEN=[redacted]');
		expect(r.stdout + r.stderr).not.toContain('tok-fixture-value-123');
		expect(r.stdout).toMatch(/\d+ passed, 1 failed, 2 not verified/);
	});

	it('Ctrl-C while it waits for a health check: the throwaway container is removed', async () => {
		const child = spawn(process.execPath, [CLI, 'verify', images.unhealthy, '--timeout', '60', '--name-prefix', PREFIX], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {...process.env, NO_COLOR: '1'},
		});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		const deadline = Date.now() + 60_000;
		while (leftovers().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
		expect(leftovers()).toHaveLength(1);
		await new Promise((r) => setTimeout(r, 1500));
		child.kill('SIGINT');
		expect(await exited).toBe(130);
		expect(stderr).toMatch(/SIGINT: removing the throwaway container/);
		expect(leftovers()).toEqual([]);
	}, 90_000);
});
