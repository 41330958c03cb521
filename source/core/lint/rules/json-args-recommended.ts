import {defineRule, type DockerfileModel, type RuleFinding, type Stage} from '../types.js';

/**
 * Whether a SHELL instruction before `line` in the stage, or anywhere in a stage it is built FROM, set
 * the shell: shell-form CMD/ENTRYPOINT then run under that shell, not /bin/sh -c (BuildKit is silent
 * there too).
 */
function customShell(file: DockerfileModel, stage: Stage, line: number): boolean {
	const seen = new Set<number>();
	for (let s: Stage | undefined = stage; s && !seen.has(s.index);) {
		seen.add(s.index);
		if (s.instructions.some((i) => i.keyword === 'SHELL' && i.line < line)) return true;
		line = Infinity;
		const parent: number | undefined = s.base.stageIndex;
		s = parent === undefined ? undefined : file.stages[parent];
	}
	return false;
}

function shorten(args: string): string {
	const one = args.replace(/\s+/g, ' ');
	return one.length > 40 ? one.slice(0, 40) + '…' : one;
}

const message = (keyword: string, args: string) =>
	`${keyword} ${shorten(args)} is in shell form: it runs under /bin/sh -c, so the process is not PID 1 and does not get SIGTERM on docker stop; use the JSON form ${keyword} ["…", "…"]`;

export default defineRule({
	id: 'DH3002',
	slug: 'json-args-recommended',
	severity: 'warning',
	description: 'CMD or ENTRYPOINT uses the shell form, so signals do not reach the process',
	equivalents: {hadolint: 'DL3025', buildkit: 'JSONArgsRecommended'},
	message,
	check(ctx) {
		const out: RuleFinding[] = [];
		for (const stage of ctx.file.stages) {
			for (const i of stage.instructions) {
				if (i.keyword !== 'CMD' && i.keyword !== 'ENTRYPOINT') continue;
				if (i.form === 'json') continue;
				// `exec` at the start replaces the shell: signals reach the process (BuildKit accepts it too).
				if (/^exec\s/.test(i.args)) continue;
				if (customShell(ctx.file, stage, i.line)) continue;
				out.push({line: i.line, column: i.column, message: message(i.keyword, i.args)});
			}
		}
		return out;
	},
});
