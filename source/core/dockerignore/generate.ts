/** Build a .dockerignore from the common base and the detected languages, and merge into an existing one. Pure. */
import {isExcluded, matches, normalizePattern, witness} from './match.js';

export {normalizePattern};
import type {CopySource} from './dockerfile-sources.js';
import {COMMON_BLOCKS, LANGUAGES, type IgnoreBlock, type LanguageId} from './rules.js';

export interface GeneratedIgnore {
	readonly text: string;
	/** Every pattern in file order, without comments. */
	readonly patterns: readonly string[];
	/** Entries left out because a Dockerfile copies what they would exclude. */
	readonly kept: readonly KeptEntry[];
}

export interface KeptEntry {
	readonly pattern: string;
	/** The COPY/ADD source it would have excluded, and where. */
	readonly source: string;
	readonly at: string;
}

/** Blocks whose entries stay even when a Dockerfile copies them: secrets must not enter an image. */
const ALWAYS = new Set(['vcs', 'secrets']);

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

/**
 * The full generated file: a header, then one commented block per section, duplicates across blocks
 * removed. `protect` lists what the project's Dockerfiles copy from the context: an entry that would
 * exclude one of them is left out (and reported), except for version control and secrets.
 */
export function generateDockerignore(
	languages: readonly LanguageId[],
	options: {header?: readonly string[]; protect?: readonly CopySource[]} = {},
): GeneratedIgnore {
	const seen = new Set<string>();
	const lines: string[] = [];
	const patterns: string[] = [];
	const kept: KeptEntry[] = [];
	for (const h of options.header ?? []) lines.push(`# ${h}`);
	if (lines.length) lines.push('');
	for (const block of blocksFor(languages)) {
		const fresh: string[] = [];
		for (const p of block.patterns) {
			if (covers(seen, p)) continue;
			const hit = ALWAYS.has(block.id) || p.startsWith('!') ? undefined : (options.protect ?? []).find((src) => excludesSource(p, src.path));
			if (hit) kept.push({pattern: p, source: hit.path, at: `${hit.dockerfile}:${hit.line}`});
			else fresh.push(p);
		}
		if (fresh.length === 0) continue;
		lines.push(`# ${block.title}: ${block.why}`);
		for (const p of fresh) {
			seen.add(normalizePattern(p));
			lines.push(p);
			patterns.push(p);
		}
		lines.push('');
	}
	if (kept.length) {
		lines.push('# Not excluded because a Dockerfile copies them:');
		for (const k of kept) lines.push(`#   ${k.pattern}  (${k.at} copies ${k.source})`);
		lines.push('');
	}
	return {text: `${lines.join('\n').trimEnd()}\n`, patterns, kept};
}

/** Would `pattern` exclude (part of) what a COPY source names? Globs in the source are tried with a witness path. */
export function excludesSource(pattern: string, source: string): boolean {
	const concrete = witness(source);
	// Excluding the source itself or a parent directory breaks the COPY; excluding something
	// inside a copied directory (a cache below a copied src/) is what .dockerignore is for.
	return concrete !== null && matches(pattern, concrete);
}

/** COPY sources that the secrets entries exclude (`COPY .env .`): the build would bake them in without us. */
export function secretCopies(sources: readonly CopySource[]): CopySource[] {
	const secrets = COMMON_BLOCKS.find((b) => b.id === 'secrets')!.patterns;
	return sources.filter((s) => {
		const concrete = witness(s.path);
		return concrete !== null && isExcluded(secrets, concrete);
	});
}

/** Concrete paths an exception (`!x`, `!**\/x`) re-includes: the root form and, for `**\/`, one level down. */
function exceptionTargets(exception: string): string[] {
	const body = normalizePattern(exception).replace(/^!/, '');
	const out = new Set<string>();
	const deep = witness(body);
	if (deep !== null) out.add(deep);
	if (body.startsWith('**/')) {
		const root = witness(body.slice(3));
		if (root !== null) out.add(root);
	}
	return [...out];
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
		// `!**/x` re-includes x at the root and below: try a concrete path at both depths.
		const targets = exceptionTargets(p);
		if (covers(have, p)) alreadyPresent.push(p);
		// Only to carve the file back out of an exclusion we are appending, never out of one the user wrote.
		else if (!targets.some((target) => isExcluded(userPatterns, target)) && targets.some((target) => positives.some((pos) => matches(pos, target)))) {
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
