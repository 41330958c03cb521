import {defineRule, type RuleFinding} from '../types.js';
import {PREDEFINED_PLATFORM_ARGS, variableRefs} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH1006',
	slug: 'from-undefined-arg',
	severity: 'error',
	description: 'FROM uses a variable that no ARG before the first FROM declares',
	equivalents: {buildkit: 'UndefinedArgInFrom'},
	message: (name: string) =>
		`FROM uses $${name}, but no ARG ${name} is declared before the first FROM, so it expands to an empty string; add \`ARG ${name}=<default>\` at the top of the file.`,
	check({file}): RuleFinding[] {
		const declared = new Set<string>();
		for (const g of file.globals) if (g.keyword === 'ARG') for (const w of g.words) declared.add(w.value.split('=')[0]!);
		const out = [];
		for (const s of file.stages) {
			const seen = new Set<string>();
			for (const ref of variableRefs(s.from.args, file.escape)) {
				if (ref.withDefault || declared.has(ref.name) || PREDEFINED_PLATFORM_ARGS.has(ref.name) || seen.has(ref.name)) continue;
				seen.add(ref.name);
				out.push({line: s.from.line, message: rule.message(ref.name)});
			}
		}
		return out;
	},
});
export default rule;
