import {afterAll, beforeAll, expect, it} from 'vitest';
import {runCli} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

const running = uniqueName('exec');
const stopped = uniqueName('exec-stopped');

afterAll(() => removeContainers(running, stopped));

describeEngine('exec (real engine, built CLI)', () => {
	beforeAll(() => {
		docker(['run', '-d', '--name', running, FIXTURE_IMAGE, 'sleep', '600']);
		docker(['run', '--name', stopped, FIXTURE_IMAGE, 'sh', '-c', 'exit 3'], {allowFail: true});
	});

	it("exits with the command's exit code", () => {
		expect(runCli(['exec', running, '--', 'sh', '-c', 'exit 7']).code).toBe(7);
		expect(runCli(['exec', running, '--', 'true']).code).toBe(0);
		expect(runCli(['exec', running, '--', 'false']).code).toBe(1);
	});

	it('passes an argument array with spaces and quotes intact (no shell string is built)', () => {
		const r = runCli(['exec', running, '--', 'sh', '-c', 'printf "%s|" "$@"', '_', 'a b', "it's", '"q"', '$HOME', '*', '']);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(`a b|it's|"q"|$HOME|*||`);
	});

	it('streams stdout and stderr to their own fds', () => {
		const r = runCli(['exec', running, '--', 'sh', '-c', 'echo out-line; echo err-line >&2']);
		expect(r.stdout).toBe('out-line\n');
		expect(r.stderr).toBe('err-line\n');
	});

	it('a missing command is 127 with a clear message; a non-executable file 126', () => {
		const missing = runCli(['exec', running, '--', 'no-such-command-xyz', 'arg']);
		expect(missing.code).toBe(127);
		expect(missing.stderr).toContain('no-such-command-xyz: command not found');
		expect(missing.stdout).toBe('');
		const path = runCli(['exec', running, '--', '/nope/tool']);
		expect(path.code).toBe(127);
		expect(path.stderr).toContain('/nope/tool does not exist');
		const notExec = runCli(['exec', running, '--', '/etc/passwd']);
		expect(notExec.code).toBe(126);
		expect(notExec.stderr).toContain('/etc/passwd is not executable');
		expect(notExec.stderr).not.toMatch(/\bat .*:\d+:\d+/);
	});

	it('a stopped container is a clear error with the start command', () => {
		const r = runCli(['exec', stopped, '--', 'ls']);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`Container ${stopped} is exited (exit code 3)`);
		expect(r.stderr).toContain(`docker start ${stopped}`);
	});

	it('no command without a terminal is a usage error that shows how to pass one', () => {
		const r = runCli(['exec', running]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`docker-helper exec ${running} -- `);
	});

	it('-i forwards stdin; -e, -w and -u reach the process', () => {
		expect(runCli(['exec', '-i', running, '--', 'wc', '-l'], {input: 'a\nb\nc\n'}).stdout.trim()).toBe('3');
		const r = runCli(['exec', running, '-e', 'GREETING=hello world', '-w', '/tmp', '-u', '1000', '--', 'sh', '-c', 'echo "$GREETING|$(pwd)|$(id -u)"']);
		expect(r.stdout.trim()).toBe('hello world|/tmp|1000');
	});

	it('--json captures output and exit code', () => {
		// --json goes before --: everything after -- belongs to the command.
		const r = runCli(['exec', running, '--json', '--', 'sh', '-c', 'echo hi; echo oops >&2; exit 4']);
		const code = r.code;
		const doc = JSON.parse(r.stdout);
		expect(code).toBe(4);
		expect(doc.exitCode).toBe(4);
		expect(doc.result).toMatchObject({exitCode: 4, stdout: 'hi\n', stderr: 'oops\n', failure: null, truncated: false});
		const missing = runCli(['exec', running, '--json', '--', 'nope-xyz']);
		expect(missing.code).toBe(127);
		expect(JSON.parse(missing.stdout).result.failure).toMatchObject({kind: 'not-found', exitCode: 127});
	});

	it('an unknown container is exit 1 with close names', () => {
		const r = runCli(['exec', `${running}zz`, '--', 'true']);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(running);
	});
});
