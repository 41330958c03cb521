import {distance} from 'fastest-levenshtein';
import {defineRule, type RuleFinding} from '../types.js';
import {PREDEFINED_ARGS, stageChain} from '../rule-helpers.js';

const CHECKED = new Set(['ENV', 'ADD', 'COPY', 'WORKDIR', 'USER', 'LABEL', 'EXPOSE', 'VOLUME', 'STOPSIGNAL', 'ARG']);
/** Set by practically every base image or by the runtime. */
const COMMON_ENV = new Set([
	'PATH',
	'HOME',
	'HOSTNAME',
	'LANG',
	'LC_ALL',
	'TERM',
	'USER',
	'PWD',
	'SHELL',
	'LD_LIBRARY_PATH',
	'PYTHONPATH',
	'JAVA_HOME',
	'GOPATH',
	'NODE_PATH',
	'CPATH',
	'LIBRARY_PATH',
	'PKG_CONFIG_PATH',
	'MANPATH',
	'CLASSPATH',
]);

/**
 * Names within one edit of a name, or equal but for case, found through an index of each name with
 * one character deleted (a symmetric-delete index): a lookup costs the name's length, not the
 * number of names, so a file with thousands of variables stays linear. Candidates, in first-defined
 * order; the caller checks the exact distance.
 */
function nameIndex(names: readonly string[]): {near(name: string): string[]} {
	const order = new Map<string, number>();
	const keys = new Map<string, string[]>();
	const add = (k: string, n: string) => {
		const list = keys.get(k);
		if (list) list.push(n);
		else keys.set(k, [n]);
	};
	const variants = (n: string): string[] => {
		const out = [n, 'lc:' + n.toLowerCase()];
		for (let i = 0; i < n.length; i++) out.push(n.slice(0, i) + n.slice(i + 1));
		return out;
	};
	names.forEach((n, i) => {
		order.set(n, i);
		for (const k of new Set(variants(n))) add(k, n);
	});
	return {
		near(name) {
			const found = new Set<string>();
			for (const k of variants(name)) for (const n of keys.get(k) ?? []) if (n !== name) found.add(n);
			return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
		},
	};
}

const rule = defineRule({
	id: 'DH8005',
	slug: 'undefined-var',
	severity: 'warning',
	description: 'An instruction uses a variable that is not defined where it is used',
	equivalents: {buildkit: 'UndefinedVar'},
	message: (name: string, hint: string) => `$${name} is not defined here and expands to an empty string${hint}.`,
	check(ctx): RuleFinding[] {
		const {file} = ctx;
		const out: RuleFinding[] = [];
		const globals = new Set(file.globals.filter((g) => g.keyword === 'ARG').flatMap((g) => g.words.map((w) => w.value.split('=')[0]!)));
		for (const stage of file.stages) {
			const chain = stageChain(file, stage);
			const root = chain[chain.length - 1]!;
			const info = root.base.scratch ? undefined : ctx.base(root);
			// What the base image may define: nothing for scratch, its Env through the engine, unknown otherwise.
			const baseEnv: Set<string> | undefined = root.base.scratch ? new Set() : info ? new Set(info.env.map((e) => e.split('=')[0]!)) : undefined;
			let index: ReturnType<typeof nameIndex> | undefined;
			for (const ins of stage.instructions) {
				if (!CHECKED.has(ins.keyword)) continue;
				const text = ins.keyword === 'ARG' ? ins.words.map((w) => w.value.split('=').slice(1).join('=')).join(' ') : ins.args;
				const seen = new Set<string>();
				for (const name of ins.scope.expand(text).unresolved) {
					if (seen.has(name) || ins.scope.has(name) || PREDEFINED_ARGS.has(name)) continue;
					seen.add(name);
					// the names a stage ever defines only grow, so the last instruction's scope holds them all
					index ??= nameIndex([...stage.instructions[stage.instructions.length - 1]!.scope.vars.keys()]);
					const near = index
						.near(name)
						.find((d) => ins.scope.has(d) && (d.toLowerCase() === name.toLowerCase() || (name.length > 3 && distance(d, name) <= 1)));
					if (globals.has(name)) {
						out.push({
							line: ins.line,
							message: rule.message(
								name,
								`: ARG ${name} is declared before FROM, which makes it visible only to FROM lines; repeat \`ARG ${name}\` inside this stage`,
							),
						});
					} else if (near) {
						out.push({line: ins.line, message: rule.message(name, ` (did you mean $${near}?)`)});
					} else if (baseEnv && !baseEnv.has(name) && !COMMON_ENV.has(name)) {
						out.push({
							line: ins.line,
							message: rule.message(
								name,
								root.base.scratch
									? ' (the stage starts from scratch, which defines no variables)'
									: ` (the base image ${root.base.expanded} does not set it either)`,
							),
						});
					}
				}
			}
		}
		return out;
	},
});
export default rule;
