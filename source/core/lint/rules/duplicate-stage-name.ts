import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH5009',
	slug: 'duplicate-stage-name',
	severity: 'error',
	description: 'Two stages have the same name',
	equivalents: {hadolint: 'DL3024', buildkit: 'DuplicateStageName'},
	message: (name: string, line: number) => `Stage name "${name}" is already used on line ${line}; stage names must be unique (case-insensitive).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		const seen = new Map<string, number>();
		for (const s of file.stages) {
			if (!s.name) continue;
			const first = seen.get(s.name);
			if (first !== undefined) out.push({line: s.from.line, message: rule.message(s.nameOriginal ?? s.name, first)});
			else seen.set(s.name, s.from.line);
		}
		return out;
	},
});
export default rule;
