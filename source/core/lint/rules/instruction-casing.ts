import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH8002',
	slug: 'instruction-casing',
	severity: 'style',
	description: 'Instruction keywords do not use one consistent casing',
	equivalents: {buildkit: 'ConsistentInstructionCasing'},
	message: (written: string, expected: string) => `${written} should be written ${expected} like the other instructions in this file.`,
	check({file}): RuleFinding[] {
		const all = file.instructions.flatMap((i) => (i.keyword === 'ONBUILD' && i.onbuild ? [i, i.onbuild] : [i]));
		const upper = all.filter((i) => i.original === i.original.toUpperCase()).length;
		const lower = all.filter((i) => i.original === i.original.toLowerCase()).length;
		const wantUpper = upper >= lower;
		return all
			.filter((i) => (wantUpper ? i.original !== i.original.toUpperCase() : i.original !== i.original.toLowerCase()))
			.map((i) => ({line: i.line, column: i.column, message: rule.message(i.original, wantUpper ? i.original.toUpperCase() : i.original.toLowerCase())}));
	},
});
export default rule;
