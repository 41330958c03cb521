import {describe, expect, it} from 'vitest';
import {
	isSecretEnvName,
	isSecretName,
	REDACTED,
	redactArgv,
	redactByKey,
	redactContainerDocument,
	redactEnvEntry,
	redactText,
} from '../../source/core/redact.js';

describe('isSecretName', () => {
	it.each([
		'DB_PASSWORD',
		'PGPASSWORD',
		'MYSQL_ROOT_PASSWORD',
		'API_TOKEN',
		'NODE_AUTH_TOKEN',
		'AWS_SECRET_ACCESS_KEY',
		'STRIPE_API_KEY',
		'apiKey',
		'GITHUB_TOKEN',
		'SESSION_SECRET',
		'db.password',
		'SENTRY_DSN',
		'DATABASE_CONNECTION_STRING',
		'PRIVATE_KEY',
		'client-secret',
	])('%s is secret', (name) => {
		expect(isSecretEnvName(name)).toBe(true);
	});

	it.each([
		'PATH',
		'HOME',
		'HOSTNAME',
		'PWD',
		'OLDPWD',
		'LANG',
		'NODE_ENV',
		'TOKENIZERS_PARALLELISM',
		'KEYCLOAK_URL',
		'AUTHOR',
		'PORT',
		'LOG_LEVEL',
		'PASSENGER_APP_ENV',
	])('%s is not secret', (name) => {
		expect(isSecretEnvName(name)).toBe(false);
	});

	it('keeps isSecretName as the raw name test (PWD matches there)', () => {
		expect(isSecretName('PWD')).toBe(true);
		expect(isSecretEnvName('PWD')).toBe(false);
	});
});

describe('redactEnvEntry', () => {
	it.each([
		['DB_PASSWORD=hunter2', `DB_PASSWORD=${REDACTED}`],
		['API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789', `API_TOKEN=${REDACTED}`],
		['PWD=/srv/app', 'PWD=/srv/app'],
		['DB_PASSWORD=', 'DB_PASSWORD='],
		['NOEQUALS', 'NOEQUALS'],
		['DATABASE_URL=postgres://app:s3cret@db:5432/app', `DATABASE_URL=postgres://app:${REDACTED}@db:5432/app`],
		['GREETING=hello=world', 'GREETING=hello=world'],
		['NOTE=token ghp_abcdefghijklmnopqrstuvwxyz0123456789 here', `NOTE=token ${REDACTED} here`],
	])('%s → %s', (entry, expected) => {
		expect(redactEnvEntry(entry)).toBe(expected);
	});
});

describe('redactText', () => {
	it.each([
		['login with password=hunter2 ok', `login with password=${REDACTED} ok`],
		['{"password": "hunter2", "user": "bob"}', `{"password": "${REDACTED}", "user": "bob"}`],
		["secret: 'abc def'", `secret: '${REDACTED}'`],
		['Authorization: Bearer abcdefghijklmnop', `Authorization: Bearer ${REDACTED}`],
		['key AKIAABCDEFGHIJKLMNOP used', `key ${REDACTED} used`],
		['tok xoxb-1234567890-abcdef', `tok ${REDACTED}`],
		['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', `jwt ${REDACTED}`],
		['redis://:pw123@cache:6379', `redis://:${REDACTED}@cache:6379`],
		['mysqladmin --password hunter2 ping', `mysqladmin --password ${REDACTED} ping`],
		['app --api-key "k 1" --port 80', `app --api-key "${REDACTED}" --port 80`],
		['curl -u admin:pw http://x', `curl -u admin:${REDACTED} http://x`],
		['useradd -u 1000 app', 'useradd -u 1000 app'],
		['app --token --verbose', 'app --token --verbose'],
		['amqp://guest:guest@rabbit:5672/', `amqp://guest:${REDACTED}@rabbit:5672/`],
		['GET /health 200 12ms', 'GET /health 200 12ms'],
		['starting worker pid=42 port=8080', 'starting worker pid=42 port=8080'],
		['', ''],
	])('%j', (text, expected) => {
		expect(redactText(text)).toBe(expected);
	});

	it('redacts a private key block', () => {
		const text = 'x -----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY----- y';
		expect(redactText(text)).toBe(`x ${REDACTED} y`);
	});

	it('is idempotent', () => {
		const once = redactText('password=hunter2 and Bearer abcdefghijklmnop');
		expect(redactText(once)).toBe(once);
	});
});

