/** The other shipped assets: .dockerignore, docker-compose.ai.yml and the example requirements.txt. */
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {parsePatterns} from '../../source/core/dockerignore/generate.js';
import {isExcluded} from '../../source/core/dockerignore/match.js';
import {parseTemplateIndex} from '../../source/core/templates.js';
import {ROOT} from '../support/cli.js';

const ASSETS = path.join(ROOT, 'assets');
const variants = parseTemplateIndex(JSON.parse(readFileSync(path.join(ASSETS, 'dockerfiles', 'index.json'), 'utf8')));
const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

describe('assets/.dockerignore', () => {
	const patterns = parsePatterns(readFileSync(path.join(ASSETS, '.dockerignore'), 'utf8'));

	it('keeps every file a template expects in the build context', () => {
		for (const v of variants) for (const e of v.expects) expect(isExcluded(patterns, e.path), `${v.id} needs ${e.path}`).toBe(false);
		for (const f of ['.env.example', 'app/models.py', 'models/net.py', 'data/schema.sql', 'src/index.js']) expect(isExcluded(patterns, f), f).toBe(false);
	});

	it('excludes VCS, secrets, virtualenvs, node_modules, caches and weights', () => {
		for (const f of ['.git/HEAD', '.env', '.env.local', '.venv/bin/python', 'venv/lib/x', 'node_modules/a/index.js', 'app/__pycache__/x.pyc', 'model.safetensors', 'weights/model.safetensors', 'checkpoints/step1/x', 'server.log', 'logs/app.log', 'web/node_modules/x', 'config/.env']) expect(isExcluded(patterns, f), f).toBe(true);
	});
});

describe('assets/requirements.txt', () => {
	const lines = readFileSync(path.join(ASSETS, 'requirements.txt'), 'utf8')
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !l.startsWith('#'));

	it('pins every requirement exactly and includes what the templates run', () => {
		expect(lines.length).toBeGreaterThan(0);
		for (const l of lines) expect(l, l).toMatch(/^[A-Za-z0-9_.-]+(\[[a-z,]+\])?==\d+(\.\d+)*$/);
		const names = lines.map((l) => l.split(/[=[]/)[0]!.toLowerCase());
		expect(names).toEqual(expect.arrayContaining(['uvicorn', 'gunicorn']));
	});
});

describe('assets/docker-compose.ai.yml', () => {
	const text = readFileSync(path.join(ASSETS, 'docker-compose.ai.yml'), 'utf8');
	const doc = parse(text) as {services: Record<string, Record<string, any>>; volumes: Record<string, unknown>};
	const svc = Object.values(doc.services)[0]!;

	it('describes an AI service: restart policy, healthcheck, limits, shm, a named model-cache volume, log rotation', () => {
		expect(svc['restart']).toBe('unless-stopped');
		expect(svc['healthcheck']['test'][0]).toBe('CMD');
		expect(svc['healthcheck']['test']).not.toContain('curl'); // slim has no curl
		expect(svc['deploy']['resources']['limits']['memory']).toBeDefined();
		expect(svc['deploy']['resources']['reservations']['memory']).toBeDefined();
		expect(svc['shm_size']).toBeDefined();
		const [volume, target] = (svc['volumes'][0] as string).split(':');
		expect(doc.volumes).toHaveProperty(volume!);
		expect(target).toBe('/home/app/.cache'); // where the slim template's user keeps HF_HOME
		expect(svc['logging']['options']['max-size']).toBeDefined();
	});

	const compose = spawnSync('docker-compose', ['version'], {encoding: 'utf8'});
	it.skipIf(compose.status !== 0)('is valid for docker-compose (config -q)', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-compose-'));
		dirs.push(dir);
		copyFileSync(path.join(ASSETS, 'docker-compose.ai.yml'), path.join(dir, 'docker-compose.ai.yml'));
		writeFileSync(path.join(dir, '.env'), 'MODEL_ID=example\n');
		const r = spawnSync('docker-compose', ['-f', 'docker-compose.ai.yml', 'config', '-q'], {cwd: dir, encoding: 'utf8'});
		expect(r.status, r.stderr).toBe(0);
		// and it notices breakage: an invalid restart value is rejected
		writeFileSync(path.join(dir, 'broken.yml'), text.replace('restart: unless-stopped', 'restart: [nope]'));
		expect(spawnSync('docker-compose', ['-f', 'broken.yml', 'config', '-q'], {cwd: dir, encoding: 'utf8'}).status).not.toBe(0);
	});
});
