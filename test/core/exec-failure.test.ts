import {describe, expect, it} from 'vitest';
import {classifyExecFailure, looksLikeRuntimeFailure, runtimeFailureDecision} from '../../source/core/exec-failure.js';

// The runtime's words, as Docker 20.10 (runc) sends them as the exec's only output.
const NOT_FOUND = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\r\n';
const NO_FILE =
	'OCI runtime exec failed: exec failed: unable to start container process: exec: "/no/such": stat /no/such: no such file or directory: unknown\r\n';
const DENIED = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/etc/passwd": permission denied: unknown\r\n';
const FORMAT = 'OCI runtime exec failed: exec failed: unable to start container process: exec format error: unknown';
const OTHER = 'OCI runtime exec failed: exec failed: unable to start container process: something else: unknown';

describe('classifyExecFailure', () => {
	it.each([
		[NOT_FOUND, ['nope'], 'not-found', 127, 'nope: command not found'],
		[NO_FILE, ['/no/such'], 'not-found', 127, '/no/such does not exist'],
		[DENIED, ['/etc/passwd'], 'not-executable', 126, '/etc/passwd is not executable'],
		[FORMAT, ['/app/bin'], 'not-executable', 126, 'exec format error'],
		[OTHER, ['x'], 'runtime', 126, 'could not start x'],
	])('%s', (text, command, kind, exitCode, message) => {
		const f = classifyExecFailure(text, command, 'web');
		expect(f).toMatchObject({kind, exitCode});
		expect(f.message).toContain(message);
		expect(f.hint.length).toBeGreaterThan(10);
		expect(f.runtimeMessage).toBe(text.trim());
	});
});

describe('runtime failure detection on the first output bytes', () => {
	it.each([
		['', 'undecided'],
		['O', 'undecided'],
		['OCI run', 'undecided'],
		[NOT_FOUND, 'failure'],
		['/ # ', 'output'],
		['hello\n', 'output'],
		['OCI is a nice acronym', 'output'],
		['rpc error: code = 2 desc = oci runtime error: exec failed', 'failure'],
	])('%j → %s', (text, decision) => {
		expect(runtimeFailureDecision(text)).toBe(decision);
	});

	it('only a runtime prefix counts', () => {
		expect(looksLikeRuntimeFailure('app: OCI runtime exec failed')).toBe(false);
		expect(looksLikeRuntimeFailure(NOT_FOUND)).toBe(true);
	});
});
