import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH1001',
	slug: 'from-untagged',
	severity: 'warning',
	description: 'FROM names an image without a tag or digest',
	equivalents: {hadolint: 'DL3006'},
	message: (image: string) =>
		`FROM ${image} has no tag, so it means ${image}:latest and changes whenever upstream publishes; pin a version (e.g. ${image}:<version>).`,
	check({file}): RuleFinding[] {
		return (
			file.stages
				.filter((s) => s.base.stageIndex === undefined && !s.base.scratch && s.base.unresolved.length === 0)
				// A variable in FROM often selects a stage (FROM build-${VARIANT}); only literal references are judged.
				.filter((s) => !s.base.raw.includes('$'))
				.filter((s) => s.base.expanded !== '' && s.base.tag === undefined && s.base.digest === undefined)
				.map((s) => ({line: s.from.line, message: rule.message(s.base.expanded)}))
		);
	},
});
export default rule;
