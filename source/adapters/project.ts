/** A bounded walk of a project directory: cheap enough to run on every invocation. */
import {promises as fs} from 'node:fs';
import path from 'node:path';

export interface ProjectListing {
	/** Paths relative to the root with `/` separators; directories end in `/`. */
	readonly files: readonly string[];
	/** True when the walk stopped at maxEntries: detection saw only part of the tree. */
	readonly truncated: boolean;
}

/** Directories that never decide a project's languages and can be huge. */
const SKIP = new Set([
	'.git',
	'node_modules',
	'.venv',
	'venv',
	'__pycache__',
	'vendor',
	'target',
	'bin',
	'obj',
	'.gradle',
	'.tox',
	'.mypy_cache',
	'.pytest_cache',
	'.next',
	'dist',
	'build',
	'.cache',
	'.idea',
	'.vscode',
]);

/** Breadth-first, at most `maxDepth` levels below root and `maxEntries` entries; symlinks are not followed. */
export async function listProject(root: string, options: {maxDepth?: number; maxEntries?: number} = {}): Promise<ProjectListing> {
	const maxDepth = options.maxDepth ?? 3;
	const maxEntries = options.maxEntries ?? 5000;
	const files: string[] = [];
	let queue: Array<{dir: string; rel: string}> = [{dir: root, rel: ''}];
	for (let depth = 0; depth <= maxDepth && queue.length > 0; depth++) {
		const next: typeof queue = [];
		for (const {dir, rel} of queue) {
			let entries: import('node:fs').Dirent[];
			try {
				entries = await fs.readdir(dir, {withFileTypes: true});
			} catch {
				continue; // unreadable subdirectory: skip it, detection is best effort
			}
			entries.sort((a, b) => a.name.localeCompare(b.name));
			for (const entry of entries) {
				if (files.length >= maxEntries) return {files, truncated: true};
				const relPath = rel ? `${rel}/${entry.name}` : entry.name;
				if (entry.isDirectory()) {
					files.push(`${relPath}/`);
					if (!SKIP.has(entry.name)) next.push({dir: path.join(dir, entry.name), rel: relPath});
				} else files.push(relPath);
			}
		}
		queue = next;
	}
	return {files, truncated: false};
}

/**
 * The contents of the files detection asked for (manifests, a few sources), each read through the bounded
 * reader: at most `maxBytes` each (a huge or special file is skipped, detection is best effort).
 */
export async function readProjectFiles(root: string, wanted: readonly string[], options: {maxBytes?: number} = {}): Promise<Record<string, string>> {
	const {readFileBounded} = await import('./files.js');
	const out: Record<string, string> = {};
	await Promise.all(
		wanted.map(async (rel) => {
			try {
				out[rel] = (await readFileBounded(path.join(root, ...rel.split('/')), {maxBytes: options.maxBytes ?? 256 * 1024, display: rel})).toString('utf8');
			} catch {
				// unreadable, too large or not a regular file: detection goes on without it
			}
		}),
	);
	return out;
}
