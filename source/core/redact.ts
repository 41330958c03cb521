/**
 * Secret redaction for everything we print about a container: env values whose
 * names look like credentials, and credential-looking tokens inside free text
 * (log lines, commands, evidence).
 */
export const REDACTED = '[redacted]';

const SECRET_NAME = /(^|[_\-.])(PASS(WORD|WD)?|PWD|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|KEY|CREDENTIALS?|AUTH|SESSION|COOKIE|DSN|CONN(ECTION)?[_-]?STRING|SALT|SIGNATURE|CERT)([_\-.]|$)/i;
const SECRET_SUFFIX = /(PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|KEY|CREDENTIALS)$/i;

export function isSecretName(name: string): boolean {
	return SECRET_NAME.test(name) || SECRET_SUFFIX.test(name);
}

/** "NAME=value" → "NAME=[redacted]" when NAME looks secret. */
export function redactEnvEntry(entry: string): string {
	const eq = entry.indexOf('=');
	if (eq === -1) return entry;
	const name = entry.slice(0, eq);
	const value = entry.slice(eq + 1);
	if (value === '') return entry;
	return isSecretName(name) ? `${name}=${REDACTED}` : `${name}=${redactText(value)}`;
}

const TOKEN_PATTERNS: readonly RegExp[] = [
	/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, // GitHub tokens
	/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
	/\bglpat-[A-Za-z0-9_-]{20,}\b/g, // GitLab
	/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key id
	/\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, // Slack
	/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}\b/g, // OpenAI / Anthropic style
	/\bhf_[A-Za-z0-9]{30,}\b/g, // Hugging Face
	/\bnpm_[A-Za-z0-9]{36}\b/g,
	/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWT
	/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/** Redact secrets inside free text: known token formats, URL passwords, KEY=value pairs. */
export function redactText(text: string): string {
	let out = text;
	for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, REDACTED);
	// scheme://user:password@host
	out = out.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]+):([^@\s/]+)@/gi, `$1:${REDACTED}@`);
	// NAME=value / NAME: value / "name": "value" where NAME looks secret
	out = out.replace(/\b([A-Za-z_][A-Za-z0-9_.-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/g, (match, name: string, sep: string, value: string) => {
		if (!isSecretName(name) || value === REDACTED || value === `"${REDACTED}"`) return match;
		const quoted = value.startsWith('"') ? `"${REDACTED}"` : value.startsWith("'") ? `'${REDACTED}'` : REDACTED;
		return `${name}${sep}${quoted}`;
	});
	out = out.replace(/("(?:[A-Za-z_][A-Za-z0-9_.-]*)")(\s*:\s*)"([^"]*)"/g, (match, quotedName: string, sep: string) => {
		const name = quotedName.slice(1, -1);
		return isSecretName(name) ? `${quotedName}${sep}"${REDACTED}"` : match;
	});
	// Authorization headers
	out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`);
	return out;
}
