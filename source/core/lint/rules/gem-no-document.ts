import {defineRule, type RuleFinding} from '../types.js';
import {isShipped, runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4051',
	slug: 'gem-no-document',
	severity: 'info',
	description: 'gem install generates documentation nobody reads in a container',
	equivalents: {},
	message: () =>
		'gem install builds ri/rdoc documentation into the layer; add --no-document (or write `gem: --no-document` to /usr/local/etc/gemrc, as the official Ruby images do).',
	check({file}): RuleFinding[] {
		if (/gem:\s*--no-(document|rdoc)/.test(file.source)) return [];
		const out: RuleFinding[] = [];
		for (const {instruction, command: c} of runCommands(file)) {
			if (c.name !== 'gem' || c.subcommand !== 'install' || !isShipped(file, instruction)) continue;
			if (c.hasFlag('--no-document', '--no-doc', '-N', '--no-rdoc')) continue;
			out.push({line: c.line, column: c.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
