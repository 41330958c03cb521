/** Which languages a project uses, from the file names a bounded directory walk found. Pure. */
import {LANGUAGES, type Language, type LanguageId} from './rules.js';

export interface Detection {
	readonly language: LanguageId;
	readonly title: string;
	/** The files that gave it away, marker files first (at most 3). */
	readonly evidence: readonly string[];
	readonly strength: 'marker' | 'source';
}

function basename(p: string): string {
	const trimmed = p.endsWith('/') ? p.slice(0, -1) : p;
	const i = trimmed.lastIndexOf('/');
	return i === -1 ? trimmed : trimmed.slice(i + 1);
}

function isMarker(lang: Language, name: string): boolean {
	return lang.markers.includes(name) || lang.markerSuffixes.some((s) => name.endsWith(s));
}

/**
 * `files` are paths relative to the project root with `/` separators (directories may end in `/`
 * and are ignored). A language is detected by a marker file anywhere in the list (package.json,
 * go.mod, *.csproj, ...), or else by at least `minSources` source files with its extensions.
 * Results keep the order of LANGUAGES, so the generated file is stable.
 */
export function detectLanguages(files: readonly string[], options: {minSources?: number} = {}): Detection[] {
	const minSources = options.minSources ?? 1;
	const found: Detection[] = [];
	const sorted = [...files].filter((f) => !f.endsWith('/')).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
	for (const lang of LANGUAGES) {
		const markers = sorted.filter((f) => isMarker(lang, basename(f)));
		if (markers.length > 0) {
			found.push({language: lang.id, title: lang.title, evidence: markers.slice(0, 3), strength: 'marker'});
			continue;
		}
		const sources = sorted.filter((f) => lang.extensions.some((ext) => basename(f).endsWith(ext)));
		if (sources.length >= minSources) found.push({language: lang.id, title: lang.title, evidence: sources.slice(0, 3), strength: 'source'});
	}
	return found;
}

function depth(p: string): number {
	return p.split('/').length;
}
