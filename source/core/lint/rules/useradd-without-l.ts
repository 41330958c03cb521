import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH2004',
	slug: 'useradd-without-l',
	severity: 'warning',
	description: 'useradd with a high UID without -l bloats the image with a huge lastlog file',
	equivalents: {hadolint: 'DL3046'},
	message: (uid: string) =>
		`useradd -u ${uid} without -l (--no-log-init) writes a lastlog/faillog entry at offset ${uid}, which can add gigabytes to the layer; add -l.`,
	check({file}): RuleFinding[] {
		const out = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'useradd') continue;
			const uid = c.flagValue('-u', '--uid');
			if (!uid || !/^\d+$/.test(uid) || Number(uid) < 100000) continue;
			if (c.hasFlag('-l', '--no-log-init')) continue;
			out.push({line: c.line, column: c.column, message: rule.message(uid)});
		}
		return out;
	},
});
export default rule;
