import {defineRule, type RuleFinding} from '../types.js';
import {replacedInStage} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH3004',
	slug: 'multiple-cmd',
	severity: 'warning',
	description: 'A stage has more than one CMD; only the last one applies',
	equivalents: {hadolint: 'DL4003', buildkit: 'MultipleInstructionsDisallowed'},
	message: (line: number) => `This CMD replaces the one on line ${line}; only the last CMD of a stage applies, remove the earlier one.`,
	check({file}): RuleFinding[] {
		return replacedInStage(file, 'CMD').map(({line, replaces}) => ({line, message: rule.message(replaces)}));
	},
});
export default rule;
