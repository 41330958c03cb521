import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, firstOperand, hasCacheMount, isShipped, removesPath, runInstructions} from '../rule-helpers.js';

const CACHE: Record<string, string[]> = {
	yum: ['/var/cache/yum'],
	dnf: ['/var/cache/dnf', '/var/cache/libdnf5'],
	dnf5: ['/var/cache/libdnf5', '/var/cache/dnf'],
	microdnf: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
	tdnf: ['/var/cache/tdnf'],
	zypper: ['/var/cache/zypp'],
};
const INSTALL = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'in', 'update', 'upgrade', 'up']);

const rule = defineRule({
	id: 'DH4021',
	slug: 'rpm-clean',
	severity: 'info',
	description: 'yum, dnf, microdnf or zypper installs without cleaning its cache in the same RUN',
	equivalents: {hadolint: ['DL3032', 'DL3040', 'DL3036']},
	message: (tool: string, path: string) =>
		`${tool} leaves its metadata and package cache in ${path}; end the RUN with \`${tool === 'zypper' ? 'zypper clean --all' : `${tool} clean all`}\`, or use RUN --mount=type=cache,target=${path}.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const run of runInstructions(file)) {
			if (!isShipped(file, run)) continue;
			const cmds = commandsOf(run);
			for (const c of cmds) {
				const paths = CACHE[c.name];
				const sub = firstOperand(c);
				if (!paths || !sub || !INSTALL.has(sub)) continue;
				const cleaned = cmds.some((o) => o.name in CACHE && (firstOperand(o) === 'clean' || firstOperand(o) === 'cc'));
				if (cleaned || removesPath(run, paths) || hasCacheMount(run, paths)) continue;
				out.push({line: c.line, column: c.column, message: rule.message(c.name, paths[0]!)});
				break;
			}
		}
		return out;
	},
});
export default rule;
