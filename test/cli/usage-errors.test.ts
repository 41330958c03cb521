/** Usage mistakes a new user makes: each is exit 2 with the option named and the form to use. */
import {describe, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';

describe('an option given without its value is a usage error, never the default', () => {
	const cases: Array<[string[], string]> = [
		[['logs', 'web', '--tail'], '--tail'],
		[['logs', 'web', '--tail='], '--tail'],
		[['logs', 'web', '--tail', '--grep', 'x'], '--tail'],
		[['logs', 'web', '--grep'], '--grep'],
		[['recommend', '--workload'], '--workload'],
		[['validate', '--profile'], '--profile'],
		[['generate-compose', '--service'], '--service'],
		[['generate-compose', '--image'], '--image'],
		[['exec', 'web', '-w'], '-w'],
		[['exec', 'web', '-e'], '-e'],
		[['--host'], '--host'],
	];
	for (const [args, flag] of cases) {
		it(`docker-helper ${args.join(' ')}`, () => {
			const r = runCli(args);
			expect(r.code).toBe(2);
			expect(r.stderr).toContain(`${flag} needs a value.`);
			expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
		});
	}

	it('names the choices when the option has them', () => {
		const r = runCli(['recommend', '--workload']);
		expect(r.stderr).toContain('--workload <ai-inference|ai-training|web>');
	});

	it('in JSON too', () => {
		const {code, doc} = runJson(['logs', 'web', '--tail']);
		expect(code).toBe(2);
		expect(doc.error.code).toBe('USAGE');
		expect(doc.error.details.flag).toBe('--tail');
	});

	it('a negative number is still a value (the command judges it)', () => {
		const r = runCli(['logs', 'web', '--tail', '-5']);
		expect(r.stderr).not.toContain('needs a value');
	});
});

describe("docker's own habits", () => {
	it('exec without -- says where the command goes, quoted for the shell', () => {
		const r = runCli(['exec', 'web', 'ls', '-l', 'echo hi; touch /tmp/x']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("Run: docker-helper exec web -- ls -l 'echo hi; touch /tmp/x'");
	});

	it('keeps exec options before the -- it adds', () => {
		const r = runCli(['exec', '-u', 'root', 'web', '-w', '/tmp', 'sh', '-c', 'echo hi']);
		expect(r.stderr).toContain("Run: docker-helper exec -u root web -w /tmp -- sh -c 'echo hi'");
	});

	it('version works as a command', () => {
		expect(runCli(['version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
		expect(JSON.parse(runCli(['version', '--json']).stdout).version).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('--workload webapp suggests web', () => {
		const r = runCli(['recommend', '--workload', 'webapp']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('Did you mean web?');
	});
});

describe('help says what a flag does in the form it is shown', () => {
	it('logs --help: --no-redact shows secrets, it does not redact them', () => {
		const line = runCli(['logs', '--help'])
			.stdout.split('\n')
			.find((l) => /^\s+--no-redact\s/.test(l))!;
		expect(line).toBeDefined();
		expect(line).not.toMatch(/--no-redact\s+Redact/);
		expect(line).toMatch(/Show secret-looking values/);
	});
});
