import {defineRule, type RuleFinding} from '../types.js';
import {variableRefs} from '../rule-helpers.js';

// name[:tag][@digest], lower-case path components, optional host[:port].
const REF =
	/^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+|__)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[a-z0-9]+:[a-f0-9]{32,})?$/;

const rule = defineRule({
	id: 'DH1007',
	slug: 'from-empty-arg-default',
	severity: 'warning',
	description: 'A FROM depends on an ARG that has no default value, so the build fails unless it is passed',
	equivalents: {buildkit: 'InvalidDefaultArgInFrom'},
	message: (name: string, result: string) =>
		`ARG ${name} has no default, so without --build-arg this FROM becomes "${result}", which is not a valid image; give ${name} a default.`,
	check({file}): RuleFinding[] {
		const defaults = new Map<string, string | undefined>();
		for (const g of file.globals) {
			if (g.keyword !== 'ARG') continue;
			for (const w of g.words) {
				const i = w.value.indexOf('=');
				defaults.set(i < 0 ? w.value : w.value.slice(0, i), i < 0 ? undefined : w.value.slice(i + 1).replace(/^["']|["']$/g, ''));
			}
		}
		const out = [];
		for (const s of file.stages) {
			const image = s.from.words.find((w) => !w.value.startsWith('--'))?.value;
			if (!image) continue;
			const refs = variableRefs(image, file.escape);
			const empty = refs.filter((r) => !r.withDefault && defaults.has(r.name) && !defaults.get(r.name));
			if (empty.length === 0) continue;
			// Substitute every variable: the empty ones with '', the others with their default or a placeholder.
			const result = image.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?]([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a, mod, alt, b) => {
				const name = (a ?? b) as string;
				const value = defaults.get(name);
				if (mod && /^:?-/.test(mod)) return value || alt || '';
				if (mod && /^:?\+/.test(mod)) return value ? (alt ?? '') : '';
				return value === undefined ? (defaults.has(name) ? '' : 'x') : value;
			});
			if (REF.test(result)) continue;
			out.push({line: s.from.line, message: rule.message(empty[0]!.name, result)});
		}
		return out;
	},
});
export default rule;
