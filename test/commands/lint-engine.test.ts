/**
 * lint asks the real engine about base images: build two tiny images FROM the busybox fixture
 * (legacy builder) — one that runs as root with no HEALTHCHECK, one with USER 1000 and a HEALTHCHECK —
 * and lint Dockerfiles that use them as their base.
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {ROOT, runJson} from '../support/cli.js';
import {describeEngine, docker} from '../support/engine.js';

const suffix = `l1-${randomBytes(4).toString('hex')}`;
const ROOT_IMAGE = `docker-helper-fixture/lint-root:${suffix}`;
const NONROOT_IMAGE = `docker-helper-fixture/lint-nonroot:${suffix}`;
const FOREIGN_IMAGE = `docker-helper-fixture/lint-foreign-arch:${suffix}`;

/**
 * A copy of an image whose config says another architecture (docker save → edit config → docker load):
 * nothing can be pulled here, and this is what a base pulled on another kind of machine looks like.
 */
function foreignArchCopy(source: string, tag: string, arch: string): void {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-arch-'));
	const x = path.join(dir, 'x');
	mkdirSync(x);
	docker(['save', source, '-o', path.join(dir, 'in.tar')]);
	execFileSync('tar', ['-xf', path.join(dir, 'in.tar'), '-C', x]);
	const manifest = JSON.parse(readFileSync(path.join(x, 'manifest.json'), 'utf8')) as Array<{Config: string; RepoTags: string[]}>;
	const config = JSON.parse(readFileSync(path.join(x, manifest[0]!.Config), 'utf8')) as {architecture: string};
	config.architecture = arch;
	const data = JSON.stringify(config);
	const name = `${createHash('sha256').update(data).digest('hex')}.json`;
	unlinkSync(path.join(x, manifest[0]!.Config));
	writeFileSync(path.join(x, name), data);
	manifest[0]!.Config = name;
	manifest[0]!.RepoTags = [tag];
	writeFileSync(path.join(x, 'manifest.json'), JSON.stringify(manifest));
	rmSync(path.join(x, 'repositories'), {force: true});
	execFileSync('tar', ['-cf', path.join(dir, 'out.tar'), '-C', x, '.']);
	docker(['load', '-i', path.join(dir, 'out.tar')]);
	rmSync(dir, {recursive: true, force: true});
}

function lint(src: string, extra: string[] = []) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-lint-engine-'));
	writeFileSync(path.join(dir, 'Dockerfile'), src);
	return runJson(['lint', ...extra], {cwd: dir});
}

function build(tag: string, file: string): void {
	const r = docker(['build', '-q', '-t', tag, '-f', path.join(ROOT, 'test/fixtures/lint/engine', file), path.join(ROOT, 'test/fixtures/lint/engine')], {});
	if (!r) throw new Error(`build of ${tag} failed`);
}

let engineArch = '';

describeEngine('lint with the engine: base image config', () => {
	beforeAll(() => {
		process.env.DOCKER_BUILDKIT = '0';
		engineArch = docker(['version', '--format', '{{.Server.Arch}}']);
		build(ROOT_IMAGE, 'root.Dockerfile');
		build(NONROOT_IMAGE, 'nonroot.Dockerfile');
		foreignArchCopy(NONROOT_IMAGE, FOREIGN_IMAGE, engineArch === 'arm64' ? 'amd64' : 'arm64');
	});
	afterAll(() => {
		docker(['rmi', '-f', ROOT_IMAGE, NONROOT_IMAGE, FOREIGN_IMAGE], {allowFail: true});
	});

	test('a base image of another architecture than the engine', () => {
		const {doc} = lint(`FROM ${FOREIGN_IMAGE}\nCMD ["sh"]\n`);
		const other = engineArch === 'arm64' ? 'amd64' : 'arm64';
		expect(doc.result.files[0].base).toMatchObject({status: 'checked', architecture: other});
		const f = doc.result.files[0].findings.find((x: {slug: string}) => x.slug === 'base-arch-mismatch');
		expect(f).toMatchObject({severity: 'warning', origin: 'inherited', line: 1});
		expect(f.message).toContain(`is ${other} but this engine runs ${engineArch}`);
		// the matching-architecture original gives no such finding
		const same = lint(`FROM ${NONROOT_IMAGE}\nCMD ["sh"]\n`);
		expect(same.doc.result.files[0].findings.map((x: {slug: string}) => x.slug)).not.toContain('base-arch-mismatch');
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
