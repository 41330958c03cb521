/**
 * Keys for the app, one key at a time. A terminal delivers keys in chunks: typing ahead, a paste, or
 * a loaded machine put several in one read (`jjj`, `jj\r`). Ink splits escape sequences but hands
 * text over as one string, so every chunk is split here into single keys, and each key is dispatched
 * before the next: handlers read their state through refs (useMirror), never from a stale render.
 *
 * Inside the app one Ink input subscription (in App) feeds a dispatcher: the handlers of the screen
 * on top, innermost first, and then the app's own keys (Esc back, q quit, ? keys, Ctrl-C). A view
 * rendered alone (in a unit test) subscribes to Ink itself through the same hook.
 */
import React, {createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode} from 'react';
import {useInput, type Key as InkKey} from 'ink';

export type KeyName =
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'pageup'
	| 'pagedown'
	| 'home'
	| 'end'
	| 'return'
	| 'escape'
	| 'tab'
	| 'backtab'
	| 'backspace'
	| 'delete'
	| 'ctrl-c'
	| 'char';

export interface KeyPress {
	readonly name: KeyName;
	/** The character typed, for name 'char'; '' otherwise. */
	readonly text: string;
	readonly ctrl: boolean;
}

/** Returns true when it used the key: later handlers and the app's own keys do not see it. */
export type KeyHandler = (key: KeyPress) => boolean | void;

const key = (name: KeyName, text = '', ctrl = false): KeyPress => ({name, text, ctrl});

function fromChar(ch: string): KeyPress | undefined {
	if (ch === '\r' || ch === '\n') return key('return');
	if (ch === '\t') return key('tab');
	if (ch === '\u007F' || ch === '\b') return key('backspace');
	if (ch === '\u0003') return key('ctrl-c', 'c', true);
	if (ch === '\u001B') return key('escape');
	if (ch < ' ') return undefined;
	return key('char', ch);
}

/** One Ink input event as the keys it holds, in order. */
export function splitKeys(input: string, ink: InkKey): KeyPress[] {
	if (ink.ctrl && input === 'c') return [key('ctrl-c', 'c', true)];
	if (ink.upArrow) return [key('up')];
	if (ink.downArrow) return [key('down')];
	if (ink.leftArrow) return [key('left')];
	if (ink.rightArrow) return [key('right')];
	if (ink.pageUp) return [key('pageup')];
	if (ink.pageDown) return [key('pagedown')];
	if (ink.home) return [key('home')];
	if (ink.end) return [key('end')];
	if (ink.tab) return [key(ink.shift ? 'backtab' : 'tab')];
	if (ink.backspace) return [key('backspace')];
	if (ink.delete) return [key('delete')];
	if (ink.escape && input === '') return [key('escape')];
	if (ink.return && input.length <= 1) return [key('return')];
	if (ink.ctrl) return [];
	// Text: one key per character (code points, so an emoji stays whole).
	const out: KeyPress[] = [];
	for (const ch of Array.from(input)) {
		const k = fromChar(ch);
		if (k) out.push(k);
	}
	return out;
}

/**
 * Where a navigation key moves a cursor or a scroll position: up/down by one, page up/down by `page`,
 * home/end to `0`/`last`. Undefined for any other key. The caller clamps.
 */
export function navigationTarget(key: KeyPress, at: number, page: number, last: number): number | undefined {
	switch (key.name) {
		case 'up':
			return at - 1;
		case 'down':
			return at + 1;
		case 'pageup':
			return at - page;
		case 'pagedown':
			return at + page;
		case 'home':
			return 0;
		case 'end':
			return last;
		default:
			return undefined;
	}
}

/** A key and what it does, for the `?` overlay. */
export type KeyHelp = readonly [keys: string, what: string];

interface Dispatcher {
	register(handler: {current: KeyHandler}): () => void;
	registerHelp(help: {current: readonly KeyHelp[]}): () => void;
	help(): KeyHelp[];
}

const DispatchContext = createContext<Dispatcher | null>(null);

/**
 * The app's single input subscription: splits chunks and offers each key to the screen, then to `fallback`.
 *
 * Keys typed ahead go to the screen they were typed for. `screen` names what is on top now (read
 * after every key) and `shown` what this render shows: when a key opens another screen, the keys
 * after it (in the same chunk, or arriving before that screen is drawn) wait, and are dispatched
 * from the layout effect of the commit that draws it (a parent's effects run after its children's,
 * so the new screen's handlers are registered by then). While `busy` (a command running, choices
 * loading) keys wait too, except Esc and Ctrl-C, which leave at once and drop what waited.
 */
