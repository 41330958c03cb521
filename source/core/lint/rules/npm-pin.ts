import {defineRule, type RuleFinding} from '../types.js';
import {isDynamic, operandsOf, runCommands} from '../rule-helpers.js';

const VALUE_FLAGS = new Set(['--prefix', '--registry', '--cache', '--omit', '--include', '--workspace', '-w', '--loglevel', '--location']);
// Bare package managers installed globally are conventionally tracked through the Node image.
const TOOLING = new Set(['npm', 'corepack']);

export function npmPinned(spec: string): boolean {
	if (isDynamic(spec)) return true;
	// git URLs and GitHub shorthands pin only with #<commit-ish> (npm install git+https://host/repo.git#v1.2.3)
	if (/^(git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:)/.test(spec)) return /#./.test(spec);
	if (/^(\.|\/|~|file:|https?:)/.test(spec) || /\.(tgz|tar|tar\.gz)$/.test(spec)) return true;
	const at = spec.lastIndexOf('@');
	if (at <= 0) return false; // no version, or only a scope (@scope/name)
	const version = spec.slice(at + 1);
	return version !== '' && version !== 'latest' && version !== 'next';
}

const rule = defineRule({
	id: 'DH4041',
	slug: 'npm-pin',
	severity: 'info',
	description: 'npm install names packages without a version',
	equivalents: {hadolint: 'DL3016'},
	message: (pkgs: readonly string[]) =>
		`Pin ${pkgs.join(', ')} (npm install ${pkgs[0]!.replace(/@(latest|next)$/, '')}@<version>) so rebuilds install what you tested.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'npm' || !['install', 'i', 'add', 'isntall'].includes(c.subcommand ?? '')) continue;
			const pkgs = operandsOf(
				c.args.map((a) => a.value),
				VALUE_FLAGS,
			);
			const loose = pkgs.filter((p) => !npmPinned(p) && !TOOLING.has(p.replace(/@(latest|next)$/, '')));
			if (loose.length > 0) out.push({line: c.line, column: c.column, message: rule.message(loose)});
		}
		return out;
	},
});
export default rule;
