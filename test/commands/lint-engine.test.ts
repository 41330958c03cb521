/**
 * lint asks the real engine about base images: build two tiny images FROM the busybox fixture
 * (legacy builder) — one that runs as root with no HEALTHCHECK, one with USER 1000 and a HEALTHCHECK —
 * and lint Dockerfiles that use them as their base.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {ROOT, runJson} from '../support/cli.js';
import {describeEngine, docker} from '../support/engine.js';

const suffix = `l1-${randomBytes(4).toString('hex')}`;
const ROOT_IMAGE = `docker-helper-fixture/lint-root:${suffix}`;
const NONROOT_IMAGE = `docker-helper-fixture/lint-nonroot:${suffix}`;

function lint(src: string, extra: string[] = []) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-lint-engine-'));
	writeFileSync(path.join(dir, 'Dockerfile'), src);
	return runJson(['lint', ...extra], {cwd: dir});
}

function build(tag: string, file: string): void {
	const r = docker(['build', '-q', '-t', tag, '-f', path.join(ROOT, 'test/fixtures/lint/engine', file), path.join(ROOT, 'test/fixtures/lint/engine')], {});
	if (!r) throw new Error(`build of ${tag} failed`);
}

describeEngine('lint with the engine: base image config', () => {
	beforeAll(() => {
		process.env.DOCKER_BUILDKIT = '0';
		build(ROOT_IMAGE, 'root.Dockerfile');
		build(NONROOT_IMAGE, 'nonroot.Dockerfile');
	});
	afterAll(() => {
		docker(['rmi', '-f', ROOT_IMAGE, NONROOT_IMAGE], {allowFail: true});
	});

	test('implicit root from the base is an error, inherited, saying what the base sets', () => {
		const {code, doc} = lint(`FROM ${ROOT_IMAGE}\nEXPOSE 8080\nCMD ["httpd", "-f"]\n`);
		expect(code).toBe(1);
		const file = doc.result.files[0];
		expect(file.base).toMatchObject({image: ROOT_IMAGE, status: 'checked', user: '', healthcheck: null, cmd: ['sh']});
		expect(doc.result.engine.used).toBe(true);
		const noUser = file.findings.find((f: {slug: string}) => f.slug === 'no-user');
		expect(noUser).toMatchObject({severity: 'error', origin: 'inherited', line: 1});
		expect(noUser.message).toContain(`the base image ${ROOT_IMAGE} runs as root`);
		// no healthcheck in the base either
		expect(file.findings.map((f: {slug: string}) => f.slug)).toContain('missing-healthcheck');
	});

	test('a base with a non-root USER and a HEALTHCHECK: neither finding', () => {
		const {doc} = lint(`FROM ${NONROOT_IMAGE}\nEXPOSE 8080\nCMD ["httpd", "-f"]\n`);
		const file = doc.result.files[0];
		expect(file.base).toMatchObject({status: 'checked', user: '1000:1000', healthcheck: ['CMD-SHELL', 'true'], exposedPorts: ['8080/tcp']});
		const slugs = file.findings.map((f: {slug: string}) => f.slug);
		expect(slugs).not.toContain('no-user');
		expect(slugs).not.toContain('missing-healthcheck');
	});

	test('through a FROM <stage> chain', () => {
		const {doc} = lint(`FROM ${NONROOT_IMAGE} AS base\nRUN true\nFROM base\nCMD ["sh"]\n`);
		expect(doc.result.files[0].base).toMatchObject({image: NONROOT_IMAGE, status: 'checked'});
		expect(doc.result.files[0].findings.map((f: {slug: string}) => f.slug)).not.toContain('no-user');
	});

	test('an image the engine does not have: a warning that says so', () => {
		const {doc} = lint('FROM docker-helper-fixture/not-there:404\nCMD ["sh"]\n');
		expect(doc.result.files[0].base).toMatchObject({status: 'missing'});
		const f = doc.result.files[0].findings.find((x: {slug: string}) => x.slug === 'no-user');
		expect(f).toMatchObject({severity: 'warning', origin: 'file'});
		expect(f.message).toContain('not present locally');
	});

	test('--no-engine and an unreachable engine: static rules, "not checked", never exit 3', () => {
		const off = lint(`FROM ${ROOT_IMAGE}\n`, ['--no-engine']);
		expect(off.doc.result.files[0].base.status).toBe('not-checked');
		expect(off.doc.result.files[0].findings.find((x: {slug: string}) => x.slug === 'no-user').severity).toBe('warning');
		const gone = lint(`FROM ${ROOT_IMAGE}\nUSER 1000\n`, ['-H', 'unix:///tmp/dh-no-such-engine.sock']);
		expect(gone.code).not.toBe(3);
		expect(gone.doc.result.engine.used).toBe(false);
		expect(gone.doc.result.engine.note).toMatch(/no engine reachable/);
	});
});
