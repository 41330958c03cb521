/**
 * No secret in any output: the table of real-shaped secrets (test/support/secrets.ts) through
 * the built CLI — lint's source lines in every format, inspect and logs and diagnose against a
 * real container, text and --json alike — and terminal control sequences from container data
 * shown instead of obeyed.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers} from '../support/engine.js';
import {LOOKALIKES, PRIVATE_KEY_LINES, PRIVATE_KEY_SECRETS, SECRETS} from '../support/secrets.js';
import {randomBytes} from 'node:crypto';

const ALL_SECRETS = [...SECRETS.map((c) => c.secret), ...PRIVATE_KEY_SECRETS];
const ESC = '\u001b';

function expectNoSecret(output: string, where: string): void {
	for (const secret of ALL_SECRETS) expect(output.includes(secret), `${where} shows ${secret}`).toBe(false);
}

describe('lint prints source lines redacted', () => {
	let dir: string;
	let file: string;
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'dh-hd-lint-'));
		file = path.join(dir, 'Dockerfile');
		// `sudo` makes DH rule no-sudo report every RUN line, so each one is printed with its source.
		const lines = [
			'FROM alpine:3.20',
			...SECRETS.map((c) => `RUN sudo echo ${c.text}`),
			'COPY <<EOF /run/key.pem',
			...PRIVATE_KEY_LINES,
			'EOF',
			...LOOKALIKES.map((l) => `RUN sudo echo ${l}`),
		];
		writeFileSync(file, `${lines.join('\n')}\n`);
	});
	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	it('text: every secret line is printed, none with its secret; look-alikes printed as they are', () => {
		const r = runCli(['lint', file, '--no-engine']);
		expect(r.stderr).not.toMatch(/TypeError|at .*\.js:\d+/);
		const excerpts = r.stdout.split('\n').filter((l) => /^\s+\d+ \| RUN sudo echo /.test(l));
		expect(excerpts.length).toBeGreaterThanOrEqual(SECRETS.length);
		expectNoSecret(r.stdout + r.stderr, 'lint text');
		for (const l of LOOKALIKES) expect(r.stdout).toContain(`| RUN sudo echo ${l}`);
	});

	it.each(['json', 'gnu', 'github', 'sarif'])('--format %s', (format) => {
		const r = runCli(['lint', file, '--no-engine', '--format', format]);
		expect([0, 1]).toContain(r.code);
		expectNoSecret(r.stdout + r.stderr, `lint --format ${format}`);
	});
});

describeEngine('inspect, logs and diagnose against a container full of secrets', () => {
	const name = `dh-hd-redact-${randomBytes(3).toString('hex')}`;
	// Printed by the container to stdout and stderr: every secret, the key block, and escape sequences.
	const script = ['for l in "$@"; do printf "%s\\n" "$l"; done', 'for l in "$@"; do printf "%s\\n" "$l" >&2; done'].join('; ');
	const printed = [...SECRETS.map((c) => c.text), ...PRIVATE_KEY_LINES, `title ${ESC}]0;pwned\u0007 clear ${ESC}[2J done`, 'plain last line'];

	beforeAll(() => {
		docker([
			'run',
			'-d',
			'--name',
			name,
			'--network',
			'none',
			'-e',
			`DB_PASSWORD=${SECRETS.find((c) => c.format.startsWith('NAME=value'))!.secret}`,
			'-e',
			`GPG_PASSPHRASE=${SECRETS.find((c) => c.format === '*_PASSPHRASE')!.secret}`,
			'-e',
			`DATABASE_URL=${SECRETS[0]!.text.split(' ').pop()!}`,
			'-e',
			'PWD=/srv/app',
			'-e',
			`NOTE=evil${ESC}[2Jlabel`,
			'--label',
			`com.example.hook=${SECRETS.find((c) => c.format === 'Slack webhook')!
				.text.split(' ')
				.pop()!}`,
			'--label',
			`com.example.title=x${ESC}]0;pwned\u0007y`,
			FIXTURE_IMAGE,
			'sh',
			'-c',
			script,
			'sh',
			...printed,
		]);
		for (let i = 0; i < 100 && docker(['inspect', '-f', '{{.State.Status}}', name]) !== 'exited'; i++) docker(['inspect', name]);
	});
	afterAll(() => removeContainers(name));

	it('inspect: text and --json', () => {
		const text = runCli(['inspect', name]);
		expect(text.code).toBe(0);
		expectNoSecret(text.stdout + text.stderr, 'inspect text');
		expect(text.stdout).not.toContain(ESC);
		expect(text.stdout).toContain('\\x1b]0;pwned');
		expect(text.stdout).toContain('PWD=/srv/app');
		const json = runCli(['inspect', name, '--json']);
		expectNoSecret(json.stdout, 'inspect --json');
		const doc = JSON.parse(json.stdout);
		expect(JSON.stringify(doc)).toContain('[redacted]');
	});

	it('logs: text with the key block hidden across lines, control sequences shown', () => {
		const r = runCli(['logs', name]);
		expect(r.code).toBe(0);
		expectNoSecret(r.stdout + r.stderr, 'logs');
		expect(r.stdout).not.toContain(ESC);
		expect(r.stdout).toContain('\\x1b[2J');
		expect(r.stdout.trim().split('\n').at(-1)).toBe('plain last line');
		// Both streams, each with its own key block.
		expect(r.stderr).toContain('plain last line');
	});

	it('logs --json: NDJSON without secrets; control characters escaped, the value intact', () => {
		const r = runCli(['logs', name, '--json']);
		expectNoSecret(r.stdout, 'logs --json');
		const records = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as {line: string});
		expect(records.length).toBe(printed.length * 2);
		expect(r.stdout).not.toContain(ESC);
		expect(records.some((rec) => rec.line.includes(`${ESC}[2J`))).toBe(true);
	});

	it('diagnose: --json and text, evidence and the command included', () => {
		const json = runCli(['diagnose', name, '--json']);
		expect(json.stderr).not.toMatch(/TypeError/);
		expectNoSecret(json.stdout + json.stderr, 'diagnose --json');
		const text = runCli(['diagnose', name]);
		expectNoSecret(text.stdout + text.stderr, 'diagnose text');
		expect(text.stdout).not.toContain(ESC);
	});
});

describe('credentials in DOCKER_HOST are never echoed', () => {
	const env = {DOCKER_HOST: 'tcp://admin:S3cretPW@127.0.0.1:1', DOCKER_CONTEXT: undefined};
	it.each([['inspect', 'x'], ['validate'], ['validate', '--json'], ['logs', 'x', '--json'], ['diagnose', 'x']])('%s %s', (...args) => {
		const r = runCli(args, {env, timeout: 30_000});
		expect(r.code).toBe(3);
		expect(r.stdout + r.stderr).not.toContain('S3cretPW');
		expect(r.stdout + r.stderr).toContain('127.0.0.1');
	});
});
