import {describe, expect, it} from 'vitest';
import {missingEnvVar} from '../../../source/core/diagnose/rules/missing-env-var.js';
import {logLine, variant} from './fixtures.js';

/** The official images' entry points, as they print on a first start without a password. */
const POSTGRES = [
	'Error: Database is uninitialized and superuser password is not specified.',
	'       You must specify POSTGRES_PASSWORD to a non-empty value for the',
	'       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
];
const MYSQL = [
	'2026-11-30 10:16:40+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
	'    You need to specify one of the following as an environment variable:',
	'    - MYSQL_ROOT_PASSWORD',
	'    - MYSQL_ALLOW_EMPTY_PASSWORD',
	'    - MYSQL_RANDOM_ROOT_PASSWORD',
];

function exited(lines: string[], env: string[] = []) {
	return variant('missing-env-var', (f) => {
		f.logs.lines = lines.map((t) => logLine(t));
		f.container.env = ['PATH=/usr/local/bin:/usr/bin:/bin', ...env];
	});
}

describe('missing-env-var on the database images', () => {
	it('names POSTGRES_PASSWORD from the postgres entry point', () => {
		expect(missingEnvVar.diagnose(exited(POSTGRES))?.title).toContain('POSTGRES_PASSWORD');
	});
	it('names the MySQL choices from the mysql entry point', () => {
		expect(missingEnvVar.diagnose(exited(MYSQL))?.title).toContain('MYSQL_ROOT_PASSWORD');
	});
	it('stays silent on the trust-authentication warning that only mentions the variable', () => {
		const warning = [
			'WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow',
			'         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL',
		];
		expect(missingEnvVar.diagnose(exited(warning))).toBeNull();
	});
	it('stays silent when the variable is set', () => {
		expect(missingEnvVar.diagnose(exited(POSTGRES, ['POSTGRES_PASSWORD=s3cret']))).toBeNull();
	});
});
