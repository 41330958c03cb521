import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH1005',
	slug: 'from-platform-constant',
	severity: 'warning',
	description: 'FROM --platform is set to a constant instead of a build argument',
	equivalents: {hadolint: 'DL3029', buildkit: 'FromPlatformFlagConstDisallowed'},
	message: (platform: string) =>
		`FROM --platform=${platform} hard-codes the platform, so multi-platform builds get the wrong architecture; use --platform=$BUILDPLATFORM for build stages, or drop the flag.`,
	check({file}): RuleFinding[] {
		const out = [];
		for (const s of file.stages) {
			const p = s.platform;
			if (!p || p.includes('$')) continue;
			// BuildKit's exception: a stage named after its platform's OS or architecture (AS build-arm64,
			// AS linux) is deliberate.
			const [os, arch] = p.toLowerCase().split('/');
			if ((arch && s.name?.includes(arch)) || (os && s.name?.includes(os))) continue;
			out.push({line: s.from.line, message: rule.message(p)});
		}
		return out;
	},
});
export default rule;
