import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH3003',
	slug: 'multiple-healthcheck',
	severity: 'warning',
	description: 'A stage has more than one HEALTHCHECK; only the last one applies',
	equivalents: {hadolint: 'DL3012', buildkit: 'MultipleInstructionsDisallowed'},
	message: (line: number) => `This HEALTHCHECK replaces the one on line ${line}; only the last HEALTHCHECK of a stage applies, remove the others.`,
	check({file}): RuleFinding[] {
		const out = [];
		for (const s of file.stages) {
			const hs = s.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
			for (let k = 1; k < hs.length; k++) out.push({line: hs[k]!.line, message: rule.message(hs[k - 1]!.line)});
		}
		return out;
	},
});
export default rule;
