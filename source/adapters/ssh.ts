/**
 * ssh:// engines through the system `ssh` binary, the way the docker CLI does it
 * (cli/connhelper): `ssh [-l user] [-p port] -- host docker system dial-stdio`,
 * with the HTTP API spoken over the child's stdin/stdout.
 *
 * Running OpenSSH itself (rather than an in-process ssh library) is what makes
 * the security and the configuration identical to `docker -H ssh://...`:
 * host keys are checked against ~/.ssh/known_hosts, the system file and
 * StrictHostKeyChecking; ~/.ssh/config (Host aliases, HostName, User, Port,
 * IdentityFile, ProxyJump, ProxyCommand, Match ...) applies; identity files and
 * the agent work as they do for the user's own ssh.
 *
 * Two deliberate differences from the docker CLI:
 *  - BatchMode=yes: ssh never prompts (a prompt would fight the interactive
 *    menu and hang scripts). An unknown host key is therefore refused, never
 *    accepted; the hint says how to add it after checking it.
 *  - the error keeps ssh's own stderr line (e.g. "Host key verification failed.")
 *    and adds the fix.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import http from 'node:http';
import {Duplex} from 'node:stream';
import {HelperError} from '../core/errors.js';

export interface SshTarget {
	readonly host: string;
	/** Only when the URL names one: otherwise ~/.ssh/config (or 22) decides. */
	readonly port?: number;
	readonly username?: string;
}

/** The argv after `ssh`, as the docker CLI builds it. Exported for tests. */
export function sshArgs(target: SshTarget): string[] {
	const args = ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=30', '-T'];
	if (target.username) args.push('-l', target.username);
	if (target.port !== undefined) args.push('-p', String(target.port));
	args.push('--', target.host, 'docker', 'system', 'dial-stdio');
	return args;
}

/** How the user would say it to ssh themselves, for hints. */
export function sshCommandLine(target: SshTarget): string {
	return ['ssh', ...(target.port !== undefined ? ['-p', String(target.port)] : []), target.username ? `${target.username}@${target.host}` : target.host].join(
		' ',
	);
}

/**
 * One ssh child process as a socket for node:http. The Agent keeps it alive
 * between requests, so a command's several API calls share one ssh session.
 */
class SshSocket extends Duplex {
	readonly #child: ChildProcessWithoutNullStreams;
	readonly #target: SshTarget;
	#stderr = '';
	#gotData = false;
	#exited = false;

