import {defineRule, type RuleFinding} from '../types.js';

/** Well-known credential formats (prefix-anchored, so ordinary hashes and ids do not match). */
export const TOKENS: ReadonlyArray<{name: string; re: RegExp}> = [
	{name: 'AWS access key id', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/},
	{name: 'GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/},
	{name: 'GitHub fine-grained token', re: /\bgithub_pat_[A-Za-z0-9_]{60,}\b/},
	{name: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/},
	{name: 'Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/},
	// before OpenAI's: sk-ant-... matches that pattern too
	{name: 'Anthropic API key', re: /\bsk-ant-[A-Za-z0-9_-]{32,}\b/},
	{name: 'OpenAI API key', re: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/},
	{name: 'Stripe live key', re: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/},
	{name: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/},
	{name: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/},
	{name: 'Hugging Face token', re: /\bhf_[A-Za-z0-9]{34,}\b/},
	{name: 'private key', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----/},
	{name: 'password in a URL', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@$'"]+:(?!\$|\*+@|<)[^\s/@$'"]{3,}@[^\s/]+/i},
];

/** A literal part of every pattern in TOKENS (keep in step with it; the rule's spec covers each). */
const ANY_TOKEN = /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|sk-|[rs]k_live_|AIza|npm_|hf_|-----BEGIN|:\/\//;

function mask(s: string): string {
	return s.length <= 8 ? '****' : `${s.slice(0, 6)}…(${s.length} chars)`;
}

const rule = defineRule({
	id: 'DH7002',
	slug: 'secret-token',
	severity: 'error',
	description: 'The Dockerfile contains what looks like a real credential (token, key, password)',
	equivalents: {},
	message: (kind: string, sample: string) =>
		`This line contains a ${kind} (${sample}); it is now in the image and in your repository history. Revoke it, and pass credentials with RUN --mount=type=secret (docker build --secret) or at runtime.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		// One scan of the whole file, then of each line, for what every token above starts with; most have none.
		if (!ANY_TOKEN.test(file.source)) return out;
		file.lines.forEach((text, i) => {
			if (!ANY_TOKEN.test(text)) return;
			for (const t of TOKENS) {
				const m = t.re.exec(text);
				if (!m) continue;
				// Example placeholders (user:password@, AKIAIOSFODNN7EXAMPLE) are documentation, not leaks.
				if (/EXAMPLE|user:pass(word)?@|username:password@|xxxx/i.test(m[0])) continue;
				out.push({line: i + 1, column: m.index + 1, message: rule.message(t.name, mask(m[0]))});
				break;
			}
		});
		return out;
	},
});
export default rule;
