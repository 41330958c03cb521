/** The init wizard: detection shown, answers changed by keys, re-planned and written through the command. */
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {afterAll, afterEach, expect, it} from 'vitest';
import type {Input} from '../../source/core/input.js';
import type {InitResult} from '../../source/core/project/result.js';
import {makeTheme} from '../../source/output/theme.js';
import InitView from '../../source/ui/views/InitView.js';
import {ROOT, runJson} from '../support/cli.js';
import {settle} from '../support/ink.js';

const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const DOWN = '\u001B[B';
const RIGHT = '\u001B[C';
const ENTER = '\r';
const BACKSPACE = '\u007F';

function previewOf(fixture: string): InitResult {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-in-view-'));
	dirs.push(dir);
	cpSync(path.join(ROOT, 'test', 'fixtures', 'init', fixture), dir, {recursive: true});
	const r = runJson(['init', '--dry-run'], {cwd: dir}).doc.result as InitResult;
	return {...r, mode: 'preview'};
}

function mount(result: InitResult, opened: Array<{command: string; input: Input}>) {
	const app = render(
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
	const app = mount(previewOf('flask-redis'), opened);
	await settle();
	const frame = app.lastFrame()!;
	expect(frame).toContain('Flask 3.0.3, from requirements.txt line 1');
	expect(frame).toMatch(/Stack\s+‹ flask ›/);
	expect(frame).toMatch(/Port\s+5000/);
	expect(frame).toMatch(/Redis\s+\[x\]/);
	expect(frame).toMatch(/Write\s+Write 4 files/);
	for (let i = 0; i < 8; i++) app.stdin.write(DOWN);
	await settle(100);
	app.stdin.write(ENTER);
	await settle(100);
	expect(opened).toHaveLength(1);
	expect(opened[0]!.command).toBe('init');
	expect(opened[0]!.input.flags).toMatchObject({yes: true, stack: 'flask', port: 5000, with: 'redis', entry: 'app:app'});
});

it('a changed port and service re-plan first (nothing written), with the new answers', async () => {
	const opened: Array<{command: string; input: Input}> = [];
	const app = mount(previewOf('flask-redis'), opened);
	await settle();
	app.stdin.write(DOWN);
	app.stdin.write(DOWN);
	await settle(100);
	app.stdin.write(ENTER);
	await settle(100);
	for (let i = 0; i < 4; i++) app.stdin.write(BACKSPACE);
	app.stdin.write('9000');
	await settle(100);
	app.stdin.write(ENTER);
	await settle(100);
	app.stdin.write(DOWN);
	app.stdin.write(DOWN);
	await settle(100);
	app.stdin.write(ENTER); // postgres on
	await settle(100);
	expect(app.lastFrame()).toMatch(/Port\s+9000/);
	expect(app.lastFrame()).toMatch(/PostgreSQL\s+\[x\]/);
	expect(app.lastFrame()).toMatch(/Apply\s+Apply the changes/);
	for (let i = 0; i < 4; i++) app.stdin.write(DOWN);
	await settle(100);
	app.stdin.write(ENTER);
	await settle(100);
	expect(opened).toHaveLength(1);
	expect(opened[0]!.input.flags).toMatchObject({stack: 'flask', port: 9000, with: 'postgres,redis'});
	expect(opened[0]!.input.flags['yes']).toBeUndefined();
});

it('the stack changes with the arrows, and the preview shows each file', async () => {
	const app = mount(previewOf('static-site'), []);
	await settle();
	app.stdin.write(RIGHT);
	await settle(100);
	expect(app.lastFrame()).toMatch(/‹ static-busybox ›/);
	app.stdin.write('\u001B[D');
	await settle(100);
	for (let i = 0; i < 7; i++) app.stdin.write(DOWN);
	await settle(100);
	app.stdin.write(ENTER);
	await settle(150);
	expect(app.lastFrame()).toContain('Dockerfile (1/4, create)');
	expect(app.lastFrame()).toContain('nginx-unprivileged');
	app.stdin.write('n');
	await settle(150);
	expect(app.lastFrame()).toContain('.dockerignore (2/4, create)');
	app.stdin.write('\u001B');
	await settle(150);
	expect(app.lastFrame()).toMatch(/Preview\s+4 files/);
});
