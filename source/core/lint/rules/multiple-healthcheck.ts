import {defineRule, type RuleFinding} from '../types.js';
import {replacedInStage} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH3003',
	slug: 'multiple-healthcheck',
	severity: 'warning',
	description: 'A stage has more than one HEALTHCHECK; only the last one applies',
	equivalents: {hadolint: 'DL3012', buildkit: 'MultipleInstructionsDisallowed'},
	message: (line: number) => `This HEALTHCHECK replaces the one on line ${line}; only the last HEALTHCHECK of a stage applies, remove the others.`,
	check({file}): RuleFinding[] {
		return replacedInStage(file, 'HEALTHCHECK').map(({line, replaces}) => ({line, message: rule.message(replaces)}));
	},
});
export default rule;
