import {defineRule, type RuleFinding} from '../types.js';
import {stageChain} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH5014',
	slug: 'copy-relative-dest',
	severity: 'warning',
	description: 'COPY to a relative destination before any WORKDIR is set',
	equivalents: {hadolint: 'DL3045'},
	message: (dest: string) =>
		`COPY to "${dest}" is relative to the base image's working directory, which this Dockerfile never sets; add WORKDIR /app (or use an absolute destination).`,
	check(ctx): RuleFinding[] {
		const {file} = ctx;
		const out: RuleFinding[] = [];
		for (const stage of file.stages) {
			const chain = stageChain(file, stage);
			const root = chain[chain.length - 1]!;
			// A WORKDIR in a parent stage, or one the engine saw in the base image, anchors relative paths.
			// scratch has no working directory to inherit: relative paths land in / predictably.
			let anchored = root.base.scratch || chain.slice(1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
			const info = root.base.scratch ? undefined : ctx.base(root);
			if (info && info.workingDir !== '' && info.workingDir !== '/') anchored = true;
			for (const ins of stage.instructions) {
				if (ins.keyword === 'WORKDIR') anchored = true;
				if (anchored) break;
				if (ins.keyword !== 'COPY' || ins.heredocs.length > 0) continue;
				const words = ins.json ?? ins.words.map((w) => w.value);
				const dest = words[words.length - 1]?.replace(/^["']/, '');
				if (!dest || words.length < 2 || dest.startsWith('/') || dest.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dest) || dest.startsWith('\\')) continue;
				out.push({line: ins.line, message: rule.message(dest)});
				break; // once per stage: the fix (one WORKDIR) is the same for all
			}
		}
		return out;
	},
});
export default rule;
