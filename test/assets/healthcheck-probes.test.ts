/**
 * The templates' HEALTHCHECK probes, run for real: the Python urllib probe (slim, gunicorn, basic)
 * with the local python3 against a real HTTP server, and the BusyBox wget probe (alpine, node)
 * inside the BusyBox fixture image on the real engine, with the template's HEALTHCHECK
 * instruction copied verbatim, so Docker itself parses it and reports healthy / unhealthy.
 */
import {execFile, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {DockerfileParser} from 'dockerfile-ast';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseTemplateIndex} from '../../source/core/templates.js';
import {ROOT} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

const run = promisify(execFile);
const DIR = path.join(ROOT, 'assets', 'dockerfiles');
const variants = parseTemplateIndex(JSON.parse(readFileSync(path.join(DIR, 'index.json'), 'utf8')));

function healthcheck(file: string): {text: string; exec: string[] | null; shell: string | null} {
	const df = DockerfileParser.parse(readFileSync(path.join(DIR, file), 'utf8'));
	const hc = df.getHEALTHCHECKs().at(-1)!;
	const text = hc.getTextContent();
	const cmd = text.replace(/\\\n\s*/g, '').replace(/^HEALTHCHECK\s+(--[a-z-]+=\S+\s+)*CMD\s+/, '');
	return cmd.startsWith('[') ? {text, exec: JSON.parse(cmd) as string[], shell: null} : {text, exec: null, shell: cmd};
}

const pythonProbes = variants.filter((v) => healthcheck(v.file).exec?.[0] === 'python');
const wgetProbes = variants.filter((v) => healthcheck(v.file).shell?.startsWith('wget '));
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('the python urllib health probe (slim, gunicorn, basic) against a real HTTP server', () => {
	let server: http.Server;
	let port = 0;
	let status = 200;
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			res.statusCode = req.url === '/health' ? status : 404;
			res.end('x');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as AddressInfo).port;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('covers the Debian templates', () => {
		expect(pythonProbes.map((v) => v.id).sort()).toEqual(['basic', 'gunicorn', 'slim']);
	});

	for (const variant of pythonProbes) {
		const argv = healthcheck(variant.file).exec!;
		const portVar = /environ\.get\('([A-Z_]+)'/.exec(argv.join(' '))![1]!;
		const probe = async (env: Record<string, string>) => {
			try {
				await run('python3', argv.slice(1), {env: {...process.env, ...env}, timeout: 15_000});
				return 0;
			} catch (error) {
				return (error as {code?: number}).code ?? -1;
			}
		};
		it.skipIf(!hasPython)(`${variant.id}: exit 0 on 200, non-zero on 503 and on a closed port (reads $${portVar})`, async () => {
			status = 200;
			expect(await probe({[portVar]: String(port)})).toBe(0);
			status = 503;
			expect(await probe({[portVar]: String(port)})).not.toBe(0);
			status = 200;
			expect(await probe({[portVar]: '1'})).not.toBe(0); // nothing listens on port 1
		});
	}
});

describeEngine('the BusyBox wget health probe (alpine, node) inside a real container', () => {
	const image = `docker-helper-fixture/${uniqueName('k2-probe')}:1`;
	const containers: string[] = [];
	const tags: string[] = [];
	const dirs: string[] = [];
	afterAll(() => {
		// Containers first: an image removed while a container uses it only loses its tag and stays, dangling.
		removeContainers(...containers);
		for (const tag of tags) docker(['image', 'rm', tag], {allowFail: true});
		for (const d of dirs) rmSync(d, {recursive: true, force: true});
	});

	it('covers the Alpine templates', () => {
		expect(wgetProbes.map((v) => v.id).sort()).toEqual(['alpine', 'node']);
	});

	async function healthOf(name: string, want: string): Promise<string> {
		let state = '';
		for (let i = 0; i < 60; i++) {
			state = docker(['inspect', '--format', '{{.State.Health.Status}}', name]);
			if (state === want) return state;
			await new Promise((r) => setTimeout(r, 500));
		}
		return state;
	}

	for (const variant of wgetProbes) {
		it(`${variant.id}: Docker reports healthy when GET /health answers 200 and unhealthy on 404`, async () => {
			const {text} = healthcheck(variant.file);
			const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-k2-probe-'));
			dirs.push(dir);
			// The template's HEALTHCHECK instruction verbatim; BusyBox httpd plays the application.
			writeFileSync(
				path.join(dir, 'Dockerfile'),
				[`FROM ${FIXTURE_IMAGE}`, `ENV PORT=${variant.port}`, 'RUN mkdir -p /www/ok /www/missing && echo ok > /www/ok/health', text, 'CMD ["sh", "-c", "exec httpd -f -p 127.0.0.1:$PORT -h /www/$SITE"]', ''].join('\n'),
			);
			const tag = `${image.split(':')[0]}:${variant.id}`;
			tags.push(tag);
			const built = spawnSync('docker', ['build', '-q', '-t', tag, dir], {encoding: 'utf8', env: {...process.env, DOCKER_BUILDKIT: '0'}, timeout: 120_000});
			expect(built.status, built.stderr).toBe(0);
			const healthy = uniqueName('k2-healthy');
			const sick = uniqueName('k2-sick');
			containers.push(healthy, sick);
			for (const [name, site] of [[healthy, 'ok'], [sick, 'missing']] as const) {
				docker(['run', '-d', '--name', name, '-e', `SITE=${site}`, '--health-interval', '1s', '--health-start-period', '1ms', tag]);
			}
			expect(await healthOf(healthy, 'healthy')).toBe('healthy');
			expect(await healthOf(sick, 'unhealthy')).toBe('unhealthy');
			const log = JSON.parse(docker(['inspect', '--format', '{{json .State.Health.Log}}', sick])) as Array<{ExitCode: number}>;
			expect(log.at(-1)!.ExitCode).toBe(1);
		});
	}
});
