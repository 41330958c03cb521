/**
 * init --api: Python code with no server of its own, served over HTTP by a generated standard-library
 * wrapper (http_api.py) with GET /health. The wrapper and its generated test run here with the real
 * interpreter: a function called per request (POST /call), a console script run per request (POST /run),
 * SIGTERM ending the server cleanly (it is PID 1 in the image).
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT, runCli, runJson} from '../support/cli.js';

const python = (() => {
	const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], {encoding: 'utf8'});
	return r.status === 0 ? r.stdout.trim() : null;
})();
if (!python) console.warn('[docker-helper tests] SKIPPING the http_api.py runs: no python3 on PATH');

const dirs: string[] = [];
const servers: ChildProcess[] = [];
afterAll(() => {
	for (const s of servers) s.kill('SIGKILL');
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

function fixture(name: string): string {
	const parent = mkdtempSync(path.join(os.tmpdir(), 'dh-in-api-'));
	dirs.push(parent);
	const dir = path.join(parent, name);
	cpSync(path.join(ROOT, 'test', 'fixtures', 'init', name), dir, {recursive: true});
	return dir;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as net.AddressInfo).port;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

/** Start http_api.py on a free loopback port and wait until /health answers. */
async function serve(dir: string): Promise<{base: string; child: ChildProcess; exited: Promise<number | null>}> {
	const port = await freePort();
	const child = spawn(python!, ['http_api.py'], {cwd: dir, env: {...process.env, PORT: String(port)}, stdio: ['ignore', 'ignore', 'pipe']});
	servers.push(child);
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		const ok = await fetch(`${base}/health`).then(
			(r) => r.ok,
			() => false,
		);
		if (ok) return {base, child, exited};
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('http_api.py did not answer /health');
}

/** An answer body, checked field by field. */
const read = (res: Response): Promise<any> => res.json();
const post = (url: string, body: unknown) => fetch(url, {method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body)});

describe('init --api', () => {
	it('module:function: the python-api template, http_api.py and its test; the plan says what it serves', () => {
		const dir = fixture('python-function');
		const {code, doc, stderr} = runJson(['init', '--yes', '--api', 'textstats.core:summarize'], {cwd: dir});
		expect(code, stderr).toBe(0);
		const r = doc.result;
		expect(r.template.id).toBe('python-api');
		expect(r.answers.api).toEqual({target: 'textstats.core:summarize', mode: 'function'});
		expect(r.files.map((f: {path: string}) => f.path)).toEqual(expect.arrayContaining(['Dockerfile', 'compose.yaml', 'http_api.py', 'test_http_api.py']));
		const dockerfile = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
		expect(dockerfile).toContain('CMD ["python","http_api.py"]');
		expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*127\.0\.0\.1:8000\/health/);
		expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toContain('/health');
		const lint = runJson(['lint', path.join(dir, 'Dockerfile'), '--no-engine', '--failure-threshold', 'warning']);
		expect(lint.code).toBe(0);
	});

	it.skipIf(!python)('the function, over HTTP: /health, POST /call with keyword and positional arguments, errors as JSON, SIGTERM exits 0', async () => {
		const dir = fixture('python-function');
		expect(runJson(['init', '--yes', '--api', 'textstats.core:summarize'], {cwd: dir}).code).toBe(0);
		const unit = spawnSync(python!, ['-m', 'unittest', 'test_http_api'], {cwd: dir, encoding: 'utf8', timeout: 60_000});
		expect(unit.status, unit.stderr).toBe(0);
		expect(unit.stderr).toMatch(/Ran 3 tests[\s\S]*OK/);

		const {base, child, exited} = await serve(dir);
		expect(await read(await fetch(`${base}/health`))).toEqual({status: 'ok', target: 'textstats.core:summarize'});
		const kw = await post(`${base}/call`, {text: 'The cat saw the other cat.', top: 1});
		expect(kw.status).toBe(200);
		expect(await read(kw)).toEqual({result: {words: 6, distinct: 4, top: [['cat', 2]], readingMinutes: 0}});
		const positional = await post(`${base}/call`, ['one two two', 2]);
		expect((await read(positional)).result.top).toEqual([
			['two', 2],
			['one', 1],
		]);
		const wrong = await post(`${base}/call`, [42]);
		expect(wrong.status).toBe(500);
		expect(await read(wrong)).toEqual({error: 'TypeError: text must be a string'});
		expect((await post(`${base}/call`, '{broken')).status).toBe(400);
		expect((await post(`${base}/run`, {})).status).toBe(404);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});

	it.skipIf(!python)('cli: the console script is run per request with the arguments and stdin given (POST /run)', async () => {
		const dir = fixture('python-function');
		const {code, doc} = runJson(['init', '--yes', '--api', 'cli'], {cwd: dir});
		expect(code).toBe(0);
		expect(doc.result.answers.api).toEqual({target: 'textstats.cli:main', mode: 'program'});
		expect(doc.result.notes.join('\n')).toMatch(/console script/);
		const unit = spawnSync(python!, ['-m', 'unittest', 'test_http_api'], {cwd: dir, encoding: 'utf8', timeout: 60_000});
		expect(unit.status, unit.stderr).toBe(0);

		const {base, child, exited} = await serve(dir);
		const run = await post(`${base}/run`, {args: ['-', '--top', '1'], stdin: 'red green red'});
		expect(run.status).toBe(200);
		const out = await read(run);
		expect(out.exitCode).toBe(0);
		expect(JSON.parse(out.stdout)).toEqual({words: 3, distinct: 2, top: [['red', 2]], readingMinutes: 0});
		const missing = await read(await post(`${base}/run`, {args: ['no-such-file.txt']}));
		expect(missing.exitCode).not.toBe(0);
		expect(missing.stderr).toMatch(/No such file/);
		// An argument list, never a shell line: a ; is just a file name.
		const injected = await read(await post(`${base}/run`, {args: ['x; touch pwned']}));
		expect(injected.exitCode).not.toBe(0);
		expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
		expect((await post(`${base}/run`, {args: [1]})).status).toBe(400);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});

	it.each([
		[['--api', 'pkg.mod:fn; rm -rf /'], /not a module:function/],
		[['--api', 'cli', '--stack', 'express'], /wraps Python code/],
	])('%j is a usage error (exit 2)', (flags, message) => {
		const dir = fixture('python-function');
		const r = runCli(['init', '--yes', ...flags], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(existsSync(path.join(dir, 'http_api.py'))).toBe(false);
	});

	it('--api cli where no entry point was found says how to name one', () => {
		const dir = fixture('flask-redis');
		const r = runCli(['init', '--yes', '--api', 'cli'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/no entry point was found/);
	});
});
