import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH3006',
	slug: 'expose-port-range',
	severity: 'error',
	description: 'EXPOSE names a port outside 0-65535',
	equivalents: {hadolint: 'DL3011'},
	message: (port: string) => `EXPOSE ${port} is not a valid port or range: ports are 0-65535 (ranges as 8000-8010).`,
	check({file}): RuleFinding[] {
		const out = [];
		for (const ins of file.byKeyword('EXPOSE')) {
			for (const w of ins.words) {
				const expanded = ins.scope.expand(w.value.replace(/^(["'])(.*)\1$/, '$2'));
				if (expanded.unresolved.length > 0 || w.value.includes('$')) {
					if (expanded.unresolved.length > 0) continue;
				}
				const spec = expanded.value.split('/')[0]!;
				const container = spec.split(':').pop()!;
				if (container === '') continue;
				const m = /^(\d+)(?:-(\d+))?$/.exec(container);
				const bad = !m || Number(m[1]) > 65535 || (m[2] !== undefined && (Number(m[2]) > 65535 || Number(m[2]) < Number(m[1])));
				if (bad) out.push({line: w.line, column: w.column, message: rule.message(expanded.value)});
			}
		}
		return out;
	},
});
export default rule;
