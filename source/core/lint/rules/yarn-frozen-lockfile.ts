import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4043',
	slug: 'yarn-frozen-lockfile',
	severity: 'info',
	description: 'yarn install runs without --frozen-lockfile / --immutable',
	equivalents: {},
	message: () =>
		'yarn install without --frozen-lockfile (Yarn 1) or --immutable (Yarn 2+) may update yarn.lock and install versions you did not test; add the flag so the build fails when the lockfile is out of date.',
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'yarn') continue;
			// `yarn` alone (or with only flags) installs; `yarn install` too.
			if (c.subcommand !== undefined && c.subcommand !== 'install') continue;
			if (c.hasFlag('--frozen-lockfile', '--immutable', '--pure-lockfile', '--immutable-cache', '-v', '--version', '-h', '--help')) continue;
			out.push({line: c.line, column: c.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
