/** In a terminal, copy-dockerfile without a variant opens the app at a picker of the templates. */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {commands, findCommand} from '../../source/commands/index.js';
import {createContext} from '../../source/context.js';
import {makeTheme} from '../../source/output/theme.js';
import {App} from '../../source/ui/App.js';
import {ROOT} from '../support/cli.js';
import {frameWith, inputReady, KEY, press} from '../support/ink.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-picker-'));
const makeContext = () =>
	createContext({env: process.env, cwd: dir, stdout: process.stdout, stderr: process.stderr, stdinIsTTY: true}, {}, {interactive: true, progress: false});
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('copy-dockerfile picker', () => {
	it('opens the app only when no variant, --list or --stdout is given', () => {
		const cmd = findCommand('copy-dockerfile')!;
		expect(cmd.opensApp!({args: [], flags: {}})).toBe(true);
		expect(cmd.opensApp!({args: ['slim'], flags: {}})).toBe(false);
		expect(cmd.opensApp!({args: [], flags: {variant: 'slim'}})).toBe(false);
		expect(cmd.opensApp!({args: [], flags: {list: true}})).toBe(false);
	});

	it('shows each variant with base image, size and when to choose it; Enter on the second writes that template', async () => {
		const app = render(
			<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} start={{command: 'copy-dockerfile', input: {args: [], flags: {}}}} />,
		);
		cleanup = app.unmount;
		await inputReady(app);
		const picker = await frameWith(app, (f) => f.includes('choose variant') && f.includes('basic'), 'the picker');
		for (const s of ['slim', 'alpine', 'gunicorn', 'node', 'python:3.13.14-slim-trixie', 'python:3.13.14-alpine3.24', '~125 MB', 'AI/ML'])
			expect(picker).toContain(s);
		await press(app, KEY.down, /❯ ?alpine/);
		// A preview of the template first, naming where it goes; nothing is written before w.
		const preview = await press(app, KEY.enter, 'will write Dockerfile');
		expect(preview).toContain('FROM');
		expect(preview).toContain('w write');
		expect(readdirSync(dir)).toEqual([]);
		const done = await press(app, 'w', 'Wrote');
		expect(done).toContain('alpine template');
		expect(readdirSync(dir)).toEqual(['Dockerfile']);
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'assets', 'dockerfiles', 'alpine.Dockerfile'), 'utf8'));
	});

	it('picking again when the Dockerfile exists refuses first, then b replaces it and keeps the old one as a backup', async () => {
		const before = readFileSync(path.join(dir, 'Dockerfile'));
		const app = render(
			<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} start={{command: 'copy-dockerfile', input: {args: [], flags: {}}}} />,
		);
		cleanup = app.unmount;
		await inputReady(app);
		await frameWith(app, 'choose variant');
		await press(app, KEY.enter, 'will write Dockerfile');
		const err = await press(app, 'w', 'already exists');
		// The menu cannot take --force: it offers the choice as a key instead.
		expect(err).not.toContain('--force');
		expect(err).toContain('Press b to replace it');
		expect(readFileSync(path.join(dir, 'Dockerfile')).equals(before)).toBe(true);
		const done = await press(app, 'b', 'Wrote', 'the replaced file');
		expect(done).toMatch(/backup|\.bak/);
		expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'Dockerfile.bak']);
		expect(readFileSync(path.join(dir, 'Dockerfile.bak')).equals(before)).toBe(true);
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).not.toBe(before.toString('utf8'));
		// Esc goes back to the picker, not to the refusal.
		await press(app, KEY.escape, 'choose variant', 'the picker');
	});
});
