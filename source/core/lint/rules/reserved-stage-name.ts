import {defineRule, type RuleFinding} from '../types.js';

const RESERVED = new Set(['scratch', 'context']);

const rule = defineRule({
	id: 'DH5010',
	slug: 'reserved-stage-name',
	severity: 'error',
	description: 'A stage uses a reserved name (scratch, context)',
	equivalents: {buildkit: 'ReservedStageName'},
	message: (name: string) =>
		`"${name}" is reserved (${name === 'scratch' ? 'the empty base image' : 'the build context in --from and named contexts'}) and cannot be a stage name; rename the stage.`,
	check({file}): RuleFinding[] {
		return file.stages.filter((s) => s.name !== undefined && RESERVED.has(s.name)).map((s) => ({line: s.from.line, message: rule.message(s.name!)}));
	},
});
export default rule;
