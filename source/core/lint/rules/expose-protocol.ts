import {defineRule, type RuleFinding} from '../types.js';

const VALID = new Set(['tcp', 'udp', 'sctp']);

const rule = defineRule({
	id: 'DH3008',
	slug: 'expose-protocol',
	severity: 'warning',
	description: 'EXPOSE uses an invalid or non-lowercase protocol',
	equivalents: {buildkit: 'ExposeProtoCasing'},
	message: (spec: string, proto: string) =>
		VALID.has(proto.toLowerCase())
			? `EXPOSE ${spec}: write the protocol in lower case (${proto.toLowerCase()}).`
			: `EXPOSE ${spec}: "${proto}" is not a protocol; use tcp, udp or sctp.`,
	check({file}): RuleFinding[] {
		const out = [];
		for (const ins of file.byKeyword('EXPOSE')) {
			for (const w of ins.words) {
				const value = w.value.replace(/^(["'])(.*)\1$/, '$2');
				const i = value.indexOf('/');
				if (i < 0) continue;
				const proto = value.slice(i + 1);
				if (proto.includes('$') || VALID.has(proto)) continue;
				out.push({line: w.line, column: w.column, message: rule.message(value, proto)});
			}
		}
		return out;
	},
});
export default rule;
