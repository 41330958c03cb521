import {defineRule, type RuleFinding} from '../types.js';
import {isDynamic, operandsOf, runCommands, toolInvocation} from '../rule-helpers.js';

const VALUE_FLAGS = new Set([
	'-r',
	'--requirement',
	'-c',
	'--constraint',
	'-e',
	'--editable',
	'-i',
	'--index-url',
	'--extra-index-url',
	'-f',
	'--find-links',
	'-t',
	'--target',
	'--prefix',
	'--root',
	'--trusted-host',
	'--platform',
	'--python-version',
	'--implementation',
	'--abi',
	'--only-binary',
	'--no-binary',
	'--upgrade-strategy',
	'--progress-bar',
	'--src',
	'--cache-dir',
	'--python',
	'-p',
	'--index',
	'--default-index',
	'--config-settings',
	'-C',
	'--timeout',
	'--retries',
	'--proxy',
	'--log',
	'--root-user-action',
	'--report',
	'--progress-bar',
]);
// Upgrading the installer itself is conventional and not an application dependency.
const TOOLING = new Set(['pip', 'setuptools', 'wheel', 'pip-tools', 'uv']);

export function looksPinned(spec: string): boolean {
	if (isDynamic(spec)) return true;
	// A VCS URL (git+https://host/repo.git, or `name @ git+...`) pins only with @<ref> after the repository.
	const vcs = /(?:^|@\s*)((?:git|hg|svn|bzr)\+[^#\s]+)/.exec(spec);
	if (vcs) return /@[^/@]+$/.test(vcs[1]!.slice(vcs[1]!.lastIndexOf('/')));
	if (/[=<>~!]=|[<>]|===|@/.test(spec)) return true; // ==, >=, ~=, !=, <, >, name @ url
	if (/^(\.|\/|~)|\.(whl|tar\.gz|tgz|tar\.bz2|zip)$|:\/\/|\//.test(spec)) return true; // local path (./pkg, foo/bar), archive, URL
	return false;
}

const rule = defineRule({
	id: 'DH4030',
	slug: 'pip-pin',
	severity: 'info',
	description: 'pip install names packages without a version specifier',
	equivalents: {hadolint: 'DL3013'},
	message: (pkgs: readonly string[]) =>
		`Pin ${pkgs.join(', ')} (pip install ${pkgs[0]}==<version>, or install from a pinned requirements/constraints file with -r / -c) so rebuilds install what you tested.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			const inv = toolInvocation(c);
			if (!inv || (inv.tool !== 'pip' && inv.tool !== 'uv-pip') || inv.args.find((a) => !a.startsWith('-')) !== 'install') continue;
			if (inv.args.some((a) => a === '-c' || a === '--constraint' || a.startsWith('--constraint=') || a === '--require-hashes')) continue;
			const pkgs = operandsOf(inv.args, VALUE_FLAGS);
			const loose = pkgs.filter((p) => !looksPinned(p) && !TOOLING.has(p.toLowerCase().replace(/\[.*\]$/, '')));
			if (loose.length > 0) out.push({line: c.line, column: c.column, message: rule.message(loose)});
		}
		return out;
	},
});
export default rule;
