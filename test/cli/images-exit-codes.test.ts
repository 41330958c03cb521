/**
 * analyze and verify exit codes that need no image: 3 when the engine is unreachable, 2 for usage
 * errors; each a one-line message and a hint, never a stack trace. (0 and 1 are asserted on fixture
 * images in test/commands/analyze.engine.test.ts and verify.engine.test.ts.)
 */
import {expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';

const NOWHERE = {DOCKER_HOST: 'unix:///nonexistent/dh-im-docker.sock', DOCKER_CONTEXT: ''};

it.each([['analyze'], ['verify']])('%s: exit 3 when the engine is unreachable, with what to do', (command) => {
	const r = runCli([command, 'dh-im-app:1.0'], {env: NOWHERE});
	expect(r.code).toBe(3);
	expect(r.stderr).toContain('Cannot reach the Docker Engine at unix:///nonexistent/dh-im-docker.sock');
	expect(r.stderr).toMatch(/→ .*daemon/);
	expect(r.stderr).not.toMatch(/\n\s+at /);
	const j = runJson([command, 'dh-im-app:1.0'], {env: NOWHERE});
	expect(j.code).toBe(3);
	expect(j.doc.exitCode).toBe(3);
	expect(j.doc.error.hint).toBeTruthy();
});

it.each([
	['analyze', ['-f', 'Dockerfile'], '-f/--file is for --build'],
	['verify', ['-f', 'Dockerfile'], '-f/--file is for --build'],
	['analyze', ['--max-size', 'huge'], '--max-size huge: not a size'],
	['verify', ['--lowest-efficiency', 'high'], '--lowest-efficiency high: not a ratio'],
	['verify', ['--http', 'web'], '--http web: expected PORT or PORT/path'],
	['analyze', ['--max-size'], 'max-size'],
])('%s %s: exit 2, usage error before the engine is asked', (command, flags, message) => {
	const r = runCli([command, 'dh-im-app:1.0', ...flags], {env: NOWHERE});
	expect(r.code).toBe(2);
	expect(r.stderr).toContain(message);
	expect(r.stderr).not.toContain('Cannot reach');
	expect(r.stderr).not.toMatch(/\n\s+at /);
});
