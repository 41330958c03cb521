import {defineRule, type RuleFinding} from '../types.js';
import {operandsOf, runCommands} from '../rule-helpers.js';

const VALUE_FLAGS = new Set(['--prefix', '--registry', '--cache', '--omit', '--include', '--workspace', '-w', '--loglevel']);

const rule = defineRule({
	id: 'DH4040',
	slug: 'npm-ci',
	severity: 'info',
	description: "npm install is used to install a project's dependencies instead of npm ci",
	equivalents: {},
	message: () =>
		'npm install may resolve newer versions than package-lock.json and rewrite it; in an image use `npm ci` (copy package.json and package-lock.json first), which installs exactly the lockfile and fails if it is out of date.',
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'npm' || !['install', 'i', 'isntall', 'add'].includes(c.subcommand ?? '')) continue;
			if (c.hasFlag('-g', '--global', '--location=global')) continue;
			const pkgs = operandsOf(
				c.args.map((a) => a.value),
				VALUE_FLAGS,
			);
			if (pkgs.length > 0) continue; // installing named packages is npm-pin's business
			out.push({line: c.line, column: c.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
