import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH5006',
	slug: 'copy-dest-slash',
	severity: 'warning',
	description: 'COPY/ADD with several sources needs a destination ending in /',
	equivalents: {hadolint: 'DL3021'},
	message: (keyword: string, dest: string) =>
		`${keyword} with more than one source copies into a directory, so the destination should end with a slash: ${dest}/ (the legacy builder rejects it, and BuildKit only accepts it when ${dest} already exists as a directory).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const ins of [...file.byKeyword('COPY'), ...file.byKeyword('ADD')]) {
			if (ins.heredocs.length > 0) continue;
			const words = ins.json ?? ins.words.map((w) => w.value);
			if (words.length < 3) continue;
			const dest = words[words.length - 1]!;
			if (dest.endsWith('/') || dest.endsWith('\\') || dest === '.' || dest === '..' || dest.endsWith('/.') || /\$\{?\w+\}?$/.test(dest)) continue;
			out.push({line: ins.line, message: rule.message(ins.keyword, dest)});
		}
		return out.sort((a, b) => a.line - b.line);
	},
});
export default rule;
