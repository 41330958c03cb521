import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, hasCacheMount, isShipped, removesPath, runInstructions} from '../rule-helpers.js';

const LISTS = '/var/lib/apt/lists';

const rule = defineRule({
	id: 'DH4004',
	slug: 'apt-lists-cleanup',
	severity: 'info',
	description: 'apt-get update leaves the package lists in the layer',
	equivalents: {hadolint: 'DL3009'},
	message: () =>
		`This RUN runs apt-get update but does not remove ${LISTS}, which stays in the image (often 20-50 MB); end it with \`rm -rf ${LISTS}/*\`, or use RUN --mount=type=cache,target=${LISTS},sharing=locked.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const run of runInstructions(file)) {
			if (!isShipped(file, run)) continue;
			const update = commandsOf(run).find((c) => (c.name === 'apt-get' || c.name === 'apt') && c.subcommand === 'update');
			if (!update) continue;
			if (removesPath(run, [LISTS]) || hasCacheMount(run, [LISTS])) continue;
			// apt 2.7+ `apt-get dist-clean` removes the lists too.
			if (commandsOf(run).some((c) => (c.name === 'apt-get' || c.name === 'apt') && c.subcommand === 'dist-clean')) continue;
			out.push({line: update.line, column: update.column, message: rule.message()});
		}
		return out;
	},
});
export default rule;
