import {describe, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';

describe('the CLI shell (built binary, no TTY)', () => {
	it('prints the version', () => {
		const r = runCli(['--version']);
		expect(r.code).toBe(0);
		expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('prints help with every registered command', () => {
		const r = runCli(['--help']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('validate');
		expect(r.stdout).toContain('Exit codes');
	});

	it('prints help and exits 0 when run bare without a TTY (never starts Ink)', () => {
		const r = runCli([]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Usage');
		expect(r.stdout).not.toContain('\u001B[?25l'); // Ink hides the cursor when it starts
	});

	it('shows per-command help in both spellings', () => {
		const a = runCli(['validate', '--help']);
		const b = runCli(['help', 'validate']);
		expect(a.code).toBe(0);
		expect(a.stdout).toContain('--profile');
		expect(a.stdout).toContain('Examples');
		expect(b.stdout).toBe(a.stdout);
	});

	it('rejects an unknown command with a suggestion and exit 2', () => {
		const r = runCli(['valdate']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("Unknown command 'valdate'");
		expect(r.stderr).toContain('Did you mean validate?');
		expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
	});

	it('rejects an unknown flag with a suggestion and exit 2', () => {
		const r = runCli(['validate', '--strcit']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--strict');
	});

	it('reports usage errors as JSON with --json', () => {
		const {code, doc} = runJson(['nope']);
		expect(code).toBe(2);
		expect(doc).toMatchObject({schema: 'docker-helper/v1', exitCode: 2, error: {code: 'UNKNOWN_COMMAND'}});
	});

	it('refuses --host together with --context', () => {
		const r = runCli(['validate', '--host', 'unix:///x.sock', '--context', 'y']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--host and --context');
	});

	it('honours NO_COLOR and --no-color (no escape codes)', () => {
		const r = runCli(['--help', '--no-color'], {env: {NO_COLOR: undefined, FORCE_COLOR: undefined}});
		expect(r.stdout).not.toContain('\u001B[');
		const forced = runCli(['--help'], {env: {NO_COLOR: undefined, FORCE_COLOR: '1'}});
		expect(forced.stdout).toContain('\u001B[');
		const both = runCli(['--help'], {env: {NO_COLOR: '1', FORCE_COLOR: '1'}});
		expect(both.stdout).not.toContain('\u001B[');
	});
});
