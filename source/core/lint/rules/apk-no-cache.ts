import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, hasCacheMount, isShipped, removesPath, runInstructions} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4010',
	slug: 'apk-no-cache',
	severity: 'info',
	description: 'apk add keeps the package index in the layer (no --no-cache)',
	equivalents: {hadolint: 'DL3019'},
	message: () =>
		'apk add without --no-cache leaves the APK index in /var/cache/apk; use `apk add --no-cache`, or RUN --mount=type=cache,target=/var/cache/apk with `apk add` (and a symlinked /etc/apk/cache).',
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const run of runInstructions(file)) {
			if (!isShipped(file, run)) continue;
			const cmds = commandsOf(run);
			if (hasCacheMount(run, ['/var/cache/apk', '/etc/apk/cache'])) continue;
			if (removesPath(run, ['/var/cache/apk', '/etc/apk/cache'])) continue;
			if (cmds.some((c) => c.name === 'apk' && c.subcommand === 'cache' && c.args.some((a) => a.value === 'clean' || a.value === 'purge'))) continue;
			for (const c of cmds) {
				if (c.name !== 'apk' || c.subcommand !== 'add' || c.hasFlag('--no-cache', '--no-network')) continue;
				// The official images' idiom `apk add --virtual .rundeps $runDeps` re-marks libraries that the build already
				// installed (with --no-cache); it fetches nothing.
				const ops = c.args.filter((a) => !a.value.startsWith('-')).slice(1);
				if (c.hasFlag('--virtual', '-t') && ops.slice(1).length > 0 && ops.slice(1).every((a) => a.dynamic)) continue;
				out.push({line: c.line, column: c.column, message: rule.message()});
			}
		}
		return out;
	},
});
export default rule;
