import {defineRule, type RuleFinding} from '../types.js';
import {runInstructions} from '../rule-helpers.js';

const message = (left: string, right: string) =>
	`\`${left} | ${right}\`: the RUN succeeds even when ${left} fails, because only the last command's status counts; add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it where bash exists (on Alpine/BusyBox: start the RUN with \`set -o pipefail &&\`; Debian's /bin/sh, dash, rejects -o pipefail)`;

/** Commands whose failure in a pipe does not matter (they only produce text). */
const HARMLESS_LEFT = new Set(['echo', 'printf', 'cat', 'yes', 'true', 'false', 'test', '[']);

export default defineRule({
	id: 'DH6001',
	slug: 'pipefail',
	severity: 'warning',
	description: 'A RUN with a pipe does not set -o pipefail',
	equivalents: {hadolint: 'DL4006'},
	message,
	check(ctx) {
		const out: RuleFinding[] = [];
		for (const instruction of runInstructions(ctx.file)) {
			const shell = instruction.shell;
			if (!shell || shell.pipefail) continue;
			const cmds = shell.commands;
			for (let i = 0; i + 1 < cmds.length; i++) {
				const left = cmds[i]!;
				const right = cmds[i + 1]!;
				if (left.after !== '|' && left.after !== '|&') continue;
				if (HARMLESS_LEFT.has(left.name)) continue;
				out.push({line: left.line, column: left.column, message: message(left.name, right.name)});
				break; // one per RUN
			}
		}
		return out;
	},
});
