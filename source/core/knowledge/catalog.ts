/**
 * The knowledge catalog: every topic, guide and rule doc, looked up by id or alias.
 * Pure; the adapter supplies the raw files.
 */
import {suggest} from '../suggest.js';
import {type Collection, type Doc, DocError, parseDoc, type RawDoc} from './doc.js';

export interface Catalog {
	/** Every document, topics first (menu order), then guides, then rules (by id). */
	readonly docs: readonly Doc[];
	/** Documents that failed to parse: shown by the meta test, skipped by the CLI. */
	readonly problems: readonly string[];
}

const COLLECTION_RANK: Record<Collection, number> = {topics: 0, guides: 1, rules: 2};

function compare(a: Doc, b: Doc): number {
	return (
		COLLECTION_RANK[a.collection] - COLLECTION_RANK[b.collection] ||
		(a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) ||
		a.id.localeCompare(b.id)
	);
}

export function buildCatalog(raws: readonly RawDoc[]): Catalog {
	const docs: Doc[] = [];
	const problems: string[] = [];
	for (const raw of raws) {
		try {
			docs.push(parseDoc(raw));
		} catch (error) {
			if (error instanceof DocError) problems.push(error.message);
			else throw error;
		}
	}
	docs.sort(compare);
	return {docs, problems};
}

export function inCollection(catalog: Catalog, collection: Collection): Doc[] {
	return catalog.docs.filter((d) => d.collection === collection);
}

/** Lookup keys for a document: its id and aliases, lower-cased. */
function keys(doc: Doc): string[] {
	return [doc.id, ...doc.aliases].map((k) => k.toLowerCase());
}

/**
 * Find a document by id or alias, case-insensitively (rule ids like DH1001 are aliases).
 * Topics win over guides and rules if a key were ever shared (the meta test forbids it).
 */
export function resolve(catalog: Catalog, query: string): Doc | undefined {
	const q = query.trim().toLowerCase();
	if (q === '') return undefined;
	return catalog.docs.find((d) => keys(d).includes(q));
}

/**
 * Every document a query names: the one with that id or alias, else the rule docs that declare it as
 * an equivalent (`DL3008`, `JSONArgsRecommended`; MultipleInstructionsDisallowed names three rules).
 */
export function resolveAll(catalog: Catalog, query: string): Doc[] {
	const one = resolve(catalog, query);
	if (one) return [one];
	const q = query.trim().toLowerCase();
	if (q === '') return [];
	return catalog.docs.filter((d) => d.equivalents.some((e) => e.toLowerCase() === q));
}

/** Close names for a "did you mean": ids first, aliases as a fallback (reported as the id they belong to). */
export function suggestDocs(catalog: Catalog, query: string, limit = 3): string[] {
	const ids = catalog.docs.map((d) => d.id);
	const byId = suggest(query, ids, limit);
	if (byId.length > 0) return byId;
	const aliasOwner = new Map<string, string>();
	for (const d of catalog.docs) for (const a of d.aliases) aliasOwner.set(a, d.id);
	return [...new Set(suggest(query, [...aliasOwner.keys()], limit).map((a) => aliasOwner.get(a)!))];
}

/**
 * Documents whose title or body mention `query` as a word (case-insensitive), most mentions
 * first: the fallback when no id or alias is close ("explain tini" → pid1-and-signals).
 */
export function mentions(catalog: Catalog, query: string, limit = 3): string[] {
	const q = query.trim();
	if (q.length < 3) return [];
	const pattern = new RegExp(`(?<![\\w-])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'gi');
	return catalog.docs
		.map((d) => ({id: d.id, count: (`${d.title}\n${d.markdown}`.match(pattern) ?? []).length}))
		.filter((m) => m.count > 0)
		.sort((a, b) => b.count - a.count)
		.slice(0, limit)
		.map((m) => m.id);
}

/** Consistency problems across the catalog: duplicate ids/aliases, related links that do not resolve. */
export function checkCatalog(catalog: Catalog): string[] {
	const problems = [...catalog.problems];
	const owner = new Map<string, Doc>();
	for (const doc of catalog.docs) {
		for (const key of keys(doc)) {
			const prev = owner.get(key);
			if (prev && prev !== doc) problems.push(`'${key}' is used by both ${prev.file} and ${doc.file}`);
			else if (prev === doc && key !== doc.id) problems.push(`${doc.file}: alias '${key}' repeats the id or another alias`);
			owner.set(key, doc);
		}
	}
	for (const doc of catalog.docs) {
		for (const rel of doc.related) {
			const target = catalog.docs.find((d) => d.id === rel);
			if (!target) problems.push(`${doc.file}: related '${rel}' does not match any document id`);
			else if (target === doc) problems.push(`${doc.file}: related lists itself`);
		}
	}
	return problems;
}

/** A document as commands return it: front matter, the Markdown body, and its resolved "see also" links. */
export interface DocResult {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly aliases: readonly string[];
	readonly collection: Collection;
	readonly order: number | null;
	readonly related: ReadonlyArray<{readonly id: string; readonly title: string}>;
	readonly markdown: string;
}

export interface DocListEntry {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly aliases: readonly string[];
	readonly collection: Collection;
}

export function toDocResult(catalog: Catalog, doc: Doc): DocResult {
	const related = doc.related.flatMap((id) => {
		const target = catalog.docs.find((d) => d.id === id);
		return target ? [{id: target.id, title: target.title}] : [];
	});
	return {
		id: doc.id,
		title: doc.title,
		summary: doc.summary,
		aliases: doc.aliases,
		collection: doc.collection,
		order: doc.order,
		related,
		markdown: doc.markdown,
	};
}

export function toListEntry(doc: Doc): DocListEntry {
	return {id: doc.id, title: doc.title, summary: doc.summary, aliases: doc.aliases, collection: doc.collection};
}

/** What explain and the guide commands return. */
export type ExplainResult =
	| {readonly mode: 'list'; readonly collection: 'topics' | 'rules'; readonly entries: readonly DocListEntry[]; readonly guides: readonly DocListEntry[]}
	| {readonly mode: 'docs'; readonly docs: readonly DocResult[]};
