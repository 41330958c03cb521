import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, runInstructions} from '../rule-helpers.js';

const isApt = (n: string) => n === 'apt-get' || n === 'apt';

const rule = defineRule({
	id: 'DH4007',
	slug: 'apt-get-update-alone',
	severity: 'warning',
	description: 'apt-get update runs in its own RUN, separate from apt-get install',
	equivalents: {},
	message: (line: number) =>
		`apt-get update here is cached separately from the apt-get install on line ${line}: when you later change the install list, Docker reuses the stale package index and installs old or missing versions; run \`apt-get update && apt-get install ...\` in one RUN.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		const runs = runInstructions(file);
		runs.forEach((run, i) => {
			const cmds = commandsOf(run);
			const update = cmds.find((c) => isApt(c.name) && c.subcommand === 'update');
			if (!update || cmds.some((c) => isApt(c.name) && c.subcommand === 'install')) return;
			const later = runs.slice(i + 1).find((r) => r.stageIndex === run.stageIndex && commandsOf(r).some((c) => isApt(c.name) && c.subcommand === 'install'));
			if (!later) return;
			// A later RUN that updates again fixes itself.
			if (commandsOf(later).some((c) => isApt(c.name) && c.subcommand === 'update')) return;
			const inst = commandsOf(later).find((c) => isApt(c.name) && c.subcommand === 'install')!;
			out.push({line: update.line, column: update.column, message: rule.message(inst.line)});
		});
		return out;
	},
});
export default rule;
