/**
 * Secret redaction for everything we print about a container: env values whose
 * names look like credentials, and credential-looking tokens inside free text
 * (log lines, commands, evidence).
 */
export const REDACTED = '[redacted]';

const SECRET_NAME =
	/(^|[_\-.])(PASS(WORD|WD|PHRASE)?|PWD|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|KEY|CREDENTIALS?|AUTH|SESSION|COOKIE|DSN|CONN(ECTION)?[_-]?STRING|SALT|SIGNATURE|CERT)([_\-.]|$)/i;
const SECRET_SUFFIX = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|KEY|CREDENTIALS)$/i;

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

const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
const PRIVATE_KEY_END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;

const TOKEN_PATTERNS: readonly RegExp[] = [
	/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, // GitHub tokens
	/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
	/\bglpat-[A-Za-z0-9_-]{20,}\b/g, // GitLab
	/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key id
	/\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, // Slack
	/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}\b/g, // OpenAI / Anthropic style
	/\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g, // Stripe secret and restricted keys
	/\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, // Google API key
	/\bhf_[A-Za-z0-9]{30,}\b/g, // Hugging Face
	/\bnpm_[A-Za-z0-9]{36}\b/g,
	/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWT
	// A whole block on one line (or with \n escapes); an unterminated one is hidden to the end of the text.
	/-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
];

/**
 * Webhook URLs are credentials in their path: whoever has one can post. The host and the
 * fixed part of the path stay (they say what it is), the rest goes.
 */
