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
	return isSecretEnvName(name) ? `${name}=${REDACTED}` : `${name}=${redactText(value)}`;
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
	out = out.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]*):([^@\s/]+)@/gi, (m, prefix: string, password: string) => (password === REDACTED ? m : `${prefix}:${REDACTED}@`));
	// --password value, --api-key "value" (command lines inside shell strings and logs)
	out = out.replace(/(^|\s)(--?[A-Za-z0-9-]*(?:pass(?:word|wd)?|secret|token|api-?key|access-?key|private-?key|credentials?))(\s+)("[^"]*"|'[^']*'|[^\s"'-]\S*)/gi, (m, lead: string, flag: string, sep: string, value: string) => {
		if (value === REDACTED || value === `"${REDACTED}"`) return m;
		return `${lead}${flag}${sep}${value.startsWith('"') ? `"${REDACTED}"` : value.startsWith("'") ? `'${REDACTED}'` : REDACTED}`;
	});
	// curl -u user:password, --user user:password
	out = out.replace(/(^|\s)(-u|--user)(\s+)([^\s:]+):(\S+)/g, (m, lead: string, flag: string, sep: string, user: string, password: string) => (password === REDACTED ? m : `${lead}${flag}${sep}${user}:${REDACTED}`));
	// NAME=value / NAME: value / "name": "value" where NAME looks secret; not a file name inside a
	// path (the mount /etc/passwd:/etc is not a password).
	out = out.replace(/(?<![/\w.])([A-Za-z_][A-Za-z0-9_.-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/g, (match, name: string, sep: string, value: string) => {
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

/** Names that end like a secret but are not one (the shell's working directories). */
const NOT_SECRET = new Set(['PWD', 'OLDPWD']);

/** Like isSecretName, minus well-known false positives; used for env and labels in documents. */
export function isSecretEnvName(name: string): boolean {
	return !NOT_SECRET.has(name.toUpperCase()) && isSecretName(name);
}

/** A flag that takes a secret as its next argument: --password x, --api-key x, --token x. */
const SECRET_FLAG = /^--?[A-Za-z0-9-]*(pass(word|wd)?|secret|token|api-?key|access-?key|private-?key|credentials?)$/i;

/** An argument vector (Cmd, Entrypoint, Args): secret flag values and secrets inside arguments. */
export function redactArgv(argv: readonly string[]): string[] {
	return argv.map((arg, i) => (i > 0 && SECRET_FLAG.test(argv[i - 1]!) && !arg.startsWith('-') ? REDACTED : redactText(arg)));
}

function redactEnvList(env: unknown): unknown {
	return Array.isArray(env) ? env.map((entry) => (typeof entry === 'string' ? redactEnvEntry(entry) : entry)) : env;
}

function redactRecord(record: unknown, label: (key: string, value: string) => string): unknown {
	if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
	return Object.fromEntries(Object.entries(record as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? label(k, v) : v]));
}

/** A label or option value, by its key (com.example.db-password) and its content. */
export function redactByKey(key: string, value: string): string {
	if (value === '') return value;
	const last = key.split(/[./]/).pop() ?? key;
	return isSecretEnvName(last) || isSecretEnvName(key.replace(/[./-]/g, '_')) ? REDACTED : redactText(value);
}

/**
 * The full `docker inspect` document of a container with every place a secret lives
 * redacted: env values with secret names, secrets in the command line, labels, log
 * driver options, health probe output and the state's error. Returns a copy.
 */
export function redactContainerDocument<T>(doc: T): T {
	// An inspect document of any engine version: the fields are checked as they are read.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const d = structuredClone(doc) as Record<string, any>;
	// Path and Args are one argv, as are Entrypoint and Cmd: a secret flag's value may be in the second part.
	if (Array.isArray(d['Args'])) d['Args'] = redactArgv([String(d['Path'] ?? ''), ...d['Args']]).slice(1);
	if (typeof d['Path'] === 'string') d['Path'] = redactText(d['Path']);
	const config = d['Config'];
	if (config && typeof config === 'object') {
		config.Env = redactEnvList(config.Env);
		const entrypoint: string[] = Array.isArray(config.Entrypoint) ? config.Entrypoint : [];
		if (Array.isArray(config.Cmd)) config.Cmd = redactArgv([...entrypoint, ...config.Cmd]).slice(entrypoint.length);
		if (Array.isArray(config.Entrypoint)) config.Entrypoint = redactArgv(config.Entrypoint);
		else if (typeof config.Entrypoint === 'string') config.Entrypoint = redactText(config.Entrypoint);
		config.Labels = redactRecord(config.Labels, redactByKey);
		if (config.Healthcheck && Array.isArray(config.Healthcheck.Test)) config.Healthcheck.Test = redactArgv(config.Healthcheck.Test);
	}
	const host = d['HostConfig'];
	if (host && typeof host === 'object' && host.LogConfig && typeof host.LogConfig === 'object') {
		host.LogConfig.Config = redactRecord(host.LogConfig.Config, redactByKey);
	}
	const state = d['State'];
	if (state && typeof state === 'object') {
		if (typeof state.Error === 'string') state.Error = redactText(state.Error);
		const log = state.Health?.Log;
		if (Array.isArray(log)) for (const probe of log) if (probe && typeof probe.Output === 'string') probe.Output = redactText(probe.Output);
	}
	return d as T;
}
