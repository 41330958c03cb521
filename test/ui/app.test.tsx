import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import {createContext} from '../../source/context.js';
import {makeTheme} from '../../source/output/theme.js';
import {App} from '../../source/ui/App.js';
import {describeEngine} from '../support/engine.js';
import {frameWith, inputReady, KEY, press} from '../support/ink.js';

const makeContext = () =>
	createContext(
		{env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdinIsTTY: true},
		{},
		{interactive: true, progress: false},
	);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start() {
	const app = render(<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} />);
	cleanup = app.unmount;
	await frameWith(app, 'Enter run', 'the menu');
	await inputReady(app);
	return app;
}

it('the menu lists every registered command with its summary, scrolling to keep the cursor in view', async () => {
	const app = await start();
	for (const [i, c] of commands.entries()) {
		const frame = await frameWith(app, `❯ ${c.name} `, `the cursor on ${c.name}`);
		expect(frame).toContain(c.summary.slice(0, 30));
		if (i < commands.length - 1) app.stdin.write('j');
	}
});

it('keys that arrive together are each handled, and the ones after Enter go to the screen it opened', async () => {
	const app = await start();
	const index = commands.findIndex((c) => c.name === 'explain');
	// One chunk: down to explain, open it, then one down in its topic list.
	app.stdin.write(`${'j'.repeat(index)}\rj`);
	const topics = await frameWith(app, (f) => f.includes('explain: choose topic') && /❯ ?Image layers/.test(f), 'the second topic selected');
	expect(topics).not.toMatch(/❯ ?Images vs containers/);
});

it('? lists the keys of the screen and the app; a key typed with it closes the list first', async () => {
	const app = await start();
	const keys = await press(app, '?', 'Keys', 'the keys overlay');
	expect(keys).toMatch(/\/\s+filter/);
	expect(keys).toMatch(/q\s+quit/);
	// '?' then 'q' in one chunk: the q closes the list the ? opened, it does not quit.
	app.stdin.write('?');
	await frameWith(app, (f) => !f.includes('Keys'), 'the overlay closed');
	app.stdin.write('?q');
	await frameWith(app, (f) => f.includes('Enter run') && !f.includes('Keys'), 'the menu again');
	await press(app, '?', 'Keys', 'the overlay again: the app did not quit');
});

describeEngine('the app drives validate on the real engine', () => {
	it('arrow keys and Enter open the validate view; Esc returns to the menu', async () => {
		const app = await start();
		const index = commands.findIndex((c) => c.name === 'validate');
		const next = commands[index + 1]!.name;
		// Go down past it and back up, so the arrow keys are really exercised.
		for (let i = 0; i <= index; i++) app.stdin.write(KEY.down);
		await frameWith(app, `❯ ${next}`);
		await press(app, KEY.up, '❯ validate');
		const view = await press(app, KEY.enter, 'Docker Engine reachable', 'the validate view');
		expect(view).toContain('Host memory');
		expect(view).toMatch(/checks? failed|All required checks passed|All checks passed/);
		const menu = await press(app, KEY.escape, 'Enter run', 'the menu');
		expect(menu).toContain('validate');
		expect(menu).not.toContain('Docker Engine reachable');
	});
});
