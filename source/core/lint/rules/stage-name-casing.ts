import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH5011',
	slug: 'stage-name-casing',
	severity: 'warning',
	description: 'A stage name is not lower case',
	equivalents: {buildkit: 'StageNameCasing'},
	message: (name: string) => `Stage name "${name}" is not lower case; stage names are case-insensitive and BuildKit expects "${name.toLowerCase()}".`,
	check({file}): RuleFinding[] {
		return file.stages
			.filter((s) => s.nameOriginal !== undefined && s.nameOriginal !== s.nameOriginal.toLowerCase() && !s.nameOriginal.includes('$'))
			.map((s) => ({line: s.from.line, message: rule.message(s.nameOriginal!)}));
	},
});
export default rule;
