import {defineRule, type RuleFinding} from '../types.js';
import {runInstructions, commandsOf} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH5005',
	slug: 'cd-in-run',
	severity: 'info',
	description: 'A RUN starts with cd to set the directory; WORKDIR does that',
	equivalents: {hadolint: 'DL3003'},
	message: (dir: string) => `RUN starts with \`cd ${dir}\`; set the directory with WORKDIR ${dir} instead, so later instructions (and readers) see it too.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const run of runInstructions(file)) {
			const cmds = commandsOf(run);
			const first = cmds[0];
			// Only the leading `cd /abs/dir && ...`: a cd in the middle of a build script
			// (cd into an unpacked tarball, then back) is normal shell and not a WORKDIR job.
			if (!first || first.name !== 'cd' || cmds.length < 2 || run.heredocs.length > 0) continue;
			const dir = first.args[0]?.value;
			if (!dir || !dir.startsWith('/') || first.args[0]!.dynamic || /^\/tmp(\/|$)/.test(dir)) continue;
			// `cd /x && ... && cd /y` hops around: a script, not a WORKDIR.
			if (cmds.slice(1).some((c) => c.name === 'cd')) continue;
			out.push({line: first.line, column: first.column, message: rule.message(dir)});
		}
		return out;
	},
});
export default rule;
