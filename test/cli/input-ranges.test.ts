/**
 * Out-of-range and oddly written values are usage errors (exit 2) before anything reaches the engine,
 * with the accepted forms in the hint (built binary). `--tail all` is accepted, as docker logs takes it.
 */
import {describe, expect, it} from 'vitest';
import {runCli} from '../support/cli.js';

const MISSING = 'dh-hd-no-such-container';

describe('logs: --since, --until and --tail', () => {
	it.each([
		['--since', '2024-02-30'],
		['--since', '2023-02-29'],
		['--until', '2024-04-31T10:00:00Z'],
		['--since', '-5m'],
		['--since', '99999999999999999999d'],
		['--since', '99999999999999999999'],
		['--tail', '0x10'],
		['--tail', '1e3'],
		['--tail', '-5'],
		['-n', '-5'],
		['--tail', 'some'],
		['--tail=', null],
		['--since=', null],
	])('%s %s: exit 2 with the accepted forms', (flag, value) => {
		const r = runCli(['logs', MISSING, ...(value === null ? [flag] : [flag, value])]);
		expect(r.code, r.stderr).toBe(2);
		expect(r.stderr).toMatch(/Example|For example|Give it as/);
		expect(r.stderr).not.toContain('No such container');
	});

	it.each([
		['--tail', 'all'],
		['--tail', '0'],
		['--since', '2024-02-29'],
		['--since', '1h30m'],
		['--until', '1714564800'],
	])('%s %s is accepted (the engine is asked: no such container, exit 1)', (flag, value) => {
		const r = runCli(['logs', MISSING, flag, value]);
		expect(r.code, r.stderr).toBe(1);
		expect(r.stderr).toContain('No such container');
	});
});

describe('number options are decimal', () => {
	it.each([
		['generate-compose', '--stdout', '--port', '0x1f40'],
		['generate-compose', '--stdout', '--port', '8e3'],
		['generate-compose', '--stdout', '--port', ' 8000'],
		['diagnose', MISSING, '--tail', '0x10'],
	])('%s … %s %s: exit 2', (...args) => {
		const r = runCli(args);
		expect(r.code, r.stderr).toBe(2);
		expect(r.stderr).toContain('needs a decimal number');
	});
});
