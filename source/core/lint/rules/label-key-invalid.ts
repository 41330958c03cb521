import {defineRule, type RuleFinding} from '../types.js';
import {keyValuePairs} from '../parse.js';

const VALID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

const rule = defineRule({
	id: 'DH8007',
	slug: 'label-key-invalid',
	severity: 'style',
	description: "A LABEL key does not follow Docker's key format or uses a reserved namespace",
	equivalents: {hadolint: 'DL3048'},
	message: (key: string, why: string) => `LABEL key "${key}" ${why}.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const ins of file.byKeyword('LABEL')) {
			if (ins.words[0] && !ins.words[0].value.includes('=')) continue; // legacy form: legacy-env-format
			for (const [key] of keyValuePairs(ins.args)) {
				if (key.includes('$')) continue;
				if (RESERVED.test(key))
					out.push({line: ins.line, message: rule.message(key, 'uses a namespace reserved for Docker (com.docker.*, io.docker.*, org.dockerproject.*)')});
				else if (!VALID.test(key))
					out.push({
						line: ins.line,
						message: rule.message(
							key,
							'should be lower-case letters and digits separated by single dots or dashes, in reverse-DNS form (org.opencontainers.image.source)',
						),
					});
			}
		}
		return out;
	},
});
export default rule;
