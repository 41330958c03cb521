/**
 * ssh:// engines against a real sshd on loopback (test/support/sshd.ts), compared with what the
 * docker CLI itself does on the same setup. The "remote" end runs `docker system dial-stdio`
 * against this machine's engine.
 */
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import net from 'node:net';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, expect, it} from 'vitest';
import {CLI, runCli, runJson} from '../support/cli.js';
import {describeEngine} from '../support/engine.js';
import {baseConfig, sshdAvailable, startSshLab, type SshLab} from '../support/sshd.js';

describeEngine('ssh:// engines through the system ssh, host keys verified', () => {
	let lab: SshLab;
	let dockerConfig: string;
	beforeAll(async () => {
		if (!sshdAvailable) throw new Error('openssh-server is not installed: run bash scripts/engine.sh');
		lab = await startSshLab();
		dockerConfig = mkdtempSync(path.join(tmpdir(), 'dh-rm-dockercfg-'));
	}, 30_000);
	afterAll(async () => {
		await lab?.stop();
		if (dockerConfig) rmSync(dockerConfig, {recursive: true, force: true});
	});
	beforeEach(() => {
		lab.setKnownHosts(`${lab.hostKeyLine()}\n`);
		lab.setConfig(baseConfig(lab, {identity: true}));
	});

	const env = (extra: Record<string, string | undefined> = {}) => ({
		PATH: lab.path,
		DOCKER_CONFIG: dockerConfig,
		DOCKER_CONTEXT: undefined,
		SSH_AUTH_SOCK: undefined,
		// Node warnings must show if there are any.
		NODE_OPTIONS: undefined,
		NODE_NO_WARNINGS: undefined,
		DOCKER_HOST: `ssh://${lab.user}@127.0.0.1:${lab.port}`,
		...extra,
	});
	const dockerCli = (args: string[], extra: Record<string, string | undefined> = {}) => {
		const e: Record<string, string> = {};
		for (const [k, v] of Object.entries({...process.env, ...env(extra)})) if (v !== undefined) e[k] = v;
		return spawnSync('docker', args, {encoding: 'utf8', env: e, timeout: 60_000});
	};

	it('a known host key: validate --json reaches the engine through ssh, with no Node warning on stderr', () => {
		const r = runJson<{engine?: {host: string}; data: {engine?: {version?: string} | null}}>(['validate'], {env: env()});
		expect(r.stderr).not.toMatch(/DEP0|DeprecationWarning|Warning:/);
		expect(r.doc.engine?.host).toBe(`ssh://${lab.user}@127.0.0.1:${lab.port}`);
		const direct = spawnSync('docker', ['-H', 'unix:///var/run/docker.sock', 'version', '--format', '{{.Server.Version}}'], {encoding: 'utf8'}).stdout.trim();
		expect(JSON.stringify(r.doc)).toContain(direct);
		// The same engine answers as through the socket: inspect a known image by name.
		const info = runCli(['inspect', 'docker-helper-fixture/busybox:1', '--json'], {env: env()});
		expect(info.stderr).not.toMatch(/DEP0|Warning:/);
	}, 60_000);

	it('an unknown host key is refused, like the docker CLI, with the fix', () => {
		lab.setKnownHosts('');
		const ours = runCli(['validate'], {env: env()});
		const theirs = dockerCli(['version', '--format', '{{.Server.Version}}']);
		expect(theirs.status).not.toBe(0);
		expect(theirs.stderr).toContain('Host key verification failed');
		expect(ours.code).toBe(3);
		expect(ours.stdout + ours.stderr).toContain('Host key verification failed');
		expect(ours.stdout + ours.stderr).toContain(`ssh-keyscan -p ${lab.port} 127.0.0.1 >> ~/.ssh/known_hosts`);
		expect(ours.stdout + ours.stderr).toMatch(/connect once with: ssh -p \d+ root@127\.0\.0\.1|connect once with: ssh -p \d+ \S+@127\.0\.0\.1/);
		const json = runJson<{ok: boolean; error: {code: string}}>(['validate'], {env: env()});
		expect(json.code).toBe(3);
		expect(JSON.stringify(json.doc)).toContain('Host key verification failed');
		expect(JSON.stringify(json.doc)).not.toContain(lab.hostKeyLine().split(' ')[2]);
	}, 60_000);

	it('a changed host key is refused, like the docker CLI, and says it may be an attack', async () => {
		const old = lab.hostKeyLine();
		await lab.rotateHostKey();
		lab.setKnownHosts(`${old}\n`);
		const theirs = dockerCli(['version', '--format', '{{.Server.Version}}']);
		expect(theirs.status).not.toBe(0);
		expect(theirs.stderr).toContain('Host key verification failed');
		const ours = runCli(['validate'], {env: env()});
		expect(ours.code).toBe(3);
		expect(ours.stdout + ours.stderr).toContain('Host key verification failed');
		expect(ours.stdout + ours.stderr).toContain('CHANGED');
		expect(ours.stdout + ours.stderr).toContain(`ssh-keygen -R '[127.0.0.1]:${lab.port}'`);
		// With the new key recorded it works again.
		lab.setKnownHosts(`${lab.hostKeyLine()}\n`);
		expect(runJson(['validate'], {env: env()}).doc).toHaveProperty('engine.host');
		expect(runCli(['validate', '--json'], {env: env()}).stderr).toBe('');
	}, 60_000);

	it('~/.ssh/config aliases: Host, HostName, User, Port and IdentityFile decide, not the URL', () => {
		lab.setConfig(
			baseConfig(lab, {
				identity: false,
				extra: [
					`Host buildbox`,
					`  HostName 127.0.0.1`,
					`  Port ${lab.port}`,
					`  User ${lab.user}`,
					`  IdentityFile ${lab.userKey}`,
					`  HostKeyAlias [127.0.0.1]:${lab.port}`,
					'',
				].join('\n'),
			}),
		);
		const r = runJson<{engine?: {host: string}}>(['validate'], {env: env({DOCKER_HOST: 'ssh://buildbox'})});
		expect(r.stderr).toBe('');
		expect(r.doc.engine?.host).toBe('ssh://buildbox');
		// The docker CLI agrees on the same alias.
		expect(dockerCli(['version', '--format', '{{.Server.Version}}'], {DOCKER_HOST: 'ssh://buildbox'}).status).toBe(0);
		// Without the alias's identity file the key is not offered: refused.
		lab.setConfig(
			baseConfig(lab, {identity: false, extra: `Host buildbox\n  HostName 127.0.0.1\n  Port ${lab.port}\n  HostKeyAlias [127.0.0.1]:${lab.port}\n`}),
		);
		const denied = runCli(['validate'], {env: env({DOCKER_HOST: 'ssh://buildbox'})});
		expect(denied.code).toBe(3);
		expect(denied.stdout + denied.stderr).toMatch(/Permission denied/);
		expect(denied.stdout + denied.stderr).toContain('ssh-add');
	}, 60_000);

	it('ProxyJump through a jump host', () => {
		lab.setConfig(
			baseConfig(lab, {
				identity: true,
				extra:
					[
						`Host jump`,
						`  HostName 127.0.0.1`,
						`  Port ${lab.port}`,
						`Host behind`,
						`  HostName 127.0.0.1`,
						`  Port ${lab.port}`,
						`  ProxyJump ${lab.user}@jump`,
						`  HostKeyAlias [127.0.0.1]:${lab.port}`,
						'',
					].join('\n') + `Host jump\n  HostKeyAlias [127.0.0.1]:${lab.port}\n`,
			}),
		);
		const r = runJson<{engine?: {host: string}}>(['validate'], {env: env({DOCKER_HOST: `ssh://${lab.user}@behind`})});
		expect(r.stderr).toBe('');
		expect(r.doc.engine?.host).toBe(`ssh://${lab.user}@behind`);
	}, 60_000);

	it('the agent: a key only in ssh-agent works; without the agent it is refused', () => {
		lab.setConfig(baseConfig(lab, {identity: false}));
		const sock = lab.startAgent();
		const ok = runJson<{engine?: {host: string}}>(['validate'], {env: env({SSH_AUTH_SOCK: sock})});
		expect(ok.stderr).toBe('');
		expect(ok.doc.engine?.host).toContain('ssh://');
		const denied = runCli(['validate'], {env: env({SSH_AUTH_SOCK: undefined})});
		expect(denied.code).toBe(3);
		expect(denied.stdout + denied.stderr).toContain('Permission denied');
	}, 60_000);

	it('a silent ssh port fails on the connect deadline the message names, and the ssh process is gone', async () => {
		const silent = net.createServer(() => {
			// accept, never send the ssh banner
		});
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const port = (silent.address() as net.AddressInfo).port;
		try {
			const r = await runCliAsync(['validate'], {...env({DOCKER_HOST: `ssh://127.0.0.1:${port}`})}, 15_000);
			expect(r.killed).toBe(false);
			expect(r.code).toBe(3);
			expect(r.out).toMatch(/did not answer (GET \/_ping )?within 5 s/);
			expect(r.out).not.toMatch(/DEP0|Warning:/);
		} finally {
			silent.close();
		}
		const left = spawnSync('pgrep', ['-f', `ssh.*127.0.0.1.*-p ${port}|-p ${port} -- 127.0.0.1`], {encoding: 'utf8'});
		expect(left.stdout.trim()).toBe('');
	}, 30_000);

	it('a Docker context pointing at the ssh host', () => {
		const made = dockerCli(['context', 'create', 'rm-ssh', '--docker', `host=ssh://${lab.user}@127.0.0.1:${lab.port}`], {DOCKER_HOST: undefined});
		expect(made.status, made.stderr).toBe(0);
		const r = runJson<{engine?: {host: string; context?: string}}>(['validate'], {env: env({DOCKER_HOST: undefined, DOCKER_CONTEXT: 'rm-ssh'})});
		expect(r.stderr).toBe('');
		expect(r.doc.engine).toMatchObject({host: `ssh://${lab.user}@127.0.0.1:${lab.port}`, context: 'rm-ssh'});
		const viaFlag = runJson<{engine?: {context?: string}}>(['validate', '--context', 'rm-ssh'], {env: env({DOCKER_HOST: undefined})});
		expect(viaFlag.doc.engine?.context).toBe('rm-ssh');
	}, 60_000);
});

/** Run the CLI without blocking the event loop (the test's own servers must keep answering). */
function runCliAsync(
	args: string[],
	extra: Record<string, string | undefined>,
	killAfterMs: number,
): Promise<{code: number | null; out: string; killed: boolean}> {
	const e: Record<string, string> = {};
	for (const [k, v] of Object.entries({...process.env, NO_COLOR: '1', ...extra})) if (v !== undefined) e[k] = v;
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, ...args], {env: e, stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		let killed = false;
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		child.stderr.on('data', (c: Buffer) => (out += c.toString()));
		const timer = setTimeout(() => {
			killed = true;
			child.kill('SIGKILL');
		}, killAfterMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({code, out, killed});
		});
	});
}
