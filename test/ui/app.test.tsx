import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import {createContext} from '../../source/context.js';
import {makeTheme} from '../../source/output/theme.js';
import {App} from '../../source/ui/App.js';
import {describeEngine} from '../support/engine.js';

const KEY = {down: '\u001B[B', up: '\u001B[A', enter: '\r', escape: '\u001B'};
const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));

async function waitFor(frame: () => string | undefined, test: (f: string) => boolean, timeout = 20_000): Promise<string> {
	const start = Date.now();
	for (;;) {
		const f = frame() ?? '';
		if (test(f)) return f;
		if (Date.now() - start > timeout) throw new Error(`timed out; last frame:\n${f}`);
		await tick();
	}
}

const makeContext = () => createContext({env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdinIsTTY: true}, {}, {interactive: true, progress: false});
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

it('the menu lists every registered command with its summary, scrolling to keep the cursor in view', async () => {
	const app = render(<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} />);
	cleanup = app.unmount;
	await tick(300);
	for (const c of commands) {
		const frame = await waitFor(app.lastFrame, (f) => f.includes(`❯ ${c.name} `));
		expect(frame).toContain(c.summary.slice(0, 30));
		app.stdin.write('j');
	}
});

describeEngine('the app drives validate on the real engine', () => {
	it('arrow keys and Enter open the validate view; Esc returns to the menu', async () => {
		const app = render(<App commands={commands} theme={makeTheme(false)} makeContext={makeContext} />);
		cleanup = app.unmount;
		await waitFor(app.lastFrame, (f) => f.includes('Enter run'));
		await tick(300); // let Ink subscribe to stdin before the first key
		const index = commands.findIndex((c) => c.name === 'validate');
		const next = commands[index + 1]!.name;
		// Go down past it and back up, so the arrow keys are really exercised.
		for (let i = 0; i <= index; i++) app.stdin.write(KEY.down);
		await waitFor(app.lastFrame, (f) => f.includes(`❯ ${next}`));
		app.stdin.write(KEY.up);
		await waitFor(app.lastFrame, (f) => f.includes('❯ validate'));
		app.stdin.write(KEY.enter);
		const view = await waitFor(app.lastFrame, (f) => f.includes('Docker Engine reachable'));
		await tick(300); // the view subscribes to input after its first frame
		expect(view).toContain('Host memory');
		expect(view).toMatch(/checks? failed|All required checks passed|All checks passed/);
		app.stdin.write(KEY.escape);
		const menu = await waitFor(app.lastFrame, (f) => f.includes('Enter run'));
		expect(menu).toContain('validate');
		expect(menu).not.toContain('Docker Engine reachable');
	});
});
