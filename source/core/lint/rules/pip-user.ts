import {defineRule, type RuleFinding, type Stage} from '../types.js';
import {commandsOf, finalStage, splitUser, toolInvocation} from '../rule-helpers.js';

/** The USER in effect at the end of a stage. */
function userAt(stage: Stage): string {
	let user = 'root';
	for (const i of stage.instructions) if (i.keyword === 'USER') user = splitUser((i.expanded || i.args).trim()).user;
	return user;
}
const isRoot = (u: string) => u === 'root' || u === '0';

const rule = defineRule({
	id: 'DH4032',
	slug: 'pip-user',
	severity: 'warning',
	description: 'pip install --user runs as root, but the image runs as another user',
	equivalents: {},
	message: (runUser: string) =>
		`pip install --user runs as root here, so packages go to /root/.local, which user ${runUser} cannot read and is not on its PATH; install into a virtualenv (python -m venv /opt/venv, ENV PATH=/opt/venv/bin:$PATH) or run pip after USER ${runUser}.`,
	check({file}): RuleFinding[] {
		const last = finalStage(file);
		if (!last) return [];
		const finalUser = userAt(last);
		if (isRoot(finalUser) || finalUser.includes('$')) return [];
		const out: RuleFinding[] = [];
		// Stages whose /root/.local reaches the final stage: itself, or COPY --from=<stage> /root/.local.
		const copiedFrom = new Set<number>([last.index]);
		for (const ins of last.instructions) {
			const from = ins.keyword === 'COPY' ? ins.flag('from')?.value : undefined;
			if (from && ins.args.includes('/root/.local')) {
				const s = file.findStage(from);
				if (s) copiedFrom.add(s.index);
			}
		}
		for (const s of file.stages) {
			if (!copiedFrom.has(s.index)) continue;
			// one walk of the stage: the USER in effect at each RUN
			let user = 'root';
			for (const run of s.instructions) {
				if (run.keyword === 'USER') user = splitUser((run.expanded || run.args).trim()).user;
				if (run.keyword !== 'RUN' || !isRoot(user)) continue;
				for (const c of commandsOf(run)) {
					const inv = toolInvocation(c);
					if (inv?.tool !== 'pip' || !inv.args.includes('--user') || inv.args.find((a) => !a.startsWith('-')) !== 'install') continue;
					out.push({line: c.line, column: c.column, message: rule.message(finalUser)});
				}
			}
		}
		return out;
	},
});
export default rule;
