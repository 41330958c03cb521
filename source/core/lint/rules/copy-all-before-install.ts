import {defineRule, type Instruction, type RuleFinding} from '../types.js';
import {commandsOf, toolInvocation} from '../rule-helpers.js';

/** Dependency installs and the manifests they read. */
const INSTALLS: Array<{match: (tool: string, args: readonly string[]) => boolean; manifests: RegExp; hint: string}> = [
	{
		match: (t, a) =>
			(t === 'npm' && ['ci', 'install', 'i'].includes(a.find((x) => !x.startsWith('-')) ?? '') && a.filter((x) => !x.startsWith('-')).length === 1) ||
			(t === 'yarn' && (a.length === 0 || a[0] === 'install' || a.every((x) => x.startsWith('-')))) ||
			(t === 'pnpm' && a[0] === 'install'),
		manifests: /(^|\/)(package(-lock)?\.json|package\*\.json|yarn\.lock|pnpm-lock\.yaml|npm-shrinkwrap\.json)$/,
		hint: 'package.json package-lock.json',
	},
	{
		match: (t, a) => (t === 'pip' || t === 'uv-pip') && a.includes('-r'),
		manifests: /(^|\/)requirements[^/]*\.(txt|in)$|(^|\/)requirements\/?$/,
		hint: 'requirements.txt',
	},
	{
		match: (t, a) => (t === 'poetry' && a[0] === 'install') || (t === 'uv' && a[0] === 'sync') || (t === 'pipenv' && a[0] === 'install'),
		manifests: /(^|\/)(pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?)$/,
		hint: 'pyproject.toml and the lockfile',
	},
	{match: (t, a) => t === 'bundle' && (a.length === 0 || a[0] === 'install'), manifests: /(^|\/)Gemfile(\.lock)?$/, hint: 'Gemfile Gemfile.lock'},
	{match: (t, a) => t === 'composer' && a[0] === 'install', manifests: /(^|\/)composer\.(json|lock)$/, hint: 'composer.json composer.lock'},
	{match: (t, a) => t === 'go' && a[0] === 'mod' && a[1] === 'download', manifests: /(^|\/)go\.(mod|sum)$/, hint: 'go.mod go.sum'},
];

const isCopyAll = (i: Instruction): boolean => {
	if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flag('from') || i.heredocs.length > 0) return false;
	const words = i.json ?? i.words.map((w) => w.value);
	return words.slice(0, -1).some((s) => s === '.' || s === './' || s === '*');
};

const rule = defineRule({
	id: 'DH5003',
	slug: 'copy-all-before-install',
	severity: 'info',
	description: 'The whole build context is copied before dependencies are installed, so any source change reinstalls them',
	equivalents: {},
	message: (line: number, hint: string) =>
		`COPY of the whole context comes before the dependency install on line ${line}, so every source change invalidates that layer and reinstalls everything; COPY ${hint} first, install, then COPY the rest.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const stage of file.stages) {
			const ins = stage.instructions;
			ins.forEach((copy, k) => {
				if (!isCopyAll(copy)) return;
				for (const run of ins.slice(k + 1).filter((i) => i.keyword === 'RUN')) {
					for (const c of commandsOf(run)) {
						const inv = toolInvocation(c);
						const kind = inv && INSTALLS.find((x) => x.match(inv.tool, inv.args));
						if (!kind) continue;
						// Fine if the manifests were copied on their own before the COPY . .
						const earlier = ins.slice(0, k).filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
						if (earlier.some((i) => (i.json ?? i.words.map((w) => w.value)).slice(0, -1).some((s) => kind.manifests.test(s)))) return;
						if (run.mounts.some((m) => m.type === 'bind')) return;
						out.push({line: copy.line, message: rule.message(c.line, kind.hint)});
						return;
					}
				}
			});
		}
		return out;
	},
});
export default rule;
