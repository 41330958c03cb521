/** The registry stays honest: unique ids and slugs, a doc page and a spec per rule, the README table current. */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {rules} from '../../../source/core/lint/rules/index.js';
import {SEVERITIES} from '../../../source/core/lint/types.js';
import {CLI, ROOT} from '../../support/cli.js';
// @ts-expect-error plain .mjs script without types
import {listRules, replaceBlock, rulesTable} from '../../../scripts/docs-rules.mjs';

function frontMatter(text: string): {meta: Record<string, unknown>; body: string} {
	const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
	if (!m) return {meta: {}, body: text};
	return {meta: (parseYaml(m[1]!) ?? {}) as Record<string, unknown>, body: m[2]!};
}

describe('lint rule registry', () => {
	test('at least one rule per area, ids and slugs unique and well-formed', () => {
		const ids = rules.map((r) => r.id);
		const slugs = rules.map((r) => r.slug);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(slugs).size).toBe(slugs.length);
		for (const r of rules) {
			expect(r.id, r.slug).toMatch(/^DH[1-9]\d{3}$/);
			expect(r.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			expect(SEVERITIES).toContain(r.severity);
			expect(r.description.length, r.slug).toBeGreaterThan(5);
			expect(r.description, r.slug).not.toContain('\n');
			expect(typeof r.message).toBe('function');
			const h = r.equivalents.hadolint;
			for (const code of h === undefined ? [] : typeof h === 'string' ? [h] : h) expect(code, r.slug).toMatch(/^(DL|SC)\d{4}$/);
		}
	});

	for (const r of rules) {
		test(`${r.id} ${r.slug}: source file, doc page and spec`, () => {
			expect(existsSync(path.join(ROOT, 'source/core/lint/rules', `${r.slug}.ts`)), 'rule file named after the slug').toBe(true);
			const spec = path.join(ROOT, 'test/core/lint/rules', `${r.slug}.test.ts`);
			expect(existsSync(spec), `spec ${spec}`).toBe(true);
			expect(readFileSync(spec, 'utf8')).toContain('ruleSpec(');
			const page = path.join(ROOT, 'content/rules', `${r.slug}.md`);
			expect(existsSync(page), `doc page ${page}`).toBe(true);
			const {meta, body} = frontMatter(readFileSync(page, 'utf8'));
			expect(meta.id).toBe(r.slug);
			expect(meta.title).toBe(r.slug);
			expect(meta.summary).toBe(r.description);
			expect(meta.aliases).toContain(r.id);
			for (const section of ['## Why it matters', '## Bad', '## Good']) expect(body, `${r.slug}: ${section}`).toContain(section);
		});
	}

	test('README rule table is generated from the registry (npm run docs:rules)', () => {
		const listed = listRules(CLI);
		expect(listed.map((r: {id: string}) => r.id)).toEqual(rules.map((r) => r.id));
		const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		expect(replaceBlock(readme, rulesTable(listed)), 'README.md is stale: run npm run docs:rules').toBe(readme);
	});
});
