import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH2005',
	slug: 'no-sudo',
	severity: 'warning',
	description: 'sudo is used inside RUN',
	equivalents: {hadolint: 'DL3004'},
	message: () =>
		'Do not use sudo in RUN: it adds a setuid binary and unpredictable TTY/signal behaviour; use USER root for the steps that need it and switch back (gosu/su-exec at runtime).',
	check({file}): RuleFinding[] {
		const out = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name === 'sudo' || c.wrappers.includes('sudo')) out.push({line: c.line, column: c.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
