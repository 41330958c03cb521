/** -f checkstyle | codeclimate | gitlab_codeclimate | sonarqube through the built CLI, each checked against its consumer's published format. */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvModule from 'ajv';
import {describe, expect, test} from 'vitest';
import {ROOT, runCli} from '../support/cli.js';

const Ajv = ((AjvModule as unknown as {default?: unknown}).default ?? AjvModule) as unknown as typeof AjvModule.default;
const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/lint/formats', name), 'utf8'));

const BAD = 'FROM debian:bookworm\nRUN apt-get update && apt-get install curl\nENV API_TOKEN="x<y>&\\"z"\nRUN apt-get update && apt-get install curl\n';
const CLEAN = 'FROM debian:bookworm@sha256:0000000000000000000000000000000000000000000000000000000000000000\nUSER 10001\nCMD ["sleep", "infinity"]\n';

function project(): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-li-formats-'));
	writeFileSync(path.join(dir, 'Dockerfile'), BAD);
	writeFileSync(path.join(dir, 'clean.Dockerfile'), CLEAN);
	return dir;
}

/** A strict reading of the XML we emit: declaration, nested elements, quoted attributes, entities only from XML's five. */
function parseXml(xml: string): {name: string; attrs: Record<string, string>; children: unknown[]} {
	let at = 0;
	const fail = (why: string) => {
		throw new Error(`${why} at ${at}: ${xml.slice(at, at + 40)}`);
	};
	const skip = () => {
		while (/\s/.test(xml[at] ?? '')) at++;
	};
	const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(xml);
	if (!decl) fail('no XML declaration');
	at = decl![0].length;
	const element = (): {name: string; attrs: Record<string, string>; children: unknown[]} => {
		skip();
		const open = /^<([A-Za-z_][\w.-]*)/.exec(xml.slice(at));
		if (!open) fail('expected an element');
		at += open![0].length;
		const attrs: Record<string, string> = {};
		for (;;) {
			skip();
			const a = /^([A-Za-z_][\w.-]*)="([^"<]*)"/.exec(xml.slice(at));
			if (!a) break;
			if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(a[2]!)) fail('bad entity');
			if (a[1]! in attrs) fail('duplicate attribute');
			attrs[a[1]!] = a[2]!
				.replace(/&#10;/g, '\n')
				.replace(/&quot;/g, '"')
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&amp;/g, '&');
			at += a[0].length;
		}
		if (xml.startsWith('/>', at)) {
			at += 2;
			return {name: open![1]!, attrs, children: []};
		}
		if (xml[at] !== '>') fail('unterminated tag');
		at++;
		const children = [];
		for (;;) {
			skip();
			if (xml.startsWith(`</${open![1]}>`, at)) {
				at += open![1]!.length + 3;
				return {name: open![1]!, attrs, children};
			}
			children.push(element());
		}
	};
	const root = element();
	skip();
	if (at !== xml.length) fail('content after the root element');
	return root;
}

describe('lint CI formats', () => {
	const dir = project();

	test('checkstyle: well-formed XML in checkstyle 4.3 shape; every file listed; messages escaped', () => {
		const r = runCli(['lint', '--no-engine', '-f', 'checkstyle', 'Dockerfile', 'clean.Dockerfile'], {cwd: dir});
		expect(r.code).toBe(1);
		const root = parseXml(r.stdout) as {
			name: string;
			attrs: Record<string, string>;
			children: Array<{name: string; attrs: Record<string, string>; children: Array<{name: string; attrs: Record<string, string>}>}>;
		};
		expect(root.name).toBe('checkstyle');
		expect(root.attrs.version).toBe('4.3');
		expect(root.children.map((f) => [f.name, f.attrs.name])).toEqual([
			['file', 'Dockerfile'],
			['file', 'clean.Dockerfile'],
		]);
		const errors = root.children[0]!.children;
		expect(errors.length).toBeGreaterThan(3);
		for (const e of errors) {
			expect(e.name).toBe('error');
			expect(Object.keys(e.attrs).every((k) => ['line', 'column', 'severity', 'message', 'source'].includes(k))).toBe(true);
			expect(e.attrs.line).toMatch(/^[1-9]\d*$/);
			expect(['error', 'warning', 'info', 'ignore']).toContain(e.attrs.severity);
			expect(e.attrs.source).toMatch(/^DH\d{4} [a-z0-9-]+$/);
		}
		expect(errors.find((e) => e.attrs.source === 'DH4001 apt-get-yes')).toMatchObject({attrs: {line: '2', severity: 'warning'}});
		// the clean file is listed with no error or warning (info advice may remain)
		expect(root.children[1]!.children.filter((e) => e.attrs.severity === 'error' || e.attrs.severity === 'warning')).toEqual([]);
	});

	for (const name of ['codeclimate', 'gitlab_codeclimate'])
		test(`${name}: every issue matches the Code Climate spec with GitLab's required fields; fingerprints unique`, () => {
			const r = runCli(['lint', '--no-engine', '-f', name, 'Dockerfile', 'clean.Dockerfile'], {cwd: dir});
			expect(r.code).toBe(1);
			const issues = JSON.parse(r.stdout) as Array<Record<string, any>>;
			expect(Array.isArray(issues)).toBe(true);
			const validate = new Ajv({strict: true, allErrors: true}).compile(schema('codeclimate-issue.schema.json'));
			for (const issue of issues) expect(validate(issue), JSON.stringify(validate.errors)).toBe(true);
			const yes = issues.filter((i) => i.check_name === 'DH4001 apt-get-yes');
			expect(yes.map((i) => i.location.lines.begin)).toEqual([2, 4]); // the same line twice: distinct fingerprints
			expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
			expect(issues.find((i) => i.check_name.includes('secret-name'))?.categories).toEqual(['Security']);
		});

	test('sonarqube: the generic issue import format, 0-based columns', () => {
		const r = runCli(['lint', '--no-engine', '-f', 'sonarqube', 'Dockerfile'], {cwd: dir});
		const doc = JSON.parse(r.stdout);
		const validate = new Ajv({strict: true, allErrors: true}).compile(schema('sonarqube-generic.schema.json'));
		expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
		const yes = doc.issues.find((i: {ruleId: string}) => i.ruleId === 'DH4001');
		expect(yes).toMatchObject({
			engineId: 'docker-helper',
			severity: 'MAJOR',
			type: 'CODE_SMELL',
			primaryLocation: {filePath: 'Dockerfile', textRange: {startLine: 2, startColumn: 22}},
		});
		expect(doc.issues.find((i: {ruleId: string}) => i.ruleId === 'DH7001')?.type).toBe('VULNERABILITY');
	});
});