const WEBHOOKS: readonly RegExp[] = [
	/\b(https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[^\s"'<>]+/gi,
	/\b(https?:\/\/(?:[\w-]+\.)?discord(?:app)?\.com\/api\/webhooks\/)[^\s"'<>]+/gi,
	/\b(https?:\/\/[\w.-]*\.webhook\.office\.com\/)[^\s"'<>]+/gi,
	/\b(https?:\/\/outlook\.office(?:365)?\.com\/webhook\/)[^\s"'<>]+/gi,
	/\b(https?:\/\/hooks\.zapier\.com\/hooks\/)[^\s"'<>]+/gi,
	/\b(https?:\/\/[^\s/"'<>]+\/(?:[^\s/"'<>]+\/)*?(?:webhooks?|hooks)\/)[^\s"'<>?#]*[A-Za-z0-9_-]{16,}[^\s"'<>]*/gi,
];

/** AWS secret access keys have no prefix: 40 characters of base64 with upper, lower and digits, standing alone. */
const AWS_SECRET = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

function looksLikeAwsSecret(s: string): boolean {
	return /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);
}

/** mysql -pSECRET (the password glued to -p), for the mysql and mariadb clients. */
const MYSQL_GLUED = /(\b(?:mysql|mariadb|MySQL)[\w-]*\b[^;|&\n]*?\s-p)([^\s'"][^\s'"]*)/g;
const MYSQL_PROGRAM = /^(?:.*\/)?(?:mysql|mariadb)[\w-]*$/i;

/** A value that is already redacted, bare or quoted. */
function isRedacted(value: string): boolean {
	return value === REDACTED || value === `"${REDACTED}"` || value === `'${REDACTED}'`;
}

function quoteLike(value: string): string {
	return value.startsWith('"') ? `"${REDACTED}"` : value.startsWith("'") ? `'${REDACTED}'` : REDACTED;
}

/**
 * What every match of the patterns below contains: a word secret names are made of (SECRET_NAME,
 * SECRET_SUFFIX, the secret flags), scheme://, -u, mysql, an Authorization scheme, a token prefix,
 * PEM armour or a 40-character base64 run. Most lines of a Dockerfile or a log have none of them,
 * and one scan of such a line replaces the twenty passes below. A pattern added below needs its
 * literal part here (its own tests fail otherwise).
 */
const MAY_HOLD_SECRET =
	/pass|pwd|secret|token|key|credential|auth|session|cookie|dsn|conn|salt|signature|cert|:\/\/|-u|mysql|mariadb|bearer|basic|gh[pousr]_|github_pat_|glpat-|AKIA|ASIA|xox[abprs]-|sk-|[rs]k_|AIza|hf_|npm_|eyJ|-----/i;

/** A run of 40 base64 characters (AWS_SECRET's shape), by a loop: as a regex it costs more than all of MAY_HOLD_SECRET. */
function hasBase64Run(text: string): boolean {
	let run = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 43) {
			if (++run >= 40) return true;
		} else run = 0;
	}
	return false;
}

/** Redact secrets inside free text: known token formats, URL passwords, webhook URLs, KEY=value pairs. */
export function redactText(text: string): string {
	if (text === '' || (!MAY_HOLD_SECRET.test(text) && !hasBase64Run(text))) return text;
	let out = text;
	for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, REDACTED);
	for (const pattern of WEBHOOKS) out = out.replace(pattern, (_m, head: string) => `${head}${REDACTED}`);
	// scheme://user:password@host, for every scheme; the password may hold '/', ':' or '@' (up to the last '@').
	out = out.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]*):([^\s]*)@(?=[^\s@/]*[\w\]])/gi, (m, prefix: string, password: string) =>
		password === REDACTED ? m : `${prefix}:${REDACTED}@`,
	);
	// scheme://TOKEN@host: a long user name with no password is a token (https://<token>@github.com).
	out = out.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([A-Za-z0-9_-]{24,})@/gi, (_m, scheme: string) => `${scheme}${REDACTED}@`);
	// --password value, --api-key "value" (command lines inside shell strings and logs)
	out = out.replace(
		/(^|\s)(--?[A-Za-z0-9-]*(?:pass(?:word|wd|phrase)?|secret|token|api-?key|access-?key|private-?key|credentials?))(\s+)("[^"]*"|'[^']*'|[^\s"'-]\S*)/gi,
		(m, lead: string, flag: string, sep: string, value: string) => {
			if (isRedacted(value)) return m;
			return `${lead}${flag}${sep}${quoteLike(value)}`;
		},
	);
	out = out.replace(MYSQL_GLUED, (m, head: string, password: string) => (password === REDACTED ? m : `${head}${REDACTED}`));
	// curl -u user:password, --user user:password
	out = out.replace(/(^|\s)(-u|--user)(\s+)([^\s:]+):(\S+)/g, (m, lead: string, flag: string, sep: string, user: string, password: string) =>
		password === REDACTED ? m : `${lead}${flag}${sep}${user}:${REDACTED}`,
	);
	// NAME=value / NAME: value / "name": "value" where NAME looks secret; not a file name inside a
	// path (the mount /etc/passwd:/etc is not a password), not PWD/OLDPWD (directories).
	out = out.replace(/(?<![/\w.])([A-Za-z_][A-Za-z0-9_.-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/g, (match, name: string, sep: string, value: string) => {
		if (!isSecretEnvName(name) || isRedacted(value)) return match;
		return `${name}${sep}${quoteLike(value)}`;
	});
	// "name": "value" (JSON) and 'name': 'value' (Python, YAML flow)
	out = out.replace(
		/(["'])([A-Za-z_][A-Za-z0-9_.-]*)\1(\s*[:=]\s*)(["'])((?:(?!\4)[^\\]|\\.)*)\4/g,
		(match, q: string, name: string, sep: string, vq: string, value: string) => {
			return isSecretEnvName(name) && value !== REDACTED ? `${q}${name}${q}${sep}${vq}${REDACTED}${vq}` : match;
		},
	);
	// Authorization headers, any scheme and any case; "bearer" alone when what follows is token-shaped.
	out = out.replace(
		/\b(Authorization\s*[:=]\s*["']?)(Bearer|Basic|Token|Digest|Bot|ApiKey|Key|Negotiate|NTLM|AWS4-HMAC-SHA256)\s+([^\s"',;]+)/gi,
		(m, head: string, scheme: string, value: string) => (value === REDACTED ? m : `${head}${scheme} ${REDACTED}`),
	);
	out = out.replace(/\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})/gi, (m, scheme: string, value: string) =>
		value === REDACTED || !/[\d._~+/=-]/.test(value) ? m : `${scheme} ${REDACTED}`,
	);
	out = out.replace(AWS_SECRET, (m) => (looksLikeAwsSecret(m) ? REDACTED : m));
	return out;
}

/** Lines a private key block may span at most: a 16384-bit RSA key in PEM is about 200. */
const MAX_KEY_LINES = 400;

/** A line inside a PEM block: base64 (possibly quoted or with a log prefix) or a header like Proc-Type. */
function looksLikeKeyBody(line: string): boolean {
	const t = line.trim();
	return t === '' || /^[A-Za-z0-9+/=]+[\\",]*$/.test(t) || /\b(Proc-Type|DEK-Info|Comment|Version|Hash): /.test(t) || /[A-Za-z0-9+/]{16,}/.test(t);
}

/**
 * Redaction of a stream of lines (a log, a file): like redactText line by line, and with
 * state across lines, so a private key's body and END line are hidden as well as its BEGIN
 * line. One instance per stream (stdout and stderr interleave independently).
 */
export class LineRedactor {
	#inKey = false;
	#keyLines = 0;

	line(text: string): string {
		if (this.#inKey) {
			PRIVATE_KEY_END.lastIndex = 0;
			const end = PRIVATE_KEY_END.exec(text);
			if (end) {
				this.#inKey = false;
				return this.#start(`${REDACTED}${text.slice(end.index + end[0].length)}`);
			}
			this.#keyLines++;
			if (this.#keyLines <= MAX_KEY_LINES && looksLikeKeyBody(text)) return REDACTED;
			this.#inKey = false;
		}
		return this.#start(text);
	}

	/** Redact a line outside a block; enter one when a BEGIN has no END after it on this line. */
	#start(text: string): string {
		PRIVATE_KEY_BEGIN.lastIndex = 0;
		let lastBegin = -1;
		for (let m = PRIVATE_KEY_BEGIN.exec(text); m; m = PRIVATE_KEY_BEGIN.exec(text)) lastBegin = m.index;
		if (lastBegin !== -1) {
			PRIVATE_KEY_END.lastIndex = lastBegin;
			if (!PRIVATE_KEY_END.exec(text)) {
				this.#inKey = true;
				this.#keyLines = 0;
			}
		}
		return redactText(text);
	}
}

/** Redact lines that belong together (a file, a captured log), private key blocks included. */
export function redactLines(lines: readonly string[]): string[] {
	const r = new LineRedactor();
	return lines.map((l) => r.line(l));
}

/** Names that end like a secret but are not one (the shell's working directories). */
const NOT_SECRET = new Set(['PWD', 'OLDPWD']);

/** Like isSecretName, minus well-known false positives; used for env and labels in documents. */
export function isSecretEnvName(name: string): boolean {
	return !NOT_SECRET.has(name.toUpperCase()) && isSecretName(name);
}

/** A flag that takes a secret as its next argument: --password x, --api-key x, --token x. */
const SECRET_FLAG = /^--?[A-Za-z0-9-]*(pass(word|wd|phrase)?|secret|token|api-?key|access-?key|private-?key|credentials?)$/i;

/**
 * An argument vector (Cmd, Entrypoint, Args, an exec's command): secret flag values
 * (--password x, --password=x), mysql's -pSECRET, and secrets inside arguments (sh -c '...').
 * The one redaction for anything shown as argv.
 */
export function redactArgv(argv: readonly string[]): string[] {
	const mysql = argv.findIndex((a) => MYSQL_PROGRAM.test(a));
	// Arguments read like lines: a key passed as one argument per PEM line is hidden whole.
	const lines = new LineRedactor();
	return argv.map((arg, i) => {
		if (i > 0 && SECRET_FLAG.test(argv[i - 1]!) && !arg.startsWith('-') && arg !== '') return REDACTED;
		if (mysql !== -1 && i > mysql && /^-p.+/.test(arg) && !arg.startsWith('-p=')) return `-p${REDACTED}`;
		return lines.line(arg);
	});
}

/** A Docker host URL for display: a password in it (tcp://admin:pw@host) is hidden. */
export function redactHostUrl(host: string): string {
	return host.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):([^/]*)@/i, `$1:${REDACTED}@`);
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
