import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH3004',
	slug: 'multiple-cmd',
	severity: 'warning',
	description: 'A stage has more than one CMD; only the last one applies',
	equivalents: {hadolint: 'DL4003', buildkit: 'MultipleInstructionsDisallowed'},
	message: (line: number) => `This CMD replaces the one on line ${line}; only the last CMD of a stage applies, remove the earlier one.`,
	check({file}): RuleFinding[] {
		const out = [];
		for (const s of file.stages) {
			const xs = s.instructions.filter((i) => i.keyword === 'CMD');
			for (let k = 1; k < xs.length; k++) out.push({line: xs[k]!.line, message: rule.message(xs[k - 1]!.line)});
		}
		return out;
	},
});
export default rule;
