import {distance} from 'fastest-levenshtein';
import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH5007',
	slug: 'copy-from-undefined',
	severity: 'error',
	description: 'COPY --from names a stage that does not exist (yet)',
	equivalents: {hadolint: 'DL3022'},
	message: (from: string, why: string) => `COPY --from=${from}: ${why}`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const ins of file.byKeyword('COPY')) {
			const flag = ins.flag('from');
			const from = flag?.value;
			if (!flag || !from || from.includes('$')) continue;
			const here = ins.stageIndex;
			if (/^\d+$/.test(from)) {
				const n = Number(from);
				if (n > here)
					out.push({
						line: ins.line,
						message: rule.message(from, `stage ${n} does not exist before this one (stages are numbered from 0; this is stage ${here}).`),
					});
				continue;
			}
			const target = file.findStage(from);
			if (target) {
				if (target.index > here)
					out.push({
						line: ins.line,
						message: rule.message(from, `stage "${from}" is defined later (line ${target.line}); a stage can only copy from stages above it.`),
					});
				continue;
			}
			// A plain name that is no stage is pulled as an image; close to a stage name it is a typo.
			if (/[:/@.]/.test(from)) continue;
			const near = file.stages.filter((s) => s.name && s.index < here && distance(s.name, from.toLowerCase()) <= 2).map((s) => s.nameOriginal!);
			if (near.length > 0)
				out.push({
					line: ins.line,
					severity: 'warning',
					message: rule.message(from, `no stage is named "${from}" (did you mean "${near[0]}"?), so Docker will try to pull an image called ${from}.`),
				});
		}
		return out;
	},
});
export default rule;
