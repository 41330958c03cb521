import {defineRule, type RuleFinding} from '../types.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

const rule = defineRule({
	id: 'DH8009',
	slug: 'onbuild-invalid',
	severity: 'error',
	description: 'ONBUILD wraps an instruction it cannot trigger (ONBUILD, FROM, MAINTAINER)',
	equivalents: {hadolint: 'DL3043'},
	message: (keyword: string) =>
		`ONBUILD ${keyword} is not allowed: Docker rejects ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER when a child image builds FROM this one.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const ins of file.byKeyword('ONBUILD')) {
			const first = ins.onbuild?.keyword ?? ins.words[0]?.value.toUpperCase();
			if (first && FORBIDDEN.has(first)) out.push({line: ins.line, message: rule.message(first)});
		}
		return out;
	},
});
export default rule;
