import {defineRule, type RuleFinding} from '../types.js';
import {finalStage, stageChain} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH1003',
	slug: 'from-digest-pin',
	severity: 'info',
	description: 'Final-stage base image is pinned by tag only, not by digest',
	equivalents: {},
	message: (image: string) =>
		`The final image is built on ${image}, a tag that can be re-pushed; for production pin it by digest (${image}@sha256:...) and let Renovate/Dependabot update it.`,
	check({file}): RuleFinding[] {
		const last = finalStage(file);
		if (!last) return [];
		const chain = stageChain(file, last);
		const root = chain[chain.length - 1]!;
		const b = root.base;
		if (b.stageIndex !== undefined || b.scratch || b.digest !== undefined || b.tag === undefined) return [];
		if (b.unresolved.length > 0) return [];
		return [{line: root.from.line, message: rule.message(b.expanded)}];
	},
});
export default rule;
