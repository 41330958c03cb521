/**
 * The room a screen has: the terminal's width, and its height less what the app shows above it (a
 * notice). Views size their lists and scroll panes from this, never from a fixed number, and lay
 * out again when the terminal is resized. One row is always left free: a frame as tall as the
 * terminal makes it scroll, and the first line of every redraw is left behind as a stray row.
 */
import React, {createContext, useContext, type ReactNode} from 'react';
import {useTerminalSize, type Size} from './use-terminal-size.js';

const LayoutContext = createContext<Size | null>(null);

export function Layout({reserve = 0, children}: {readonly reserve?: number; readonly children: ReactNode}) {
	const size = useTerminalSize();
	return <LayoutContext.Provider value={{columns: size.columns, rows: Math.max(4, size.rows - reserve)}}>{children}</LayoutContext.Provider>;
}

/** Width and height for the current screen: columns to fit, rows that may be drawn (one fewer than the terminal's). */
export function useLayout(): Size {
	const own = useTerminalSize();
	const given = useContext(LayoutContext);
	const size = given ?? own;
	return {columns: Math.max(20, size.columns), rows: Math.max(4, size.rows - 1)};
}
