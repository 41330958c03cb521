import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import {terminalText} from '../../core/terminal-text.js';
import {fitLine} from '../../output/wrap.js';
import {navigationTarget, useKeyHelp, useKeys, type KeyHelp} from '../keys.js';
import {useLayout} from '../layout.js';
import {useKept} from '../screen-memory.js';
import {Footer} from './Footer.js';

export interface ScrollTextProps {
	readonly lines: readonly string[];
	readonly title?: string;
	/** Rows the view shows above this pane (its headline), so the pane and the footer still fit. */
	readonly reserve?: number;
	readonly onBack: () => void;
	/** Extra single-key actions shown in the footer, e.g. {l: 'logs'}. */
	readonly actions?: Readonly<Record<string, {label: string; run: () => void}>>;
	/** Open scrolled to the last lines (logs: newest at the bottom). */
	readonly startAtEnd?: boolean;
	/** Distinguishes two panes of one screen in its memory (inspect: one per section). */
	readonly memoryKey?: string;
}

/**
 * A scrollable text pane. Every line is wrapped to the terminal's width (a long command goes on
 * over the next rows, indented, and is never cut), and laid out again on resize.
 * ↑/↓ (j/k), PgUp/PgDn (Space), Home/End (g/G), `/` filters the lines, Esc back.
 */
export function ScrollText({lines, title, reserve = 0, onBack, actions, startAtEnd, memoryKey = 'scroll'}: ScrollTextProps) {
	const {columns, rows: room} = useLayout();
	const [filter, setFilter, getFilter] = useKept(`${memoryKey}.filter`, '');
	const [typing, setTyping, getTyping] = useKept(`${memoryKey}.typing`, false);
	const shown = useMemo(() => {
		const needle = filter.toLowerCase();

		const kept = needle
			? lines.filter((l) =>
					l
						.replace(/\u001B\[[0-9;]*m/g, '')
						.toLowerCase()
						.includes(needle),
				)
			: lines;
		// Lines carry container data: colour stays, every other control sequence is shown, not obeyed.
		return kept.flatMap((line) => fitLine(line === '' ? ' ' : terminalText(line, {sgr: 'keep', newlines: false}), columns));
	}, [lines, columns, filter]);
	const titleRows = title ? fitLine(title, columns) : [];
	const rows = Math.max(3, room - reserve - titleRows.length - 1);
	const maxTop = Math.max(0, shown.length - rows);
	const [storedTop, setTop, getTop] = useKept(`${memoryKey}.top`, startAtEnd ? Number.MAX_SAFE_INTEGER : 0);
	const top = Math.min(storedTop, maxTop);
	const move = (to: number) => setTop(Math.max(0, Math.min(maxTop, to)));
	useKeys((key) => {
		if (getTyping()) {
			if (key.name === 'return') setTyping(false);
			else if (key.name === 'escape') {
				setFilter('');
				setTyping(false);
			} else if (key.name === 'backspace') setFilter(getFilter().slice(0, -1));
			else if (key.name === 'char') setFilter(getFilter() + key.text);
			else return false;
			setTop(0);
			return true;
		}
		const at = Math.min(getTop(), maxTop);
		const to = navigationTarget(key, at, rows, maxTop);
		if (to !== undefined) {
			move(to);
			return true;
		}
		switch (key.name) {
			case 'escape':
				if (getFilter()) {
					setFilter('');
					return true;
				}
				onBack();
				return true;
			case 'char':
				if (key.text === 'k') move(at - 1);
				else if (key.text === 'j') move(at + 1);
				else if (key.text === ' ') move(at + rows);
				else if (key.text === 'b') move(at - rows);
				else if (key.text === 'g') move(0);
				else if (key.text === 'G') move(maxTop);
				else if (key.text === '/') {
					setTyping(true);
					setFilter('');
				} else if (actions && Object.hasOwn(actions, key.text)) actions[key.text]!.run();
				else return false;
				return true;
			default:
				return false;
		}
	});
	const help: KeyHelp[] = [
		['↑ ↓  j k', 'scroll a line'],
		['PgUp PgDn  b Space', 'scroll a page'],
		['Home End  g G', 'top, bottom'],
		['/', 'show only lines containing a text (Esc clears)'],
		...Object.entries(actions ?? {}).map(([k, a]): KeyHelp => [k, a.label]),
	];
	useKeyHelp(help);
	const visible = shown.slice(top, top + rows);
	const position = shown.length > rows ? `${top + 1}–${Math.min(shown.length, top + rows)} of ${shown.length}` : '';
	const parts = [
		typing ? `filter: ${filter}▏ Enter keep · Esc clear` : filter ? `filter: ${filter} (Esc clears)` : '',
		position ? `lines ${position}` : '',
		...Object.entries(actions ?? {}).map(([k, a]) => `${k} ${a.label}`),
		'Esc back',
		'? keys',
		position ? '↑↓ PgUp PgDn' : '',
		'/ filter',
		'q quit',
	].filter(Boolean);
	return (
		<Box flexDirection="column">
			{titleRows.map((row, i) => (
				<Text key={`t${i}`} bold>
					{row}
				</Text>
			))}
			{visible.map((line, i) => (
				<Text key={top + i} wrap="truncate-end">
					{line}
				</Text>
			))}
			{filter && shown.length === 0 ? <Text dimColor>(no line contains “{filter}”)</Text> : null}
			<Footer parts={parts} width={columns} />
		</Box>
	);
}
