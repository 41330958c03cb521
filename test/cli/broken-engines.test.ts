/**
 * Broken engines (issue 16, items 17-19): every engine command, run from the built CLI against a small
 * fake endpoint this test starts on loopback, exits 3 within its deadline with the two-line message
 * that names the endpoint: no hang, no stack trace, no false success, the same code from every command.
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI} from '../support/cli.js';

type Run = {code: number | null; signal: string | null; out: string; seconds: number};

/** The engine deadline the commands run with (DOCKER_HELPER_TIMEOUT), and the child's hard limit well above it. */
const DEADLINE_S = 2;
const CHILD_LIMIT_MS = 30_000;

const pingOk = (res: http.ServerResponse) => {
	res.writeHead(200, {'api-version': '1.43', 'content-type': 'text/plain'});
	res.end('OK');
};

/** One behaviour per endpoint. */
const ENDPOINTS: Record<string, {server: () => net.Server; says: RegExp}> = {
	'answers only the ping': {
		server: () => http.createServer((req, res) => (req.url?.includes('/_ping') ? pingOk(res) : undefined)),
		says: new RegExp(`did not answer .* within ${DEADLINE_S} s`),
	},
	'answers 200 with text that is not JSON': {
		server: () => http.createServer((req, res) => (req.url?.includes('/_ping') ? pingOk(res) : res.end('hello, not json'))),
		says: /is not a Docker Engine API: .*not JSON/,
	},
	'answers 200 with JSON of the wrong shape': {
		server: () =>
			http.createServer((req, res) => {
				if (req.url?.includes('/_ping')) return pingOk(res);
				res.writeHead(200, {'content-type': 'application/json'});
				res.end('{"hello":1}');
			}),
		says: /is not a Docker Engine API: /,
	},
	'is a plain web server': {
		server: () =>
			http.createServer((_req, res) => {
				res.writeHead(404, {'content-type': 'text/html'});
				res.end('<html><body><h1>404 Not Found</h1></body></html>');
			}),
		says: /is not a Docker Engine API: /,
	},
	'accepts and closes': {server: () => net.createServer((s) => s.destroy()), says: /closed the connection without a complete answer/},
	'answers garbage bytes': {
		server: () =>
			net.createServer((s) => {
				s.on('error', () => undefined);
				s.end(Buffer.from('\x00\xff garbage \x01\x02 not http\r\n\r\n', 'latin1'));
			}),
		says: /is not a Docker Engine API: .*not HTTP/,
	},
	'never answers': {
		server: () => net.createServer((s) => void s.on('error', () => undefined)),
		says: new RegExp(`did not answer GET /_ping within ${DEADLINE_S} s`),
	},
};

/** Every command that needs the engine, with the arguments that make it call the engine. */
const COMMANDS: string[][] = [
	['inspect', 'dh-hd-web'],
	['diagnose', 'dh-hd-web'],
	['diagnose', '--all'],
	['logs', 'dh-hd-web'],
	['exec', 'dh-hd-web', '--', 'ls'],
	['debug', 'dh-hd-web'],
	['analyze', 'dh-hd-img'],
	['verify', 'dh-hd-img'],
	['images'],
	['cleanup'],
	['monitor', '--once'],
];

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'dh-hd-'));
	writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:20-alpine\nUSER node\nCMD ["node", "server.js"]\n');
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function run(args: string[], host: string): Promise<Run> {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(process.execPath, [CLI, ...args], {
			cwd: dir,
			env: {...process.env, NO_COLOR: '1', DOCKER_CONTEXT: '', DOCKER_HOST: host, DOCKER_HELPER_TIMEOUT: String(DEADLINE_S)},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (out += d.toString()));
		const limit = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
		child.on('close', (code, signal) => {
			clearTimeout(limit);
			resolve({code, signal, out, seconds: (Date.now() - started) / 1000});
		});
	});
}

/** Run the commands a few at a time: the machine is shared. */
async function runAll(host: string): Promise<Map<string, Run>> {
	const results = new Map<string, Run>();
	const queue = [...COMMANDS];
	await Promise.all(
		Array.from({length: 4}, async () => {
			for (let args = queue.shift(); args; args = queue.shift()) results.set(args.join(' '), await run(args, host));
		}),
	);
	return results;
}

describe.each(Object.entries(ENDPOINTS))('an endpoint that %s', (_name, endpoint) => {
	let server: net.Server;
	let host: string;
	const sockets = new Set<net.Socket>();
	let results: Map<string, Run>;

	beforeAll(async () => {
		server = endpoint.server();
		server.on('connection', (s: net.Socket) => {
			sockets.add(s);
			s.on('close', () => sockets.delete(s));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		host = `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
		results = await runAll(host);
	}, 180_000);
	afterAll(async () => {
		for (const s of sockets) s.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	it.each(COMMANDS.map((args) => [args.join(' ')]))('%s: exit 3, what happened and what to do, the endpoint named', (command) => {
		const r = results.get(command)!;
		expect(r.signal, `${command} was killed after ${r.seconds} s:\n${r.out}`).toBeNull();
		expect({code: r.code, out: r.out}).toMatchObject({code: 3});
		const lines = r.out.trim().split('\n');
		expect(lines, r.out).toHaveLength(2);
		expect(lines[0]).toMatch(/^docker-helper: /);
		expect(lines[0]).toContain(host);
		expect(lines[0]).toMatch(endpoint.says);
		expect(lines[1]).toMatch(/^\s+→ /);
		expect(r.out).not.toMatch(/TypeError|\n\s+at |\.js:\d+/);
	});
});
