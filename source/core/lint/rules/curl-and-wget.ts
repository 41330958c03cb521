import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH6004',
	slug: 'curl-and-wget',
	severity: 'info',
	description: 'A stage uses both curl and wget',
	equivalents: {hadolint: 'DL4001'},
	message: (tool: string, other: string, line: number) =>
		`This stage already uses ${other} (line ${line}); using ${tool} too means installing and maintaining two download tools; pick one.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		const byStage = new Map<number, Map<string, number>>();
		for (const {instruction, command: c} of runCommands(file)) {
			if (c.name !== 'curl' && c.name !== 'wget') continue;
			const seen = byStage.get(instruction.stageIndex) ?? new Map<string, number>();
			byStage.set(instruction.stageIndex, seen);
			if (seen.has(c.name)) continue;
			const other = c.name === 'curl' ? 'wget' : 'curl';
			seen.set(c.name, c.line);
			if (seen.has(other)) out.push({line: c.line, column: c.column, message: rule.message(c.name, other, seen.get(other)!)});
		}
		return out;
	},
});
export default rule;
