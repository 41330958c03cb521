import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import {fitLine, visibleWidth} from '../../output/wrap.js';
import {navigationTarget, useKeyHelp, useKeys} from '../keys.js';
import {useLayout} from '../layout.js';
import {useKept} from '../screen-memory.js';
import {Footer} from './Footer.js';

export interface ListItem {
	readonly key: string;
	readonly label: string;
	readonly hint?: string;
	readonly value: string;
}

export interface SelectListProps {
	readonly items: readonly ListItem[];
	readonly onSelect: (item: ListItem) => void;
	/** Rows the screen shows above the list (title, notice), so list and footer still fit. */
	readonly reserve?: number;
	/** Pad labels to one column so hints line up (the menu). */
	readonly alignHints?: boolean;
	/** What Enter does, for the footer. */
	readonly enterLabel?: string;
	/** Whether Esc goes back from here (not in the main menu). */
	readonly canGoBack?: boolean;
}

/**
 * A list to choose from: ↑/↓ (j/k), PgUp/PgDn, Home/End (g/G), Enter to choose, `/` to filter by
 * typing. Keys that arrive together (typing ahead, a paste) each count: the cursor is read from a
 * ref, not from the last render. The cursor and filter are kept while the user is on another screen.
 * Labels and hints wrap to the terminal's width.
 */
export function SelectList({items, onSelect, reserve = 0, alignHints = false, enterLabel = 'select', canGoBack = true}: SelectListProps) {
	const {columns, rows: room} = useLayout();
	const [filter, setFilter, getFilter] = useKept('list.filter', '');
	const [typing, setTyping, getTyping] = useKept('list.typing', false);
	const [cursor, setCursor, getCursor] = useKept('list.cursor', 0);
	const shown = useMemo(() => {
		const needle = filter.toLowerCase();
		return needle ? items.filter((i) => `${i.label} ${i.hint ?? ''}`.toLowerCase().includes(needle)) : [...items];
	}, [items, filter]);
	const shownRef = {current: shown};
	const labelWidth = alignHints ? Math.max(0, ...items.map((i) => visibleWidth(i.label))) + 2 : 0;
	// Each item's rows at this width: "❯ label  hint", the hint wrapped beside the label, or under it when narrow.
	const rowsOf = (item: ListItem, selected: boolean): string[] => {
		const mark = selected ? '❯ ' : '  ';
		const label = alignHints ? item.label.padEnd(labelWidth) : item.hint ? `${item.label}  ` : item.label;
		if (!item.hint) return fitLine(`${mark}${label}`, columns);
		const beside = columns - 2 - visibleWidth(label);
		if (beside >= 20) {
			const hint = fitLine(item.hint, beside);
			return hint.map((h, i) => (i === 0 ? `${mark}${label}${h}` : `${' '.repeat(2 + visibleWidth(label))}${h}`));
		}
		return [...fitLine(`${mark}${item.label}`, columns), ...fitLine(item.hint, columns - 4).map((h) => `    ${h}`)];
	};
	const height = Math.max(2, room - reserve - 1 - (typing || filter ? 1 : 0));
	const current = Math.min(cursor, Math.max(0, shown.length - 1));
	const rendered = shown.map((item, i) => rowsOf(item, i === current));
	// The window: from `start`, as many whole items as fit, always including the cursor.
	let start = 0;
	const fits = (from: number, to: number) => rendered.slice(from, to + 1).reduce((n, r) => n + r.length, 0) <= height;
	while (start < current && !fits(start, current)) start++;
	let end = start;
	while (end + 1 < rendered.length && fits(start, end + 1)) end++;
	const select = (to: number) => setCursor(Math.max(0, Math.min(shownRef.current.length - 1, to)));
	useKeys((key) => {
		const list = shownRef.current;
		if (getTyping()) {
			if (key.name === 'return') setTyping(false);
			else if (key.name === 'escape') {
				setFilter('');
				setTyping(false);
			} else if (key.name === 'backspace') setFilter(getFilter().slice(0, -1));
			else if (key.name === 'char') setFilter(getFilter() + key.text);
			else if (key.name === 'up' || key.name === 'down') select(Math.min(getCursor(), list.length - 1) + (key.name === 'up' ? -1 : 1));
			else return false;
			if (key.name !== 'up' && key.name !== 'down') {
				setCursor(0);
				// The next key in the same chunk filters the new list.
				const needle = getFilter().toLowerCase();
				shownRef.current = needle ? items.filter((i) => `${i.label} ${i.hint ?? ''}`.toLowerCase().includes(needle)) : [...items];
			}
			return true;
		}
		const at = Math.min(getCursor(), Math.max(0, list.length - 1));
		const page = Math.max(1, end - start);
		const to = navigationTarget(key, at, page, list.length - 1);
		if (to !== undefined) {
			select(to);
			return true;
		}
		switch (key.name) {
			case 'return':
				if (list[at]) onSelect(list[at]!);
				return true;
			case 'escape':
				if (getFilter()) {
					setFilter('');
					shownRef.current = [...items];
					return true;
				}
				return false;
			case 'char':
				if (key.text === 'k') select(at - 1);
				else if (key.text === 'j') select(at + 1);
				else if (key.text === 'g') select(0);
				else if (key.text === 'G') select(list.length - 1);
				else if (key.text === '/') {
					setTyping(true);
					setFilter('');
				} else return false;
				return true;
			default:
				return false;
		}
	});
	useKeyHelp([
		['↑ ↓  j k', 'move'],
		['PgUp PgDn  Home End  g G', 'move by a page, to the ends'],
		['Enter', 'choose'],
		['/', 'filter the list by typing (Enter keeps it, Esc clears)'],
	]);
	const parts = ['↑↓ choose', `Enter ${enterLabel}`, '/ filter', canGoBack ? 'Esc back' : '', 'q quit', '? keys'].filter(Boolean);
	return (
		<Box flexDirection="column">
			{typing || filter ? <Text color="cyan">{typing ? `filter: ${filter}▏ (Enter keep · Esc clear)` : `filter: ${filter} (Esc clears)`}</Text> : null}
			{shown.length === 0 ? <Text dimColor>(nothing matches “{filter}”)</Text> : null}
			{rendered.slice(start, end + 1).flatMap((rows, i) =>
				rows.map((row, j) => (
					<Text key={`${shown[start + i]!.key}-${j}`} color={start + i === current ? 'cyan' : undefined} wrap="truncate-end">
						{row}
					</Text>
				)),
			)}
			<Footer parts={parts} width={columns} />
		</Box>
	);
}
