import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const message = (packages: string) =>
	`apt-get install${packages ? ` ${packages}` : ''} without -y: the build has no terminal to answer the prompt, add -y (or --yes)`;

export default defineRule({
	id: 'DH4001',
	slug: 'apt-get-yes',
	severity: 'warning',
	description: 'apt-get install runs without -y',
	equivalents: {hadolint: 'DL3014'},
	message,
	check(ctx) {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(ctx.file)) {
			if (c.name !== 'apt-get' || c.subcommand !== 'install') continue;
			// -qq implies -y; --assume-yes, --yes=true, -o APT::Get::Assume-Yes=true
			if (c.hasFlag('-y', '--yes', '--assume-yes', '--force-yes') || /-qq\b/.test(c.flags.join(' '))) continue;
			if (c.args.some((a) => /assume-yes\s*=\s*(true|1|yes)/i.test(a.value))) continue;
			out.push({line: c.line, column: c.column, message: message(c.packages.slice(0, 3).join(' ') + (c.packages.length > 3 ? ' …' : ''))});
		}
		return out;
	},
});
