import {defineRule, type RuleFinding} from '../types.js';
import {runCommands} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH4060',
	slug: 'go-install-latest',
	severity: 'warning',
	description: 'go install fetches a moving version (@latest, a branch)',
	equivalents: {hadolint: 'DL3062'},
	message: (spec: string) => `go install ${spec} builds whatever was published last; pin a version (${spec.split('@')[0]}@v1.2.3, or @\${TOOL_VERSION}).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const {command: c} of runCommands(file)) {
			if (c.name !== 'go' || c.subcommand !== 'install') continue;
			for (const a of c.args) {
				const m = /@(latest|master|main|HEAD|upgrade)$/.exec(a.value);
				if (m) out.push({line: a.line, column: a.column, message: rule.message(a.value)});
			}
		}
		return out;
	},
});
export default rule;
