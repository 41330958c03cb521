/** The app flow on a real engine: diagnose with no argument → container picker → DiagnoseView. */
import React from 'react';
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {diagnoseCommand} from '../../source/commands/diagnose.js';
import {createContext} from '../../source/context.js';
import {makeTheme} from '../../source/output/theme.js';
import {App} from '../../source/ui/App.js';
import {frameWith, inputReady, press} from '../support/ink.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

describeEngine('diagnose in the app', () => {
	const name = uniqueName('diag-app');
	beforeAll(() => {
		docker(['run', '-d', '--name', name, FIXTURE_IMAGE, 'sh', '-c', 'echo "Error: connect ECONNREFUSED 127.0.0.1:5432" >&2; exit 1']);
		docker(['wait', name]);
	});
	afterAll(() => removeContainers(name));

	it('with no container opens the picker, and choosing one shows the diagnosis with its keys', async () => {
		const ctx = () =>
			createContext(
				{env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdinIsTTY: false},
				{},
				{interactive: true, progress: false},
			);
		const app = render(
			<App commands={[diagnoseCommand]} theme={makeTheme(false)} makeContext={ctx} start={{command: 'diagnose', input: {args: [], flags: {tail: 200}}}} />,
		);
		try {
			await inputReady(app);
			const picker = await frameWith(app, (f) => f.includes('diagnose: choose container') && f.includes('Exited'), 'the container picker');
			expect(picker).toMatch(/Exited \(\d+\)/);
			const view = await press(app, '\r', 'l logs', 'the diagnosis');
			expect(view).toMatch(/status: /);
			expect(view).toMatch(/Evidence|No known cause matched/); // the first choice is the most troubled container on the shared engine
		} finally {
			app.unmount();
		}
	}, 60_000);
});
