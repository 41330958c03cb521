import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH6005',
	slug: 'shell-via-symlink',
	severity: 'warning',
	description: 'RUN replaces /bin/sh with a symlink instead of using SHELL',
	equivalents: {hadolint: 'DL4005'},
	message: (target: string) =>
		`Linking ${target} over /bin/sh changes the shell for every program in the image, not just the build; use SHELL ["${target}", "-c"] (add "-o", "pipefail" for bash).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'ln' || !c.hasFlag('-s', '--symbolic')) continue;
			const ops = c.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
			if (ops.length >= 2 && ops[ops.length - 1] === '/bin/sh') out.push({line: c.line, column: c.column, message: rule.message(ops[0]!)});
		}
		return out;
	},
});
export default rule;
