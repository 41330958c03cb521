import {describe, expect, it} from 'vitest';
import {DocError, parseDoc} from '../../../source/core/knowledge/doc.js';

const doc = (front: string, body = 'Body text.\n') => ({collection: 'topics' as const, file: 'topics/x.md', source: `---\n${front}\n---\n${body}`});

describe('parseDoc', () => {
	it('parses front matter and body', () => {
		const d = parseDoc(doc('id: copy-on-write\ntitle: Copy-on-write\nsummary: One line\naliases: [cow]\nrelated: [layers]\norder: 30', '\nThe body.\n'));
		expect(d).toMatchObject({
			id: 'copy-on-write',
			title: 'Copy-on-write',
			summary: 'One line',
			aliases: ['cow'],
			related: ['layers'],
			order: 30,
			collection: 'topics',
			file: 'topics/x.md',
		});
		expect(d.markdown).toBe('The body.\n');
	});

	it('defaults aliases and related to empty lists and order to null', () => {
		const d = parseDoc(doc('id: x\ntitle: X\nsummary: s'));
		expect(d.aliases).toEqual([]);
		expect(d.related).toEqual([]);
		expect(d.order).toBeNull();
	});

	it('accepts rule ids as aliases (strings or bare YAML scalars)', () => {
		expect(parseDoc(doc('id: pin-tags\ntitle: pin-tags\nsummary: s\naliases: [DH1001]')).aliases).toEqual(['DH1001']);
	});

	it('ignores extra metadata in rule docs only', () => {
		const source = '---\nid: pin-tags\ntitle: pin-tags\nsummary: s\nseverity: warning\n---\nbody';
		expect(parseDoc({collection: 'rules', file: 'rules/pin-tags.md', source}).id).toBe('pin-tags');
		expect(() => parseDoc({collection: 'topics', file: 'topics/pin-tags.md', source})).toThrow(/unknown front matter key: severity/);
	});

	const bad: Array<{name: string; source: string; message: RegExp}> = [
		{name: 'no front matter', source: '# Just markdown\n', message: /missing YAML front matter/},
		{name: 'invalid YAML', source: '---\nid: [unclosed\n---\nbody', message: /not valid YAML/},
		{name: 'a list instead of a mapping', source: '---\n- a\n- b\n---\nbody', message: /must be a YAML mapping/},
		{name: 'missing id', source: '---\ntitle: T\nsummary: s\n---\nbody', message: /'id'/},
		{name: 'id not kebab-case', source: '---\nid: Copy_On_Write\ntitle: T\nsummary: s\n---\nbody', message: /kebab-case/},
		{name: 'empty summary', source: "---\nid: x\ntitle: T\nsummary: ''\n---\nbody", message: /'summary'/},
		{name: 'aliases not a list', source: '---\nid: x\ntitle: T\nsummary: s\naliases: cow\n---\nbody', message: /'aliases' must be a list/},
		{name: 'order not a number', source: '---\nid: x\ntitle: T\nsummary: s\norder: first\n---\nbody', message: /'order' must be a number/},
		{name: 'unknown key (a typo)', source: '---\nid: x\ntitle: T\nsummary: s\nrelatd: [y]\n---\nbody', message: /unknown front matter key: relatd/},
		{name: 'empty body', source: '---\nid: x\ntitle: T\nsummary: s\n---\n\n', message: /no body/},
	];
	for (const c of bad) {
		it(`rejects ${c.name}, naming the file`, () => {
			let error: unknown;
			try {
				parseDoc({collection: 'topics', file: 'topics/bad.md', source: c.source});
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(DocError);
			expect((error as Error).message).toMatch(/^topics\/bad\.md: /);
			expect((error as Error).message).toMatch(c.message);
		});
	}
});
