import {cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT, runCli, runJson} from '../support/cli.js';

const ANSI = /\u001B\[/;
const TOPICS = [
	'images-vs-containers',
	'layers',
	'copy-on-write',
	'restart-policies',
	'volumes',
	'networking',
	'multi-stage-builds',
	'build-cache',
	'build-context',
	'non-root-users',
	'health-checks',
	'env-vs-arg',
	'resource-limits',
	'pid1-and-signals',
	'tags-and-digests',
	'registries',
	'gpu-containers',
	'logging',
];

describe('explain (built binary, no TTY)', () => {
	it('--list prints every topic id with its summary, and the guides', () => {
		const r = runCli(['explain', '--list']);
		expect(r.code).toBe(0);
		for (const id of TOPICS) expect(r.stdout).toMatch(new RegExp(`^  ${id} +\\S`, 'm'));
		expect(r.stdout).toContain('Guides');
		expect(r.stdout).toMatch(/^ {2}optimize-guide/m);
		expect(r.stdout).not.toMatch(ANSI);
	});

	it('with no topic and no TTY lists the topics instead of opening the app', () => {
		const r = runCli(['explain']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('copy-on-write');
		expect(r.stdout).not.toContain('\u001B[?25l');
	});

	it('--list --json has a stable schema', () => {
		const {code, doc} = runJson(['explain', '--list']);
		expect(code).toBe(0);
		expect(doc).toMatchObject({schema: 'docker-helper/v1', command: 'explain', exitCode: 0, result: {mode: 'list', collection: 'topics'}});
		expect(doc.result.entries.map((e: {id: string}) => e.id)).toEqual(expect.arrayContaining(TOPICS));
		for (const e of doc.result.entries) {
			expect(Object.keys(e).sort()).toEqual(['aliases', 'collection', 'id', 'summary', 'title']);
			expect(e.collection).toBe('topics');
		}
		expect(doc.result.guides.map((g: {id: string}) => g.id)).toEqual(['optimize-guide', 'debug-guide']);
	});

	it('prints one topic as clean plain text with its see-also links', () => {
		const r = runCli(['explain', 'copy-on-write']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^Copy-on-write\n=+\n/);
		expect(r.stdout).toContain('docker diff cow-demo');
		expect(r.stdout).toContain('See also');
		expect(r.stdout).toContain('docker-helper explain layers');
		expect(r.stdout).not.toMatch(ANSI);
		expect(r.stdout).not.toContain('**');
		expect(r.stdout).not.toContain('```');
	});

	it('resolves aliases to the same text', () => {
		expect(runCli(['explain', 'cow']).stdout).toBe(runCli(['explain', 'copy-on-write']).stdout);
		expect(runCli(['explain', 'OOM']).stdout).toContain('Resource limits and OOM');
	});

	it('prints several topics in the order asked', () => {
		const r = runCli(['explain', 'layers', 'pid1']);
		expect(r.code).toBe(0);
		expect(r.stdout.indexOf('Image layers')).toBeGreaterThan(-1);
		expect(r.stdout.indexOf('PID 1 and signals')).toBeGreaterThan(r.stdout.indexOf('Image layers'));
	});

	it("'all' prints every topic in menu order", () => {
		const r = runCli(['explain', 'all']);
		expect(r.code).toBe(0);
		const {doc} = runJson(['explain', '--list']);
		const titles: string[] = doc.result.entries.map((e: {title: string}) => e.title);
		let at = -1;
		for (const title of titles) {
			const next = r.stdout.indexOf(`${title}\n=`, at + 1);
			expect(next, title).toBeGreaterThan(at);
			at = next;
		}
	});

	it('colours its output when colour is forced', () => {
		const r = runCli(['explain', 'layers'], {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}});
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(ANSI);
	});

	it('rejects an unknown topic with suggestions and exit 2', () => {
		const r = runCli(['explain', 'copy-on-wrte']);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain("No topic 'copy-on-wrte'");
		expect(r.stderr).toContain('Did you mean copy-on-write?');
		expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
	});

	it('reports an unknown topic as JSON with the suggestions', () => {
		const {code, doc} = runJson(['explain', 'netwrok']);
		expect(code).toBe(2);
		expect(doc.error).toMatchObject({code: 'UNKNOWN_TOPIC', details: {topic: 'netwrok', suggestions: ['networking']}});
	});

	it('falls back to the topics that mention an unknown word', () => {
		const r = runCli(['explain', 'htpasswd']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("Topics that mention 'htpasswd': registries.");
	});

	it('--json for a topic gives front matter, Markdown body and plain text', () => {
		const {code, doc} = runJson(['explain', 'cow']);
		expect(code).toBe(0);
		expect(doc.result.mode).toBe('docs');
		const [topic] = doc.result.docs;
		expect(topic).toMatchObject({
			id: 'copy-on-write',
			title: 'Copy-on-write',
			collection: 'topics',
			aliases: expect.arrayContaining(['cow']),
			order: expect.any(Number),
		});
		expect(topic.related).toEqual(expect.arrayContaining([{id: 'layers', title: 'Image layers'}]));
		expect(topic.markdown).toContain('```console');
		expect(topic.markdown).not.toMatch(/^---/);
		expect(topic.text).toMatch(/^Copy-on-write\n/);
		expect(topic.text).not.toMatch(ANSI);
		expect(topic.text).not.toContain('```');
	});

	it('refuses --list together with a topic', () => {
		const r = runCli(['explain', '--list', 'layers']);
		expect(r.code).toBe(2);
	});

	it('has help with usage and examples', () => {
		const r = runCli(['explain', '--help']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('--list');
		expect(r.stdout).toContain('docker-helper explain cow');
	});
});

describe('optimize-guide and debug-guide (built binary)', () => {
	for (const [name, title, must] of [
		['optimize-guide', 'Image optimisation guide', ['musl', 'npm ci', 'uv pip install', 'docker history', 'distroless', 'Before and after']],
		['debug-guide', 'Debugging containers', ['docker logs --tail 100 api', 'OOMKilled', 'port is already allocated', 'unless-stopped', 'docker events']],
	] as const) {
		it(`${name} prints the whole guide without a TTY`, () => {
			const r = runCli([name]);
			expect(r.code).toBe(0);
			expect(r.stdout.startsWith(`${title}\n`)).toBe(true);
			for (const text of must) expect(r.stdout).toContain(text);
			expect(r.stdout).not.toMatch(ANSI);
		});

		it(`${name} --json carries the Markdown and plain text`, () => {
			const {code, doc} = runJson([name]);
			expect(code).toBe(0);
			expect(doc.command).toBe(name);
			expect(doc.result.docs[0]).toMatchObject({id: name, collection: 'guides'});
			expect(doc.result.docs[0].text).toContain(title);
		});

		it(`explain ${name} shows the same guide`, () => {
			expect(runCli(['explain', name]).stdout).toBe(runCli([name]).stdout);
		});
	}
});

describe('rule documents (a package copy with fixture rule docs in content/rules)', () => {
	// A copy of the built package whose content/rules holds the test fixtures: exercises the
	// real loader and CLI without shipping fixtures.
	const pkg = mkdtempSync(path.join(tmpdir(), 'dh-k1-rules-'));
	cpSync(path.join(ROOT, 'dist'), path.join(pkg, 'dist'), {recursive: true});
	cpSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
	for (const c of ['topics', 'guides']) cpSync(path.join(ROOT, 'content', c), path.join(pkg, 'content', c), {recursive: true});
	mkdirSync(path.join(pkg, 'content', 'rules'));
	cpSync(path.join(ROOT, 'test', 'fixtures', 'knowledge', 'rules'), path.join(pkg, 'content', 'rules'), {recursive: true});
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
	afterAll(() => rmSync(pkg, {recursive: true, force: true}));
	const run = (args: string[]) => {
		const r = spawnSync(process.execPath, [path.join(pkg, 'dist', 'cli.js'), ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
		return {code: r.status, stdout: r.stdout, stderr: r.stderr};
	};

	it('explain <rule id> and explain <slug> show the rule doc', () => {
		const byId = run(['explain', 'DH9901']);
		expect(byId.code).toBe(0);
		expect(byId.stdout).toContain('fixture-pin-base-image');
		expect(byId.stdout).toContain('FROM python:3.12-slim-bookworm');
		expect(run(['explain', 'fixture-pin-base-image']).stdout).toBe(byId.stdout);
		expect(run(['explain', 'dh9902']).stdout).toContain('docker-helper explain pid1-and-signals');
	});

	it('--list --rules lists the rule docs; --list keeps them out of the topic menu', () => {
		const rules = run(['explain', '--list', '--rules']);
		expect(rules.code).toBe(0);
		expect(rules.stdout).toContain('fixture-exec-form-cmd');
		expect(rules.stdout).toContain('DH9902');
		expect(run(['explain', '--list']).stdout).not.toContain('fixture-');
	});

	it('the shipped package without content/rules still works', () => {
		const r = runCli(['explain', '--list', '--rules']);
		expect(r.code).toBe(0);
	});
});
