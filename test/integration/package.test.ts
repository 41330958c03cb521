/**
 * The npm package as users get it: `npm pack` of the built tree, installed into an empty prefix and run
 * through npx and through the installed bin. A file missing from package.json's "files" fails here.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ROOT} from '../support/cli.js';

const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

describe('the packed package, installed into an empty prefix', () => {
	let work: string;
	let tarball: string;
	let files: Array<{path: string; size: number}>;
	const run = (cmd: string, args: string[], cwd: string, extra: Record<string, string> = {}) =>
		spawnSync(cmd, args, {cwd, encoding: 'utf8', timeout: 240_000, env: {...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', ...extra}});

	beforeAll(() => {
		work = mkdtempSync(path.join(tmpdir(), 'dh-pack-'));
		// --ignore-scripts: the tree is already built (pretest); rebuilding here would pull dist/ from under other tests.
		const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
		expect(packed.status, packed.stderr).toBe(0);
		const info = JSON.parse(packed.stdout)[0] as {filename: string; files: Array<{path: string; size: number}>};
		tarball = path.join(work, info.filename);
		files = info.files;
	}, 240_000);
	afterAll(() => rmSync(work, {recursive: true, force: true}));

	it('is lean: built files, assets and content, no source maps, no sources or tests', () => {
		expect(files.filter((f) => f.path.endsWith('.map'))).toEqual([]);
		expect(files.filter((f) => /^(source|test|bench|scripts)\//.test(f.path))).toEqual([]);
		expect(files.some((f) => f.path === 'dist/cli.js')).toBe(true);
		expect(files.some((f) => f.path.startsWith('content/'))).toBe(true);
	});

	it('npx runs it, and the installed bin answers --version, validate --json and explain layers', () => {
		const prefix = path.join(work, 'prefix');
		const installed = run('npm', ['install', '--no-audit', '--no-fund', '--prefix', prefix, tarball], work);
		expect(installed.status, installed.stderr).toBe(0);
		const bin = path.join(prefix, 'node_modules', '.bin', 'docker-helper');
		const version = run(bin, ['--version'], work);
		expect(version.stdout.trim()).toBe(VERSION);
		const validate = run(bin, ['validate', '--json'], work);
		expect(validate.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
		expect(JSON.parse(validate.stdout)).toMatchObject({command: 'validate'});
		const explain = run(bin, ['explain', 'layers'], work);
		expect(explain.status, explain.stderr).toBe(0);
		expect(explain.stdout).toMatch(/layer/i);
		// npx with the tarball, in an empty directory, as a user without a checkout runs it.
		const npx = run('npx', ['--yes', '--package', tarball, 'docker-helper', '--version'], work, {
			npm_config_cache: path.join(work, 'npm-cache'),
			npm_config_prefer_offline: 'true',
		});
		expect(npx.status, npx.stderr).toBe(0);
		expect(npx.stdout.trim()).toBe(VERSION);
	}, 400_000);
});
