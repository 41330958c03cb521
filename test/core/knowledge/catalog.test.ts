import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readCollection, readRawDocs} from '../../../source/adapters/knowledge.js';
import {buildCatalog, checkCatalog, inCollection, mentions, resolve, suggestDocs, toDocResult} from '../../../source/core/knowledge/catalog.js';
import type {RawDoc} from '../../../source/core/knowledge/doc.js';
import {ROOT} from '../../support/cli.js';

const raw = (collection: RawDoc['collection'], id: string, extra = ''): RawDoc => ({
	collection,
	file: `${collection}/${id}.md`,
	source: `---\nid: ${id}\ntitle: ${id} title\nsummary: about ${id}\n${extra}\n---\nBody of ${id}.\n`,
});

describe('catalog', () => {
	const catalog = buildCatalog([
		raw('rules', 'pin-tags', 'aliases: [DH1001]'),
		raw('topics', 'layers', 'order: 20\nrelated: [copy-on-write]'),
		raw('topics', 'copy-on-write', 'order: 30\naliases: [cow]\nrelated: [layers]'),
		raw('guides', 'debug-guide', 'aliases: [debug]'),
		raw('topics', 'unordered'),
	]);

	it('orders topics by order, then guides, then rules', () => {
		expect(catalog.docs.map((d) => d.id)).toEqual(['layers', 'copy-on-write', 'unordered', 'debug-guide', 'pin-tags']);
		expect(inCollection(catalog, 'topics').map((d) => d.id)).toEqual(['layers', 'copy-on-write', 'unordered']);
	});

	const lookups: Array<[string, string | undefined]> = [
		['copy-on-write', 'copy-on-write'],
		['cow', 'copy-on-write'],
		['COW', 'copy-on-write'],
		['  layers ', 'layers'],
		['DH1001', 'pin-tags'],
		['dh1001', 'pin-tags'],
		['pin-tags', 'pin-tags'],
		['debug', 'debug-guide'],
		['nope', undefined],
		['', undefined],
	];
	for (const [query, id] of lookups) {
		it(`resolves '${query}' to ${id ?? 'nothing'}`, () => {
			expect(resolve(catalog, query)?.id).toBe(id);
		});
	}

	it('suggests close ids, and ids behind close aliases', () => {
		expect(suggestDocs(catalog, 'layer')).toContain('layers');
		expect(suggestDocs(catalog, 'copy-on-wrte')).toEqual(['copy-on-write']);
		expect(suggestDocs(catalog, 'cwo')).toEqual(['copy-on-write']);
		expect(suggestDocs(catalog, 'zzzzzzzz')).toEqual([]);
	});

	it('finds documents that mention a word, most mentions first, whole words only', () => {
		const c = buildCatalog([
			{collection: 'topics', file: 'topics/a.md', source: '---\nid: a\ntitle: A\nsummary: s\n---\nUse tini. tini reaps zombies.\n'},
			{
				collection: 'topics',
				file: 'topics/b.md',
				source: '---\nid: b\ntitle: B\nsummary: s\n---\nOne tini here, and tinier is another word, as is tini-static.\n',
			},
			{collection: 'topics', file: 'topics/c.md', source: '---\nid: c\ntitle: C (1.2+)\nsummary: s\n---\nNothing.\n'},
		]);
		expect(mentions(c, 'TINI')).toEqual(['a', 'b']);
		expect(mentions(c, 'zombies')).toEqual(['a']);
		expect(mentions(c, '(1.2+)')).toEqual(['c']); // regex characters are literal...
		expect(mentions(c, '1.2*')).toEqual([]); // ...so this is not a pattern that matches '1.'
		expect(mentions(c, 'no')).toEqual([]); // too short to mean anything
	});

	it('resolves related ids to titles', () => {
		expect(toDocResult(catalog, resolve(catalog, 'cow')!).related).toEqual([{id: 'layers', title: 'layers title'}]);
	});

	it('finds no problems in a consistent catalog', () => {
		expect(checkCatalog(catalog)).toEqual([]);
	});

	it('reports duplicate ids, alias clashes, dangling and self links, and parse errors', () => {
		const broken = buildCatalog([
			raw('topics', 'a', 'aliases: [b-alias]\nrelated: [missing, a]'),
			raw('topics', 'b', 'aliases: [b-alias]'),
			{collection: 'rules', file: 'rules/a.md', source: '---\nid: a\ntitle: A\nsummary: s\n---\nbody'},
			{collection: 'topics', file: 'topics/broken.md', source: 'no front matter'},
		]);
		const problems = checkCatalog(broken).join('\n');
		expect(problems).toMatch(/'b-alias' is used by both topics\/a\.md and topics\/b\.md/);
		expect(problems).toMatch(/'a' is used by both topics\/a\.md and rules\/a\.md/);
		expect(problems).toMatch(/related 'missing' does not match/);
		expect(problems).toMatch(/related lists itself/);
		expect(problems).toMatch(/topics\/broken\.md: missing YAML front matter/);
	});
});

describe('reading collections (adapter)', () => {
	const fixtures = path.join(ROOT, 'test', 'fixtures', 'knowledge');

	it('treats a missing collection directory as empty', async () => {
		expect(await readCollection(fixtures, 'topics')).toEqual([]);
		expect(await readCollection(path.join(ROOT, 'no-such-dir'), 'rules')).toEqual([]);
	});

	it('finds rule docs by slug and by rule id next to the shipped topics', async () => {
		const shipped = await readRawDocs(path.join(ROOT, 'content'));
		const rules = await readCollection(fixtures, 'rules');
		expect(rules.map((r) => r.file)).toEqual(['rules/fixture-exec-form-cmd.md', 'rules/fixture-pin-base-image.md']);
		const catalog = buildCatalog([...shipped.filter((d) => d.collection !== 'rules'), ...rules]);
		expect(checkCatalog(catalog)).toEqual([]);
		expect(resolve(catalog, 'DH9901')?.id).toBe('fixture-pin-base-image');
		expect(resolve(catalog, 'fixture-exec-form-cmd')?.collection).toBe('rules');
		// Rule docs are a separate collection: never in the topic menu.
		expect(inCollection(catalog, 'topics').some((d) => d.id.startsWith('fixture-'))).toBe(false);
	});
});
