import {describe, expect, it} from 'vitest';
import {isOwnShim, pluginArgv, pluginMetadata, shimScript} from '../../source/core/plugin.js';

describe('pluginArgv: the docker CLI\'s global options in front of "helper"', () => {
	it.each([
		[['helper', 'validate', '--json'], ['validate', '--json'], {}],
		[['--context', 'box', 'helper', 'diagnose', 'web'], ['--context', 'box', 'diagnose', 'web'], {}],
		[['-c', 'box', 'helper'], ['--context', 'box'], {}],
		[['-H', 'ssh://me@box', 'helper', 'validate'], ['--host', 'ssh://me@box', 'validate'], {}],
		[['--host=tcp://1.2.3.4:2376', '--tlsverify', 'helper', 'inspect', 'x'], ['--host', 'tcp://1.2.3.4:2376', 'inspect', 'x'], {DOCKER_TLS_VERIFY: '1'}],
		[['--config', '/etc/dc', '-D', '--log-level', 'debug', 'helper', 'images'], ['images'], {DOCKER_CONFIG: '/etc/dc'}],
		[
			['--tlscacert', '/c/ca.pem', '--tlscert', '/c/cert.pem', '--tlskey', '/c/key.pem', 'helper', 'validate'],
			['validate'],
			{DOCKER_CERT_PATH: '/c', DOCKER_TLS_VERIFY: '1'},
		],
		// The command's own "helper" after the plugin name is the command's business.
		[['helper', 'explain', 'helper'], ['explain', 'helper'], {}],
	])('%j', (argv, expected, env) => {
		expect(pluginArgv(argv)).toEqual({ok: true, argv: expected, env});
	});

	it('refuses options it cannot carry over, saying where docker-helper options go', () => {
		expect(pluginArgv(['--bogus', 'helper'])).toMatchObject({ok: false, hint: expect.stringContaining('after "helper"')});
		expect(pluginArgv(['--context'])).toMatchObject({ok: false, message: '--context needs a value.'});
		expect(pluginArgv(['--tlscacert', '/a/ca.pem', '--tlscert', '/b/cert.pem', 'helper'])).toMatchObject({
			ok: false,
			hint: expect.stringContaining('DOCKER_CERT_PATH'),
		});
	});
});

describe('metadata and shim', () => {
	it('has the fields the docker CLI requires', () => {
		expect(pluginMetadata('1.2.3')).toMatchObject({SchemaVersion: '0.1.0', Vendor: 'docker-helper', Version: '1.2.3'});
		expect(pluginMetadata('1.2.3').ShortDescription.length).toBeLessThan(60);
	});
	it('quotes paths and is recognised as its own', () => {
		const shim = shimScript("/opt/node it's/bin/node", '/x/dist/cli.js');
		expect(shim).toContain(`exec '/opt/node it'\\''s/bin/node' '/x/dist/cli.js' "$@"`);
		expect(isOwnShim(shim)).toBe(true);
		expect(isOwnShim('#!/bin/sh\nexec /usr/local/bin/other-helper "$@"\n')).toBe(false);
	});
});
