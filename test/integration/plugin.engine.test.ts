/**
 * docker-helper as a Docker CLI plugin, through the real docker CLI: `plugin install` writes the shim
 * into a temporary DOCKER_CONFIG's cli-plugins, and docker lists it, runs it, and passes its own
 * --context / -H to it.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {runCli, ROOT} from '../support/cli.js';
import {describeEngine} from '../support/engine.js';

const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

describeEngine('docker helper: the CLI plugin through the real docker CLI', () => {
	let config: string;
	let shim: string;
	beforeAll(() => {
		config = mkdtempSync(path.join(tmpdir(), 'dh-rm-plugin-'));
		shim = path.join(config, 'cli-plugins', 'docker-helper');
	});
	afterAll(() => rmSync(config, {recursive: true, force: true}));

	const env = () => ({DOCKER_CONFIG: config, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined});
	const docker = (args: string[]) => {
		const e: Record<string, string> = {};
		for (const [k, v] of Object.entries({...process.env, NO_COLOR: '1', ...env()})) if (v !== undefined) e[k] = v;
		return spawnSync('docker', args, {encoding: 'utf8', env: e, timeout: 60_000});
	};

	it('install writes an executable shim; docker --help lists helper with its description', () => {
		const r = runCli(['plugin', 'install'], {env: env()});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toContain(`Installed: ${shim}`);
		expect(lstatSync(shim).mode & 0o111).not.toBe(0);
		const help = docker(['--help']);
		expect(help.stdout).toMatch(/helper\*?\s+Docker expert assistant/);
		expect(help.stderr).not.toContain('failed to fetch metadata');
		// Installing again changes nothing.
		expect(runCli(['plugin', 'install'], {env: env()}).stdout).toContain('Already installed');
	});

	it('docker helper --version and docker helper validate --json run docker-helper', () => {
		const v = docker(['helper', '--version']);
		expect(v.status, v.stderr).toBe(0);
		expect(v.stdout.trim()).toBe(VERSION);
		const r = docker(['helper', 'validate', '--json']);
		const doc = JSON.parse(r.stdout) as {command: string; result: {checks: Array<{id: string; status: string}>}};
		expect(doc.command).toBe('validate');
		expect(doc.result.checks.find((c) => c.id === 'engine.reachable')?.status).toBe('ok');
	}, 60_000);

	it('docker --context X helper and docker -H ... helper reach the engine the docker CLI would', () => {
		const made = docker(['context', 'create', 'dh-rm-plugin-ctx', '--docker', 'host=unix:///var/run/docker.sock']);
		expect(made.status, made.stderr).toBe(0);
		const viaContext = JSON.parse(docker(['--context', 'dh-rm-plugin-ctx', 'helper', 'validate', '--json']).stdout) as {
			engine: {host: string; context?: string; source: string};
		};
		expect(viaContext.engine).toMatchObject({context: 'dh-rm-plugin-ctx', host: 'unix:///var/run/docker.sock', source: 'flag'});
		const viaHost = JSON.parse(docker(['-H', 'unix:///var/run/docker.sock', 'helper', 'validate', '--json']).stdout) as {
			engine: {host: string; source: string};
		};
		expect(viaHost.engine).toMatchObject({host: 'unix:///var/run/docker.sock', source: 'flag'});
		// An unknown option is a usage error (exit 2), exactly as with docker-helper itself.
		const bad = docker(['helper', 'validate', '--definitely-not-an-option']);
		expect(bad.status).toBe(2);
	}, 60_000);

	it('a different docker-helper file is never replaced without --force, and then kept as .bak; uninstall removes only the shim', () => {
		rmSync(shim, {force: true});
		mkdirSync(path.dirname(shim), {recursive: true});
		writeFileSync(shim, '#!/bin/sh\necho someone else\n', {mode: 0o755});
		const refused = runCli(['plugin', 'install'], {env: env()});
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('was not written by docker-helper plugin install');
		expect(readFileSync(shim, 'utf8')).toBe('#!/bin/sh\necho someone else\n');
		expect(runCli(['plugin', 'uninstall'], {env: env()}).code).toBe(1);
		expect(existsSync(shim)).toBe(true);
		const forced = runCli(['plugin', 'install', '--force'], {env: env()});
		expect(forced.code, forced.stderr).toBe(0);
		expect(readFileSync(`${shim}.bak`, 'utf8')).toBe('#!/bin/sh\necho someone else\n');
		const removed = runCli(['plugin', 'uninstall'], {env: env()});
		expect(removed.code).toBe(0);
		expect(existsSync(shim)).toBe(false);
		expect(existsSync(`${shim}.bak`)).toBe(true);
		expect(runCli(['plugin', 'uninstall'], {env: env()}).stdout).toContain('Nothing to remove');
	});

	it('a symbolic link at the shim path is not followed', () => {
		const elsewhere = path.join(config, 'elsewhere');
		writeFileSync(elsewhere, 'keep me\n');
		rmSync(shim, {force: true});
		symlinkSync(elsewhere, shim);
		const r = runCli(['plugin', 'install', '--force'], {env: env()});
		expect(r.code).not.toBe(0);
		expect(r.stderr).toContain('symbolic link');
		expect(readFileSync(elsewhere, 'utf8')).toBe('keep me\n');
		rmSync(shim);
	});
});
