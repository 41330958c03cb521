import React from 'react';
import {describe, expect, it, vi} from 'vitest';
import type {LogsResult} from '../../source/core/log-stream.js';
import {makeTheme} from '../../source/output/theme.js';
import LogsView from '../../source/ui/views/LogsView.js';
import {mount, press, until} from '../support/ink.js';

const records = Array.from({length: 100}, (_, i) => ({stream: (i % 10 === 9 ? 'stderr' : 'stdout') as 'stdout' | 'stderr', line: `line ${i + 1}`}));
const result: LogsResult = {
	container: 'web',
	id: 'abc',
	tty: false,
	lines: 100,
	stdoutLines: 90,
	stderrLines: 10,
	scanned: 100,
	bytes: 1000,
	followed: false,
	interrupted: false,
	grep: null,
	records,
	recordsDropped: 0,
};

describe('LogsView', () => {
	it('opens at the newest lines with stderr marked, and scrolls back', async () => {
		const app = await mount(<LogsView result={result} input={{args: ['web'], flags: {}}} theme={makeTheme(false)} onBack={() => undefined} />);
		expect(app.lastFrame()).toContain('[stderr] line 100');
		expect(app.lastFrame()).not.toMatch(/^line 1$/m);
		await press(app, 'g', /^line 1$/m, 'the top'); // top
	});

	it('f follows live, i inspects, s opens a shell for the same container', async () => {
		const onOpen = vi.fn();
		const {stdin} = await mount(
			<LogsView result={result} input={{args: ['web'], flags: {}}} theme={makeTheme(false)} onBack={() => undefined} onOpen={onOpen} />,
		);
		stdin.write('fis'); // one chunk: each key is handled
		await until(() => onOpen.mock.calls.length === 3, 'three screens opened');
		expect(onOpen.mock.calls).toEqual([
			['logs', {args: ['web'], flags: {follow: true, tail: 50}}],
			['inspect', {args: ['web'], flags: {}}],
			['exec', {args: ['web'], flags: {}}],
		]);
	});
});
