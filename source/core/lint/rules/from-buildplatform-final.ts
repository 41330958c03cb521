import {defineRule, type RuleFinding} from '../types.js';
import {finalStage} from '../rule-helpers.js';

const rule = defineRule({
	id: 'DH1008',
	slug: 'from-buildplatform-final',
	severity: 'warning',
	description: "The final stage is built FROM --platform=$BUILDPLATFORM, so the image gets the builder's architecture",
	equivalents: {},
	message: (platform: string) =>
		`The final stage uses --platform=${platform}: in a multi-platform build (docker buildx build --platform linux/amd64,linux/arm64) every variant gets the builder's architecture and fails with "exec format error" elsewhere; keep $BUILDPLATFORM for build stages and let the final stage default to the target platform.`,
	check({file}): RuleFinding[] {
		const last = finalStage(file);
		const p = last?.platform;
		if (!last || !p || !/\$\{?BUILD(PLATFORM|OS|ARCH)\b/.test(p)) return [];
		return [{line: last.from.line, message: rule.message(p)}];
	},
});
export default rule;
