/**
 * The Docker Engine's own Dockerfile parser accepts every template. The legacy builder parses the
 * whole file before running step 1 (a bad flag or instruction fails with "dockerfile parse error"
 * before anything else), and resolves the ARGs in FROM (a broken reference fails with "invalid
 * reference format"). With no registry reachable, an accepted template stops at pulling its base
 * image: that, and only that, is the expected failure here. No image or container is created.
 */
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {DockerfileParser} from 'dockerfile-ast';
import {afterAll, expect, it} from 'vitest';
import {parseTemplateIndex} from '../../source/core/templates.js';
import {ROOT} from '../support/cli.js';
import {describeEngine, FIXTURE_IMAGE} from '../support/engine.js';

const DIR = path.join(ROOT, 'assets', 'dockerfiles');
const variants = parseTemplateIndex(JSON.parse(readFileSync(path.join(DIR, 'index.json'), 'utf8')));
const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

function legacyBuild(dockerfile: string): {code: number | null; out: string} {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-k2-parse-'));
	dirs.push(dir);
	writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
	copyFileSync(path.join(ROOT, 'assets', 'requirements.txt'), path.join(dir, 'requirements.txt'));
	const r = spawnSync('docker', ['build', '--pull=false', dir], {encoding: 'utf8', env: {...process.env, DOCKER_BUILDKIT: '0'}, timeout: 120_000});
	return {code: r.status, out: `${r.stdout}\n${r.stderr}`};
}

describeEngine("the engine's Dockerfile parser (legacy builder) accepts every template", () => {
	it('a broken file is rejected before step 1 (the check can fail)', () => {
		const bad = legacyBuild(`FROM ${FIXTURE_IMAGE}\nHEALTHCHECK --intervall=3s CMD true\n`);
		expect(bad.code).not.toBe(0);
		expect(bad.out).toMatch(/dockerfile parse error/i);
		expect(bad.out).not.toContain('Step 1/');
	});

	for (const v of variants) {
		it(`${v.id}: parsed completely, ARGs in FROM resolved, stops only at pulling ${v.base}`, () => {
			const text = readFileSync(path.join(DIR, v.file), 'utf8');
			const r = legacyBuild(text);
			expect(r.code).not.toBe(0); // no registry here
			expect(r.out).not.toMatch(/parse error|Unknown flag|unknown instruction|invalid reference format/i);
			expect(r.out).toMatch(/registry|no such host|pull access denied|dial tcp|TLS handshake|connection refused|timeout/i);
			// Docker counts the same instructions as dockerfile-ast
			const steps = /Step 1\/(\d+)/.exec(r.out);
			expect(steps, r.out).not.toBeNull();
			expect(Number(steps![1])).toBe(DockerfileParser.parse(text).getInstructions().length);
		});
	}
});