export function KeyDispatch({
	fallback,
	screen,
	shown,
	busy,
	children,
}: {
	readonly fallback: (key: KeyPress, help: () => KeyHelp[]) => void;
	readonly screen?: () => unknown;
	readonly shown?: unknown;
	readonly busy?: () => boolean;
	readonly children: ReactNode;
}) {
	const handlers = useRef<Array<{current: KeyHandler}>>([]);
	const helps = useRef<Array<{current: readonly KeyHelp[]}>>([]);
	const fallbackRef = useRef(fallback);
	fallbackRef.current = fallback;
	const screenRef = useRef(screen);
	screenRef.current = screen;
	const busyRef = useRef(busy);
	busyRef.current = busy;
	const queue = useRef<KeyPress[]>([]);
	// Keys wait while the screen on top is not yet the one drawn.
	const waiting = useRef(false);
	const [, wake] = useState(0);
	const [dispatcher] = useState<Dispatcher>(() => ({
		register(handler) {
			handlers.current.push(handler);
			return () => {
				handlers.current = handlers.current.filter((h) => h !== handler);
			};
		},
		registerHelp(help) {
			helps.current.push(help);
			return () => {
				helps.current = helps.current.filter((h) => h !== help);
			};
		},
		help: () => helps.current.flatMap((h) => h.current),
	}));
	const drain = () => {
		while (!waiting.current && queue.current.length > 0) {
			if (busyRef.current?.()) {
				const leave = queue.current.findIndex((k) => k.name === 'escape' || k.name === 'ctrl-c');
				if (leave === -1) return;
				queue.current = queue.current.slice(leave, leave + 1);
			}
			const k = queue.current.shift()!;
			const before = screenRef.current?.();
			// A copy: a handler may open another screen, which changes the list.
			const list = [...handlers.current];
			if (!list.some((h) => h.current(k) === true)) fallbackRef.current(k, dispatcher.help);
			if (!Object.is(screenRef.current?.(), before)) {
				waiting.current = true;
				wake((n) => n + 1);
			}
		}
	};
	useInput((input, ink) => {
		queue.current.push(...splitKeys(input, ink));
		drain();
	});
	useLayoutEffect(() => {
		if (waiting.current && Object.is(screenRef.current?.(), shown)) waiting.current = false;
		drain();
	});
	return <DispatchContext.Provider value={dispatcher}>{children}</DispatchContext.Provider>;
}

/**
 * Handle keys in a component. Registered once, in mount order (children before parents, since
 * effects run child first), and always calling the latest handler. Registered in a layout effect:
 * in the same task as the commit that first shows the component, so a key that arrives once its
 * frame is on screen always finds it.
 */
export function useKeys(handler: KeyHandler, options: {isActive?: boolean} = {}): void {
	const dispatcher = useContext(DispatchContext);
	const active = options.isActive !== false;
	const ref = useRef<KeyHandler>(handler);
	ref.current = active ? handler : () => false;
	useLayoutEffect(() => (dispatcher ? dispatcher.register(ref) : undefined), [dispatcher]);
	useInput(
		(input, ink) => {
			for (const k of splitKeys(input, ink)) ref.current(k);
		},
		{isActive: dispatcher === null && active},
	);
}

/**
 * State whose latest value handlers can read at once: the second of two keys in one chunk sees
 * what the first one did. An optional store keeps it across the screen unmounting (the cursor
 * is where it was when the user comes back).
 */
export function useMirror<T>(initial: T | (() => T), store?: {get(): T | undefined; set(value: T): void}): [T, (next: T | ((prev: T) => T)) => void, () => T] {
	const ref = useRef<T | undefined>(undefined);
	if (ref.current === undefined) {
		const kept = store?.get();
		ref.current = kept !== undefined ? kept : typeof initial === 'function' ? (initial as () => T)() : initial;
	}
	const [value, setValue] = useState<T>(ref.current as T);
	const set = useCallback(
		(next: T | ((prev: T) => T)) => {
			const value = typeof next === 'function' ? (next as (prev: T) => T)(ref.current as T) : next;
			ref.current = value;
			store?.set(value);
			setValue(value);
		},
		[store],
	);
	const get = useCallback(() => ref.current as T, []);
	return [value, set, get];
}

/** Declare the keys a component handles, for the `?` overlay (innermost first). */
export function useKeyHelp(help: readonly KeyHelp[]): void {
	const dispatcher = useContext(DispatchContext);
	const ref = useRef(help);
	ref.current = help;
	useLayoutEffect(() => (dispatcher ? dispatcher.registerHelp(ref) : undefined), [dispatcher]);
}

/**
 * For views written against Ink's useInput signature: the same (input, key) arguments, one key at a
 * time, through the app's dispatcher. The view takes every key except Ctrl-C, which stays the app's.
 */
export function useKeyInput(handler: (input: string, key: InkKey) => void, options: {isActive?: boolean} = {}): void {
	useKeys((k) => {
		if (k.name === 'ctrl-c') return false;
		handler(k.text, toInkKey(k));
		return true;
	}, options);
}

function toInkKey(k: KeyPress): InkKey {
	return {
		upArrow: k.name === 'up',
		downArrow: k.name === 'down',
		leftArrow: k.name === 'left',
		rightArrow: k.name === 'right',
		pageUp: k.name === 'pageup',
		pageDown: k.name === 'pagedown',
		home: k.name === 'home',
		end: k.name === 'end',
		return: k.name === 'return',
		escape: k.name === 'escape',
		tab: k.name === 'tab' || k.name === 'backtab',
		shift: k.name === 'backtab' || (k.text.length === 1 && k.text !== k.text.toLowerCase()),
		backspace: k.name === 'backspace',
		delete: k.name === 'delete',
		ctrl: k.ctrl,
		meta: false,
	} as InkKey;
}
