/**
 * tcp:// engines with TLS against a real second dockerd on loopback (test/support/tlsd.ts), each case
 * compared with what the docker CLI does with the same environment.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';
import {describeEngine} from '../support/engine.js';
import {dockerdAvailable, startTlsLab, type TlsLab} from '../support/tlsd.js';

describeEngine('tcp:// engines with TLS: DOCKER_TLS_VERIFY, DOCKER_CERT_PATH and contexts', () => {
	let lab: TlsLab;
	let dockerConfig: string;
	beforeAll(async () => {
		if (!dockerdAvailable) throw new Error('dockerd and openssl are needed (as root) for the TLS engine: run bash scripts/engine.sh');
		docker0Before = spawnSync('ip', ['-o', 'link', 'show', 'docker0'], {encoding: 'utf8'}).stdout.split(':')[0] ?? '';
		lab = await startTlsLab('dh-rm-');
		dockerConfig = mkdtempSync(path.join(tmpdir(), 'dh-rm-tlscfg-'));
	}, 60_000);
	let docker0Before = '';
	afterAll(async () => {
		await lab?.stop();
		if (dockerConfig) rmSync(dockerConfig, {recursive: true, force: true});
	}, 30_000);

	const env = (extra: Record<string, string | undefined> = {}) => ({
		DOCKER_CONFIG: dockerConfig,
		DOCKER_CONTEXT: undefined,
		DOCKER_HOST: lab.host,
		DOCKER_TLS_VERIFY: '1',
		DOCKER_CERT_PATH: lab.certs.good,
		...extra,
	});
	const dockerCli = (args: string[], extra: Record<string, string | undefined> = {}) => {
		const e: Record<string, string> = {};
		for (const [k, v] of Object.entries({...process.env, ...env(extra)})) if (v !== undefined) e[k] = v;
		return spawnSync('docker', args, {encoding: 'utf8', env: e, timeout: 60_000});
	};
	/** The second daemon's own id: proof that docker-helper reached that daemon and not the usual one. */
	const daemonId = () => dockerCli(['info', '--format', '{{.ID}}']).stdout.trim();

	it('a client certificate the daemon trusts: validate reaches that daemon, as the docker CLI does', () => {
		const id = daemonId();
		expect(id).not.toBe('');
		const r = runJson<{engine?: {host: string}; result: {checks: Array<{id: string; status: string}>}}>(['validate'], {env: env()});
		expect(r.doc.engine?.host).toBe(lab.host);
		expect(r.doc.result.checks.find((c) => c.id === 'engine.reachable')?.status).toBe('ok');
		// Over tcp:// the engine's machine is judged from docker info, and local-only checks say they were skipped.
		const byId = new Map(r.doc.result.checks.map((c) => [c.id, c as {id: string; status: string; measured?: string}]));
		expect(byId.get('host.cpus')?.measured).toBe(
			`${dockerCli(['info', '--format', '{{.NCPU}}']).stdout.trim()} CPUs on the engine's machine, from docker info`,
		);
		expect(byId.get('host.swap')?.status).toBe('skip');
		expect(byId.get('host.swap')?.measured).toContain('local-only check skipped');
		// A lookup on that daemon: its answer, not a transport error.
		const missing = runCli(['inspect', 'dh-rm-no-such-container'], {env: env()});
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('No such container: dh-rm-no-such-container');
	}, 60_000);

	it('a DOCKER_HOST without a scheme is tcp, as the docker CLI reads it', () => {
		const bare = lab.host.replace('tcp://', '');
		expect(dockerCli(['version', '--format', '{{.Server.Version}}'], {DOCKER_HOST: bare}).status).toBe(0);
		const r = runJson<{engine?: {host: string}; result: {checks: Array<{id: string; status: string}>}}>(['validate'], {env: env({DOCKER_HOST: bare})});
		expect(r.doc.result.checks.find((c) => c.id === 'engine.reachable')?.status).toBe('ok');
	}, 60_000);

	it('a CA that did not issue the daemon certificate: refused, exit 3, naming the CA file', () => {
		expect(dockerCli(['version'], {DOCKER_CERT_PATH: lab.certs.foreignCa}).status).not.toBe(0);
		const r = runCli(['inspect', 'x'], {env: env({DOCKER_CERT_PATH: lab.certs.foreignCa})});
		expect(r.code).toBe(3);
		expect(r.stderr).toContain(`not signed by the CA in ${lab.certs.foreignCa}/ca.pem`);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	}, 60_000);

	it('a client certificate the daemon does not trust: refused, exit 3, saying it was the client certificate', () => {
		expect(dockerCli(['version'], {DOCKER_CERT_PATH: lab.certs.untrustedClient}).status).not.toBe(0);
		const r = runCli(['inspect', 'x'], {env: env({DOCKER_CERT_PATH: lab.certs.untrustedClient})});
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('the engine refused the client certificate');
	}, 60_000);

	it('missing certificate files: exit 3, naming the file that is missing', () => {
		const nowhere = path.join(dockerConfig, 'no-certs-here');
		expect(dockerCli(['version'], {DOCKER_CERT_PATH: nowhere}).status).not.toBe(0);
		const r = runCli(['inspect', 'x'], {env: env({DOCKER_CERT_PATH: nowhere})});
		expect(r.code).toBe(3);
		expect(r.stderr).toContain(`The TLS file ${nowhere}/ca.pem`);
		expect(r.stderr).toContain('does not exist');
	}, 60_000);

	it('plain HTTP to the TLS port: exit 3, telling to turn TLS on', () => {
		const r = runCli(['inspect', 'x'], {env: env({DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined})});
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('expects TLS');
		expect(r.stderr).toContain('DOCKER_TLS_VERIFY=1');
	}, 60_000);

	it('a Docker context holding the TLS material reaches the same daemon', () => {
		const c = lab.certs.good;
		const made = dockerCli(['context', 'create', 'dh-rm-tls', '--docker', `host=${lab.host},ca=${c}/ca.pem,cert=${c}/cert.pem,key=${c}/key.pem`], {
			DOCKER_HOST: undefined,
			DOCKER_TLS_VERIFY: undefined,
			DOCKER_CERT_PATH: undefined,
		});
		expect(made.status, made.stderr).toBe(0);
		const ctxEnv = {DOCKER_HOST: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, DOCKER_CONTEXT: 'dh-rm-tls'};
		expect(dockerCli(['info', '--format', '{{.ID}}'], ctxEnv).stdout.trim()).toBe(daemonId());
		const r = runJson<{engine?: {host: string; context?: string}; result: {checks: Array<{id: string; status: string}>}}>(['validate'], {env: env(ctxEnv)});
		expect(r.doc.engine?.context).toBe('dh-rm-tls');
		expect(r.doc.engine?.host).toBe(lab.host);
		expect(r.doc.result.checks.find((c) => c.id === 'engine.reachable')?.status).toBe('ok');
	}, 60_000);

	it("the second daemon left the host engine's docker0 bridge alone", () => {
		const now = spawnSync('ip', ['-o', 'link', 'show', 'docker0'], {encoding: 'utf8'}).stdout.split(':')[0] ?? '';
		expect(now).not.toBe('');
		expect(now).toBe(docker0Before);
	});
});
