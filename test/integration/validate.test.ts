import {createHash} from 'node:crypto';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {CLI, runCli, runJson} from '../support/cli.js';
import {describeEngine, docker} from '../support/engine.js';

interface Doc {
	exitCode: number;
	result: {
		endpoint: {host: string; source: string; context?: string; why: string};
		checks: Array<{id: string; status: string; measured: string; hint: string}>;
		summary: {fail: number; warn: number};
	};
	error?: {code: string; hint: string};
}

describeEngine('validate against the real engine', () => {
	let dir: string;
	let socketLink: string;

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'dh-validate-'));
		// A second path to the real socket, so a context endpoint is distinguishable from the default.
		socketLink = path.join(dir, 'engine.sock');
		symlinkSync('/var/run/docker.sock', socketLink);
	});
	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	function writeContext(configDir: string, name: string, host: string, current?: string) {
		const id = createHash('sha256').update(name).digest('hex');
		const metaDir = path.join(configDir, 'contexts', 'meta', id);
		mkdirSync(metaDir, {recursive: true});
		writeFileSync(
			path.join(metaDir, 'meta.json'),
			JSON.stringify({Name: name, Metadata: {Description: 'test'}, Endpoints: {docker: {Host: host, SkipTLSVerify: false}}}),
		);
		if (current) writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({auths: {}, currentContext: current}));
	}

	it('reports the engine as reachable with the real version and the endpoint it used', () => {
		const realVersion = docker(['version', '--format', '{{.Server.Version}}']);
		const {code, doc} = runJson<Doc>(['validate'], {env: {DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, DOCKER_CONFIG: path.join(dir, 'empty-config')}});
		const reach = doc.result.checks.find((c) => c.id === 'engine.reachable')!;
		expect(reach.status).toBe('ok');
		expect(reach.measured).toContain(realVersion);
		expect(doc.result.endpoint).toMatchObject({host: 'unix:///var/run/docker.sock', source: 'default'});
		const version = doc.result.checks.find((c) => c.id === 'engine.version')!;
		expect(version.measured).toContain(realVersion);
		// Exit code follows the checks: 1 when any failed, else 0.
		expect(code).toBe(doc.result.summary.fail > 0 ? 1 : 0);
		expect(doc.exitCode).toBe(code);
	});

	it('the engine facts match docker info (CPUs and data root)', () => {
		const info = JSON.parse(docker(['info', '--format', '{{json .}}'])) as {NCPU: number; DockerRootDir: string};
		const {doc} = runJson<Doc>(['validate']);
		expect(doc.result.checks.find((c) => c.id === 'engine.resources')!.measured).toContain(`${info.NCPU} CPUs`);
		const disk = doc.result.checks.find((c) => c.id === 'disk.data-root')!;
		expect(disk.measured).toContain(info.DockerRootDir);
	});

	it('with DOCKER_HOST at a dead socket: the engine check fails with the hint, exit 3', () => {
		const dead = path.join(dir, 'dead.sock');
		const {code, doc} = runJson<Doc>(['validate'], {env: {DOCKER_HOST: `unix://${dead}`}});
		expect(code).toBe(3);
		const reach = doc.result.checks.find((c) => c.id === 'engine.reachable')!;
		expect(reach.status).toBe('fail');
		expect(reach.measured).toContain(dead);
		expect(reach.hint).toMatch(/daemon running/i);
		expect(doc.result.endpoint).toMatchObject({source: 'env', why: 'DOCKER_HOST is set'});
		// Host checks still ran.
		expect(doc.result.checks.find((c) => c.id === 'host.memory')!.status).not.toBe('skip');

		const text = runCli(['validate'], {env: {DOCKER_HOST: `unix://${dead}`}});
		expect(text.code).toBe(3);
		expect(text.stdout).toContain('Cannot reach the Docker Engine');
		expect(text.stderr).not.toMatch(/\n\s+at /); // no stack trace
	});

	it('uses the current context from a temporary DOCKER_CONFIG', () => {
		const configDir = path.join(dir, 'cfg-current');
		writeContext(configDir, 'linked', `unix://${socketLink}`, 'linked');
		const {doc} = runJson<Doc>(['validate'], {env: {DOCKER_CONFIG: configDir, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined}});
		expect(doc.result.endpoint).toMatchObject({host: `unix://${socketLink}`, source: 'config', context: 'linked'});
		expect(doc.result.checks.find((c) => c.id === 'engine.reachable')!.status).toBe('ok');
	});

	it('DOCKER_CONTEXT and --context pick a context; a context at a dead socket is unreachable (exit 3)', () => {
		const configDir = path.join(dir, 'cfg-env');
		writeContext(configDir, 'linked', `unix://${socketLink}`);
		writeContext(configDir, 'gone', `unix://${path.join(dir, 'nothing.sock')}`);
		const env = {DOCKER_CONFIG: configDir, DOCKER_HOST: undefined};
		const viaEnv = runJson<Doc>(['validate'], {env: {...env, DOCKER_CONTEXT: 'linked'}});
		expect(viaEnv.doc.result.endpoint).toMatchObject({context: 'linked', source: 'env'});
		const viaFlag = runJson<Doc>(['validate', '--context', 'gone'], {env: {...env, DOCKER_CONTEXT: 'linked'}});
		expect(viaFlag.code).toBe(3);
		expect(viaFlag.doc.result.endpoint).toMatchObject({context: 'gone', source: 'flag'});
	});

	it('an unknown context is an engine configuration error naming the known ones', () => {
		const configDir = path.join(dir, 'cfg-unknown');
		writeContext(configDir, 'linked', `unix://${socketLink}`);
		const r = runCli(['validate'], {env: {DOCKER_CONFIG: configDir, DOCKER_HOST: undefined, DOCKER_CONTEXT: 'linkd'}});
		expect(r.code).toBe(3);
		expect(r.stdout).toContain("Docker context 'linkd' does not exist");
		expect(r.stdout).toContain('linked');
	});

	it('a user outside the docker group gets the permission hint and exit 3', () => {
		const canRun = spawnSync('runuser', ['-u', 'nobody', '--', 'test', '-r', CLI]);
		if (canRun.status !== 0) {
			console.warn('[docker-helper tests] permission test not run: cannot run the CLI as nobody here');
			return;
		}
		const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, CLI, 'validate', '--json'], {
			encoding: 'utf8',
			env: {PATH: process.env['PATH'], HOME: '/tmp'},
		});
		const doc = JSON.parse(r.stdout) as Doc;
		expect(r.status).toBe(3);
		const reach = doc.result.checks.find((c) => c.id === 'engine.reachable')!;
		expect(reach.measured).toContain('Permission denied');
		expect(reach.hint).toContain('docker group');
	});
});
