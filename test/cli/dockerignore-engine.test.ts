/**
 * The generated and merged .dockerignore files, checked against the real builder: build the
 * project with COPY . and list what actually reached the image. This also validates our pattern
 * matcher (used for --merge decisions) against Docker's own .dockerignore handling.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {parsePatterns} from '../../source/core/dockerignore/generate.js';
import {isExcluded} from '../../source/core/dockerignore/match.js';
import {runCli} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, uniqueName} from '../support/engine.js';

const FILES = [
	'.env',
	'.env.example',
	'.env.production',
	'config/.env',
	'config/.env.example',
	'config/deep/.env.sample',
	'config/.env.local',
	'.git/HEAD',
	'.venv/bin/python',
	'.venv/keep.txt',
	'node_modules/left-pad/index.js',
	'web/node_modules/dep/index.js',
	'web/package.json',
	'web/src/app.js',
	'api/app.py',
	'api/__pycache__/app.cpython-313.pyc',
	'api/requirements.txt',
	'requirements.txt',
	'package.json',
	'package-lock.json',
	'debug.log',
	'notes.md',
	'.DS_Store',
	'docker-compose.yml',
];

const dirs: string[] = [];
const images: string[] = [];
afterAll(() => {
	for (const i of images) docker(['image', 'rm', '-f', i], {allowFail: true});
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

function project(): string {
	const d = mkdtempSync(path.join(os.tmpdir(), 'dh-ignore-engine-'));
	dirs.push(d);
	for (const f of FILES) {
		mkdirSync(path.dirname(path.join(d, f)), {recursive: true});
		writeFileSync(path.join(d, f), 'x\n');
	}
	writeFileSync(path.join(d, 'Dockerfile'), `FROM ${FIXTURE_IMAGE}\nCOPY . /ctx\n`);
	return d;
}

/** Files the legacy builder actually copied into the image. */
function copied(dir: string): string[] {
	const tag = `docker-helper-fixture/${uniqueName('k2-ctx')}:1`;
	images.push(tag);
	const built = spawnSync('docker', ['build', '-q', '-t', tag, dir], {encoding: 'utf8', env: {...process.env, DOCKER_BUILDKIT: '0'}, timeout: 120_000});
	expect(built.status, built.stderr).toBe(0);
	return docker(['run', '--rm', tag, 'find', '/ctx', '-type', 'f'])
		.split('\n')
		.map((l) => l.replace(/^\/ctx\//, ''))
		.filter(Boolean)
		.sort();
}

describeEngine('generated .dockerignore files against the real builder', () => {
	it('the generated file keeps secrets, VCS, virtualenvs and node_modules out, and examples and manifests in; our matcher agrees with Docker', () => {
		const dir = project();
		expect(runCli(['generate-dockerignore'], {cwd: dir}).code).toBe(0);
		const inImage = copied(dir);
		for (const f of [
			'.env.example',
			'config/.env.example',
			'config/deep/.env.sample',
			'api/app.py',
			'api/requirements.txt',
			'requirements.txt',
			'package.json',
			'package-lock.json',
			'web/src/app.js',
			'notes.md',
		])
			expect(inImage, f).toContain(f);
		for (const f of [
			'.env',
			'.env.production',
			'config/.env',
			'config/.env.local',
			'.git/HEAD',
			'.venv/bin/python',
			'node_modules/left-pad/index.js',
			'web/node_modules/dep/index.js',
			'api/__pycache__/app.cpython-313.pyc',
			'debug.log',
			'.DS_Store',
			'docker-compose.yml',
		])
			expect(inImage, f).not.toContain(f);
		// Docker and our matcher agree on every file in the project
		const patterns = parsePatterns(runCli(['generate-dockerignore', '--stdout'], {cwd: dir}).stdout);
		for (const f of FILES) expect(isExcluded(patterns, f), f).toBe(!inImage.includes(f));
	});

	it("after --merge, the user's exception still wins in the real build", () => {
		const dir = project();
		writeFileSync(path.join(dir, '.dockerignore'), 'notes.md\n!.venv/keep.txt\n');
		const r = runCli(['generate-dockerignore', '--merge'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('!.venv/keep.txt');
		const inImage = copied(dir);
		expect(inImage).toContain('.venv/keep.txt'); // the user's exception survived the appended .venv
		expect(inImage).not.toContain('.venv/bin/python');
		expect(inImage).not.toContain('notes.md'); // the user's own line still applies
		expect(inImage).not.toContain('.env');
		expect(inImage).toContain('.env.example');
		expect(inImage).toContain('config/.env.example'); // the appended exception re-includes at every depth
		expect(inImage).not.toContain('config/.env.local');
	});
});
