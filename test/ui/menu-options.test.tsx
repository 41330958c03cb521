/** The menu sets a command's options (workload, profile, path) with their defaults shown, and previews writes before confirming. */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import {createContext} from '../../source/context.js';
import {makeTheme} from '../../source/output/theme.js';
import {App} from '../../source/ui/App.js';
import {frameWith, inputReady, KEY, press} from '../support/ink.js';
import {tempDirs} from '../support/temp-dirs.js';

const dirs = tempDirs('dh-ux-menu-');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function app(dir: string, start?: {command: string; input: {args: string[]; flags: Record<string, string | boolean | number>}}) {
	const makeContext = () =>
		createContext({env: process.env, cwd: dir, stdout: process.stdout, stderr: process.stderr, stdinIsTTY: true}, {}, {interactive: true, progress: false});
	const rendered = render(<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} {...(start ? {start} : {})} />);
	cleanup = rendered.unmount;
	return rendered;
}

describe('menu: preview and confirm before writing', () => {
	it('generate-dockerignore from the menu previews the file and where it goes, and writes only on w', async () => {
		const dir = dirs.fresh();
		writeFileSync(path.join(dir, 'package.json'), '{"name":"x"}\n');
		const ui = app(dir);
		await inputReady(ui);
		await frameWith(ui, 'docker-helper', 'the menu');
		await press(ui, '/generate-dockerignore', 'filter');
		await press(ui, KEY.enter, '(Esc clears)');
		const preview = await press(ui, KEY.enter, 'will write .dockerignore', 'the preview');
		await frameWith(ui, 'Detected: Node.js', 'the generated file in the preview');
		expect(preview).toContain('w write');
		expect(readdirSync(dir)).toEqual(['package.json']);
		// Esc leaves without writing.
		await press(ui, KEY.escape, /generate-dockerignore/, 'the menu');
		expect(readdirSync(dir)).toEqual(['package.json']);
		await press(ui, KEY.enter, 'will write .dockerignore');
		await press(ui, 'w', 'Wrote', 'the written report');
		await frameWith(ui, (f) => f.includes('.dockerignore') && !f.includes('will write'), 'the result');
		expect(readFileSync(path.join(dir, '.dockerignore'), 'utf8')).toContain('node_modules');
	}, 60_000);
});

describe('menu: options', () => {
	it('o lists the options with their defaults; a typed output path is previewed and written there', async () => {
		const dir = dirs.fresh();
		writeFileSync(path.join(dir, 'package.json'), '{"name":"x"}\n');
		mkdirSync(path.join(dir, 'sub'));
		const ui = app(dir, {command: 'generate-dockerignore', input: {args: [], flags: {}}});
		await inputReady(ui);
		await frameWith(ui, 'will write .dockerignore', 'the preview');
		const options = await press(ui, 'o', 'options (Enter to change one)');
		expect(options).toMatch(/--output\s+\(not set\) \(default\)/);
		expect(options).toMatch(/--merge\s+no \(default\)/);
		await press(ui, '/output', 'filter: output');
		await press(ui, KEY.enter, '(Esc clears)');
		await press(ui, KEY.enter, '--output: Where to write');
		await press(ui, 'sub/.dockerignore', '> sub/.dockerignore');
		const again = await press(ui, KEY.enter, 'will write sub/.dockerignore', 'the preview with the new path');
		expect(again).toMatch(/\(output\s+sub\/\.dockerignore\)/);
		await press(ui, 'w', 'Wrote');
		expect(existsSync(path.join(dir, 'sub', '.dockerignore'))).toBe(true);
		expect(existsSync(path.join(dir, '.dockerignore'))).toBe(false);
	}, 60_000);

	it('recommend: o then a workload runs it again for that workload, and the default is marked', async () => {
		const dir = dirs.fresh();
		const ui = app(dir, {command: 'recommend', input: {args: [], flags: {}}});
		await inputReady(ui);
		const first = await frameWith(ui, (f) => !f.includes('Running recommend'), 'the recommendation');
		expect(first).not.toContain('options (Enter');
		const options = await press(ui, 'o', 'recommend: options');
		expect(options).toMatch(/--workload\s+ai-inference \(default\)/);
		const values = await press(ui, KEY.enter, '--workload:');
		expect(values).toMatch(/ai-inference\s+default, current/);
		await press(ui, '/web', 'filter: web');
		await press(ui, KEY.enter, '(Esc clears)');
		await press(ui, KEY.enter, (f) => !f.includes('--workload:') && !f.includes('Running recommend'), 'the re-run');
		// Back in options, the chosen value is shown as set.
		const after = await press(ui, 'o', 'recommend: options');
		expect(after).toMatch(/--workload\s+web(?! \(default\))/);
	}, 60_000);

	it('validate: the profile is choosable', async () => {
		const dir = dirs.fresh();
		const ui = app(dir, {command: 'validate', input: {args: [], flags: {}}});
		await inputReady(ui);
		await frameWith(ui, (f) => !f.includes('Running validate'), 'the checks');
		const options = await press(ui, 'o', 'validate: options');
		expect(options).toMatch(/--profile\s+ai \(default\)/);
	}, 60_000);
});
