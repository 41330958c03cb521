import {defineRule, type RuleFinding} from '../types.js';
import {isDynamic, isPathLike, operandsOf, runCommands} from '../rule-helpers.js';

const VALUE_FLAGS = new Set([
	'-v',
	'--version',
	'-i',
	'--install-dir',
	'-n',
	'--bindir',
	'-s',
	'--source',
	'-P',
	'--trust-policy',
	'--platform',
	'-g',
	'--file',
]);

const rule = defineRule({
	id: 'DH4050',
	slug: 'gem-pin',
	severity: 'info',
	description: 'gem install names gems without a version',
	equivalents: {hadolint: 'DL3028'},
	message: (gems: readonly string[]) =>
		`Pin ${gems.join(', ')} (gem install ${gems[0]} -v <version>, or ${gems[0]}:<version>) so rebuilds install what you tested.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'gem' || c.subcommand !== 'install') continue;
			if (c.hasFlag('-v', '--version') || c.args.some((a) => a.value.startsWith('--version='))) continue;
			const gems = operandsOf(
				c.args.map((a) => a.value),
				VALUE_FLAGS,
			);
			const loose = gems.filter((g) => !g.includes(':') && !isDynamic(g) && !isPathLike(g));
			if (loose.length > 0) out.push({line: c.line, column: c.column, message: rule.message(loose)});
		}
		return out;
	},
});
export default rule;
