/**
 * .dockerignore for lint's file discovery: parse the file's lines, then match with the one
 * implementation of Docker's rules (core/dockerignore/match.ts, checked against the real builder).
 */
import {isExcluded, normalizePattern} from '../dockerignore/match.js';

/** A pattern line as written (comments and blank lines dropped); `!` re-includes. */
export type IgnoreRule = string;

export function parseDockerignore(text: string): IgnoreRule[] {
	const rules: IgnoreRule[] = [];
	for (const rawLine of text.split(/\r?\n/)) {
		const line = rawLine.trim();
		if (line === '' || line.startsWith('#')) continue;
		const body = normalizePattern(line).replace(/^!/, '');
		if (body === '' || body === '.') continue;
		rules.push(line);
	}
	return rules;
}

/** Is a path (relative to the context root, '/'-separated) ignored? The last matching line wins. */
export function isIgnored(rules: readonly IgnoreRule[], relPath: string): boolean {
	return isExcluded(rules, relPath);
}
