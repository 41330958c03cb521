import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH5008',
	slug: 'copy-from-self',
	severity: 'error',
	description: 'COPY --from refers to the stage it is in',
	equivalents: {hadolint: 'DL3023'},
	message: (from: string) =>
		`COPY --from=${from} refers to the current stage, which cannot copy from itself; use a plain COPY/RUN cp, or name the right stage.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const ins of file.byKeyword('COPY')) {
			const from = ins.flag('from')?.value;
			if (!from) continue;
			const stage = file.stages[ins.stageIndex];
			if (!stage) continue;
			if (from === String(stage.index) || (stage.name !== undefined && from.toLowerCase() === stage.name))
				out.push({line: ins.line, message: rule.message(from)});
		}
		return out;
	},
});
export default rule;
