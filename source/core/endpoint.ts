/**
 * Which Docker Engine to talk to, resolved as the docker CLI does
 * (cli/command/cli.go resolveContextName + the default context):
 *
 *   1. --host flag              (source "flag")
 *   2. --context flag           (source "flag")      — both at once is a usage error, as in the docker CLI
 *   3. DOCKER_HOST              (source "env")
 *   4. DOCKER_CONTEXT           (source "env")
 *   5. currentContext in config.json (source "config")
 *   6. the platform's default socket (source "default")
 *
 * Pure: the context store is read by the caller and passed in as a lookup.
 */

import {redactHostUrl} from './redact.js';

export type EndpointSource = 'flag' | 'env' | 'context' | 'config' | 'default';

export interface TlsFiles {
	readonly verify: boolean;
	readonly ca?: string;
	readonly cert?: string;
	readonly key?: string;
}

export type Transport =
	| {readonly kind: 'unix'; readonly socketPath: string}
	| {readonly kind: 'npipe'; readonly socketPath: string}
	| {readonly kind: 'tcp'; readonly host: string; readonly port: number; readonly tls?: TlsFiles}
	/** port and username only when the URL names them: otherwise ~/.ssh/config decides, as for the docker CLI. */
	| {readonly kind: 'ssh'; readonly host: string; readonly port?: number; readonly username?: string};

export interface Endpoint {
	/** The endpoint as a URL, e.g. unix:///var/run/docker.sock. */
	readonly host: string;
	readonly source: EndpointSource;
	/** Docker context name when one was used (including "default"). */
	readonly context?: string;
	/** A sentence for humans: "DOCKER_HOST is set", "context 'remote' (config.json)". */
	readonly why: string;
	readonly transport: Transport;
}

export interface ContextMeta {
	readonly name: string;
	readonly host: string;
	readonly skipTLSVerify: boolean;
	/** TLS material found in the context store, if any. */
	readonly tls?: {readonly ca?: string; readonly cert?: string; readonly key?: string};
}

export interface EndpointInputs {
	readonly flagHost?: string;
	readonly flagContext?: string;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** currentContext from $DOCKER_CONFIG/config.json. */
	readonly currentContext?: string;
	/** The docker config directory ($DOCKER_CONFIG or ~/.docker), for DOCKER_CERT_PATH's default. */
	readonly configDir: string;
	readonly platform: NodeJS.Platform | string;
	readonly lookupContext: (name: string) => ContextMeta | undefined;
	/** Names in the store, for suggestions when a context is missing. */
	readonly contextNames?: () => string[];
}

export type EndpointResult = {ok: true; endpoint: Endpoint} | {ok: false; code: 'USAGE' | 'ENGINE_CONFIG'; message: string; hint: string};

