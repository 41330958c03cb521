import {defineRule, type RuleFinding} from '../types.js';
import {keyValuePairs} from '../parse.js';
import {finalStage, stageChain} from '../rule-helpers.js';

const CHECKS: Record<string, {re: RegExp; what: string}> = {
	rfc3339: {re: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, what: 'an RFC 3339 date-time (2024-05-01T12:00:00Z)'},
	url: {re: /^[a-z][a-z0-9+.-]*:\/\/\S+$/i, what: 'a URL'},
	semver: {re: /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/, what: 'a semantic version (1.2.3)'},
	hash: {re: /^[0-9a-f]{7,64}$/, what: 'a git commit hash'},
	spdx: {re: /^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+()-]+)*$/, what: 'an SPDX license expression (MIT, Apache-2.0)'},
	email: {re: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, what: 'an e-mail address'},
	text: {re: /\S/, what: 'non-empty text'},
};

const rule = defineRule({
	id: 'DH8006',
	slug: 'label-schema',
	severity: 'info',
	description: 'The final image is missing a label required by the configured label schema, or a label value has the wrong format',
	equivalents: {hadolint: ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058']},
	message: (key: string, problem: string) => `Label ${key} ${problem}.`,
	check({file, options}): RuleFinding[] {
		const schema = options.labelSchema ?? {};
		const keys = Object.keys(schema);
		const last = finalStage(file);
		if (keys.length === 0 || !last) return [];
		const labels = new Map<string, {value: string; line: number; unresolved: boolean}>();
		const own: Array<{key: string; line: number}> = [];
		for (const s of stageChain(file, last).reverse()) {
			for (const ins of s.instructions.filter((i) => i.keyword === 'LABEL')) {
				for (const [k, v] of keyValuePairs(ins.args)) {
					const e = ins.scope.expand(v);
					labels.set(k, {value: e.value, line: ins.line, unresolved: e.unresolved.length > 0});
					own.push({key: k, line: ins.line});
				}
			}
		}
		const out: RuleFinding[] = [];
		for (const key of keys) {
			const kind = String(schema[key]).toLowerCase();
			const found = labels.get(key);
			if (!found) {
				out.push({line: last.from.line, message: rule.message(key, "is missing from the final image (the lint configuration's label schema requires it)")});
				continue;
			}
			const check = CHECKS[kind];
			// A value computed from a build arg (--build-arg CREATED=...) cannot be judged statically.
			if (!check || found.unresolved) continue;
			if (!check.re.test(found.value))
				out.push({line: found.line, message: rule.message(key, `is "${found.value}", not ${check.what} (as the label schema requires)`)});
		}
		// strict-labels (hadolint's DL3050): every label the Dockerfile sets must be in the schema.
		if (options.strictLabels)
			for (const l of own)
				if (!(l.key in schema)) out.push({line: l.line, message: rule.message(l.key, 'is not in the label schema, and strict-labels allows no other label')});
		return out.sort((a, b) => a.line - b.line);
	},
});
export default rule;
