import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4003',
	slug: 'apt-get-no-install-recommends',
	severity: 'info',
	description: 'apt-get install without --no-install-recommends pulls in extra packages',
	equivalents: {hadolint: 'DL3015'},
	message: () =>
		'apt-get install without --no-install-recommends also installs "recommended" packages you did not ask for, often tens of MB; add --no-install-recommends.',
	check({file}): RuleFinding[] {
		// An apt.conf setting (APT::Install-Recommends "false") written anywhere in the file counts.
		const configured = /Install-Recommends["'\s=]+(?:"?(?:false|0)"?)/i.test(file.source);
		if (configured) return [];
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if ((c.name !== 'apt-get' && c.name !== 'apt') || c.subcommand !== 'install') continue;
			if (c.hasFlag('--no-install-recommends', '-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon')) continue;
			if (c.args.some((a) => /Install-Recommends=(false|0)/i.test(a.value))) continue;
			out.push({line: c.line, column: c.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
