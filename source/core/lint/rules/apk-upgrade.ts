import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4012',
	slug: 'apk-upgrade',
	severity: 'info',
	description: 'apk upgrade runs inside the image build',
	equivalents: {hadolint: 'DL3017'},
	message: () =>
		'apk upgrade makes the image depend on the day it was built; prefer a newer base image tag and rebuild regularly, or upgrade only the packages you need (apk add --upgrade <pkg>).',
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name === 'apk' && c.subcommand === 'upgrade') out.push({line: c.line, column: c.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
