/** The image knowledge units: each waste rule and secret-file kind against its own cases. */
import {describe, expect, it} from 'vitest';
import {SECRET_FILE_KINDS, secretKind, wantsContent} from '../../../source/core/images/secret-files.js';
import {WASTE_RULES} from '../../../source/core/images/wastes/index.js';

describe('waste rules', () => {
	it('ids are unique and every rule has cases both ways', () => {
		expect(new Set(WASTE_RULES.map((r) => r.id)).size).toBe(WASTE_RULES.length);
		for (const r of WASTE_RULES) {
			expect(r.cases.hit.length, r.id).toBeGreaterThan(0);
			expect(r.cases.miss.length, r.id).toBeGreaterThan(0);
		}
	});
	for (const rule of WASTE_RULES) {
		it(`${rule.id}: its hits match and its misses do not`, () => {
			for (const c of rule.cases.hit) {
				expect(rule.match(c), c.path).toBe(true);
				expect(rule.message(c).length).toBeGreaterThan(10);
				expect(rule.fix(c).length).toBeGreaterThan(10);
			}
			for (const c of rule.cases.miss) expect(rule.match(c), c.path).toBe(false);
		});
	}
	it('a cache mount fix names the cache directory', () => {
		const pkg = WASTE_RULES.find((r) => r.id === 'package-cache')!;
		expect(pkg.fix(pkg.cases.hit[0]!)).toContain('--mount=type=cache,target=/root/.cache/pip');
	});
});

describe('secret files', () => {
	for (const kind of SECRET_FILE_KINDS) {
		it(`${kind.id}: hits and misses`, () => {
			for (const [path, content] of kind.cases.hit) {
				if (kind.content) expect(wantsContent(path, (content ?? '').length), path).toBe(true);
				expect(secretKind(path, content)?.id, path).toBe(kind.id);
			}
			for (const [path, content] of kind.cases.miss) expect(secretKind(path, content)?.id, path).not.toBe(kind.id);
		});
	}
	it('content is read only for small files a kind inspects', () => {
		expect(wantsContent('/usr/bin/python3', 100)).toBe(false);
		expect(wantsContent('/app/.npmrc', 10 * 1024 * 1024)).toBe(false);
	});
});
