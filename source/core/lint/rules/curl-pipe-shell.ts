import {defineRule, type RuleFinding} from '../types.js';
import {commandsOf, runInstructions} from '../rule-helpers.js';

const FETCH = new Set(['curl', 'wget']);
const SHELLS = /^(sh|bash|dash|zsh|ksh|ash|python\d?(\.\d+)?|perl|ruby|node|php)$/;

const rule = defineRule({
	id: 'DH6002',
	slug: 'curl-pipe-shell',
	severity: 'warning',
	description: 'A script is downloaded and piped straight into a shell or interpreter',
	equivalents: {},
	message: (fetch: string, shell: string) =>
		`${fetch} | ${shell} runs whatever the server returns, unverified (and a dropped connection can run half a script); download to a file, check its sha256, then run it — or use a package/pinned release.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const run of runInstructions(file)) {
			const cmds = commandsOf(run);
			cmds.forEach((c, k) => {
				if (!FETCH.has(c.name) || c.after !== '|') return;
				// Follow the pipeline: curl ... | tee x | sh
				for (let j = k + 1; j < cmds.length; j++) {
					const n = cmds[j]!;
					// `| python3 -c '...'` / `| node -e '...'` run their own code on the data (parse JSON), not the download.
					if (SHELLS.test(n.name) && !n.args.some((a) => a.value === '-c' || a.value === '-e' || a.value === '-m')) {
						out.push({line: c.line, column: c.column, message: rule.message(c.name, n.name)});
						break;
					}
					if (n.after !== '|') break;
				}
			});
			// sh -c "$(curl ...)" and bash <(curl ...)
			for (const c of cmds) {
				if (!SHELLS.test(c.name)) continue;
				if (c.args.some((a) => /\$\(\s*(curl|wget)\b|<\(\s*(curl|wget)\b/.test(a.raw)))
					out.push({line: c.line, column: c.column, message: rule.message('curl', c.name)});
			}
		}
		return out;
	},
});
export default rule;