	constructor(target: SshTarget, sshBinary: string) {
		super({allowHalfOpen: false});
		this.#target = target;
		this.#child = spawn(sshBinary, sshArgs(target), {stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true});
		this.#child.stdout.on('data', (chunk: Buffer) => {
			this.#gotData = true;
			if (!this.push(chunk)) this.#child.stdout.pause();
		});
		// stdout's end is not the end of the story: ssh exits non-zero when it failed, and
		// stderr says why. The socket ends (or fails) once the process has closed.
		this.#child.stderr.on('data', (chunk: Buffer) => {
			if (this.#stderr.length < 16_384) this.#stderr += chunk.toString('utf8');
		});
		this.#child.stdin.on('error', () => {
			// EPIPE after ssh exited: the exit handler reports why.
		});
		this.#child.on('error', (error: NodeJS.ErrnoException) => {
			this.#exited = true;
			this.destroy(
				error.code === 'ENOENT'
					? new HelperError(
							'ENGINE_CONFIG',
							`Cannot reach the Docker Engine over SSH: the ssh client ('${sshBinary}') is not installed.`,
							'Install OpenSSH (apt install openssh-client), as the docker CLI also needs it for ssh:// hosts.',
						)
					: error,
			);
		});
		this.#child.on('close', (code, signal) => {
			this.#exited = true;
			if (code === 0 || this.destroyed) {
				this.push(null);
				return;
			}
			this.destroy(sshFailure(this.#target, code, signal, this.#stderr, this.#gotData));
		});
	}

	override _read(): void {
		this.#child.stdout.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		if (this.#exited) {
			callback();
			return;
		}
		this.#child.stdin.write(chunk, (error) => callback(error ?? null));
	}

	override _final(callback: (error?: Error | null) => void): void {
		this.#child.stdin.end();
		callback();
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		if (!this.#exited) {
			this.#child.stdin.destroy();
			this.#child.kill('SIGTERM');
		}
		callback(error);
	}

	// The net.Socket surface node:http's Agent calls on its sockets.
	setKeepAlive(): this {
		return this;
	}
	setNoDelay(): this {
		return this;
	}
	setTimeout(ms: number, callback?: () => void): this {
		if (callback) this.once('timeout', callback);
		void ms;
		return this;
	}
	ref(): this {
		this.#child.ref();
		return this;
	}
	unref(): this {
		// An idle kept-alive session must not keep the process alive.
		this.#child.unref();
		for (const s of [this.#child.stdin, this.#child.stdout, this.#child.stderr] as unknown as Array<{unref?: () => void}>) s.unref?.();
		return this;
	}
}

/** Turn ssh's exit and stderr into the docker CLI's words plus what to do. */
export function sshFailure(target: SshTarget, code: number | null, signal: NodeJS.Signals | null, stderr: string, gotData: boolean): HelperError {
	const lines = stderr
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '' && !/^@+$/.test(l) && !/^Pseudo-terminal/.test(l));
	const last = lines.at(-1) ?? (signal ? `ssh was killed (${signal})` : `ssh exited with status ${code}`);
	const where = target.username ? `${target.username}@${target.host}` : target.host;
	const details = {
		ssh: {
			host: target.host,
			...(target.port !== undefined ? {port: target.port} : {}),
			...(target.username ? {user: target.username} : {}),
			exitCode: code,
			stderr: lines.slice(-6),
		},
	};
	const once = sshCommandLine(target);
	const keyscan = `ssh-keyscan ${target.port !== undefined ? `-p ${target.port} ` : ''}${target.host}`;
	if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/i.test(stderr)) {
		const known = target.port !== undefined && target.port !== 22 ? `'[${target.host}]:${target.port}'` : target.host;
		return new HelperError(
			'ENGINE_UNREACHABLE',
			`Cannot reach the Docker Engine over SSH at ${where}: Host key verification failed (the host key has CHANGED since it was recorded in known_hosts).`,
			`This may be an attack. If the server was really reinstalled, check its new fingerprint out of band, then: ssh-keygen -R ${known} && ${keyscan} >> ~/.ssh/known_hosts (or connect once with: ${once})`,
			details,
		);
	}
	if (/Host key verification failed|No .*host key is known|host key is not known/i.test(stderr)) {
		return new HelperError(
			'ENGINE_UNREACHABLE',
			`Cannot reach the Docker Engine over SSH at ${where}: Host key verification failed (the host key is not in known_hosts).`,
			`Check the key's fingerprint, then add it: ${keyscan} >> ~/.ssh/known_hosts (or connect once with: ${once} and answer yes).`,
			details,
		);
	}
	if (/Permission denied \(|Too many authentication failures/i.test(stderr)) {
		return new HelperError(
			'ENGINE_UNREACHABLE',
			`Cannot reach the Docker Engine over SSH at ${where}: ${last}`,
			`Load your key into the agent (ssh-add), or name it with IdentityFile in ~/.ssh/config; check with: ${once} docker version`,
			details,
		);
	}
	if (/command not found|docker: not found|No such file/i.test(stderr) || (code === 127 && !gotData)) {
		return new HelperError(
			'ENGINE_UNREACHABLE',
			`Cannot reach the Docker Engine over SSH at ${where}: the remote host has no docker CLI for 'docker system dial-stdio' (${last}).`,
			'Install the docker CLI (18.09 or newer) on the remote host, in the PATH of non-interactive ssh sessions.',
			details,
		);
	}
	if (/Connection timed out|Operation timed out|timed out during banner exchange/i.test(stderr)) {
		return new HelperError(
			'ENGINE_TIMEOUT',
			`Cannot reach the Docker Engine over SSH at ${where}: ${last}`,
			`Check that the host is reachable and sshd answers: ${once}`,
			details,
		);
	}
	if (/Connection refused|No route to host|Could not resolve hostname/i.test(stderr)) {
		return new HelperError(
			'ENGINE_UNREACHABLE',
			`Cannot reach the Docker Engine over SSH at ${where}: ${last}`,
			`Check the host name and port (and ~/.ssh/config), and that sshd runs there: ${once}`,
			details,
		);
	}
	return new HelperError(
		'ENGINE_UNREACHABLE',
		`Cannot reach the Docker Engine over SSH at ${where}: ${last}`,
		`Check that this works: ${once} docker system dial-stdio (it should wait silently; Ctrl-C to stop).`,
		details,
	);
}

/** An http.Agent whose connections are `ssh ... docker system dial-stdio` processes. */
export function sshAgent(target: SshTarget, sshBinary = 'ssh'): http.Agent {
	const agent = new http.Agent({keepAlive: true, maxSockets: 4, maxFreeSockets: 2});
	(agent as unknown as {createConnection: () => Duplex}).createConnection = () => new SshSocket(target, sshBinary);
	return agent;
}
