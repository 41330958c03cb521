import {distance} from 'fastest-levenshtein';

/**
 * "Did you mean" candidates: close by edit distance, containing what was typed, or a prefix of it
 * (`webapp` suggests `web`).
 * Closest first, at most `limit`.
 */
export function suggest(input: string, candidates: readonly string[], limit = 3): string[] {
	const needle = input.toLowerCase();
	const scored: Array<{value: string; score: number}> = [];
	for (const candidate of new Set(candidates)) {
		const hay = candidate.toLowerCase();
		const d = distance(needle, hay);
		const threshold = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
		if (d <= threshold) {
			scored.push({value: candidate, score: d});
		} else if ((needle.length >= 3 && hay.includes(needle)) || (hay.length >= 3 && needle.startsWith(hay))) {
			scored.push({value: candidate, score: threshold + 1});
		}
	}
	scored.sort((a, b) => a.score - b.score || a.value.localeCompare(b.value));
	return scored.slice(0, limit).map((s) => s.value);
}

export function didYouMean(suggestions: readonly string[]): string {
	if (suggestions.length === 0) return '';
	if (suggestions.length === 1) return `Did you mean ${suggestions[0]}?`;
	return `Did you mean one of: ${suggestions.join(', ')}?`;
}
