/**
 * A second dockerd on a loopback TCP port with --tlsverify, and the certificates for it, made with
 * openssl for one test file: a CA, the daemon's certificate (for 127.0.0.1 and localhost) and a
 * client certificate; plus a foreign CA and a client certificate that daemon does not trust.
 * It has its own data-root, exec-root, pidfile and bridge, and no iptables, so it does not touch
 * the engine the other tests use (a test checks that docker0 survives). stop() ends it and removes every file it made.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';

export const dockerdAvailable =
	spawnSync('sh', ['-c', 'command -v dockerd && command -v openssl && command -v ip'], {encoding: 'utf8'}).status === 0 && process.getuid?.() === 0;

export interface TlsLab {
	readonly port: number;
	readonly host: string;
	/** DOCKER_CERT_PATH directories. */
	readonly certs: {readonly good: string; readonly foreignCa: string; readonly untrustedClient: string};
	stop(): Promise<void>;
}

function openssl(dir: string, args: string[]): void {
	const r = spawnSync('openssl', args, {cwd: dir, encoding: 'utf8'});
	if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

function makeCa(dir: string, name: string): void {
	openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`]);
}

function issue(dir: string, ca: string, name: string, cn: string, ext: string): void {
	writeFileSync(path.join(dir, `${name}.ext`), ext);
	openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
	openssl(dir, [
		'x509',
		'-req',
		'-in',
		`${name}.csr`,
		'-CA',
		`${ca}.pem`,
		'-CAkey',
		`${ca}-key.pem`,
		'-CAcreateserial',
		'-out',
		`${name}.pem`,
		'-days',
		'2',
		'-extfile',
		`${name}.ext`,
	]);
}

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, ms: number): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`dockerd exited ${child.exitCode}: ${log()}`);
		const open = await new Promise<boolean>((resolve) => {
			const s = net.connect(port, '127.0.0.1', () => {
				s.destroy();
				resolve(true);
			});
			s.on('error', () => resolve(false));
		});
		if (open && /API listen on/.test(log())) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`dockerd did not listen on ${port} within ${ms} ms: ${log().slice(-2000)}`);
}

export async function startTlsLab(prefix: string): Promise<TlsLab> {
	const root = mkdtempSync(path.join(tmpdir(), `${prefix}tlsd-`));
	const pki = path.join(root, 'pki');
	mkdirSync(pki);
	makeCa(pki, 'ca');
	makeCa(pki, 'foreign');
	issue(pki, 'ca', 'server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
	issue(pki, 'ca', 'client', 'client', 'extendedKeyUsage=clientAuth\n');
	issue(pki, 'foreign', 'rogue', 'rogue', 'extendedKeyUsage=clientAuth\n');
	const certDir = (name: string, ca: string, client: string) => {
		const dir = path.join(root, name);
		mkdirSync(dir);
		copyFileSync(path.join(pki, `${ca}.pem`), path.join(dir, 'ca.pem'));
		copyFileSync(path.join(pki, `${client}.pem`), path.join(dir, 'cert.pem'));
		copyFileSync(path.join(pki, `${client}-key.pem`), path.join(dir, 'key.pem'));
		return dir;
	};
	const certs = {
		good: certDir('good', 'ca', 'client'),
		foreignCa: certDir('foreign-ca', 'foreign', 'client'),
		untrustedClient: certDir('untrusted-client', 'ca', 'rogue'),
	};

	const port = await freePort();
	const state = path.join(root, 'state');
	mkdirSync(state);
	// A short exec-root: containerd's socket path must stay under the unix socket length limit.
	const execRoot = mkdtempSync(path.join('/tmp', 'dhx-'));
	const bridge = `dhx${port}`;
	const made = spawnSync('ip', ['link', 'add', bridge, 'type', 'bridge'], {encoding: 'utf8'});
	if (made.status !== 0) throw new Error(`ip link add ${bridge}: ${made.stderr}`);
	let log = '';
	const child = spawn(
		'dockerd',
		[
			'--data-root',
			path.join(state, 'data'),
			'--exec-root',
			execRoot,
			'--pidfile',
			path.join(state, 'dockerd.pid'),
			'-H',
			`tcp://127.0.0.1:${port}`,
			'--tlsverify',
			'--tlscacert',
			path.join(pki, 'ca.pem'),
			'--tlscert',
			path.join(pki, 'server.pem'),
			'--tlskey',
			path.join(pki, 'server-key.pem'),
			// Its own bridge: with --bridge=none dockerd deletes the host's docker0 at start-up, which would
			// take the default network away from the engine every other test uses.
			`--bridge=${bridge}`,
			'--iptables=false',
			'--ip6tables=false',
		],
		{stdio: ['ignore', 'pipe', 'pipe']},
	);
	child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
	const stop = async () => {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			await new Promise<void>((resolve) => {
				const t = setTimeout(() => {
					child.kill('SIGKILL');
					resolve();
				}, 15_000);
				child.once('exit', () => {
					clearTimeout(t);
					resolve();
				});
			});
		}
		// dockerd can leave its own mounts (the data-root bind, overlay) behind: undo them before removing.
		for (const dir of [execRoot, state]) spawnSync('sh', ['-c', `grep -o " ${dir}[^ ]*" /proc/self/mounts | sort -r | xargs -r -n1 umount -l`]);
		spawnSync('ip', ['link', 'delete', bridge]);
		rmSync(execRoot, {recursive: true, force: true});
		rmSync(root, {recursive: true, force: true});
	};
	try {
		await waitForPort(port, child, () => log, 30_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return {port, host: `tcp://127.0.0.1:${port}`, certs, stop};
}
