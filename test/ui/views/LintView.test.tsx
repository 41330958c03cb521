import React from 'react';
import {expect, test} from 'vitest';
import LintView from '../../../source/ui/views/LintView.js';
import {lintSource} from '../../../source/core/lint/engine.js';
import {rules} from '../../../source/core/lint/rules/index.js';
import {summarize, type LintReport} from '../../../source/core/lint/report.js';
import {makeTheme} from '../../../source/output/theme.js';
import {KEY, mount, until} from '../../support/ink.js';

function report(src: string): LintReport {
	const r = lintSource(src, 'Dockerfile', {rules});
	const files = [
		{
			file: 'Dockerfile',
			findings: r.findings,
			suppressed: r.suppressed,
			suppressions: [],
			parseErrors: r.parseErrors,
			crashes: r.crashes,
			base: null,
			lines: r.model.lines,
		},
	];
	return {
		mode: 'lint',
		files,
		summary: summarize(files),
		threshold: 'info',
		noFail: false,
		failed: true,
		engine: {used: false, note: '--no-engine'},
		config: {sources: [], problems: []},
		format: 'text',
	};
}

test('groups by severity, shows the source around the selection, e opens the explanation', async () => {
	const opened: Array<[string, unknown]> = [];
	let back = false;
	const result = report('FROM debian:bookworm\nMAINTAINER me\nRUN apt-get update && apt-get install curl\nCMD node server.js\n');
	const {lastFrame, stdin} = await mount(
		<LintView result={result} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={() => (back = true)} onOpen={(c, i) => opened.push([c, i])} />,
	);
	const frame = lastFrame()!;
	expect(frame).toMatch(/WARNING \(\d+\)/);
	expect(frame).toMatch(/INFO \(\d+\)/);
	expect(frame.indexOf('WARNING')).toBeLessThan(frame.indexOf('INFO'));
	expect(frame).toContain('base images not checked: --no-engine');
	// the first selected finding is the first warning; its source line is shown with a caret
	const firstWarning = result.files[0]!.findings.find((f) => f.severity === 'warning')!;
	expect(frame).toContain(`${String(firstWarning.line).padStart(5)} | ${result.files[0]!.lines[firstWarning.line - 1]}`);
	stdin.write('e');
	await until(() => opened.length > 0, 'explain opened');
	expect(opened).toEqual([['explain', {args: [firstWarning.slug], flags: {}}]]);
	stdin.write(KEY.down);
	stdin.write(KEY.enter);
	await until(() => opened.length > 1, 'the second finding opened');
	expect(opened).toHaveLength(2);
	expect((opened[1]![1] as {args: string[]}).args[0]).not.toBe(undefined);
	stdin.write(KEY.escape); // Esc: back (q quits the app)
	await until(() => back, 'onBack');
});
