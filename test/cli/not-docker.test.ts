/**
 * An endpoint that answers HTTP but is not a Docker Engine (a web server on the port): exit 3 with
 * "not a Docker Engine API", never the raw HTTP error. The server runs in this process on loopback,
 * so the CLI is spawned asynchronously.
 */
import {spawn} from 'node:child_process';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI} from '../support/cli.js';

function runAsync(args: string[], env: Record<string, string>): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, ...args], {env: {...process.env, NO_COLOR: '1', DOCKER_CONTEXT: '', ...env}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('close', (code) => resolve({code: code ?? -1, stdout, stderr}));
	});
}

describe('a web server where the engine should be', () => {
	let server: http.Server;
	let host: string;
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			res.writeHead(404, {'content-type': 'text/html'});
			res.end('<html><body><h1>404 Not Found</h1></body></html>');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		host = `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it.each([['inspect', 'web'], ['validate']])('%s: exit 3, "not a Docker Engine API", no raw HTTP code', async (...args) => {
		const r = await runAsync(args, {DOCKER_HOST: host});
		const out = r.stdout + r.stderr;
		expect(out).toContain('is not a Docker Engine API');
		expect(out).not.toContain('(HTTP code 404) unexpected');
		expect(out).not.toMatch(/\n\s+at /);
		if (args[0] === 'inspect') expect(r.code).toBe(3);
	});
});
