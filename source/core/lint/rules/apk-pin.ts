import {defineRule, type RuleFinding} from '../types.js';
import {isDynamic, isPathLike, operandsOf, runCommands} from '../rule-helpers.js';

const VALUE_FLAGS = new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir']);

const rule = defineRule({
	id: 'DH4011',
	slug: 'apk-pin',
	severity: 'info',
	description: 'apk add names packages without a version pin',
	equivalents: {hadolint: 'DL3018'},
	message: (pkgs: readonly string[]) =>
		`Pin the versions of ${pkgs.join(', ')} (apk add ${pkgs[0]}=<version> or ${pkgs[0]}~<major.minor>) so rebuilds install what you tested.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'apk' || c.subcommand !== 'add') continue;
			const pkgs = operandsOf(
				c.args.map((a) => a.value),
				VALUE_FLAGS,
			);
			const loose = pkgs.filter((p) => !/[=<>~]/.test(p) && !isDynamic(p) && !isPathLike(p) && !p.startsWith('.'));
			if (loose.length > 0) out.push({line: c.line, column: c.column, message: rule.message(loose)});
		}
		return out;
	},
});
export default rule;
