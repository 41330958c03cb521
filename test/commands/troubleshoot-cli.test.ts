import {describe, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';

describe('logs, inspect, exec: help, usage and engine errors (no engine needed)', () => {
	it.each([
		['logs', ['--grep', '--since', '--follow', 'NDJSON', 'U+FFFD', 'exit 130']],
		['inspect', ['--json', 'redacted']],
		['exec', ['-- command args', '127', '126', 'bash']],
	])('%s --help documents its options and behaviour', (name, needles) => {
		const r = runCli([name, '--help']);
		expect(r.code).toBe(0);
		for (const n of needles) expect(r.stdout).toContain(n);
		expect(r.stdout).toContain('Examples');
	});

	it.each(['logs', 'inspect', 'exec'])('%s without a container is a usage error (exit 2)', (name) => {
		const r = runCli([name]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('<container>');
	});

	it('exec with extra words but no -- says how to pass a command', () => {
		const r = runCli(['exec', 'web', 'ls']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('Run: docker-helper exec web -- ls');
	});

	it.each([
		[['logs', 'web', '--tail', '1.5'], '--tail'],
		[['logs', 'web', '--until', 'tomorrow'], '--until'],
		[['logs', 'web', '--grep', '[a-'], '--grep'],
	])('%j is a usage error before contacting the engine', (args, needle) => {
		const r = runCli([...args, '--host', 'unix:///nonexistent/docker.sock']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(needle);
	});

	it.each([['logs'], ['inspect'], ['exec']])('%s with an unreachable engine exits 3 with a hint', (name) => {
		const r = runCli([name, 'web', '--host', 'unix:///nonexistent/docker.sock', ...(name === 'exec' ? ['--', 'true'] : [])]);
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('Cannot reach the Docker Engine');
		const j = runJson([name, 'web', '--host', 'unix:///nonexistent/docker.sock']);
		expect(j.doc.error.code).toBe('ENGINE_UNREACHABLE');
	});
});
