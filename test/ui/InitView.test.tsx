/** The init wizard: detection shown, answers changed by keys, re-planned and written through the command. */
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import {afterAll, afterEach, expect, it} from 'vitest';
import type {Input} from '../../source/core/input.js';
import type {InitResult} from '../../source/core/project/result.js';
import {makeTheme} from '../../source/output/theme.js';
import InitView from '../../source/ui/views/InitView.js';
import {ROOT, runJson} from '../support/cli.js';
import {frameWith, KEY, mount as mountKeyed, press, until} from '../support/ink.js';

const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const {down: DOWN, right: RIGHT, enter: ENTER, backspace: BACKSPACE} = KEY;

function previewOf(fixture: string): InitResult {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-in-view-'));
	dirs.push(dir);
	cpSync(path.join(ROOT, 'test', 'fixtures', 'init', fixture), dir, {recursive: true});
	const r = runJson(['init', '--dry-run'], {cwd: dir}).doc.result as InitResult;
	return {...r, mode: 'preview'};
}

async function mount(result: InitResult, opened: Array<{command: string; input: Input}>) {
	const app = await mountKeyed(
		<InitView
			result={result}
			input={{args: [], flags: {}}}
			theme={makeTheme(false)}
			onBack={() => undefined}
			onOpen={(command, input) => opened.push({command, input})}
		/>,
	);
	unmount = app.unmount;
	return app;
}

it('shows the detection and the answers; unchanged answers write the files', async () => {
	const opened: Array<{command: string; input: Input}> = [];
	const app = await mount(previewOf('flask-redis'), opened);
	const frame = await frameWith(app, 'Write 4 files');
	expect(frame).toContain('Flask 3.0.3, from requirements.txt line 1');
	expect(frame).toMatch(/Stack\s+‹ flask ›/);
	expect(frame).toMatch(/Port\s+5000/);
	expect(frame).toMatch(/Redis\s+\[x\]/);
	expect(frame).toMatch(/Write\s+Write 4 files/);
	for (let i = 0; i < 8; i++) app.stdin.write(DOWN);
	app.stdin.write(ENTER);
	await until(() => opened.length > 0, 'init opened');
	expect(opened).toHaveLength(1);
	expect(opened[0]!.command).toBe('init');
	expect(opened[0]!.input.flags).toMatchObject({yes: true, stack: 'flask', port: 5000, with: 'redis', entry: 'app:app'});
});

it('a changed port and service re-plan first (nothing written), with the new answers', async () => {
	const opened: Array<{command: string; input: Input}> = [];
	const app = await mount(previewOf('flask-redis'), opened);
	app.stdin.write(DOWN);
	app.stdin.write(DOWN);
	await press(app, ENTER, '5000▏', 'editing the port');
	for (let i = 0; i < 4; i++) app.stdin.write(BACKSPACE);
	app.stdin.write('9000');
	await press(app, ENTER, /Port\s+9000(?!▏)/, 'the new port');
	app.stdin.write(DOWN);
	app.stdin.write(DOWN);
	const frame = await press(app, ENTER, /PostgreSQL\s+\[x\]/, 'postgres on');
	expect(frame).toMatch(/Port\s+9000/);
	expect(frame).toMatch(/Apply\s+Apply the changes/);
	for (let i = 0; i < 4; i++) app.stdin.write(DOWN);
	app.stdin.write(ENTER);
	await until(() => opened.length > 0, 'init opened');
	expect(opened).toHaveLength(1);
	expect(opened[0]!.input.flags).toMatchObject({stack: 'flask', port: 9000, with: 'postgres,redis'});
	expect(opened[0]!.input.flags['yes']).toBeUndefined();
});

it('the stack changes with the arrows, and the preview shows each file', async () => {
	const app = await mount(previewOf('static-site'), []);
	await press(app, RIGHT, /‹ static-busybox ›/);
	await press(app, '\u001B[D', (f) => !f.includes('‹ static-busybox ›'), 'the stack back');
	for (let i = 0; i < 7; i++) app.stdin.write(DOWN);
	const first = await press(app, ENTER, 'Dockerfile (1/4, create)');
	expect(first).toContain('nginx-unprivileged');
	await press(app, 'n', '.dockerignore (2/4, create)');
	await press(app, '\u001B', /Preview\s+4 files/, 'back from the preview');
});
