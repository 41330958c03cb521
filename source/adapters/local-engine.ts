/** Facts about a local engine that only the host file system can tell: its socket, its daemon.json. */
import {constants, promises as fs} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import type {DaemonConfigFacts, SocketFacts} from '../core/setup/facts.js';
import {readText} from './files.js';

export async function socketFacts(socketPath: string): Promise<SocketFacts> {
	let stat;
	try {
		stat = await fs.stat(socketPath);
	} catch {
		return {path: socketPath, exists: false, accessible: false};
	}
	let accessible = true;
	try {
		await fs.access(socketPath, constants.R_OK | constants.W_OK);
	} catch {
		accessible = false;
	}
	const group = await groupName(stat.gid);
	return {path: socketPath, exists: true, accessible, mode: (stat.mode & 0o777).toString(8).padStart(4, '0'), ...(group ? {group} : {})};
}

async function groupName(gid: number): Promise<string | undefined> {
	try {
		const text = await fs.readFile('/etc/group', 'utf8');
		for (const line of text.split('\n')) {
			const [name, , id] = line.split(':');
			if (id !== undefined && Number(id) === gid) return name;
		}
	} catch {
		// Not every platform has /etc/group.
	}
	return undefined;
}

/** daemon.json of a local engine: /etc/docker/daemon.json, or ~/.config/docker/daemon.json when rootless. */
export async function readDaemonConfig(rootless: boolean, env: Readonly<Record<string, string | undefined>>): Promise<DaemonConfigFacts | null> {
	const candidates = rootless ? [path.join(env['XDG_CONFIG_HOME'] || path.join(homedir(), '.config'), 'docker', 'daemon.json')] : ['/etc/docker/daemon.json'];
	for (const file of candidates) {
		let text: string;
		try {
			text = await readText(file, {maxBytes: 1024 * 1024});
		} catch {
			continue;
		}
		try {
			const raw = JSON.parse(text) as Record<string, unknown>;
			const logOpts = raw['log-opts'] && typeof raw['log-opts'] === 'object' ? (raw['log-opts'] as Record<string, string>) : undefined;
			return {path: file, raw, ...(logOpts ? {logOpts} : {})};
		} catch {
			return {path: file};
		}
	}
	return null;
}
