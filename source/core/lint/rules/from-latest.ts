import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH1002',
	slug: 'from-latest',
	severity: 'warning',
	description: 'FROM uses the mutable latest tag',
	equivalents: {hadolint: 'DL3007'},
	message: (image: string) => `FROM ${image} uses the latest tag, which moves; pin the version you tested.`,
	check({file}): RuleFinding[] {
		return file.stages
			.filter((s) => s.base.stageIndex === undefined && !s.base.scratch)
			.filter((s) => s.base.tag?.toLowerCase() === 'latest' && s.base.digest === undefined)
			.map((s) => ({line: s.from.line, message: rule.message(s.base.expanded)}));
	},
});
export default rule;
