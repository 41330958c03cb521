import {describe, expect, it} from 'vitest';
import {parseHost, resolveEndpoint, type ContextMeta, type EndpointInputs} from '../../source/core/endpoint.js';

const contexts: Record<string, ContextMeta> = {
	remote: {name: 'remote', host: 'tcp://10.0.0.5:2376', skipTLSVerify: false, tls: {ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem'}},
	rootless: {name: 'rootless', host: 'unix:///run/user/1000/docker.sock', skipTLSVerify: false},
	sshbox: {name: 'sshbox', host: 'ssh://deploy@build.example:2222', skipTLSVerify: false},
};

function inputs(over: Partial<EndpointInputs> = {}): EndpointInputs {
	return {env: {}, configDir: '/home/u/.docker', platform: 'linux', lookupContext: (n) => contexts[n], contextNames: () => Object.keys(contexts), ...over};
}

describe('resolveEndpoint: precedence as the docker CLI', () => {
	const cases: Array<{name: string; in: Partial<EndpointInputs>; host: string; source: string; context?: string}> = [
		{name: 'default socket when nothing is set', in: {}, host: 'unix:///var/run/docker.sock', source: 'default', context: 'default'},
		{name: 'Windows default is the named pipe', in: {platform: 'win32'}, host: 'npipe:////./pipe/docker_engine', source: 'default', context: 'default'},
		{name: 'config currentContext', in: {currentContext: 'rootless'}, host: 'unix:///run/user/1000/docker.sock', source: 'config', context: 'rootless'},
		{
			name: 'DOCKER_CONTEXT beats config',
			in: {currentContext: 'rootless', env: {DOCKER_CONTEXT: 'remote'}},
			host: 'tcp://10.0.0.5:2376',
			source: 'env',
			context: 'remote',
		},
		{
			name: 'DOCKER_HOST beats DOCKER_CONTEXT',
			in: {env: {DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_CONTEXT: 'remote'}},
			host: 'unix:///tmp/d.sock',
			source: 'env',
		},
		{
			name: '--context beats DOCKER_HOST',
			in: {flagContext: 'rootless', env: {DOCKER_HOST: 'unix:///tmp/d.sock'}},
			host: 'unix:///run/user/1000/docker.sock',
			source: 'flag',
			context: 'rootless',
		},
		{
			name: '--host beats everything',
			in: {flagHost: 'tcp://127.0.0.1:2375', env: {DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_CONTEXT: 'remote'}, currentContext: 'rootless'},
			host: 'tcp://127.0.0.1:2375',
			source: 'flag',
		},
		{
			name: 'context "default" follows DOCKER_HOST',
			in: {flagContext: 'default', env: {DOCKER_HOST: 'unix:///tmp/x.sock'}},
			host: 'unix:///tmp/x.sock',
			source: 'flag',
			context: 'default',
		},
	];
	for (const c of cases) {
		it(c.name, () => {
			const r = resolveEndpoint(inputs(c.in));
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			expect(r.endpoint.host).toBe(c.host);
			expect(r.endpoint.source).toBe(c.source);
			expect(r.endpoint.context).toBe(c.context);
			expect(r.endpoint.why.length).toBeGreaterThan(5);
		});
	}

	it('--host with --context is a usage error', () => {
		const r = resolveEndpoint(inputs({flagHost: 'unix:///a', flagContext: 'remote'}));
		expect(r).toMatchObject({ok: false, code: 'USAGE'});
	});

	it('an unknown context names the known ones', () => {
		const r = resolveEndpoint(inputs({env: {DOCKER_CONTEXT: 'remot'}}));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.code).toBe('ENGINE_CONFIG');
		expect(r.message).toContain("'remot'");
		expect(r.hint).toContain('remote');
	});

	it('a context carries its TLS material', () => {
		const r = resolveEndpoint(inputs({currentContext: 'remote'}));
		expect(r.ok && r.endpoint.transport).toEqual({
			kind: 'tcp',
			host: '10.0.0.5',
			port: 2376,
			tls: {verify: true, ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem'},
		});
	});

	it('ssh contexts keep user and port', () => {
		const r = resolveEndpoint(inputs({currentContext: 'sshbox'}));
		expect(r.ok && r.endpoint.transport).toEqual({kind: 'ssh', host: 'build.example', port: 2222, username: 'deploy'});
	});

	it('DOCKER_TLS_VERIFY with DOCKER_CERT_PATH', () => {
		const r = resolveEndpoint(inputs({env: {DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs'}}));
		expect(r.ok && r.endpoint.transport).toEqual({
			kind: 'tcp',
			host: 'h',
			port: 2376,
			tls: {verify: true, ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem'},
		});
	});

	it('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH uses the config dir', () => {
		const r = resolveEndpoint(inputs({env: {DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1'}}));
		expect(r.ok && r.endpoint.transport.kind === 'tcp' && r.endpoint.transport.tls?.ca).toBe('/home/u/.docker/ca.pem');
	});

	it('plain tcp has no TLS; DOCKER_TLS_VERIFY=0 keeps it off', () => {
		const r = resolveEndpoint(inputs({env: {DOCKER_HOST: 'tcp://h:2375', DOCKER_TLS_VERIFY: '0'}}));
		expect(r.ok && r.endpoint.transport).toEqual({kind: 'tcp', host: 'h', port: 2375});
	});

	it('a bare socket path is refused with the unix:// spelling to use', () => {
		expect(parseHost('/var/run/docker.sock')).toEqual({ok: false, message: 'a socket path needs the unix:// scheme: unix:///var/run/docker.sock'});
	});

	it('a malformed DOCKER_HOST is a config error, a malformed --host a usage error', () => {
		expect(resolveEndpoint(inputs({env: {DOCKER_HOST: '/var/run/docker.sock'}}))).toMatchObject({ok: false, code: 'ENGINE_CONFIG'});
		expect(resolveEndpoint(inputs({flagHost: 'ftp://x'}))).toMatchObject({ok: false, code: 'USAGE'});
	});
});

describe('parseHost', () => {
	it.each([
		['unix:///var/run/docker.sock', {kind: 'unix', socketPath: '/var/run/docker.sock'}],
		['tcp://[::1]:2375', {kind: 'tcp', host: '::1', port: 2375}],
		['tcp://docker', {kind: 'tcp', host: 'docker', port: 2375}],
		['ssh://me@host', {kind: 'ssh', host: 'host', username: 'me'}],
		// Without a scheme, tcp, as the docker CLI reads it.
		['127.0.0.1:2375', {kind: 'tcp', host: '127.0.0.1', port: 2375}],
		[':2375', {kind: 'tcp', host: 'localhost', port: 2375}],
		['buildbox', {kind: 'tcp', host: 'buildbox', port: 2375}],
	])('%s', (host, transport) => {
		expect(parseHost(host)).toEqual({ok: true, transport});
	});
});
