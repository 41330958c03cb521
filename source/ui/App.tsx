import React, {useEffect, useState} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import type {AnyCommand, Choice, Context, Input} from '../commands/types.js';
import {viewLoader} from './views/registry.js';
import {isHelperError} from '../core/errors.js';
import type {Theme} from '../output/theme.js';
import {makeTextView} from './views/TextView.js';
import type {ViewModule} from './view-types.js';

export interface Handoff {
	readonly command: string;
	readonly input: Input;
}

export interface AppProps {
	readonly commands: readonly AnyCommand[];
	readonly theme: Theme;
	readonly makeContext: () => Context;
	readonly start?: {readonly command: string; readonly input: Input};
	/** Called when a streaming command (a shell, logs --follow) must run outside Ink. */
	readonly onHandoff?: (handoff: Handoff) => void;
	readonly version?: string;
}

type Screen =
	| {kind: 'menu'}
	| {kind: 'pick'; command: AnyCommand; input: Input; argIndex: number; choices: Choice[] | null; error?: string}
	| {kind: 'running'; command: AnyCommand; input: Input}
	| {kind: 'view'; command: AnyCommand; input: Input; result: unknown; View: ViewModule<unknown>['default']}
	| {kind: 'error'; command: AnyCommand; message: string; hint: string};

const EMPTY: Input = {args: [], flags: {}};

/** The ❯ marker in a box that never shrinks, however long the label beside it. */
function MenuIndicator({isSelected = false}: {readonly isSelected?: boolean}) {
	return (
		<Box marginRight={1} flexShrink={0}>
			<Text color="cyan">{isSelected ? '❯' : ' '}</Text>
		</Box>
	);
}

