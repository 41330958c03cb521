/**
 * The meta test over the shipped knowledge: every topic, guide and rule doc parses, has the
 * required front matter, unique ids and aliases, "see also" links that resolve, and renders
 * in colour and in plain text without leftover Markdown.
 */
import path from 'node:path';
import {Lexer, type Token, type Tokens} from 'marked';
import {describe, expect, it} from 'vitest';
import {readRawDocs} from '../../source/adapters/knowledge.js';
import {buildCatalog, checkCatalog, inCollection, toDocResult} from '../../source/core/knowledge/catalog.js';
import {renderDoc} from '../../source/output/knowledge.js';
import {renderMarkdown} from '../../source/output/markdown.js';
import {makeTheme} from '../../source/output/theme.js';
import {ROOT} from '../support/cli.js';

const raws = await readRawDocs(path.join(ROOT, 'content'));
const catalog = buildCatalog(raws);
const topics = inCollection(catalog, 'topics');
const guides = inCollection(catalog, 'guides');

/** Every topic the product promises (issue 3), by id. */
const REQUIRED_TOPICS = [
	'images-vs-containers', 'layers', 'copy-on-write', 'restart-policies', 'volumes', 'networking',
	'multi-stage-builds', 'build-cache', 'build-context', 'non-root-users', 'health-checks', 'env-vs-arg',
	'resource-limits', 'pid1-and-signals', 'tags-and-digests', 'registries', 'gpu-containers', 'logging',
];

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
	for (const t of tokens) {
		visit(t);
		const anyT = t as Token & {tokens?: Token[]; items?: Tokens.ListItem[]};
		if (anyT.tokens) walk(anyT.tokens, visit);
		if (anyT.items) walk(anyT.items, visit);
	}
}

function codeBlocks(markdown: string): Tokens.Code[] {
	const out: Tokens.Code[] = [];
	walk(new Lexer().lex(markdown), (t) => t.type === 'code' && out.push(t as Tokens.Code));
	return out;
}

describe('knowledge content', () => {
	it('every file parses', () => {
		expect(catalog.problems).toEqual([]);
		expect(catalog.docs.length).toBe(raws.length);
	});

	it('ids and aliases are unique across topics, guides and rules, and every related link resolves', () => {
		expect(checkCatalog(catalog)).toEqual([]);
	});

	it('has every promised topic and both guides', () => {
		expect(topics.map((t) => t.id).sort()).toEqual(expect.arrayContaining(REQUIRED_TOPICS));
		expect(guides.map((g) => g.id).sort()).toEqual(['debug-guide', 'optimize-guide']);
	});

	it("no id or alias shadows 'all'", () => {
		for (const d of catalog.docs) expect([d.id, ...d.aliases].map((k) => k.toLowerCase())).not.toContain('all');
	});

	it('file names match ids', () => {
		for (const d of catalog.docs) expect(d.file).toBe(`${d.collection}/${d.id}.md`);
	});

	for (const doc of [...topics, ...guides]) {
		describe(doc.file, () => {
			it('has menu-ready front matter: a unique order, a one-line summary, see-also links', () => {
				expect(doc.order).not.toBeNull();
				expect(catalog.docs.filter((d) => d.collection === doc.collection && d.order === doc.order)).toHaveLength(1);
				expect(doc.summary.length).toBeLessThanOrEqual(80);
				expect(doc.summary).not.toMatch(/[`*_]/);
				expect(doc.related.length).toBeGreaterThan(0);
			});

			it('has no H1 of its own (the title comes from the front matter) and no hand-written See also', () => {
				const headings: Tokens.Heading[] = [];
				walk(new Lexer().lex(doc.markdown), (t) => t.type === 'heading' && headings.push(t as Tokens.Heading));
				expect(headings.filter((h) => h.depth === 1).map((h) => h.text)).toEqual([]);
				expect(headings.filter((h) => /^see also$/i.test(h.text.trim()))).toEqual([]);
			});

			it('has runnable examples in tagged code blocks', () => {
				const blocks = codeBlocks(doc.markdown);
				expect(blocks.length).toBeGreaterThan(0);
				for (const b of blocks) expect(b.lang, `untagged code block in ${doc.file}`).toMatch(/^(dockerfile|console|sh|yaml|json|text)$/);
				expect(blocks.some((b) => /docker /.test(b.text) || b.lang === 'dockerfile')).toBe(true);
			});

			it('keeps code lines short enough for a terminal', () => {
				for (const b of codeBlocks(doc.markdown)) for (const line of b.text.split('\n')) expect(line.length, `${doc.file}: ${line}`).toBeLessThanOrEqual(110);
			});

			it('never shows a :latest tag in a Dockerfile example', () => {
				for (const b of codeBlocks(doc.markdown).filter((c) => c.lang === 'dockerfile')) {
					for (const line of b.text.split('\n').filter((l) => /^FROM\s/i.test(l))) {
						const image = line.split(/\s+/)[1]!;
						expect(image, line).not.toMatch(/:latest$/);
						expect(image.includes(':') || image.includes('@') || image === 'scratch', `unpinned base: ${line}`).toBe(true);
					}
				}
			});
		});
	}

	for (const doc of catalog.docs) {
		it(`${doc.file} renders in colour and plain without leftover Markdown`, () => {
			const result = toDocResult(catalog, doc);
			const colour = renderDoc(result, makeTheme(true), {width: 80});
			expect(colour).toContain('\u001B[');
			const plain = renderDoc(result, makeTheme(false), {width: 80});
			expect(plain).not.toMatch(/\u001B/);
			expect(plain).toContain(doc.title);
			if (doc.related.length > 0) expect(plain).toContain('See also');
			// Prose only (code shows literal text on purpose): no Markdown syntax may survive.
			const prose = doc.markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, 'CODE');
			const rendered = renderMarkdown(prose, makeTheme(false), {width: 80});
			expect(rendered).not.toMatch(/\*\*|__|`|\]\(|^#{1,6} |^\|? ?-{3,} ?\||<\/?[a-z]+>/m);
		});
	}
});
