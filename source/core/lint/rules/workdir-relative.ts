import {defineRule, type RuleFinding} from '../types.js';
import {stageChain} from '../rule-helpers.js';

const absolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\');

const rule = defineRule({
	id: 'DH5004',
	slug: 'workdir-relative',
	severity: 'warning',
	description: 'WORKDIR is a relative path with no absolute WORKDIR before it',
	equivalents: {hadolint: 'DL3000', buildkit: 'WorkdirRelativePath'},
	message: (dir: string) =>
		`WORKDIR ${dir} is relative to whatever working directory the base image sets, which can change under you; use an absolute path (WORKDIR /${dir.replace(/^\.\//, '')}).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const stage of file.stages) {
			// Absolute WORKDIRs in the stages this one is built FROM count too.
			let anchored = stageChain(file, stage)
				.slice(1)
				.some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR' && absolute(i.args.trim())));
			for (const ins of stage.instructions) {
				if (ins.keyword !== 'WORKDIR') continue;
				const dir = ins.args.trim().replace(/^["']|["']$/g, '');
				if (dir === '' || dir.startsWith('$') || absolute(dir)) {
					anchored = true;
					continue;
				}
				if (!anchored) out.push({line: ins.line, message: rule.message(dir)});
			}
		}
		return out;
	},
});
export default rule;
