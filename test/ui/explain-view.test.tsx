import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import type {Context} from '../../source/commands/types.js';
import {makeTheme} from '../../source/output/theme.js';
import {App} from '../../source/ui/App.js';
import {frameWith, inputReady, KEY, type Rendered} from '../support/ink.js';

// explain and the guides never touch the engine or the host; any use would throw here.
const makeContext = () => ({cwd: process.cwd(), env: {}, interactive: true, connectedEndpoint: () => undefined, width: () => 80}) as unknown as Context;

const until = (app: Rendered, test: (f: string) => boolean, what: string): Promise<string> => frameWith(app, test, what);
const press = (app: Rendered, key: string): void => void app.stdin.write(key);

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function start(command: string): Promise<Rendered> {
	const app = render(<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} start={{command, input: {args: [], flags: {}}}} />);
	unmount = app.unmount;
	await inputReady(app);
	return app;
}

const selected = (frame: string) => frame.split('\n').find((l) => l.includes('❯')) ?? '';
const footer = (frame: string) => frame.split('\n').filter(Boolean).at(-1) ?? '';

describe('explain in the app', () => {
	it('opens at the topic menu with a summary per topic, and arrows move the selection', async () => {
		const app = await start('explain');
		const menu = await until(app, (f) => f.includes('Images vs containers'), 'the topic menu');
		expect(menu).toContain('explain: choose topic');
		expect(menu).toContain('Copy-on-write');
		expect(menu).toContain('Shared read-only layers'); // the summary beside the title
		expect(selected(menu)).toContain('Images vs containers');
		press(app, KEY.down);
		await until(app, (f) => selected(f).includes('Image layers'), 'selection on Image layers');
		press(app, KEY.down);
		await until(app, (f) => selected(f).includes('Copy-on-write'), 'selection on Copy-on-write');
		press(app, KEY.up);
		await until(app, (f) => selected(f).includes('Image layers'), 'selection back on Image layers');
	});

	it('opens the chosen topic in a scroll view, scrolls, and Esc goes back to the topic list', async () => {
		const app = await start('explain');
		await until(app, (f) => f.includes('Images vs containers'), 'the topic menu');
		press(app, KEY.down);
		await until(app, (f) => selected(f).includes('Image layers'), 'selection on Image layers');
		press(app, KEY.enter);
		const view = await until(app, (f) => f.includes('Image layers — '), 'the topic view');
		expect(view).toContain("An image's filesystem is an ordered stack");
		const total = Number(/of (\d+)/.exec(footer(view))?.[1]);
		expect(footer(view)).toMatch(/^lines 1–\d+ of \d+/);
		expect(total).toBeGreaterThan(40);

		press(app, KEY.down);
		let f = await until(app, (x) => /^lines 2–/.test(footer(x)), 'scrolled one line');
		expect(f).not.toContain("An image's filesystem is an ordered stack");

		press(app, KEY.pageDown);
		f = await until(app, (x) => /^lines (\d+)–/.exec(footer(x))?.[1] !== '2', 'a page down');
		const afterPage = Number(/^lines (\d+)–/.exec(footer(f))?.[1]);
		expect(afterPage).toBeGreaterThan(10);

		press(app, KEY.pageUp);
		await until(app, (x) => /^lines 2–/.test(footer(x)), 'a page up');

		press(app, KEY.end);
		f = await until(app, (x) => new RegExp(`–${total} of ${total}`).test(footer(x)), 'the end');
		expect(f).toContain('See also');

		press(app, KEY.home);
		await until(app, (x) => /^lines 1–/.test(footer(x)), 'home');

		press(app, KEY.escape);
		const back = await until(app, (x) => x.includes('explain: choose topic'), 'back at the topic list');
		expect(back).toContain('Copy-on-write');
	});

	it('Esc from the topic list goes to the main menu', async () => {
		const app = await start('explain');
		await until(app, (f) => f.includes('explain: choose topic'), 'the topic menu');
		press(app, KEY.escape);
		const menu = await until(app, (f) => f.includes('Enter run'), 'the main menu');
		expect(menu).toContain('optimize-guide');
		expect(menu).toContain('debug-guide');
	});
});

describe('explain from the main menu', () => {
	it('choosing explain in the menu opens the topic list', async () => {
		const app = render(<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} />);
		unmount = app.unmount;
		await inputReady(app);
		await until(app, (f) => f.includes('Enter run'), 'the main menu');
		const index = commands.findIndex((c) => c.name === 'explain');
		for (let i = 0; i < index; i++) press(app, KEY.down);
		await until(app, (f) => selected(f).includes('explain'), 'explain selected');
		press(app, KEY.enter);
		await until(app, (f) => f.includes('explain: choose topic') && f.includes('Copy-on-write'), 'the topic list');
	});
});

describe('guides in the app', () => {
	it('debug-guide opens in the scroll view and Esc goes back to the main menu', async () => {
		const app = await start('debug-guide');
		const view = await until(app, (f) => f.includes('Debugging containers — '), 'the guide');
		expect(view).toContain('The workflow');
		press(app, KEY.end);
		await until(app, (f) => f.includes('docker-helper explain restart-policies') || f.includes('See also'), 'the end of the guide');
		press(app, KEY.escape);
		await until(app, (f) => f.includes('Enter run'), 'the main menu');
	});
});
