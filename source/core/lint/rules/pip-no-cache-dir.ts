import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, hasCacheMount, isShipped, removesPath, runInstructions, toolInvocation} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4031',
	slug: 'pip-no-cache-dir',
	severity: 'info',
	description: 'pip install keeps its download cache in the layer',
	equivalents: {hadolint: 'DL3042'},
	message: () =>
		'pip keeps downloaded wheels in ~/.cache/pip inside the layer; add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1), or better use RUN --mount=type=cache,target=/root/.cache/pip to keep the cache between builds but out of the image.',
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const run of runInstructions(file)) {
			if (!isShipped(file, run)) continue;
			// pip disables its cache for any valid boolean in PIP_NO_CACHE_DIR, 0/false/off included (its
			// --no-cache-dir callback sets cache_dir to False whatever the value, for compatibility).
			if (run.scope.get('PIP_NO_CACHE_DIR') !== undefined) continue;
			if (hasCacheMount(run, ['/root/.cache/pip']) || run.mounts.some((m) => m.type === 'cache' && /\.cache(\/pip)?\/?$/.test(m.target ?? ''))) continue;
			if (removesPath(run, ['/root/.cache', '$HOME/.cache', '${HOME}/.cache'])) continue;
			let exported = false;
			for (const c of commandsOf(run)) {
				// `export PIP_NO_CACHE_DIR=1 && pip install ...` / `PIP_NO_CACHE_DIR=1 pip install ...`
				if (c.name === 'export' && c.args.some((a) => a.value.startsWith('PIP_NO_CACHE_DIR='))) exported = true;
				if (exported || c.assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR='))) continue;
				const inv = toolInvocation(c);
				if (!inv || inv.tool !== 'pip' || inv.args.find((a) => !a.startsWith('-')) !== 'install') continue;
				if (inv.args.some((a) => a === '--no-cache-dir' || a.startsWith('--cache-dir'))) continue;
				out.push({line: c.line, column: c.column, message: rule.message()});
			}
		}
		return out;
	},
});
export default rule;
