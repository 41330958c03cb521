import {defineRule, type RuleFinding} from '../types.js';
import {replacedInStage} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH3005',
	slug: 'multiple-entrypoint',
	severity: 'warning',
	description: 'A stage has more than one ENTRYPOINT; only the last one applies',
	equivalents: {hadolint: 'DL4004', buildkit: 'MultipleInstructionsDisallowed'},
	message: (line: number) => `This ENTRYPOINT replaces the one on line ${line}; only the last ENTRYPOINT of a stage applies, remove the earlier one.`,
	check({file}): RuleFinding[] {
		return replacedInStage(file, 'ENTRYPOINT').map(({line, replaces}) => ({line, message: rule.message(replaces)}));
	},
});
export default rule;
