import {defineRule, type RuleFinding} from '../types.js';

const PATTERNS: ReadonlyArray<{re: RegExp; what: string}> = [
	{re: /(^|\/)\.env(\.(?!example$|sample$|template$|dist$|defaults?$|schema$)[\w.-]+)?$/i, what: 'an environment file with secrets'},
	{re: /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/, what: 'an SSH private key'},
	{re: /(^|\/)\.ssh(\/|$)/, what: 'an SSH directory'},
	{re: /\.(key|p12|pfx|jks|keystore)$/i, what: 'a private key or keystore'},
	{re: /(private|priv)[^/]*\.pem$|(^|\/)key\.pem$/i, what: 'a private key'},
	{re: /(^|\/)\.(npmrc|pypirc|netrc|git-credentials|pgpass|htpasswd)$/, what: 'a credentials file'},
	{re: /(^|\/)\.aws(\/credentials)?$|(^|\/)\.docker\/config\.json$|(^|\/)\.kube(\/config)?$|(^|\/)kubeconfig$/i, what: 'cloud or registry credentials'},
	{re: /(^|\/)(credentials|service[-_]?account|secrets?)[^/]*\.(json|ya?ml|txt|ini|env)$/i, what: 'a credentials file'},
];

const rule = defineRule({
	id: 'DH7003',
	slug: 'secret-file-copy',
	severity: 'warning',
	description: 'COPY/ADD puts a key, .env or credentials file into the image',
	equivalents: {},
	message: (src: string, what: string) =>
		`${src} looks like ${what}; anything copied into a layer can be extracted from the image, even if a later step deletes it. Use RUN --mount=type=secret,id=...,target=... for build-time use, or mount it at runtime, and list it in .dockerignore.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const ins of [...file.byKeyword('COPY'), ...file.byKeyword('ADD')]) {
			if (ins.flag('from') || ins.heredocs.length > 0) continue;
			const words = ins.json ?? ins.words.map((w) => w.value);
			for (const src of words.slice(0, -1)) {
				const hit = PATTERNS.find((p) => p.re.test(src.replace(/\/+$/, '')));
				if (hit) {
					out.push({line: ins.line, message: rule.message(src, hit.what)});
					break;
				}
			}
		}
		return out.sort((a, b) => a.line - b.line);
	},
});
export default rule;
