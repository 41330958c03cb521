import React, {useState} from 'react';
import {Box, Text, useInput, useStdout} from 'ink';
import {terminalText} from '../../core/terminal-text.js';

export interface ScrollTextProps {
	readonly lines: readonly string[];
	readonly title?: string;
	/** Rows the component may use; defaults to the terminal height minus a footer. */
	readonly height?: number;
	readonly onBack: () => void;
	/** Extra single-key actions shown in the footer, e.g. {l: 'logs'}. */
	readonly actions?: Readonly<Record<string, {label: string; run: () => void}>>;
	/** Open scrolled to the last lines (logs: newest at the bottom). */
	readonly startAtEnd?: boolean;
}

/** A scrollable text pane: ↑/↓, PgUp/PgDn, Home/End (or g/G), Esc or q to go back. */
export function ScrollText({lines, title, height, onBack, actions, startAtEnd}: ScrollTextProps) {
	const {stdout} = useStdout();
	const rows = height ?? Math.max(5, (stdout?.rows ?? 24) - (title ? 4 : 3));
	const maxTop = Math.max(0, lines.length - rows);
	const [top, setTop] = useState(startAtEnd ? maxTop : 0);
	useInput((input, key) => {
		if (key.escape || input === 'q') return onBack();
		if (key.upArrow || input === 'k') setTop((t) => Math.max(0, t - 1));
		else if (key.downArrow || input === 'j') setTop((t) => Math.min(maxTop, t + 1));
		else if (key.pageUp) setTop((t) => Math.max(0, t - rows));
		else if (key.pageDown || input === ' ') setTop((t) => Math.min(maxTop, t + rows));
		else if (key.home || input === 'g') setTop(0);
		else if (key.end || input === 'G') setTop(maxTop);
		else if (actions?.[input]) actions[input]!.run();
	});
	// Lines carry container data: colour stays, every other control sequence is shown, not obeyed.
	const visible = lines.slice(top, top + rows).map((l) => terminalText(l, {sgr: 'keep', newlines: false}));
	const extra = actions ? Object.entries(actions).map(([k, a]) => `${k} ${a.label}`).join(' · ') : '';
	return (
		<Box flexDirection="column">
			{title ? <Text bold>{title}</Text> : null}
			{visible.map((line, i) => (
				<Text key={top + i} wrap="truncate-end">{line === '' ? ' ' : line}</Text>
			))}
			<Text dimColor>
				{lines.length > rows ? `lines ${top + 1}–${Math.min(lines.length, top + rows)} of ${lines.length} · ↑↓ PgUp PgDn Home End · ` : ''}
				{extra ? `${extra} · ` : ''}Esc/q back
			</Text>
		</Box>
	);
}
