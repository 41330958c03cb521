import React from 'react';
import {Box, Text} from 'ink';
import type {InspectResult} from '../../core/container-summary.js';
import {inspectSections} from '../../output/inspect.js';
import type {ViewProps} from '../view-types.js';
import {ScrollText} from '../components/ScrollText.js';
import {useKeyHelp, useKeys} from '../keys.js';
import {useKept} from '../screen-memory.js';

/**
 * inspect in the app: one section at a time (←/→ or Tab to switch, 1–9 to jump), scrollable,
 * with single keys to open the container's logs or a shell in it.
 */
export default function InspectView({result, theme, onBack, onOpen}: ViewProps<InspectResult>) {
	const sections = inspectSections(result, theme);
	const [index, setIndex] = useKept('section', 0);
	const count = sections.length;
	useKeys((key) => {
		if (key.name === 'right' || key.name === 'tab') setIndex((i) => (i + 1) % count);
		else if (key.name === 'left' || key.name === 'backtab') setIndex((i) => (i - 1 + count) % count);
		else if (key.name === 'char' && /^[1-9]$/.test(key.text) && Number(key.text) <= count) setIndex(Number(key.text) - 1);
		else return false;
		return true;
	});
	useKeyHelp([
		['← →  Tab', 'previous, next section'],
		['1–9', 'jump to a section'],
	]);
	const section = sections[index]!;
	const name = result.summary.name;
	const running = result.summary.state.status === 'running';
	const actions = onOpen
		? {
				l: {label: 'logs', run: () => onOpen('logs', {args: [name], flags: {tail: 200}})},
				...(running ? {s: {label: 'shell', run: () => onOpen('exec', {args: [name], flags: {}})}} : {}),
			}
		: undefined;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold>{name}</Text>
				<Text dimColor> {result.summary.state.status} · ←/→ section</Text>
			</Text>
			<Text wrap="truncate-end">
				{sections.map((s, i) => (
					<Text key={s.title} inverse={i === index} dimColor={i !== index}>
						{` ${i + 1} ${s.title} `}
					</Text>
				))}
			</Text>
			<ScrollText
				key={section.title}
				memoryKey={`section.${index}`}
				title={section.title}
				lines={section.lines}
				reserve={2}
				onBack={onBack}
				{...(actions ? {actions} : {})}
			/>
		</Box>
	);
}