export function defaultHost(platform: string): string {
	return platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

export function resolveEndpoint(inputs: EndpointInputs): EndpointResult {
	const {env} = inputs;
	if (inputs.flagHost && inputs.flagContext) {
		return {
			ok: false,
			code: 'USAGE',
			message: 'Conflicting options: --host and --context were both given.',
			hint: 'Pass one of them, as with the docker CLI.',
		};
	}
	if (inputs.flagHost) return fromHost(inputs.flagHost, 'flag', '--host flag', inputs, env);
	if (inputs.flagContext) return fromContext(inputs.flagContext, 'flag', '--context flag', inputs);
	const envHost = env['DOCKER_HOST'];
	if (envHost) return fromHost(envHost, 'env', 'DOCKER_HOST is set', inputs, env);
	const envContext = env['DOCKER_CONTEXT'];
	if (envContext) return fromContext(envContext, 'env', 'DOCKER_CONTEXT is set', inputs);
	if (inputs.currentContext) return fromContext(inputs.currentContext, 'config', 'current context in config.json', inputs);
	return fromHost(defaultHost(inputs.platform), 'default', 'no DOCKER_HOST, no context: the default socket', inputs, env, 'default');
}

function fromContext(name: string, source: EndpointSource, reason: string, inputs: EndpointInputs): EndpointResult {
	if (name === 'default') {
		// The "default" context is whatever DOCKER_HOST or the default socket says.
		const envHost = inputs.env['DOCKER_HOST'];
		const host = envHost || defaultHost(inputs.platform);
		return fromHost(host, source, `context 'default' (${reason})`, inputs, inputs.env, 'default');
	}
	const meta = inputs.lookupContext(name);
	if (!meta) {
		const names = inputs.contextNames?.() ?? [];
		return {
			ok: false,
			code: 'ENGINE_CONFIG',
			message: `Docker context '${name}' does not exist (${reason}).`,
			hint:
				names.length > 0
					? `Known contexts: default, ${names.join(', ')}. See: docker context ls`
					: 'Create it with: docker context create, or list them with: docker context ls',
		};
	}
	const result = parseHost(meta.host);
	if (!result.ok)
		return {
			ok: false,
			code: 'ENGINE_CONFIG',
			message: `Docker context '${name}' has an unusable endpoint: ${result.message}`,
			hint: `Check it with: docker context inspect ${name}`,
		};
	let transport = result.transport;
	if (transport.kind === 'tcp' && (meta.tls || !meta.skipTLSVerify)) {
		if (meta.tls && (meta.tls.ca || meta.tls.cert)) {
			transport = {...transport, tls: {verify: !meta.skipTLSVerify, ...meta.tls}};
		}
	}
	return {
		ok: true,
		endpoint: {host: redactHostUrl(meta.host), source: source === 'config' ? 'config' : source, context: name, why: `context '${name}' (${reason})`, transport},
	};
}

function fromHost(
	host: string,
	source: EndpointSource,
	reason: string,
	inputs: EndpointInputs,
	env: Readonly<Record<string, string | undefined>>,
	context?: string,
): EndpointResult {
	const parsed = parseHost(host);
	if (!parsed.ok) {
		return {
			ok: false,
			code: source === 'flag' ? 'USAGE' : 'ENGINE_CONFIG',
			message: `Cannot use Docker host '${redactHostUrl(host)}' (${reason}): ${parsed.message}`,
			hint: 'Use unix:///path/to/docker.sock, tcp://host:2376, or ssh://user@host.',
		};
	}
	let transport = parsed.transport;
	if (transport.kind === 'tcp') {
		// DOCKER_TLS_VERIFY (any non-empty value) turns TLS on and verifies; DOCKER_TLS alone is TLS without verification.
		const verify = truthy(env['DOCKER_TLS_VERIFY']);
		const tlsOn = verify || truthy(env['DOCKER_TLS']);
		if (tlsOn) {
			const certPath = env['DOCKER_CERT_PATH'] || inputs.configDir;
			const sep = inputs.platform === 'win32' ? '\\' : '/';
			transport = {...transport, tls: {verify, ca: `${certPath}${sep}ca.pem`, cert: `${certPath}${sep}cert.pem`, key: `${certPath}${sep}key.pem`}};
		}
	}
	// The host is for display (the transport connects): a password in the URL is never shown.
	return {ok: true, endpoint: {host: redactHostUrl(host), source, ...(context ? {context} : {}), why: reason, transport}};
}

function truthy(value: string | undefined): boolean {
	return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function parseHost(host: string): {ok: true; transport: Transport} | {ok: false; message: string} {
	const trimmed = host.trim();
	let match = /^([a-z]+):\/\/(.*)$/i.exec(trimmed);
	if (!match) {
		// As the docker CLI: an address without a scheme is tcp ("127.0.0.1:2375", ":2375" is localhost).
		// A bare socket path is not: the CLI would try it as a host name, so say what to write instead.
		if (trimmed === '' || trimmed.includes('://')) return {ok: false, message: 'expected a URL with a scheme (unix://, tcp://, ssh://, npipe://)'};
		if (trimmed.startsWith('/')) return {ok: false, message: `a socket path needs the unix:// scheme: unix://${trimmed}`};
		match = /^(tcp):\/\/(.*)$/.exec(`tcp://${trimmed.startsWith(':') ? `localhost${trimmed}` : trimmed}`)!;
	}
	const scheme = match[1]!.toLowerCase();
	const rest = match[2]!;
	switch (scheme) {
		case 'unix': {
			const path = rest.startsWith('/') ? rest : `/${rest}`;
			if (path === '/') return {ok: false, message: 'no socket path'};
			return {ok: true, transport: {kind: 'unix', socketPath: path}};
		}
		case 'npipe':
			return {ok: true, transport: {kind: 'npipe', socketPath: rest.replace(/\//g, '\\')}};
		case 'tcp':
		case 'http':
		case 'https': {
			const url = safeUrl(`http://${rest}`);
			if (!url || !url.hostname) return {ok: false, message: 'no host name'};
			const port = url.port ? Number(url.port) : scheme === 'https' ? 2376 : 2375;
			const transport: Transport =
				scheme === 'https'
					? {kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port, tls: {verify: true}}
					: {kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port};
			return {ok: true, transport};
		}
		case 'ssh': {
			const url = safeUrl(`ssh://${rest}`);
			if (!url || !url.hostname) return {ok: false, message: 'no host name'};
			return {
				ok: true,
				transport: {
					kind: 'ssh',
					host: url.hostname.replace(/^\[|\]$/g, ''),
					...(url.port ? {port: Number(url.port)} : {}),
					...(url.username ? {username: decodeURIComponent(url.username)} : {}),
				},
			};
		}
		default:
			return {ok: false, message: `unsupported scheme '${scheme}'`};
	}
}

function safeUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}
