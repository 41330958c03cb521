import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, isShipped, removesPath, runInstructions} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4042',
	slug: 'npm-cache',
	severity: 'info',
	description: 'npm ci/install leaves the npm cache in the final image',
	equivalents: {},
	message: () =>
		'npm keeps a copy of every downloaded tarball in ~/.npm, which stays in this layer; use RUN --mount=type=cache,target=/root/.npm (keeps it between builds, out of the image), or end the RUN with `npm cache clean --force`.',
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const run of runInstructions(file)) {
			if (!isShipped(file, run)) continue;
			const cmds = commandsOf(run);
			if (run.mounts.some((m) => m.type === 'cache' && /\.npm\/?$|\/npm-cache\/?$|\/\.cache\/?$/.test(m.target ?? ''))) continue;
			if (cmds.some((c) => c.name === 'npm' && c.subcommand === 'cache' && c.args.some((a) => a.value === 'clean' || a.value === 'clear'))) continue;
			if (removesPath(run, ['/root/.npm', '~/.npm', '$HOME/.npm', '${HOME}/.npm', '/home/node/.npm', '/tmp'])) continue;
			for (const c of cmds) {
				if (c.name !== 'npm' || !['ci', 'install', 'i'].includes(c.subcommand ?? '')) continue;
				if (c.hasFlag('--cache') || c.args.some((a) => a.value.startsWith('--cache='))) continue;
				out.push({line: c.line, column: c.column, message: rule.message()});
				break;
			}
		}
		return out;
	},
});
export default rule;
