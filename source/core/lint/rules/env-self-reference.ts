import {defineRule, type RuleFinding} from '../types.js';
import {keyValuePairs} from '../parse.js';
import {variableRefs} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH8008',
	slug: 'env-self-reference',
	severity: 'error',
	description: 'An ENV uses a variable that the same ENV instruction defines',
	equivalents: {hadolint: 'DL3044'},
	message: (name: string, def: string) =>
		`$${name} refers to ${def}, defined in this same ENV instruction, but substitution uses the value from before the instruction (${'empty here'}); split it into two ENV instructions.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		const all = file.instructions.flatMap((i) => (i.keyword === 'ONBUILD' && i.onbuild ? [i.onbuild] : [i]));
		for (const ins of all) {
			if (ins.keyword !== 'ENV' || !ins.words[0]?.value.includes('=')) continue;
			const pairs = keyValuePairs(ins.args);
			const defined = new Set<string>();
			for (const [key, value] of pairs) {
				for (const ref of variableRefs(value, file.escape)) {
					// `ENV PATH=/x:$PATH` uses the earlier value on purpose: only names set earlier in this instruction count.
					if (defined.has(ref.name) && !ins.scope.has(ref.name)) {
						out.push({line: ins.line, message: rule.message(ref.name, `${ref.name}`)});
					}
				}
				defined.add(key);
			}
		}
		return out;
	},
});
export default rule;
