import {defineRule, type Instruction, type RuleFinding, type ShellCommand} from '../types.js';
import {commandsOf, toolInvocation} from '../rule-helpers.js';

const base = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? p;

interface Summary {
	readonly tokens: Map<string, true>;
	universal: number;
	readonly parent: Summary | undefined;
}

const TOKEN = /[^\s"'=:;,/\\()[\]{}<>|&]+/g;

function record(summary: Summary, i: Instruction): void {
	if (i.keyword === 'COPY' || i.keyword === 'ADD') {
		if (i.heredocs.length > 0 || i.flag('from')) summary.universal = Math.min(summary.universal, i.line);
		const all = i.json ?? i.words.map((w) => w.value);
		for (const src of all.slice(0, -1)) {
			const b = base(src);
			if (src === '.' || src.endsWith('/') || /[*?[]/.test(src) || !b.includes('.') || src.includes('$'))
				summary.universal = Math.min(summary.universal, i.line);
		}
	}
	if (i.keyword === 'RUN' && /\bgit\b|\bcurl\b|\bwget\b/.test(i.args)) summary.universal = Math.min(summary.universal, i.line);
	for (const m of i.raw.matchAll(TOKEN)) summary.tokens.set(m[0], true);
}

/** Did an earlier instruction of the stage or of the stages it is built FROM bring `name`? */
function brought(summary: Summary | undefined, name: string): boolean {
	for (let s = summary, depth = 0; s && depth < 1000; s = s.parent, depth++) if (s.universal !== Infinity || s.tokens.has(name)) return true;
	return false;
}

/** The requirements files a RUN's pip commands read (-r FILE, --requirement=FILE), local ones only. */
function requirementReads(ins: Instruction): Array<{command: ShellCommand; req: string}> {
	const out: Array<{command: ShellCommand; req: string}> = [];
	if (ins.keyword !== 'RUN') return out;
	for (const c of commandsOf(ins)) {
		const inv = toolInvocation(c);
		if (!inv || (inv.tool !== 'pip' && inv.tool !== 'uv-pip')) continue;
		for (let k = 0; k < inv.args.length; k++) {
			const a = inv.args[k]!;
			let req: string | undefined;
			if (a === '-r' || a === '--requirement') req = inv.args[k + 1];
			else if (a.startsWith('--requirement=')) req = a.slice(14);
			else if (a.startsWith('-r') && a.length > 2) req = a.slice(2);
			if (!req || req.includes('$') || req.startsWith('/dev/') || req.includes('://') || req === '-') continue;
			out.push({command: c, req});
		}
	}
	return out;
}

const rule = defineRule({
	id: 'DH4033',
	slug: 'pip-requirements-missing',
	severity: 'warning',
	description: 'pip install -r reads a requirements file that was never copied into the image',
	equivalents: {},
	message: (req: string) =>
		`pip install -r ${req}: no earlier COPY/ADD (or bind mount) brings ${base(req)} into this stage, so the build fails with "Could not open requirements file"; COPY ${base(req)} first (before the rest of the source, for caching).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		// Most files never read a requirements file: then there is nothing to index.
		if (!file.source.includes('pip') || !file.byKeyword('RUN').some((i) => requirementReads(i).length > 0)) return out;
		// One walk per stage: what each instruction may bring into the image, as the first line that
		// mentions each file name (tokens of its source text) and the first line that may bring
		// anything (a heredoc, COPY --from, a directory or glob source, a RUN that downloads).
		const summaries: Summary[] = [];
		for (const stage of file.stages) {
			const summary: Summary = {
				tokens: new Map(),
				universal: Infinity,
				parent: stage.base.stageIndex === undefined ? undefined : summaries[stage.base.stageIndex],
			};
			summaries[stage.index] = summary;
			for (const ins of [stage.from, ...stage.instructions]) {
				for (const {command: c, req} of requirementReads(ins)) {
					const name = base(req);
					if (ins.mounts.some((m) => m.type === 'bind')) continue;
					// The same RUN may fetch or generate it (curl | tar, git clone, pip-compile, poetry export).
					if (commandsOf(ins).some((o) => /^(git|curl|wget|tar|unzip|pip-compile|poetry|pipenv|uv|cp|mv|echo|printf|cat)$/.test(o.name))) continue;
					if (!brought(summary, name) && ins.raw.split(name).length <= 2) out.push({line: c.line, column: c.column, message: rule.message(req)});
				}
				record(summary, ins);
			}
		}
		return out;
	},
});
export default rule;
