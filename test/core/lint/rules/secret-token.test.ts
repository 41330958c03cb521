import rule from '../../../../source/core/lint/rules/secret-token.js';
import {ruleSpec} from './helper.js';

const GH = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const AWS = 'AKIA' + 'Z7QKXJ3VNM4WPLTR';

ruleSpec(rule, {
	triggers: [
		{src: `FROM alpine:3.20\nRUN git clone https://${GH}@github.com/org/repo.git`, lines: [2], messages: ['GitHub token']},
		{name: 'AWS key in ENV on a continuation line', src: `FROM alpine:3.20\nENV REGION=eu-west-1 \\\n    AWS_ACCESS_KEY_ID=${AWS}`, lines: [3]},
		{name: 'password in a URL', src: 'FROM alpine:3.20\nENV DATABASE_URL=postgres://app:s3cr3tpw@db:5432/app', lines: [2], messages: ['password in a URL']},
		// one of each format (the rule first scans the whole file for what they start with)
		...[
			['GitHub fine-grained token', 'github_pat_' + 'A1b2C3d4E5'.repeat(6)],
			['GitLab token', 'glpat-' + 'Ab1Cd2Ef3Gh4Ij5Kl6Mn'],
			['Slack token', 'xoxb-' + '1234567890-abcdef'],
			['OpenAI API key', 'sk-' + 'Ab1Cd2Ef3Gh4'.repeat(3)],
			['Anthropic API key', 'sk-ant-' + 'Ab1Cd2Ef3Gh4'.repeat(3)],
			['Stripe live key', 'rk_live_' + 'Ab1Cd2Ef3Gh4Ij5Kl6Mn'],
			['Google API key', 'AIza' + 'Sy1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qr0St1Uv'],
			['npm token', 'npm_' + 'Ab1Cd2Ef3Gh4'.repeat(3)],
			['Hugging Face token', 'hf_' + 'Ab1Cd2Ef3Gh4'.repeat(3)],
		].map(([kind, token]) => ({name: kind!, src: `FROM alpine:3.20\nRUN echo ok\nENV TOKEN_VALUE=${token}`, lines: [3], messages: [kind!]})),
		{
			name: 'private key in a heredoc',
			src: 'FROM alpine:3.20\nCOPY <<EOF /root/.ssh/id_rsa\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\nEOF',
			lines: [3],
		},
	],
	passes: [
		'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
		'FROM alpine:3.20\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app',
		'FROM alpine:3.20\nRUN echo "postgres://user:password@localhost/db" > /tmp/example',
		'FROM alpine:3.20\nRUN git clone https://github.com/org/repo.git',
		'FROM alpine:3.20\nENV PYTHON_SHA256=639e43243c620a308f968213df9e00f2f8f62332f7adbaa7a7eeb9783057c690',
	],
});
