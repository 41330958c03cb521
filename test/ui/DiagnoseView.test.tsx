import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import type {DiagnoseResult} from '../../source/core/diagnose/report.js';
import {diagnose} from '../../source/core/diagnose/diagnose.js';
import {makeTheme} from '../../source/output/theme.js';
import DiagnoseView from '../../source/ui/views/DiagnoseView.js';
import {recording} from '../core/diagnose/fixtures.js';
import {mount, until} from '../support/ink.js';

function resultFor(scenario: string): DiagnoseResult {
	const facts = recording(scenario).facts;
	return {
		mode: 'one',
		tail: 200,
		reports: [{container: {id: facts.container.id, name: facts.container.name, image: facts.container.image}, facts, ...diagnose(facts)}],
	};
}

describe('DiagnoseView', () => {
	it('shows the top finding with its evidence and the keys for logs and inspect', () => {
		const result = resultFor('oom-killed');
		const {lastFrame} = render(<DiagnoseView result={result} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={() => {}} onOpen={() => {}} />);
		const frame = lastFrame()!;
		expect(frame).toContain('Killed by the kernel OOM killer');
		expect(frame).toContain('State.OOMKilled = true');
		expect(frame).toContain('l logs');
		expect(frame).toContain('i inspect');
		expect(frame).not.toContain('s shell'); // the container is not running
	});

	it('l, i and s open logs, inspect and a shell for the same container', async () => {
		const result = resultFor('healthcheck-failing');
		const name = result.reports[0]!.container.name;
		const onOpen = vi.fn();
		const {stdin} = await mount(<DiagnoseView result={result} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={() => {}} onOpen={onOpen} />);
		stdin.write('l');
		stdin.write('i');
		stdin.write('s');
		await until(() => onOpen.mock.calls.length === 3, 'three screens opened');
		expect(onOpen.mock.calls).toEqual([
			['logs', {args: [name], flags: {tail: 200}}],
			['inspect', {args: [name], flags: {}}],
			['exec', {args: [name], flags: {}}],
		]);
	});

	it('Esc goes back', async () => {
		const onBack = vi.fn();
		const {stdin} = await mount(<DiagnoseView result={resultFor('healthy-running')} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={onBack} />);
		stdin.write('\u001B');
		await until(() => onBack.mock.calls.length > 0, 'onBack');
	});
});
