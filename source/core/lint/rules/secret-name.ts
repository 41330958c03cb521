import {defineRule, type RuleFinding} from '../types.js';

// The credential word must end the name (DB_PASSWORD, API_KEY, GITHUB_TOKEN): GPG_KEY and
// *_KEY_ID / *_TOKEN_URL / *_FILE name public keys, ids and paths, not secrets.
const SECRET =
	/(^|_)(PASSWORD|PASSWD|PASSPHRASE|PASS|PWORD|SECRET|TOKEN|APIKEY|API_KEY|ACCESS_KEY|PRIVATE_KEY|SECRET_KEY|CLIENT_SECRET|AUTH|CREDENTIALS?|KEY|ACCESS_KEY_ID)\d*$/i;
const PUBLIC = /(^|_)(GPG|PGP|PUBLIC|PUB|SIGNING|CHECKSUM|SHA\d*|FINGERPRINT|GNUPG|KEYSERVER|REPO|APT|CA|SSH_HOST)(_|$)/i;
const NEVER_PUBLIC = /(PASSPHRASE|PASSWORD|PASSWD|SECRET)\d*$/i;
// Values that are references, not secrets: paths to a mounted secret, empty, or obvious placeholders.
const HARMLESS = /^(\/run\/secrets\/.*|\/var\/run\/secrets\/.*|true|false|yes|no|0|1|none|null|changeme|change_me|your[-_].*|<.*>|\*+|x+)$/i;

const rule = defineRule({
	id: 'DH7001',
	slug: 'secret-name',
	severity: 'warning',
	description: 'An ARG or ENV looks like it holds a credential',
	equivalents: {hadolint: 'DL3064', buildkit: 'SecretsUsedInArgOrEnv'},
	message: (keyword: string, name: string) =>
		keyword === 'ARG'
			? `ARG ${name} looks like a credential; build args are recorded in the image history (docker history) and visible to anyone with the image. Use a build secret: RUN --mount=type=secret,id=${name.toLowerCase()} (docker build --secret id=${name.toLowerCase()},env=${name}).`
			: `ENV ${name} looks like a credential; ENV values are stored in the image config for anyone to read (docker inspect). Pass it at runtime (docker run -e / a secrets manager), or use RUN --mount=type=secret for build-time use.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		const all = file.instructions.flatMap((i) => (i.keyword === 'ONBUILD' && i.onbuild ? [i.onbuild] : [i]));
		for (const ins of all) {
			if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
			const pairs: Array<[string, string | undefined, number]> = [];
			if (ins.keyword === 'ENV' && ins.words.length > 0 && !ins.words[0]!.value.includes('=')) {
				pairs.push([
					ins.words[0]!.value,
					ins.words
						.slice(1)
						.map((w) => w.value)
						.join(' '),
					ins.words[0]!.line,
				]);
			} else {
				for (const w of ins.words) {
					const i = w.value.indexOf('=');
					pairs.push([i < 0 ? w.value : w.value.slice(0, i), i < 0 ? undefined : w.value.slice(i + 1), w.line]);
				}
			}
			for (const [name, rawValue, line] of pairs) {
				// A GPG_PASSPHRASE is a secret even though GPG_KEY names a public key.
				if (!SECRET.test(name) || (PUBLIC.test(name) && !NEVER_PUBLIC.test(name))) continue;
				const value = rawValue?.replace(/^["']|["']$/g, '');
				if (ins.keyword === 'ENV' && (value === undefined || value === '' || HARMLESS.test(value))) continue;
				if (ins.keyword === 'ARG' && value !== undefined && value !== '' && HARMLESS.test(value)) continue;
				out.push({line, message: rule.message(ins.keyword, name)});
			}
		}
		return out;
	},
});
export default rule;
