import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, stageChain, toolInvocation} from '../rule-helpers.js';

const base = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? p;

const rule = defineRule({
	id: 'DH4033',
	slug: 'pip-requirements-missing',
	severity: 'warning',
	description: 'pip install -r reads a requirements file that was never copied into the image',
	equivalents: {},
	message: (req: string) => `pip install -r ${req}: no earlier COPY/ADD (or bind mount) brings ${base(req)} into this stage, so the build fails with "Could not open requirements file"; COPY ${base(req)} first (before the rest of the source, for caching).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const stage of file.stages) {
			const chain = stageChain(file, stage).reverse();
			for (const run of stage.instructions.filter((i) => i.keyword === 'RUN')) {
				for (const c of commandsOf(run)) {
					const inv = toolInvocation(c);
					if (!inv || (inv.tool !== 'pip' && inv.tool !== 'uv-pip')) continue;
					for (let k = 0; k < inv.args.length; k++) {
						const a = inv.args[k]!;
						let req: string | undefined;
						if (a === '-r' || a === '--requirement') req = inv.args[k + 1];
						else if (a.startsWith('--requirement=')) req = a.slice(14);
						else if (a.startsWith('-r') && a.length > 2) req = a.slice(2);
						if (!req || req.includes('$') || req.startsWith('/dev/') || req.includes('://') || req === '-') continue;
						const name = base(req);
						if (run.mounts.some((m) => m.type === 'bind')) continue;
						// The same RUN may fetch or generate it (curl | tar, git clone, pip-compile, poetry export).
						if (commandsOf(run).some((o) => /^(git|curl|wget|tar|unzip|pip-compile|poetry|pipenv|uv|cp|mv|echo|printf|cat)$/.test(o.name))) continue;
						// Every earlier instruction of the stage chain (COPY sources, RUNs that write files).
						const before = chain.flatMap((s) => [s.from, ...s.instructions]).filter((i) => i.stageIndex !== stage.index || i.line < run.line);
						const brings = before.some((i) => {
							if (i.keyword === 'COPY' || i.keyword === 'ADD') {
								if (i.heredocs.length > 0 || i.flag('from')) return true;
								const all = i.json ?? i.words.map((w) => w.value);
								if (base(all[all.length - 1] ?? '') === name) return true;
								return all.slice(0, -1).some((src) => {
									const b = base(src);
									return b === name || src === '.' || src.endsWith('/') || /[*?[]/.test(src) || !b.includes('.') || src.includes('$');
								});
							}
							return i.raw.includes(name) || (i.keyword === 'RUN' && /\bgit\b|\bcurl\b|\bwget\b/.test(i.args));
						});
						if (!brings && run.raw.split(name).length <= 2) out.push({line: c.line, column: c.column, message: rule.message(req)});
					}
				}
			}
		}
		return out;
	},
});
export default rule;
