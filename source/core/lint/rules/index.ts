/**
 * The rule registry: one import line and one array entry per rule (keep ids sorted within a block).
 * A meta-test checks unique ids/slugs, a doc page content/rules/<slug>.md and a spec
 * test/core/lint/rules/<slug>.test.ts for each.
 */
import type {Rule} from '../types.js';

export const rules: readonly Rule[] = [
];

export function findRule(idOrSlug: string): Rule | undefined {
	const key = idOrSlug.trim().toLowerCase();
	return rules.find((r) => r.id.toLowerCase() === key || r.slug === key);
}
