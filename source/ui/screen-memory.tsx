/**
 * What a screen remembers while the user is elsewhere (its cursor, scroll position, filter): kept by
 * the app per screen on the navigation stack, so coming back finds the screen as it was left.
 */
import {createContext, useContext, useMemo} from 'react';
import {useMirror} from './keys.js';

export type ScreenMemory = Map<string, unknown>;

export const ScreenMemoryContext = createContext<ScreenMemory | null>(null);

/** useMirror state that survives the screen being left and shown again. `name` is unique within the screen. */
export function useKept<T>(name: string, initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void, () => T] {
	const memory = useContext(ScreenMemoryContext);
	const store = useMemo(
		() => (memory ? {get: () => memory.get(name) as T | undefined, set: (value: T) => void memory.set(name, value)} : undefined),
		[memory, name],
	);
	return useMirror(initial, store);
}
