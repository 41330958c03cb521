import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4005',
	slug: 'apt-not-apt-get',
	severity: 'warning',
	description: 'apt is used in RUN instead of apt-get',
	equivalents: {hadolint: 'DL3027'},
	message: (sub: string) => `apt ${sub} is meant for interactive use (its CLI is not stable and it warns so in scripts); use apt-get ${sub} (or apt-cache).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		const seen = new Set<unknown>();
		for (const {instruction, command: c} of runCommands(file)) {
			// One finding per RUN: the first apt command.
			if (c.name !== 'apt' || !c.subcommand || seen.has(instruction)) continue;
			seen.add(instruction);
			out.push({line: c.line, column: c.column, message: rule.message(c.subcommand)});
		}
		return out;
	},
});
export default rule;
