import {defineRule, type RuleFinding} from '../types.js';
import {finalStage, splitUser, stageChain} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH2002',
	slug: 'last-user-root',
	severity: 'warning',
	description: 'The final stage switches back to root as its last USER',
	equivalents: {hadolint: 'DL3002'},
	message: (value: string) =>
		`The last USER of the final stage is ${value}, so containers run as root; switch back to an unprivileged user (USER 10001) after the steps that need root.`,
	check({file}): RuleFinding[] {
		const stage = finalStage(file);
		if (!stage) return [];
		// The last USER of the final stage or, when it sets none, of the stage it is built FROM (and so on):
		// `FROM base` inherits base's USER root.
		let last;
		for (const s of stageChain(file, stage)) {
			const users = s.instructions.filter((i) => i.keyword === 'USER');
			last = users[users.length - 1];
			if (last) break;
		}
		if (!last) return [];
		const value = (last.expanded || last.args).trim();
		const {user} = splitUser(value);
		if (user !== 'root' && user !== '0') return [];
		return [{line: last.line, message: rule.message(value)}];
	},
});
export default rule;
