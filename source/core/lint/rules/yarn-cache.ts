import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, isShipped, removesPath, runInstructions} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4044',
	slug: 'yarn-cache',
	severity: 'info',
	description: 'yarn install leaves the Yarn cache in the final image',
	equivalents: {hadolint: 'DL3060'},
	message: () =>
		'Yarn 1 keeps every downloaded package in its cache (/usr/local/share/.cache/yarn for root), which stays in this layer; use RUN --mount=type=cache,target=/usr/local/share/.cache/yarn, or end the RUN with `yarn cache clean`.',
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const run of runInstructions(file)) {
			if (!isShipped(file, run)) continue;
			const cmds = commandsOf(run);
			if (run.mounts.some((m) => m.type === 'cache' && /yarn|\.cache\/?$/.test(m.target ?? ''))) continue;
			if (cmds.some((c) => c.name === 'yarn' && c.subcommand === 'cache' && c.args.some((a) => a.value === 'clean'))) continue;
			if (removesPath(run, ['/usr/local/share/.cache', '/root/.cache', '/home/node/.cache', '~/.cache', '$HOME/.cache'])) continue;
			const install = cmds.find(
				(c) => c.name === 'yarn' && (c.subcommand === undefined || c.subcommand === 'install') && !c.hasFlag('-v', '--version', '-h', '--help'),
			);
			// Yarn 2+ (--immutable) keeps its cache in the project (.yarn/cache) by design; not this rule's business.
			if (!install || install.hasFlag('--immutable')) continue;
			out.push({line: install.line, column: install.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
