import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4061',
	slug: 'cargo-install-locked',
	severity: 'info',
	description: 'cargo install runs without --locked',
	equivalents: {},
	message: () =>
		"cargo install ignores the crate's Cargo.lock without --locked and resolves the newest dependencies at build time, which can break or change the binary; add --locked.",
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'cargo' || c.subcommand !== 'install') continue;
			if (c.hasFlag('--locked', '--frozen')) continue;
			out.push({line: c.line, column: c.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
