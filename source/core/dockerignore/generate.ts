/** Build a .dockerignore from the common base and the detected languages, and merge into an existing one. Pure. */
import {isExcluded, matches, normalizePattern, witness} from './match.js';

export {normalizePattern};
import {COMMON_BLOCKS, LANGUAGES, type IgnoreBlock, type LanguageId} from './rules.js';

export interface GeneratedIgnore {
	readonly text: string;
	/** Every pattern in file order, without comments. */
	readonly patterns: readonly string[];
}

/** The patterns of a .dockerignore: comments and blank lines dropped, in file order. */
export function parsePatterns(text: string): string[] {
	const out: string[] = [];
	for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		out.push(line);
	}
	return out;
}

/**
 * True when `existing` already excludes (or re-includes) what `candidate` would:
 * equal after normalising, or `**\/x` already present for a root-level `x`
 * (`**\/` matches zero or more directories, so it covers the root too).
 */
export function covers(existing: ReadonlySet<string>, candidate: string): boolean {
	const n = normalizePattern(candidate);
	if (existing.has(n)) return true;
	const neg = n.startsWith('!');
	const body = neg ? n.slice(1) : n;
	return !body.startsWith('**/') && existing.has(`${neg ? '!' : ''}**/${body}`);
}

function blocksFor(languages: readonly LanguageId[]): IgnoreBlock[] {
	const langs = LANGUAGES.filter((l) => languages.includes(l.id));
	return [...COMMON_BLOCKS, ...langs];
}

/** The full generated file: a header, then one commented block per section, duplicates across blocks removed. */
export function generateDockerignore(languages: readonly LanguageId[], options: {header?: readonly string[]} = {}): GeneratedIgnore {
	const seen = new Set<string>();
	const lines: string[] = [];
	const patterns: string[] = [];
	for (const h of options.header ?? []) lines.push(`# ${h}`);
	if (lines.length) lines.push('');
	for (const block of blocksFor(languages)) {
		const fresh = block.patterns.filter((p) => !covers(seen, p));
		if (fresh.length === 0) continue;
		lines.push(`# ${block.title}: ${block.why}`);
		for (const p of fresh) {
			seen.add(normalizePattern(p));
			lines.push(p);
			patterns.push(p);
		}
		lines.push('');
	}
	return {text: `${lines.join('\n').trimEnd()}\n`, patterns};
}

export interface MergeOutcome {
	/** The user's file, unchanged, with the missing entries appended. Equal to the input when nothing is missing. */
	readonly text: string;
	/** Entries appended, in order. */
	readonly added: readonly string[];
	/** Entries the file already had (possibly spelled differently). */
	readonly alreadyPresent: readonly string[];
	/** User exceptions (`!x`) repeated after the appended block so they keep winning. */
	readonly restated: readonly string[];
}

/**
 * Append to `existing` only the generated patterns it does not already have. The user's lines are
 * never removed or reordered. Docker applies the LAST matching pattern, so two interactions are
 * handled explicitly:
 * - a generated exception (`!.env.example`) is appended only when one of the appended exclusions
 *   would hide that file: if the user excludes it on purpose, their choice stands;
 * - a user exception (`!dist`) that an appended exclusion would override is repeated at the end,
 *   so it keeps winning.
 */
export function mergeDockerignore(existing: string, generated: readonly string[], options: {stamp?: string} = {}): MergeOutcome {
	const userPatterns = parsePatterns(existing);
	const have = new Set(userPatterns.map(normalizePattern));
	const effective = [...userPatterns];
	const positives: string[] = [];
	const alreadyPresent: string[] = [];
	for (const p of generated) {
		if (p.startsWith('!')) continue;
		// Present when spelled alike, or when the file already excludes a concrete path the entry
		// would match (`.env*` covers `.env.*`; a root-only `node_modules` does not cover `**\/node_modules`).
		const sample = witness(p);
		if (covers(have, p) || (sample !== null && isExcluded(effective, sample))) alreadyPresent.push(p);
		else {
			positives.push(p);
			have.add(normalizePattern(p));
			effective.push(p);
		}
	}
	const exceptions: string[] = [];
	for (const p of generated) {
		if (!p.startsWith('!')) continue;
		const target = normalizePattern(p).slice(1);
		if (covers(have, p)) alreadyPresent.push(p);
		// Only to carve the file back out of an exclusion we are appending, never out of one the user wrote.
		else if (!isExcluded(userPatterns, target) && positives.some((pos) => matches(pos, target))) {
			exceptions.push(p);
			have.add(normalizePattern(p));
		}
	}
	const added = [...positives, ...exceptions];
	if (added.length === 0) return {text: existing, added, alreadyPresent, restated: []};
	const restated = [...new Set(userPatterns.filter((p) => p.startsWith('!')))].filter((p) => {
		const target = normalizePattern(p).slice(1);
		return positives.some((pos) => matches(pos, target));
	});
	let text = existing;
	if (text.length > 0 && !text.endsWith('\n')) text += '\n';
	const block: string[] = [];
	if (text.length > 0) block.push('');
	block.push(`# Added by docker-helper generate-dockerignore --merge${options.stamp ? ` (${options.stamp})` : ''}`);
	block.push(...added);
	if (restated.length) {
		block.push('# Your exceptions again: the entries above would otherwise override them');
		block.push(...restated);
	}
	return {text: `${text}${block.join('\n')}\n`, added, alreadyPresent, restated};
}
