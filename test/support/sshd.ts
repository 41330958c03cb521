/**
 * A real OpenSSH server on a loopback port for the ssh:// engine tests, started and stopped by
 * the test. It logs in as the current user (root in CI), whose shell has the docker CLI and the
 * engine socket, so `docker system dial-stdio` on the "remote" end reaches this machine's engine.
 *
 * The client side is a private directory: a config file, a known_hosts file and a user key.
 * OpenSSH reads ~/.ssh/config from the passwd home, not $HOME, so the tests put an `ssh` wrapper
 * first on PATH that adds `-F <dir>/config`: the CLI under test runs `ssh` from PATH exactly
 * as the docker CLI does, and everything after that is OpenSSH's own behaviour.
 */
import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir, userInfo} from 'node:os';
import path from 'node:path';

export const SSHD = '/usr/sbin/sshd';
export const sshdAvailable = existsSync(SSHD) && spawnSync('ssh', ['-V']).status === 0;

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

function keygen(file: string): string {
	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'docker-helper-test', '-f', file]);
	return readFileSync(`${file}.pub`, 'utf8').trim();
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const ok = await new Promise<boolean>((resolve) => {
			const s = net.connect(port, '127.0.0.1');
			s.once('connect', () => {
				s.destroy();
				resolve(true);
			});
			s.once('error', () => resolve(false));
		});
		if (ok) return;
		if (Date.now() > until) throw new Error(`sshd did not listen on 127.0.0.1:${port}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

export interface SshLab {
	readonly dir: string;
	readonly port: number;
	readonly user: string;
	/** PATH with the `ssh` wrapper (adds -F <dir>/config) first. */
	readonly path: string;
	readonly configFile: string;
	readonly knownHosts: string;
	readonly userKey: string;
	/** `[127.0.0.1]:port ssh-ed25519 AAAA...`: the server's current host key line. */
	hostKeyLine(): string;
	/** Write known_hosts (empty string: no known key). */
	setKnownHosts(text: string): void;
	/** Write the client config (the wrapper's -F file). */
	setConfig(text: string): void;
	/** Restart sshd with a freshly generated host key (the "changed key" case). */
	rotateHostKey(): Promise<void>;
	/** Start an ssh-agent holding the user key; returns SSH_AUTH_SOCK. */
	startAgent(): string;
	stop(): Promise<void>;
}

export async function startSshLab(): Promise<SshLab> {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-sshlab-'));
	chmodSync(dir, 0o700);
	mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	const port = await freePort();
	const user = userInfo().username;
	const hostKey = path.join(dir, 'host_ed25519');
	keygen(hostKey);
	const userKey = path.join(dir, 'id_ed25519');
	writeFileSync(path.join(dir, 'authorized_keys'), `${keygen(userKey)}\n`, {mode: 0o600});
	const sshdConfig = path.join(dir, 'sshd_config');
	writeFileSync(
		sshdConfig,
		[
			`Port ${port}`,
			'ListenAddress 127.0.0.1',
			`HostKey ${hostKey}`,
			`PidFile ${path.join(dir, 'sshd.pid')}`,
			`AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
			'StrictModes no',
			'UsePAM no',
			'PermitRootLogin prohibit-password',
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'AllowTcpForwarding yes',
			'LogLevel ERROR',
			'',
		].join('\n'),
	);
	const binDir = path.join(dir, 'bin');
	mkdirSync(binDir);
	const configFile = path.join(dir, 'config');
	const wrapper = path.join(binDir, 'ssh');
	const realSsh = execFileSync('sh', ['-c', 'command -v ssh'], {encoding: 'utf8'}).trim();
	writeFileSync(wrapper, `#!/bin/sh\nexec ${realSsh} -F ${configFile} "$@"\n`, {mode: 0o755});
	const knownHosts = path.join(dir, 'known_hosts');

	let sshd: ChildProcess | undefined;
	let agentPid: number | undefined;
	const start = async () => {
		sshd = spawn(SSHD, ['-D', '-e', '-f', sshdConfig], {stdio: ['ignore', 'ignore', 'pipe']});
		let log = '';
		sshd.stderr?.on('data', (c: Buffer) => (log += c.toString()));
		const child = sshd;
		await Promise.race([waitForPort(port, 10_000), new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`sshd exited ${code}: ${log}`))))]);
	};
	const stopSshd = async () => {
		const child = sshd;
		sshd = undefined;
		if (!child || child.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	};
	await start();

	const lab: SshLab = {
		dir,
		port,
		user,
		path: `${binDir}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
		configFile,
		knownHosts,
		userKey,
		hostKeyLine: () => `[127.0.0.1]:${port} ${readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ')}`,
		setKnownHosts: (text) => writeFileSync(knownHosts, text),
		setConfig: (text) => writeFileSync(configFile, text),
		rotateHostKey: async () => {
			await stopSshd();
			rmSync(hostKey, {force: true});
			rmSync(`${hostKey}.pub`, {force: true});
			keygen(hostKey);
			await start();
		},
		startAgent: () => {
			const sock = path.join(dir, 'agent.sock');
			const out = execFileSync('ssh-agent', ['-s', '-a', sock], {encoding: 'utf8'});
			agentPid = Number(/SSH_AGENT_PID=(\d+)/.exec(out)?.[1]);
			execFileSync('ssh-add', ['-q', userKey], {env: {...process.env, SSH_AUTH_SOCK: sock}, stdio: 'pipe'});
			return sock;
		},
		stop: async () => {
			await stopSshd();
			if (agentPid) {
				try {
					process.kill(agentPid, 'SIGTERM');
				} catch {
					// already gone
				}
			}
			rmSync(dir, {recursive: true, force: true});
		},
	};
	// Default: the known key, the user key, nothing else from the machine's own ssh setup.
	lab.setKnownHosts(`${lab.hostKeyLine()}\n`);
	lab.setConfig(baseConfig(lab, {identity: true}));
	return lab;
}

/** A client config isolated from the machine's: our known_hosts only, no system file, our key. */
export function baseConfig(lab: Pick<SshLab, 'knownHosts' | 'userKey'>, options: {identity: boolean; extra?: string}): string {
	return [
		options.extra ?? '',
		'Host *',
		`  UserKnownHostsFile ${lab.knownHosts}`,
		'  GlobalKnownHostsFile /dev/null',
		options.identity ? `  IdentityFile ${lab.userKey}` : '  IdentityFile /nonexistent/none',
		options.identity ? '  IdentitiesOnly yes' : '  IdentitiesOnly no',
		'  LogLevel ERROR',
		'',
	].join('\n');
}
