import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH6003',
	slug: 'wget-progress',
	severity: 'info',
	description: 'wget without a quiet or progress option floods build logs',
	equivalents: {hadolint: 'DL3047'},
	message: () =>
		'wget prints a progress bar line for every few KB in non-interactive build logs (CI logs of megabytes); add -q (or -nv, or --progress=dot:giga with GNU wget).',
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'wget') continue;
			if (
				c.hasFlag('-q', '--quiet', '-nv', '--no-verbose', '--progress', '--show-progress', '-o', '--output-file', '-a', '--append-output', '--spider') ||
				c.args.some((a) => a.value.startsWith('--progress=') || (/^-[A-Za-z]*[qo]/.test(a.value) && !a.value.startsWith('--')))
			)
				continue;
			if (c.redirects.length > 0) continue;
			out.push({line: c.line, column: c.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
