import {defineRule, type RuleFinding} from '../types.js';
import {finalStage, splitUser} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH2002',
	slug: 'last-user-root',
	severity: 'warning',
	description: 'The final stage switches back to root as its last USER',
	equivalents: {hadolint: 'DL3002'},
	message: (value: string) => `The last USER of the final stage is ${value}, so containers run as root; switch back to an unprivileged user (USER 10001) after the steps that need root.`,
	check({file}): RuleFinding[] {
		const stage = finalStage(file);
		if (!stage) return [];
		const users = stage.instructions.filter((i) => i.keyword === 'USER');
		const last = users[users.length - 1];
		if (!last) return [];
		const value = (last.expanded || last.args).trim();
		const {user} = splitUser(value);
		if (user !== 'root' && user !== '0') return [];
		return [{line: last.line, message: rule.message(value)}];
	},
});
export default rule;
