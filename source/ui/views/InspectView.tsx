import React, {useState} from 'react';
import {Box, Text, useInput} from 'ink';
import type {InspectResult} from '../../core/container-summary.js';
import {inspectSections} from '../../output/inspect.js';
import type {ViewProps} from '../view-types.js';
import {ScrollText} from '../components/ScrollText.js';

/**
 * inspect in the app: one section at a time (←/→ or Tab to switch, 1–9 to jump), scrollable,
 * with single keys to open the container's logs or a shell in it.
 */
export default function InspectView({result, theme, onBack, onOpen}: ViewProps<InspectResult>) {
	const sections = inspectSections(result, theme);
	const [index, setIndex] = useState(0);
	const count = sections.length;
	useInput((input, key) => {
		if (key.rightArrow || (key.tab && !key.shift)) setIndex((i) => (i + 1) % count);
		else if (key.leftArrow || (key.tab && key.shift)) setIndex((i) => (i - 1 + count) % count);
		else if (/^[1-9]$/.test(input) && Number(input) <= count) setIndex(Number(input) - 1);
	});
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
			<Text>
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
			<ScrollText key={section.title} title={section.title} lines={section.lines} onBack={onBack} {...(actions ? {actions} : {})} />
		</Box>
	);
}
