/** `docker-helper lint` end to end through the built CLI (engine-independent parts; --no-engine). */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import {describe, expect, test} from 'vitest';
import {ROOT, runCli, runJson} from '../support/cli.js';

// CJS default exports seen through NodeNext ESM typing
const Ajv = ((AjvModule as unknown as {default?: unknown}).default ?? AjvModule) as unknown as typeof AjvModule.default;
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as typeof addFormatsModule.default;

function project(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-lint-'));
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
		writeFileSync(path.join(dir, name), content);
	}
	return dir;
}

const BAD = 'FROM debian:bookworm\nRUN apt-get update && apt-get install curl\nCMD node server.js\n';
const CLEAN = 'FROM debian:bookworm@sha256:0000000000000000000000000000000000000000000000000000000000000000\nUSER 10001\nCMD ["sleep", "infinity"]\n';

describe('lint (CLI)', () => {
	test('defaults to ./Dockerfile; text shows the source line and a caret; exit 1', () => {
		const dir = project({Dockerfile: BAD});
		const r = runCli(['lint', '--no-engine'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('Dockerfile:2:23 warning DH4001 apt-get-yes (DL3014)');
		expect(r.stdout).toContain('    2 | RUN apt-get update && apt-get install curl\n      |                       ^');
		expect(r.stdout).toMatch(/base image debian:bookworm not checked: --no-engine/);
	});

	test('--json: every finding carries file, line, column, id, slug, severity, message, equivalents, origin', () => {
		const dir = project({Dockerfile: BAD});
		const {code, doc} = runJson(['lint', '--no-engine'], {cwd: dir});
		expect(code).toBe(1);
		const f = doc.result.files[0].findings.find((x: {slug: string}) => x.slug === 'apt-get-yes');
		expect(f).toEqual({
			file: 'Dockerfile',
			line: 2,
			column: 23,
			id: 'DH4001',
			slug: 'apt-get-yes',
			severity: 'warning',
			message: expect.stringContaining('without -y'),
			equivalents: {hadolint: 'DL3014'},
			origin: 'file',
		});
		expect(doc.result.files[0].lines).toBeUndefined();
		expect(doc.result.engine).toEqual({used: false, note: '--no-engine'});
	});

	test('thresholds and --no-fail decide the exit code', () => {
		const dir = project({Dockerfile: 'FROM alpine:3.20@sha256:1111111111111111111111111111111111111111111111111111111111111111\nUSER 1000\nMAINTAINER me\n'});
		expect(runCli(['lint', '--no-engine'], {cwd: dir}).code).toBe(0); // only a style finding: below the default threshold (warning)
		expect(runCli(['lint', '--no-engine', '--failure-threshold', 'error'], {cwd: dir}).code).toBe(0);
		expect(runCli(['lint', '--no-engine', '--failure-threshold', 'style'], {cwd: dir}).code).toBe(1);
		expect(runCli(['lint', '--no-engine', '--failure-threshold', 'style', '--no-fail'], {cwd: dir}).code).toBe(0);
		expect(runCli(['lint', '--failure-threshold', 'loud'], {cwd: dir}).code).toBe(2);
	});

	test('directories are searched recursively; .dockerignore, .git and node_modules are skipped', () => {
		const dir = project({
			Dockerfile: CLEAN,
			'api/Dockerfile.prod': CLEAN,
			'web/app.Dockerfile': CLEAN,
			'worker/Containerfile': CLEAN,
			'vendor/Dockerfile': BAD,
			'node_modules/x/Dockerfile': BAD,
			'.git/Dockerfile': BAD,
			'docs/Dockerfile.dockerignore': 'x',
			'.dockerignore': 'vendor\n',
			'README.md': 'x',
			'empty/.keep': '',
		});
		const {doc} = runJson(['lint', '.', '--no-engine'], {cwd: dir});
		expect(doc.result.files.map((f: {file: string}) => f.file).sort()).toEqual([
			'Dockerfile',
			'api/Dockerfile.prod',
			'web/app.Dockerfile',
			'worker/Containerfile',
		]);
		const empty = runCli(['lint', 'empty', '--no-engine'], {cwd: dir});
		expect(empty.code).toBe(1);
		expect(empty.stderr + empty.stdout).toContain('No Dockerfile found under empty');
	});

	test('- reads stdin', () => {
		const r = runJson(['lint', '-', '--no-engine'], {input: BAD});
		expect(r.doc.result.files[0].file).toBe('-');
		expect(r.doc.result.summary.findings).toBeGreaterThan(0);
	});

	test('a missing file is an error with a hint; a broken file is a DH0000 finding', () => {
		const dir = project({});
		const r = runCli(['lint', '--no-engine'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stderr + r.stdout).toMatch(/No Dockerfile in/);
		const broken = runJson(['lint', '-', '--no-engine'], {input: 'FROM alpine\nRUNN x\n'});
		expect(broken.code).toBe(1);
		expect(broken.doc.result.files[0].findings.find((f: {id: string}) => f.id === 'DH0000')).toMatchObject({
			id: 'DH0000',
			slug: 'parse-error',
			line: 2,
			severity: 'error',
		});
	});

	test('inline pragmas and .hadolint.yaml / .docker-helper.yaml', () => {
		const dir = project({
			Dockerfile:
				'FROM debian:bookworm\n# hadolint ignore=DL3014\nRUN apt-get install curl\n# docker-helper ignore=json-args-recommended -- entry script handles signals\nCMD node x.js\n',
			'.hadolint.yaml': 'ignored: [DL3006]\noverride:\n  error: [DL4006]\n',
			'.docker-helper.yaml': 'lint:\n  severity:\n    from-digest-pin: "off"\n',
		});
		const {doc} = runJson(['lint', '--no-engine'], {cwd: dir});
		const slugs = doc.result.files[0].findings.map((f: {slug: string}) => f.slug);
		expect(slugs).not.toContain('apt-get-yes');
		expect(slugs).not.toContain('json-args-recommended');
		expect(slugs).not.toContain('from-digest-pin');
		expect(doc.result.files[0].suppressed).toBe(2);
		expect(doc.result.files[0].suppressions).toContainEqual({
			line: 4,
			scope: 'line',
			codes: ['json-args-recommended'],
			reason: 'entry script handles signals',
			source: 'docker-helper',
			used: 1,
		});
		expect(doc.result.files[0].suppressions).toContainEqual({line: 2, scope: 'line', codes: ['DL3014'], reason: undefined, source: 'hadolint', used: 1});
		expect(doc.result.config.sources).toEqual(['.hadolint.yaml', '.docker-helper.yaml']);
		const bad = project({Dockerfile: CLEAN, '.hadolint.yaml': 'ignored: [DL3006\n'});
		expect(runCli(['lint', '--no-engine'], {cwd: bad}).code).toBe(2);
	});

	test('--format gnu and github', () => {
		const dir = project({Dockerfile: BAD});
		const gnu = runCli(['lint', '--no-engine', '--format', 'gnu'], {cwd: dir}).stdout.split('\n');
		expect(gnu).toContain(
			'Dockerfile:2:23: warning: apt-get install curl without -y: the build has no terminal to answer the prompt, add -y (or --yes) [DH4001/apt-get-yes]',
		);
		const gh = runCli(['lint', '--no-engine', '--format', 'github'], {cwd: dir}).stdout.split('\n');
		expect(gh).toContain(
			'::warning file=Dockerfile,line=2,col=23,title=DH4001 apt-get-yes::apt-get install curl without -y: the build has no terminal to answer the prompt, add -y (or --yes)',
		);
		expect(gh.filter(Boolean).every((l) => /^::(error|warning|notice) file=/.test(l))).toBe(true);
	});

	test('--format sarif validates against the SARIF 2.1.0 schema', () => {
		const dir = project({Dockerfile: BAD, 'sub/Dockerfile': 'FROM alpine\nRUNN x\n'});
		const r = runCli(['lint', '.', '--no-engine', '--format', 'sarif'], {cwd: dir});
		expect(r.code).toBe(1);
		const log = JSON.parse(r.stdout);
		const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
		// draft-04 → ajv 8: `id` is `$id`, and drop the draft-04 meta-schema reference.
		schema.$id = schema.id;
		delete schema.id;
		delete schema.$schema;
		const ajv = new Ajv({strict: false, allErrors: true, unicodeRegExp: false});
		addFormats(ajv);
		const validate = ajv.compile(schema);
		expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
		expect(log.version).toBe('2.1.0');
		const results = log.runs[0].results;
		expect(
			results.some(
				(x: {ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}>}) =>
					x.ruleId === 'DH0000' &&
					x.locations[0]!.physicalLocation.artifactLocation.uri === 'sub/Dockerfile' &&
					x.locations[0]!.physicalLocation.region.startLine === 2,
			),
		).toBe(true);
		for (const x of results) expect(log.runs[0].tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
		// every rule carries its page: helpUri, a full description and the page as Markdown help (GitHub code scanning shows it)
		const yes = log.runs[0].tool.driver.rules.find((x: {id: string}) => x.id === 'DH4001');
		expect(yes.helpUri).toMatch(/^https:\/\/unpkg\.com\/docker-helper@[^/]+\/content\/rules\/apt-get-yes\.md$/);
		const page = readFileSync(path.join(ROOT, 'content/rules/apt-get-yes.md'), 'utf8');
		expect(page).toContain(yes.help.markdown.trim().split('\n')[0]);
		expect(yes.help.markdown).toContain('## Bad');
		expect(yes.fullDescription.text.length).toBeGreaterThan(yes.shortDescription.text.length);
		expect(yes.fullDescription.text).not.toMatch(/[`#]/);
		for (const rule of log.runs[0].tool.driver.rules.slice(2)) expect(rule.help.markdown, rule.id).toContain('## ');
		// a broken document must fail the schema, so the check above means something
		expect(validate({version: '2.1.0', runs: [{results: []}]})).toBe(false);
	});

	test('--rules lists the registry, also as JSON', () => {
		const text = runCli(['lint', '--rules']);
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/DH4001\s+apt-get-yes\s+warning\s+apt-get install runs without -y\s+\[DL3014\]/);
		const {doc} = runJson(['lint', '--rules']);
		expect(doc.result.rules.length).toBeGreaterThanOrEqual(60);
		expect(doc.result.rules.find((r: {slug: string}) => r.slug === 'json-args-recommended')).toEqual({
			id: 'DH3002',
			slug: 'json-args-recommended',
			severity: 'warning',
			description: expect.any(String),
			equivalents: {hadolint: 'DL3025', buildkit: 'JSONArgsRecommended'},
		});
	});

	// assets/init and assets/init-examples hold init's template sources (placeholders, not Dockerfiles); init's tests lint what they render.
	test.skipIf(!existsSync(path.join(ROOT, 'assets')))('the project templates in assets/ are clean', () => {
		const r = runJson(['lint', 'assets/dockerfiles', '--no-engine', '--failure-threshold', 'warning'], {cwd: ROOT});
		expect(r.doc.result.files.length).toBeGreaterThan(0);
		const noisy = r.doc.result.files.flatMap((f: {findings: Array<{severity: string; file: string; line: number; slug: string}>}) =>
			f.findings.filter((x) => x.severity === 'error' || x.severity === 'warning').map((x) => `${x.file}:${x.line} ${x.slug}`),
		);
		expect(noisy).toEqual([]);
	});
});
