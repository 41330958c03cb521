/**
 * Knowledge documents: Markdown with YAML front matter (topics, guides, rule docs).
 * Pure: parses and checks text handed in by adapters/knowledge.ts.
 */
import {parse as parseYaml} from 'yaml';

export type Collection = 'topics' | 'guides' | 'rules';
export const COLLECTIONS: readonly Collection[] = ['topics', 'guides', 'rules'];

export interface DocMeta {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly aliases: readonly string[];
	readonly related: readonly string[];
	/** Menu order; documents without one sort after those with one, by id. */
	readonly order: number | null;
}

export interface Doc extends DocMeta {
	readonly collection: Collection;
	/** Where it came from, for error messages (relative to content/). */
	readonly file: string;
	/** The Markdown body without the front matter. */
	readonly markdown: string;
}

/** Raw text of one file, as read by the adapter. */
export interface RawDoc {
	readonly collection: Collection;
	readonly file: string;
	readonly source: string;
}

export class DocError extends Error {
	constructor(
		readonly file: string,
		message: string,
	) {
		super(`${file}: ${message}`);
		this.name = 'DocError';
	}
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Front matter must open the file: `---` line, YAML, `---` line. */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function isKebab(id: string): boolean {
	return KEBAB.test(id);
}

/** Split and validate one document. Throws DocError with the file name on any problem. */
export function parseDoc(raw: RawDoc): Doc {
	const match = FRONT_MATTER.exec(raw.source.replace(/^\uFEFF/, ''));
	if (!match) throw new DocError(raw.file, 'missing YAML front matter (the file must start with a --- line)');
	let data: unknown;
	try {
		data = parseYaml(match[1]!);
	} catch (error) {
		throw new DocError(raw.file, `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
	}
	if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new DocError(raw.file, 'front matter must be a YAML mapping');
	const fm = data as Record<string, unknown>;
	const str = (key: string): string => {
		const v = fm[key];
		if (typeof v !== 'string' || v.trim() === '') throw new DocError(raw.file, `front matter needs a non-empty string '${key}'`);
		return v.trim();
	};
	const list = (key: string): string[] => {
		const v = fm[key];
		if (v === undefined || v === null) return [];
		if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) throw new DocError(raw.file, `'${key}' must be a list of strings`);
		return v.map((x) => String(x).trim());
	};
	const id = str('id');
	if (!isKebab(id)) throw new DocError(raw.file, `id '${id}' is not kebab-case`);
	const order = fm['order'];
	if (order !== undefined && order !== null && (typeof order !== 'number' || !Number.isFinite(order))) throw new DocError(raw.file, `'order' must be a number`);
	const known = new Set(['id', 'title', 'summary', 'aliases', 'related', 'order']);
	const extra = Object.keys(fm).filter((k) => !known.has(k));
	// Topics and guides are ours: a misspelt key is an error. Rule docs are generated from the lint
	// rules and may carry extra metadata (severity, ...), which is ignored.
	if (extra.length > 0 && raw.collection !== 'rules') throw new DocError(raw.file, `unknown front matter key${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}`);
	const markdown = raw.source.replace(/^\uFEFF/, '').slice(match[0].length).replace(/^\s*\n/, '');
	if (markdown.trim() === '') throw new DocError(raw.file, 'the document has no body');
	return {
		id,
		title: str('title'),
		summary: str('summary'),
		aliases: list('aliases'),
		related: list('related'),
		order: typeof order === 'number' ? order : null,
		collection: raw.collection,
		file: raw.file,
		markdown,
	};
}
