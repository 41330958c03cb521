import {describe, expect, it} from 'vitest';
import {LineRedactor, REDACTED, redactArgv, redactHostUrl, redactLines, redactText} from '../../source/core/redact.js';
import {LOOKALIKES, PRIVATE_KEY_LINES, PRIVATE_KEY_SECRETS, SECRETS} from '../support/secrets.js';

describe('every secret format the hardening issue names', () => {
	it.each(SECRETS.map((c) => [c.format, c] as const))('%s', (_format, c) => {
		const out = redactText(c.text);
		expect(out).not.toContain(c.secret);
		expect(out).toContain(REDACTED);
		expect(redactText(out)).toBe(out); // idempotent
	});
});

describe('look-alikes stay as they are', () => {
	it.each(LOOKALIKES)('%s', (text) => {
		expect(redactText(text)).toBe(text);
	});
});

describe('private keys across lines', () => {
	it('hides the body and END line, not only BEGIN', () => {
		const lines = ['starting', ...PRIVATE_KEY_LINES, 'listening on :8080'];
		const out = redactLines(lines);
		for (const s of PRIVATE_KEY_SECRETS) expect(out.join('\n')).not.toContain(s);
		expect(out[0]).toBe('starting');
		expect(out.at(-1)).toBe('listening on :8080');
		expect(out.length).toBe(lines.length);
	});

	it('keeps state per instance, so each stream is tracked apart', () => {
		const stdout = new LineRedactor();
		const stderr = new LineRedactor();
		expect(stdout.line(PRIVATE_KEY_LINES[0]!)).toBe(REDACTED);
		expect(stderr.line('an error line')).toBe('an error line');
		expect(stdout.line(PRIVATE_KEY_LINES[1]!)).toBe(REDACTED);
		expect(stdout.line(`${PRIVATE_KEY_LINES.at(-1)!} after`)).toBe(`${REDACTED} after`);
		expect(stdout.line('plain again')).toBe('plain again');
	});

	it('handles a key with a log prefix on each line and OPENSSH / PGP headers', () => {
		for (const header of ['OPENSSH PRIVATE KEY', 'RSA PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PGP PRIVATE KEY BLOCK']) {
			const out = redactLines([
				`app | -----BEGIN ${header}-----`,
				'app | Proc-Type: 4,ENCRYPTED',
				`app | ${PRIVATE_KEY_LINES[1]}`,
				`app | -----END ${header}-----`,
				'app | ready',
			]);
			expect(out.join('\n')).not.toContain(PRIVATE_KEY_SECRETS[0]!);
			expect(out.at(-1)).toBe('app | ready');
		}
	});

	it('leaves the block when the lines stop looking like a key (an unterminated BEGIN does not hide the log)', () => {
		const out = redactLines(['expected -----BEGIN PRIVATE KEY----- in the file', 'retrying in 5 s ...', 'connected']);
		expect(out.slice(1)).toEqual(['retrying in 5 s ...', 'connected']);
	});

	it('a key on one line with \\n escapes (JSON logs)', () => {
		const out = redactText(`{"key":"${PRIVATE_KEY_LINES.join('\\n')}","ok":true}`);
		for (const s of PRIVATE_KEY_SECRETS) expect(out).not.toContain(s);
		expect(out).toContain('"ok":true');
	});
});

describe('argv', () => {
	it.each([
		[
			['mysql', '-uroot', '-pMyS3cret', 'shop'],
			['mysql', '-uroot', `-p${REDACTED}`, 'shop'],
		],
		[
			['/usr/bin/mariadb-dump', '-pX9'],
			['/usr/bin/mariadb-dump', `-p${REDACTED}`],
		],
		[
			['nginx', '-p', '/etc/nginx'],
			['nginx', '-p', '/etc/nginx'],
		],
		[
			['app', '--password', 'hunter2pw'],
			['app', '--password', REDACTED],
		],
		[
			['app', '--password=hunter2pw'],
			['app', `--password=${REDACTED}`],
		],
		[
			['gpg', '--passphrase', 'Op3n'],
			['gpg', '--passphrase', REDACTED],
		],
		[
			['openssl', 'enc', '-pass', 'pass:Op3n'],
			['openssl', 'enc', '-pass', REDACTED],
		],
	])('%j', (argv, expected) => {
		expect(redactArgv(argv)).toEqual(expected);
	});
});

describe('Docker host URLs', () => {
	it.each([
		['tcp://admin:S3cretPW@10.0.0.5:2376', `tcp://admin:${REDACTED}@10.0.0.5:2376`],
		['ssh://deploy@host', 'ssh://deploy@host'],
		['unix:///var/run/docker.sock', 'unix:///var/run/docker.sock'],
	])('%s', (host, expected) => {
		expect(redactHostUrl(host)).toBe(expected);
	});
});
