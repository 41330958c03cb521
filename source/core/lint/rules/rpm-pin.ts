import {defineRule, type RuleFinding} from '../types.js';
import {firstOperand, isDynamic, isPathLike, operandsOf, runCommands} from '../rule-helpers.js';

const TOOLS = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'zypper']);
const VALUE_FLAGS = new Set([
	'--setopt',
	'--enablerepo',
	'--disablerepo',
	'--repo',
	'--installroot',
	'--releasever',
	'-x',
	'--exclude',
	'--nodocs',
	'--config',
	'-c',
	'-t',
	'--type',
	'-r',
	'--repo',
]);

const rule = defineRule({
	id: 'DH4022',
	slug: 'rpm-pin',
	severity: 'info',
	description: 'yum, dnf, microdnf or zypper installs packages without a version pin',
	equivalents: {hadolint: ['DL3033', 'DL3041', 'DL3037']},
	message: (tool: string, pkgs: readonly string[]) =>
		tool === 'zypper'
			? `Pin the versions of ${pkgs.join(', ')} (zypper install '${pkgs[0]}=<version>') so rebuilds install what you tested.`
			: `Pin the versions of ${pkgs.join(', ')} (${tool} install ${pkgs[0]}-<version>) so rebuilds install what you tested.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			const sub = firstOperand(c);
			if (!TOOLS.has(c.name) || (sub !== 'install' && sub !== 'in')) continue;
			const values = c.args.map((a) => a.value);
			const pkgs = operandsOf(values.slice(values.indexOf(sub) + 1), VALUE_FLAGS, 0);
			const pinned = (p: string) => (c.name === 'zypper' ? /[=<>]/.test(p) : /-\d/.test(p) || /[=<>]/.test(p));
			// @group / @module:stream and provides (/usr/bin/x) are not package versions.
			const loose = pkgs.filter(
				(p) => !pinned(p) && !isDynamic(p) && !isPathLike(p) && !p.startsWith('@') && !p.includes('://') && !p.includes('(') && !p.includes('*'),
			);
			if (loose.length > 0) out.push({line: c.line, column: c.column, message: rule.message(c.name, loose)});
		}
		return out;
	},
});
export default rule;
