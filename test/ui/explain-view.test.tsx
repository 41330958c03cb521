import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import type {Context} from '../../source/commands/types.js';
import {makeTheme} from '../../source/output/theme.js';
import {App} from '../../source/ui/App.js';

const KEY = {down: '\u001B[B', up: '\u001B[A', pageDown: '\u001B[6~', pageUp: '\u001B[5~', home: '\u001B[H', end: '\u001B[F', enter: '\r'};
// explain and the guides never touch the engine or the host; any use would throw here.
const makeContext = () => ({cwd: process.cwd(), env: {}, interactive: true, connectedEndpoint: () => undefined, width: () => 80}) as unknown as Context;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(frame: () => string | undefined, test: (f: string) => boolean, what: string): Promise<string> {
	for (let i = 0; i < 200; i++) {
		const f = frame() ?? '';
		if (test(f)) return f;
		await sleep(20);
	}
	throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
}

/** Keys are read by effects that subscribe after a frame is drawn: give them a moment first. */
async function press(stdin: {write: (data: string) => void}, key: string): Promise<void> {
	await sleep(60);
	stdin.write(key);
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function start(command: string) {
	const app = render(<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} start={{command, input: {args: [], flags: {}}}} />);
	unmount = app.unmount;
	return app;
}

const selected = (frame: string) => frame.split('\n').find((l) => l.includes('❯')) ?? '';
const footer = (frame: string) => frame.split('\n').filter(Boolean).at(-1) ?? '';

describe('explain in the app', () => {
	it('opens at the topic menu with a summary per topic, and arrows move the selection', async () => {
		const {lastFrame, stdin} = start('explain');
		const menu = await until(lastFrame, (f) => f.includes('Images vs containers'), 'the topic menu');
		expect(menu).toContain('explain: choose topic');
		expect(menu).toContain('Copy-on-write');
		expect(menu).toContain('Shared read-only layers'); // the summary beside the title
		expect(selected(menu)).toContain('Images vs containers');
		await press(stdin, KEY.down);
		await until(lastFrame, (f) => selected(f).includes('Image layers'), 'selection on Image layers');
		await press(stdin, KEY.down);
		await until(lastFrame, (f) => selected(f).includes('Copy-on-write'), 'selection on Copy-on-write');
		await press(stdin, KEY.up);
		await until(lastFrame, (f) => selected(f).includes('Image layers'), 'selection back on Image layers');
	});

	it('opens the chosen topic in a scroll view, scrolls, and Esc goes back to the topic list', async () => {
		const {lastFrame, stdin} = start('explain');
		await until(lastFrame, (f) => f.includes('Images vs containers'), 'the topic menu');
		await press(stdin, KEY.down);
		await until(lastFrame, (f) => selected(f).includes('Image layers'), 'selection on Image layers');
		await press(stdin, KEY.enter);
		const view = await until(lastFrame, (f) => f.includes('Image layers — '), 'the topic view');
		expect(view).toContain("An image's filesystem is an ordered stack");
		const total = Number(/of (\d+)/.exec(footer(view))?.[1]);
		expect(footer(view)).toMatch(/^lines 1–\d+ of \d+/);
		expect(total).toBeGreaterThan(40);

		await press(stdin, KEY.down);
		let f = await until(lastFrame, (x) => /^lines 2–/.test(footer(x)), 'scrolled one line');
		expect(f).not.toContain("An image's filesystem is an ordered stack");

		await press(stdin, KEY.pageDown);
		f = await until(lastFrame, (x) => /^lines (\d+)–/.exec(footer(x))?.[1] !== '2', 'a page down');
		const afterPage = Number(/^lines (\d+)–/.exec(footer(f))?.[1]);
		expect(afterPage).toBeGreaterThan(10);

		await press(stdin, KEY.pageUp);
		await until(lastFrame, (x) => /^lines 2–/.test(footer(x)), 'a page up');

		await press(stdin, KEY.end);
		f = await until(lastFrame, (x) => new RegExp(`–${total} of ${total}`).test(footer(x)), 'the end');
		expect(f).toContain('See also');

		await press(stdin, KEY.home);
		await until(lastFrame, (x) => /^lines 1–/.test(footer(x)), 'home');

		await press(stdin, '\u001B');
		const back = await until(lastFrame, (x) => x.includes('explain: choose topic'), 'back at the topic list');
		expect(back).toContain('Copy-on-write');
	});

	it('Esc from the topic list goes to the main menu', async () => {
		const {lastFrame, stdin} = start('explain');
		await until(lastFrame, (f) => f.includes('explain: choose topic'), 'the topic menu');
		await press(stdin, '\u001B');
		const menu = await until(lastFrame, (f) => f.includes('Enter run'), 'the main menu');
		expect(menu).toContain('optimize-guide');
		expect(menu).toContain('debug-guide');
	});
});

describe('explain from the main menu', () => {
	it('choosing explain in the menu opens the topic list', async () => {
		const app = render(<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} />);
		unmount = app.unmount;
		const {lastFrame, stdin} = app;
		await until(lastFrame, (f) => f.includes('Enter run'), 'the main menu');
		const index = commands.findIndex((c) => c.name === 'explain');
		for (let i = 0; i < index; i++) await press(stdin, KEY.down);
		await until(lastFrame, (f) => selected(f).includes('explain'), 'explain selected');
		await press(stdin, KEY.enter);
		await until(lastFrame, (f) => f.includes('explain: choose topic') && f.includes('Copy-on-write'), 'the topic list');
	});
});

describe('guides in the app', () => {
	it('debug-guide opens in the scroll view and Esc goes back to the main menu', async () => {
		const {lastFrame, stdin} = start('debug-guide');
		const view = await until(lastFrame, (f) => f.includes('Debugging containers — '), 'the guide');
		expect(view).toContain('The workflow');
		await press(stdin, KEY.end);
		await until(lastFrame, (f) => f.includes('docker-helper explain restart-policies') || f.includes('See also'), 'the end of the guide');
		await press(stdin, '\u001B');
		await until(lastFrame, (f) => f.includes('Enter run'), 'the main menu');
	});
});
