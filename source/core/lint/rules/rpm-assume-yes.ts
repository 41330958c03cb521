import {defineRule, type RuleFinding} from '../types.js';
import {firstOperand, runCommands} from '../rule-helpers.js';

const YUM_LIKE = new Set(['yum', 'dnf', 'dnf5', 'tdnf']);
const PROMPTING = new Set([
	'install',
	'remove',
	'erase',
	'update',
	'upgrade',
	'groupinstall',
	'reinstall',
	'downgrade',
	'autoremove',
	'distro-sync',
	'group',
	'module',
	'localinstall',
	'swap',
]);
const ZYPPER = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si']);

const rule = defineRule({
	id: 'DH4020',
	slug: 'rpm-assume-yes',
	severity: 'warning',
	description: 'yum, dnf or zypper runs without non-interactive confirmation',
	equivalents: {hadolint: ['DL3030', 'DL3038', 'DL3034']},
	message: (tool: string, sub: string) =>
		tool === 'zypper'
			? `zypper ${sub} without --non-interactive (-n) waits for a confirmation and fails the build; use zypper --non-interactive ${sub} (or ${sub} -y).`
			: `${tool} ${sub} without -y waits for a confirmation and fails the build; add -y.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			const sub = firstOperand(c);
			if (!sub) continue;
			if (YUM_LIKE.has(c.name) && PROMPTING.has(sub)) {
				if (c.hasFlag('-y', '--assumeyes', '--assumeno')) continue;
				if (sub === 'module' && !['install', 'enable', 'remove', 'reset'].includes(c.args.filter((a) => !a.value.startsWith('-'))[1]?.value ?? '')) continue;
				if (sub === 'group' && !['install', 'remove', 'upgrade'].includes(c.args.filter((a) => !a.value.startsWith('-'))[1]?.value ?? '')) continue;
				out.push({line: c.line, column: c.column, message: rule.message(c.name, sub)});
			} else if (c.name === 'zypper' && ZYPPER.has(sub)) {
				if (c.hasFlag('-n', '--non-interactive', '-y', '--no-confirm')) continue;
				out.push({line: c.line, column: c.column, message: rule.message('zypper', sub)});
			}
		}
		return out;
	},
});
export default rule;
