import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH3007',
	slug: 'expose-host-mapping',
	severity: 'error',
	description: 'EXPOSE contains a host-port mapping, which only docker run can set',
	equivalents: {buildkit: 'ExposeInvalidFormat'},
	message: (spec: string, port: string) =>
		`EXPOSE ${spec} maps a host port, which a Dockerfile cannot do; write EXPOSE ${port} and publish with docker run -p ${spec}.`,
	check({file}): RuleFinding[] {
		const out = [];
		for (const ins of file.byKeyword('EXPOSE')) {
			for (const w of ins.words) {
				const value = w.value.replace(/^(["'])(.*)\1$/, '$2');
				if (!value.includes(':') || value.includes('$')) continue;
				const [spec, proto] = value.split('/');
				const port = spec!.split(':').pop()!;
				out.push({line: w.line, column: w.column, message: rule.message(value, proto ? `${port}/${proto}` : port)});
			}
		}
		return out;
	},
});
export default rule;
