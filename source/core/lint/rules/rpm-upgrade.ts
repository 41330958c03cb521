import {defineRule, type RuleFinding} from '../types.js';
import {firstOperand, runCommands} from '../rule-helpers.js';

const YUM_LIKE = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf']);

const rule = defineRule({
	id: 'DH4023',
	slug: 'rpm-upgrade',
	severity: 'info',
	description: 'A whole-system yum/dnf update or zypper (dist-)upgrade runs inside the image build',
	equivalents: {hadolint: ['DL3031', 'DL3035']},
	message: (cmd: string) =>
		`\`${cmd}\` upgrades every package, so the image depends on the day it was built; prefer a newer base image tag and rebuild regularly, or update only the packages you need.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			const sub = firstOperand(c);
			if (!sub) continue;
			// `yum update <pkg>` is targeted; only the whole-system form is reported.
			const whole = c.args.filter((a) => !a.value.startsWith('-')).length <= 1;
			if (YUM_LIKE.has(c.name) && (sub === 'update' || sub === 'upgrade' || sub === 'distro-sync') && whole) {
				out.push({line: c.line, column: c.column, message: rule.message(`${c.name} ${sub}`)});
			} else if (c.name === 'zypper' && ['dist-upgrade', 'dup', 'update', 'up'].includes(sub) && whole) {
				out.push({line: c.line, column: c.column, message: rule.message(`zypper ${sub}`)});
			}
		}
		return out;
	},
});
export default rule;
