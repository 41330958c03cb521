import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH8003',
	slug: 'from-as-casing',
	severity: 'style',
	description: 'The AS keyword in FROM is not cased like FROM',
	equivalents: {buildkit: 'FromAsCasing'},
	message: (from: string, as: string) => `"${as}" does not match the casing of "${from}"; write ${from === from.toLowerCase() ? 'as' : 'AS'}.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const s of file.stages) {
			const as = s.from.words.find((w, k) => k > 0 && w.value.toLowerCase() === 'as');
			if (!as) continue;
			const from = s.from.original;
			const upperFrom = from === from.toUpperCase();
			const ok = upperFrom ? as.value === 'AS' : from === from.toLowerCase() ? as.value === 'as' : true;
			if (!ok) out.push({line: as.line, column: as.column, message: rule.message(from, as.value)});
		}
		return out;
	},
});
export default rule;
