/** The verify view: the verdict, a line per check, the failures' evidence and fix. */
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {summarize, type VerifyCheck, type VerifyResult} from '../../source/core/images/verify.js';
import {makeTheme} from '../../source/output/theme.js';
import VerifyView from '../../source/ui/views/VerifyView.js';
import {frameWith} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

it('shows the verdict, each check and the failure with its evidence and fix', async () => {
	const checks: VerifyCheck[] = [
		{id: 'non-root-user', title: 'Runs as a non-root user', status: 'pass', evidence: [], message: 'runs as app (uid 1000)'},
		{
			id: 'stops-on-sigterm',
			title: 'Stops on SIGTERM within 10 s',
			status: 'fail',
			evidence: ['still running 10 s after SIGTERM'],
			message: 'PID 1 ignores SIGTERM.',
			fix: 'Use exec-form CMD or --init.',
		},
		{id: 'healthcheck', title: 'Health', status: 'skip', evidence: [], message: 'health not verified'},
	];
	const result: VerifyResult = {
		image: {ref: 'app:1', id: 'sha256:abc', user: 'app', size: 1},
		container: {name: 'docker-helper-verify-1', removed: true},
		checks,
		diagnosis: null,
		summary: summarize(checks),
	};
	const app = render(<VerifyView result={result} input={{args: ['app:1'], flags: {}}} theme={makeTheme(false)} onBack={() => undefined} />);
	unmount = app.unmount;
	const frame = await frameWith(app, 'verify app:1');
	expect(frame).toContain('verify app:1: 1 passed, 1 failed, 1 not verified · container removed');
	expect(frame).toContain('ok Runs as a non-root user — runs as app (uid 1000)');
	expect(frame).toContain('FAIL Stops on SIGTERM within 10 s');
	expect(frame).toContain('· still running 10 s after SIGTERM');
	expect(frame).toContain('→ Use exec-form CMD or --init.');
	expect(frame).toContain('skip Health');
});
