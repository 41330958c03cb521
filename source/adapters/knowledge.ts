/** Reads the shipped knowledge files: content/{topics,guides,rules}/*.md. A missing collection is simply empty. */
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {type Catalog, buildCatalog} from '../core/knowledge/catalog.js';
import {COLLECTIONS, type Collection, type RawDoc} from '../core/knowledge/doc.js';
import {packagePath} from './content.js';

export async function readCollection(root: string, collection: Collection): Promise<RawDoc[]> {
	const dir = path.join(root, collection);
	let names: string[];
	try {
		names = await fs.readdir(dir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const files = names.filter((n) => n.endsWith('.md') && !n.startsWith('.') && n.toLowerCase() !== 'readme.md').sort();
	return Promise.all(files.map(async (name) => ({collection, file: `${collection}/${name}`, source: await fs.readFile(path.join(dir, name), 'utf8')})));
}

export async function readRawDocs(root: string = packagePath('content')): Promise<RawDoc[]> {
	const all = await Promise.all(COLLECTIONS.map((c) => readCollection(root, c)));
	return all.flat();
}

let cached: Promise<Catalog> | undefined;
/** The shipped catalog, read once per process. */
export function loadCatalog(): Promise<Catalog> {
	cached ??= readRawDocs().then(buildCatalog);
	return cached;
}
