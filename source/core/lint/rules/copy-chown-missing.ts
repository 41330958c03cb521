import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf} from '../rule-helpers.js';

const norm = (p: string) => p.replace(/\/+$/, '').replace(/\/\.$/, '') || '/';

const rule = defineRule({
	id: 'DH5013',
	slug: 'copy-chown-missing',
	severity: 'warning',
	description: 'Files are copied as root and then chowned in a separate RUN, duplicating them in a new layer',
	equivalents: {},
	message: (dest: string, owner: string, line: number) =>
		`COPY on line ${line} creates ${dest} owned by root and this RUN chowns it to ${owner}, which stores every file a second time in a new layer; use COPY --chown=${owner} (and --chmod) instead.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const stage of file.stages) {
			const copies: Array<{dest: string; line: number}> = [];
			let workdir = '/';
			for (const ins of stage.instructions) {
				if (ins.keyword === 'WORKDIR') {
					const d = ins.expanded.trim();
					workdir = d.startsWith('/') ? d : `${workdir.replace(/\/$/, '')}/${d}`;
				}
				if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !ins.flag('chown')) {
					const words = ins.json ?? ins.words.map((w) => w.value);
					const dest = words[words.length - 1];
					if (dest && !dest.includes('$')) copies.push({dest: norm(dest.startsWith('/') ? dest : `${workdir.replace(/\/$/, '')}/${dest}`), line: ins.line});
				}
				if (ins.keyword !== 'RUN') continue;
				for (const c of commandsOf(ins)) {
					if (c.name !== 'chown' || !c.hasFlag('-R', '--recursive')) continue;
					const ops = c.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
					const [owner, ...paths] = ops;
					if (!owner || /^(root|0)(:(root|0))?$/.test(owner)) continue; // already root-owned
					for (const p of paths) {
						const target = norm(p === '.' ? workdir : p.startsWith('/') ? p : `${workdir.replace(/\/$/, '')}/${p}`);
						const hit = copies.find((cp) => cp.dest === target || cp.dest.startsWith(target + '/'));
						if (hit) {
							out.push({line: c.line, column: c.column, message: rule.message(target, owner, hit.line)});
							break;
						}
					}
				}
			}
		}
		return out;
	},
});
export default rule;
