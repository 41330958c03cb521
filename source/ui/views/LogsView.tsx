import React from 'react';
import {Box, Text} from 'ink';
import type {LogsResult} from '../../core/log-stream.js';
import {formatLine} from '../../output/logs.js';
import type {ViewProps} from '../view-types.js';
import {ScrollText} from '../components/ScrollText.js';

/**
 * logs in the app: the last lines (newest at the bottom, shown first), stderr marked, with
 * keys to follow live (q or Esc comes back), inspect the container or open a shell.
 */
export default function LogsView({result, input, theme, onBack, onOpen}: ViewProps<LogsResult>) {
	const timestamps = input.flags['timestamps'] === true;
	const lines = (result.records ?? []).map((r) => formatLine(r, timestamps, theme, true));
	const name = result.container;
	const actions = onOpen
		? {
				f: {label: 'follow', run: () => onOpen('logs', {args: [name], flags: {follow: true, tail: 50, ...(timestamps ? {timestamps: true} : {})}})},
				i: {label: 'inspect', run: () => onOpen('inspect', {args: [name], flags: {}})},
				s: {label: 'shell', run: () => onOpen('exec', {args: [name], flags: {}})},
			}
		: undefined;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold>logs {name}</Text>
				<Text dimColor>
					{' '}
					{result.lines} line{result.lines === 1 ? '' : 's'}
					{result.grep ? ` matching /${result.grep}/` : ''}
					{result.recordsDropped ? `, oldest ${result.recordsDropped} not kept` : ''} · stderr marked {theme.color ? '▍' : '[stderr]'}
				</Text>
			</Text>
			{lines.length === 0 ? <Text dimColor>(no log lines)</Text> : null}
			<ScrollText lines={lines} reserve={lines.length === 0 ? 2 : 1} onBack={onBack} startAtEnd {...(actions ? {actions} : {})} />
		</Box>
	);
}