describe('redactArgv', () => {
	it.each([
		[
			['app', '--password', 'hunter2'],
			['app', '--password', REDACTED],
		],
		[
			['app', '--api-key', 'k', '--port', '80'],
			['app', '--api-key', REDACTED, '--port', '80'],
		],
		[
			['app', '--password=hunter2'],
			['app', `--password=${REDACTED}`],
		],
		[
			['app', '--token', '--verbose'],
			['app', '--token', '--verbose'],
		],
		[
			['sh', '-c', 'curl -H "Authorization: Bearer abcdefghijkl" x'],
			['sh', '-c', `curl -H "Authorization: Bearer ${REDACTED}" x`],
		],
		[['--password'], ['--password']],
		[
			['nginx', '-g', 'daemon off;'],
			['nginx', '-g', 'daemon off;'],
		],
	])('%j', (argv, expected) => {
		expect(redactArgv(argv)).toEqual(expected);
	});
});

describe('redactByKey', () => {
	it.each([
		['com.example.db-password', 'x', REDACTED],
		['traefik.http.middlewares.auth.basicauth.users', 'admin:$apr1$abc', REDACTED],
		['org.opencontainers.image.version', '1.2.3', '1.2.3'],
		['splunk-token', 'abc', REDACTED],
		['note', 'password=hunter2', `password=${REDACTED}`],
		['com.example.db-password', '', ''],
	])('%s=%s', (key, value, expected) => {
		expect(redactByKey(key, value)).toBe(expected);
	});
});

describe('redactContainerDocument', () => {
	const doc = {
		Id: 'abc',
		Path: 'app',
		Args: ['--password', 'hunter2', '--port', '80'],
		Config: {
			Env: ['DB_PASSWORD=hunter2', 'PLAIN=ok', 'PWD=/srv'],
			Entrypoint: ['app', '--token'],
			Cmd: ['ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
			Labels: {'com.example.api-key': 'k123', version: '1'},
			Healthcheck: {Test: ['CMD-SHELL', 'curl -u admin:pw http://x --password hunter2']},
		},
		HostConfig: {LogConfig: {Type: 'splunk', Config: {'splunk-token': 'tok', 'splunk-url': 'https://s'}}},
		State: {Error: 'connect postgres://u:hunter2@db failed', Health: {Log: [{Output: 'DB_PASSWORD=hunter2 rejected'}]}},
	};

	it('redacts every place a secret lives and leaves the rest', () => {
		const out = redactContainerDocument(doc);
		expect(JSON.stringify(out)).not.toMatch(/hunter2|ghp_abc|k123|"tok"/);
		expect(out.Args).toEqual(['--password', REDACTED, '--port', '80']);
		expect(out.Config.Env).toEqual([`DB_PASSWORD=${REDACTED}`, 'PLAIN=ok', 'PWD=/srv']);
		expect(out.Config.Cmd).toEqual([REDACTED]); // value of the entrypoint's --token
		expect(out.Config.Labels).toEqual({'com.example.api-key': REDACTED, version: '1'});
		expect(out.HostConfig.LogConfig.Config['splunk-url']).toBe('https://s');
	});

	it('returns a copy and leaves the input untouched', () => {
		const before = JSON.stringify(doc);
		redactContainerDocument(doc);
		expect(JSON.stringify(doc)).toBe(before);
	});
});

describe('paths are not secrets', () => {
	it('a bind mount of /etc/passwd keeps its target', () => {
		expect(redactText('/etc/passwd:/etc/passwd:ro')).toBe('/etc/passwd:/etc/passwd:ro');
		expect(redactText('-v ./secrets/token:/run/token')).toBe('-v ./secrets/token:/run/token');
	});
	it('a key at the start of a word is still redacted', () => {
		expect(redactText('DB_PASSWORD=hunter2 and token: abc123')).toBe('DB_PASSWORD=[redacted] and token: [redacted]');
	});
});