/** One line per item, cut at the terminal's edge: a wrapped label would squeeze the ❯ indicator away. */
function MenuItem({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) {
	return (
		<Text color={isSelected ? 'cyan' : undefined} wrap="truncate-end">
			{label}
		</Text>
	);
}

export function App({commands, theme, makeContext, start, onHandoff, version}: AppProps) {
	const {exit} = useApp();
	const [screen, setScreen] = useState<Screen>(() => {
		const command = start ? commands.find((c) => c.name === start.command) : undefined;
		return command ? firstScreen(command, start!.input) : {kind: 'menu'};
	});
	// Where Esc goes from a view: the menu, unless the app was opened at a command.
	const backToMenu = () => setScreen({kind: 'menu'});
	// The running command's latest progress line (verify's checks, analyze's layers), shown while it runs.
	const [progress, setProgress] = useState('');

	function firstScreen(command: AnyCommand, input: Input): Screen {
		const missing = command.args.findIndex((a, i) => a.required && input.args[i] === undefined && a.choices);
		const optionalPick = command.opensApp?.(input) && command.args.findIndex((a, i) => input.args[i] === undefined && a.choices);
		const index = missing !== -1 ? missing : typeof optionalPick === 'number' ? optionalPick : -1;
		if (index !== -1) return {kind: 'pick', command, input, argIndex: index, choices: null};
		return {kind: 'running', command, input};
	}

	const open = (name: string, input: Input) => {
		const command = commands.find((c) => c.name === name);
		if (!command) return;
		if (command.streams?.(input)) {
			onHandoff?.({command: name, input});
			exit();
			return;
		}
		setScreen(firstScreen(command, input));
	};

	// Load choices for a picker.
	useEffect(() => {
		if (screen.kind !== 'pick' || screen.choices !== null || screen.error) return;
		const arg = screen.command.args[screen.argIndex]!;
		let cancelled = false;
		arg.choices!(makeContext()).then(
			(choices) => !cancelled && setScreen({...screen, choices}),
			(error: unknown) => !cancelled && setScreen(isHelperError(error) ? {kind: 'error', command: screen.command, message: error.message, hint: error.hint} : {...screen, choices: [], error: String(error)}),
		);
		return () => {
			cancelled = true;
		};
	}, [screen, makeContext]);

	// Run a command and load its view.
	useEffect(() => {
		if (screen.kind !== 'running') return;
		let cancelled = false;
		const {command, input} = screen;
		(async () => {
			try {
				setProgress('');
				const result = await command.run({...makeContext(), progress: (message: string) => !cancelled && setProgress(message)}, input);
				const load = viewLoader(command.name);
				const View = load ? (await load()).default : makeTextView((r, t, i) => command.text(r, t, i));
				if (!cancelled) setScreen({kind: 'view', command, input, result, View});
			} catch (error) {
				if (cancelled) return;
				if (isHelperError(error)) setScreen({kind: 'error', command, message: error.message, hint: error.hint});
				else setScreen({kind: 'error', command, message: String((error as Error)?.stack ?? error), hint: 'This is a bug in docker-helper; please report it.'});
			}
		})();
		return () => {
			cancelled = true;
		};
	}, [screen, makeContext]);

	useInput((input, key) => {
		if (screen.kind === 'menu' && (key.escape || input === 'q')) exit();
		else if ((screen.kind === 'error' || screen.kind === 'pick' || screen.kind === 'running') && (key.escape || input === 'q')) backToMenu();
	}, {isActive: screen.kind !== 'view'});

	switch (screen.kind) {
		case 'menu': {
			const width = Math.max(...commands.map((c) => c.name.length)) + 2;
			const items = commands.map((c) => ({key: c.name, label: `${c.name.padEnd(width)}${c.summary}`, value: c.name}));
			return (
				<Box flexDirection="column">
					<Text bold>docker-helper{version ? <Text dimColor> {version}</Text> : null}</Text>
					<Text dimColor>↑↓ choose · Enter run · q quit</Text>
					<SelectInput items={items} itemComponent={MenuItem} indicatorComponent={MenuIndicator} limit={Math.max(5, items.length)} onSelect={(item) => open(item.value, EMPTY)} />
				</Box>
			);
		}
		case 'pick': {
			const arg = screen.command.args[screen.argIndex]!;
			if (screen.choices === null) return <Text dimColor>Loading {arg.name} choices…</Text>;
			if (screen.choices.length === 0) {
				return (
					<Box flexDirection="column">
						<Text color="yellow">No {arg.name} to choose from{screen.error ? `: ${screen.error}` : ''}.</Text>
						<Text dimColor>Esc/q back</Text>
					</Box>
				);
			}
			const items = screen.choices.map((c) => ({key: c.value, label: c.hint ? `${c.label}  ${c.hint}` : c.label, value: c.value}));
			return (
				<Box flexDirection="column">
					<Text bold>
						{screen.command.name}: choose {arg.name}
					</Text>
					<Text dimColor>↑↓ choose · Enter select · Esc/q back</Text>
					<SelectInput
						items={items}
						itemComponent={MenuItem} indicatorComponent={MenuIndicator}
						limit={15}
						onSelect={(item) => {
							const args = [...screen.input.args];
							args[screen.argIndex] = item.value;
							const input = {...screen.input, args};
							if (screen.command.streams?.(input)) {
								onHandoff?.({command: screen.command.name, input});
								exit();
							} else setScreen({kind: 'running', command: screen.command, input});
						}}
					/>
				</Box>
			);
		}
		case 'running':
			return (
				<Box flexDirection="column">
					<Text dimColor>Running {screen.command.name}…</Text>
					{progress ? <Text wrap="truncate-end">{progress}</Text> : null}
				</Box>
			);
		case 'view': {
			const {View} = screen;
			return <View result={screen.result} input={screen.input} theme={theme} onBack={backToMenu} onOpen={open} />;
		}
		case 'error':
			return (
				<Box flexDirection="column">
					<Text color="red">{screen.message}</Text>
					<Text dimColor>→ {screen.hint}</Text>
					<Text dimColor>Esc/q back</Text>
				</Box>
			);
	}
}
