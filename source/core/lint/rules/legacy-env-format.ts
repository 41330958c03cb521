import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH8004',
	slug: 'legacy-env-format',
	severity: 'style',
	description: 'ENV or LABEL uses the legacy space-separated "key value" form',
	equivalents: {buildkit: 'LegacyKeyValueFormat'},
	message: (keyword: string, key: string) =>
		`${keyword} ${key} <value> is the legacy form (one pair, value up to end of line, easy to misread); write ${keyword} ${key}=<value>, quoting values with spaces.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		const all = file.instructions.flatMap((i) => (i.keyword === 'ONBUILD' && i.onbuild ? [i.onbuild] : [i]));
		for (const ins of all) {
			if (ins.keyword !== 'ENV' && ins.keyword !== 'LABEL') continue;
			const first = ins.words[0];
			if (!first || first.value.includes('=')) continue;
			out.push({line: ins.line, message: rule.message(ins.keyword, first.value)});
		}
		return out;
	},
});
export default rule;
