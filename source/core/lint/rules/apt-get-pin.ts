import {defineRule, type RuleFinding} from '../types.js';
import {isDynamic, isPathLike, operandsOf, runCommands} from '../rule-helpers.js';

const VALUE_FLAGS = new Set(['-o', '-t', '--target-release', '-c', '--config-file']);

const rule = defineRule({
	id: 'DH4002',
	slug: 'apt-get-pin',
	severity: 'info',
	description: 'apt-get install names packages without a version pin',
	equivalents: {hadolint: 'DL3008'},
	message: (pkgs: readonly string[]) =>
		`Pin the versions of ${pkgs.join(', ')} (apt-get install ${pkgs[0]}=<version>, or ${pkgs[0]}=\${${pkgs[0]!.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}_VERSION}) so rebuilds install what you tested.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if ((c.name !== 'apt-get' && c.name !== 'apt') || c.subcommand !== 'install') continue;
			if (c.hasFlag('-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon')) continue; // nothing is installed
			const pkgs = operandsOf(
				c.args.map((a) => a.value),
				VALUE_FLAGS,
			);
			// '=' is a version pin, '/' a release pin (pkg/bookworm-backports); variables count as pins.
			const loose = pkgs.filter((p) => !p.includes('=') && !p.includes('/') && !isDynamic(p) && !isPathLike(p));
			if (loose.length > 0) out.push({line: c.line, column: c.column, message: rule.message(loose)});
		}
		return out;
	},
});
export default rule;
