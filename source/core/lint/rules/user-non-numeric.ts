import {defineRule, type RuleFinding} from '../types.js';
import {finalStage, isDynamic, splitUser} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH2003',
	slug: 'user-non-numeric',
	severity: 'info',
	description: 'The final USER is a name, so Kubernetes runAsNonRoot cannot verify it',
	equivalents: {hadolint: 'DL3066'},
	message: (user: string) =>
		`USER ${user} is a name; Kubernetes runAsNonRoot can only verify a numeric UID and refuses to start the pod; use the UID (USER <uid>:<gid>).`,
	check({file}): RuleFinding[] {
		const stage = finalStage(file);
		if (!stage) return [];
		const users = stage.instructions.filter((i) => i.keyword === 'USER');
		const last = users[users.length - 1];
		if (!last) return [];
		const raw = last.args.trim();
		const value = (last.expanded || raw).trim();
		const {user} = splitUser(value);
		// root is last-user-root's business; a variable may well hold a number.
		if (user === '' || user === 'root' || /^\d+$/.test(user) || isDynamic(splitUser(raw).user) || isDynamic(user)) return [];
		return [{line: last.line, message: rule.message(user)}];
	},
});
export default rule;
