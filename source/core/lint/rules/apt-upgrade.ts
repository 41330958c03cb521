import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const UPGRADES = new Set(['upgrade', 'dist-upgrade', 'full-upgrade']);

const rule = defineRule({
	id: 'DH4006',
	slug: 'apt-upgrade',
	severity: 'info',
	description: 'apt-get upgrade or dist-upgrade runs inside the image build',
	equivalents: {hadolint: 'DL3005'},
	message: (sub: string) =>
		`apt-get ${sub} makes the image depend on the day it was built and can pull in changes the base image's maintainers did not test; prefer a newer base image tag (and rebuild regularly), or upgrade only the packages you need.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if ((c.name !== 'apt-get' && c.name !== 'apt') || !c.subcommand || !UPGRADES.has(c.subcommand)) continue;
			out.push({line: c.line, column: c.column, message: rule.message(c.subcommand)});
		}
		return out;
	},
});
export default rule;
