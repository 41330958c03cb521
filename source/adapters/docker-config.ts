import {createHash} from 'node:crypto';
import {existsSync, readdirSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import type {ContextMeta} from '../core/endpoint.js';
import {readFileBoundedSync} from './files.js';

/** config.json and a context's meta.json are small: anything bigger (or not a regular file) is not one. */
const CONFIG_LIMIT = 1024 * 1024;

function readJson(file: string): unknown {
	return JSON.parse(readFileBoundedSync(file, {maxBytes: CONFIG_LIMIT}).toString('utf8'));
}

/** The docker CLI's config directory: $DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: Readonly<Record<string, string | undefined>>): string {
	return env['DOCKER_CONFIG'] || path.join(homedir(), '.docker');
}

export function readCurrentContext(configDir: string): string | undefined {
	const file = path.join(configDir, 'config.json');
	try {
		const parsed = readJson(file) as {currentContext?: unknown};
		return typeof parsed.currentContext === 'string' && parsed.currentContext !== '' ? parsed.currentContext : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The context store: contexts/meta/<sha256(name)>/meta.json holds the endpoint,
 * contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem the TLS material.
 */
export function lookupContext(configDir: string, name: string): ContextMeta | undefined {
	const id = createHash('sha256').update(name).digest('hex');
	const metaFile = path.join(configDir, 'contexts', 'meta', id, 'meta.json');
	let meta: {Name?: string; Endpoints?: {docker?: {Host?: string; SkipTLSVerify?: boolean}}};
	try {
		meta = readJson(metaFile) as typeof meta;
	} catch {
		return undefined;
	}
	const docker = meta.Endpoints?.docker;
	if (!docker?.Host) return undefined;
	const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
	const tls: {ca?: string; cert?: string; key?: string} = {};
	for (const [key, file] of [
		['ca', 'ca.pem'],
		['cert', 'cert.pem'],
		['key', 'key.pem'],
	] as const) {
		const full = path.join(tlsDir, file);
		if (existsSync(full)) tls[key] = full;
	}
	return {
		name: meta.Name ?? name,
		host: docker.Host,
		skipTLSVerify: docker.SkipTLSVerify === true,
		...(Object.keys(tls).length > 0 ? {tls} : {}),
	};
}

export function listContextNames(configDir: string): string[] {
	const dir = path.join(configDir, 'contexts', 'meta');
	try {
		return readdirSync(dir)
			.map((id) => {
				try {
					const meta = readJson(path.join(dir, id, 'meta.json')) as {Name?: string};
					return meta.Name;
				} catch {
					return undefined;
				}
			})
			.filter((n): n is string => typeof n === 'string')
			.sort();
	} catch {
		return [];
	}
}
