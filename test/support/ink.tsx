/**
 * Driving Ink views in tests by conditions, never by fixed sleeps: a loaded machine (two cores, the
 * whole suite) makes every step slower, and a sleep long enough there is only a guess.
 *
 * - Ink reads stdin once an input hook's effect has run, after the first frame: `inputReady` waits
 *   for that listener. Inside the app (and `mount`) every later handler registers in the commit that
 *   draws it, so a key written once its frame is seen is always handled.
 * - `frameWith` and `until` poll for a frame or any other condition, with a generous limit and the
 *   last frame in the error.
 */
import React, {type ReactElement} from 'react';
import {render} from 'ink-testing-library';
import {KeyDispatch} from '../../source/ui/keys.js';

export type Rendered = ReturnType<typeof render>;

const poll = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** Wait until `probe` returns something truthy, and return it. */
export async function until<T>(probe: () => T, what: string, timeout = 40_000, show?: () => string): Promise<NonNullable<T>> {
	const start = Date.now();
	for (;;) {
		const value = probe();
		if (value) return value as NonNullable<T>;
		if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}${show ? `; last frame:\n${show()}` : ''}`);
		await poll();
	}
}

type FrameTest = string | RegExp | ((frame: string) => boolean);
const matches = (frame: string, test: FrameTest): boolean =>
	typeof test === 'string' ? frame.includes(test) : test instanceof RegExp ? test.test(frame) : test(frame);

/** Wait for a frame that passes `test` (a substring, a pattern or a predicate) and return it. */
export function frameWith(app: Pick<Rendered, 'lastFrame'>, test: FrameTest, what = String(test)): Promise<string> {
	return until(
		() => {
			const frame = app.lastFrame() ?? '';
			return matches(frame, test) ? frame || ' ' : '';
		},
		what,
		undefined,
		() => app.lastFrame() ?? '',
	);
}

/** Wait until Ink reads stdin (its input hook subscribes in an effect after the first frame). */
export async function inputReady(app: Pick<Rendered, 'stdin'>): Promise<void> {
	await until(() => app.stdin.listenerCount('readable') > 0, 'Ink to read stdin');
}

/** Write keys, then wait for the frame they lead to. */
export async function press(app: Pick<Rendered, 'stdin' | 'lastFrame'>, keys: string, then: FrameTest, what?: string): Promise<string> {
	app.stdin.write(keys);
	return frameWith(app, then, what);
}

/**
 * Render a view on its own the way the app shows it: under the key dispatcher (keys split and
 * offered to its handlers), and ready for keys when this resolves.
 */
export async function mount(element: ReactElement): Promise<Rendered> {
	const app = render(<KeyDispatch fallback={() => undefined}>{element}</KeyDispatch>);
	await inputReady(app);
	return app;
}

export const KEY = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	ctrlC: '\u0003',
} as const;
