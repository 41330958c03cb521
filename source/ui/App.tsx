import React, {useEffect, useState} from 'react';
import {Box, Text, useApp} from 'ink';
import type {AnyCommand, Choice, Context, Input} from '../commands/types.js';
import {viewLoader} from './views/registry.js';
import {isHelperError} from '../core/errors.js';
import type {Theme} from '../output/theme.js';
import {fitLine} from '../output/wrap.js';
import {makeTextView} from './views/TextView.js';
import type {ViewModule} from './view-types.js';
import {KeyDispatch, useKeyHelp, useKeys, useMirror, type KeyHelp, type KeyPress} from './keys.js';
import {Layout, useLayout} from './layout.js';
import {useTerminalSize} from './use-terminal-size.js';
import {ScreenMemoryContext, type ScreenMemory} from './screen-memory.js';
import {SelectList} from './components/SelectList.js';
import {Footer} from './components/Footer.js';

export interface Handoff {
	readonly command: string;
	readonly input: Input;
}

type ScreenBody =
	| {kind: 'menu'}
	| {kind: 'pick'; command: AnyCommand; input: Input; argIndex: number; choices: Choice[] | null; error?: string}
	| {kind: 'running'; command: AnyCommand; input: Input}
	| {kind: 'view'; command: AnyCommand; input: Input; result: unknown; View: ViewModule<unknown>['default']}
	| {kind: 'error'; command: AnyCommand; message: string; hint: string; input?: Input; code?: string};

export type Screen = ScreenBody & {readonly id: number};

export interface Notice {
	readonly text: string;
	readonly tone: 'ok' | 'warn' | 'error';
}

/**
 * What the app keeps while it is closed for a command that owns the terminal (a shell, logs -f):
 * the navigation stack, what each screen remembers, and the notice to show on return.
 */
export interface AppSession {
	stack: Screen[];
	readonly memory: Map<number, ScreenMemory>;
	nextId: number;
	notice?: Notice;
	handoff?: Handoff;
	/** Set when the app is left for good: 0 for q, 130 for Ctrl-C. */
	exitCode?: number;
}

export function newSession(): AppSession {
	return {stack: [{id: 0, kind: 'menu'}], memory: new Map(), nextId: 1};
}

export interface AppProps {
	readonly commands: readonly AnyCommand[];
	readonly theme: Theme;
	readonly makeContext: () => Context;
	readonly start?: {readonly command: string; readonly input: Input};
	/** Called when a streaming command (a shell, logs --follow) must run outside Ink. */
	readonly onHandoff?: (handoff: Handoff) => void;
	readonly version?: string;
	/** Kept by the caller across handoffs; a fresh one when absent. */
	readonly session?: AppSession;
}

const EMPTY: Input = {args: [], flags: {}};

const GLOBAL_KEYS: readonly KeyHelp[] = [
	['Esc', 'back to the previous screen'],
	['q', 'quit'],
	['Ctrl-C', 'quit (exit status 130)'],
	['?', 'this list of keys'],
];

export function App({commands, theme, makeContext, start, onHandoff, version, session: given}: AppProps) {
	const {exit} = useApp();
	// Ink's stdout (the one the app renders to), followed on resize; never process.stdout directly.
	const {columns: terminalColumns} = useTerminalSize();
	const [session] = useState<AppSession>(() => {
		const session = given ?? newSession();
		const command = start ? commands.find((c) => c.name === start.command) : undefined;
		if (command && session.stack.length === 1) session.stack = [...session.stack, firstScreen(session, command, start!.input)];
		return session;
	});
	const [stack, setStackState] = useState<Screen[]>(session.stack);
	const [notice, setNotice] = useState<Notice | undefined>(session.notice);
	const [overlay, setOverlay, getOverlay] = useMirror<readonly KeyHelp[] | null>(null);
	// The running command's latest progress line (verify's checks, analyze's layers), shown while it runs.
	const [progress, setProgress] = useState('');
	const setStack = (update: (s: Screen[]) => Screen[]) => {
		session.stack = update(session.stack);
		setStackState(session.stack);
	};
	const screen = stack[stack.length - 1]!;
	const push = (body: ScreenBody) => setStack((s) => [...s, {...body, id: session.nextId++} as Screen]);
	const replaceTop = (id: number, body: ScreenBody) => setStack((s) => (s[s.length - 1]?.id === id ? [...s.slice(0, -1), {...body, id} as Screen] : s));
	const back = () => {
		setNotice(undefined);
		session.notice = undefined;
		setStack((s) => {
			if (s.length <= 1) return s;
			session.memory.delete(s[s.length - 1]!.id);
			return s.slice(0, -1);
		});
	};
	const quit = (code: number) => {
		session.exitCode = code;
		exit();
	};
	const handoff = (command: AnyCommand, input: Input) => {
		session.handoff = {command: command.name, input};
		onHandoff?.(session.handoff);
		exit();
	};

	const open = (name: string, input: Input) => {
		const command = commands.find((c) => c.name === name);
		if (!command) return;
		setNotice(undefined);
		const next = firstScreen(session, command, input);
		if (next.kind === 'running' && command.streams?.(input)) return handoff(command, input);
		const top = session.stack[session.stack.length - 1];
		// A retry from its error screen (overwrite with a backup) takes that screen's place.
		if (top?.kind === 'error' && top.command.name === name) {
			const {id: _id, ...body} = next;
			return replaceTop(top.id, body);
		}
		// The same command again with other input (init re-planned with a changed answer) replaces the screen:
		// it is the same place, and Esc goes back to where the user came from, not through every re-plan.
		if (top?.kind === 'view' && top.command.name === name) {
			const {id: _id, ...body} = next;
			return replaceTop(top.id, body);
		}
		push(next);
	};

	// Load choices for a picker.
	useEffect(() => {
		if (screen.kind !== 'pick' || screen.choices !== null || screen.error) return;
		const arg = screen.command.args[screen.argIndex]!;
		let cancelled = false;
		const id = screen.id;
		arg.choices!(makeContext()).then(
			(choices) => !cancelled && replaceTop(id, {...screen, choices}),
			(error: unknown) =>
				!cancelled &&
				replaceTop(
					id,
					isHelperError(error)
						? {kind: 'error', command: screen.command, message: error.message, hint: error.hint}
						: {...screen, choices: [], error: String(error)},
				),
		);
		return () => {
			cancelled = true;
		};
		// replaceTop only writes the session's stack, which does not change between renders.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [screen, makeContext]);

	// Run a command and load its view.
	useEffect(() => {
		if (screen.kind !== 'running') return;
		let cancelled = false;
		const {command, input, id} = screen;
		(async () => {
			try {
				setProgress('');
				const result = await command.run({...makeContext(), progress: (message: string) => !cancelled && setProgress(message)}, input);
				const load = viewLoader(command.name);
				const View = load ? (await load()).default : makeTextView((r, t, i) => command.text(r, t, i));
				if (!cancelled) replaceTop(id, {kind: 'view', command, input, result, View});
			} catch (error) {
				if (cancelled) return;
				if (isHelperError(error)) replaceTop(id, {kind: 'error', command, message: error.message, hint: error.hint, input, code: error.code});
				else
					replaceTop(id, {
						kind: 'error',
						command,
						message: String((error as Error)?.stack ?? error),
						hint: 'This is a bug in docker-helper; please report it.',
					});
			}
		})();
		return () => {
			cancelled = true;
		};
		// replaceTop only writes the session's stack, which does not change between renders.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [screen, makeContext]);

	// The app's own keys, for what the screen did not use.
	const fallback = (key: KeyPress, help: () => KeyHelp[]) => {
		if (key.name === 'ctrl-c') return quit(130);
		if (getOverlay()) {
			if (key.name === 'escape' || key.name === 'return' || key.text === '?' || key.text === 'q') setOverlay(null);
			return;
		}
		if (key.name === 'escape') return back();
		if (key.text === 'q') return quit(0);
		if (key.text === '?') setOverlay([...help(), ...GLOBAL_KEYS]);
	};

	let memory = session.memory.get(screen.id);
	if (!memory) session.memory.set(screen.id, (memory = new Map()));
	const noticeRows = notice ? fitLine(notice.text, terminalColumns).length : 0;
	return (
		<KeyDispatch
			fallback={fallback}
			screen={() => `${session.stack.at(-1)!.id}${getOverlay() ? '?' : ''}`}
			shown={`${screen.id}${overlay ? '?' : ''}`}
			busy={() => loading(session.stack.at(-1)!)}
		>
			{notice ? <Text color={notice.tone === 'ok' ? 'green' : notice.tone === 'warn' ? 'yellow' : 'red'}>{notice.text}</Text> : null}
			<Layout reserve={noticeRows}>
				<ScreenMemoryContext.Provider key={screen.id} value={memory}>
					{overlay ? (
						<KeysOverlay entries={overlay} />
					) : (
						<ScreenView
							screen={screen}
							progress={progress}
							commands={commands}
							theme={theme}
							version={version}
							onBack={back}
							onOpen={open}
							onPick={(input) => pickDone(screen, input)}
						/>
					)}
				</ScreenMemoryContext.Provider>
			</Layout>
		</KeyDispatch>
	);

	function pickDone(from: Screen, input: Input) {
		if (from.kind !== 'pick') return;
		const next = firstScreen(session, from.command, input);
		if (next.kind === 'running' && from.command.streams?.(input)) return handoff(from.command, input);
		push(next);
	}
}

/** A screen still waiting for its command or its choices: keys typed meanwhile wait for what it shows. */
const loading = (screen: Screen): boolean => screen.kind === 'running' || (screen.kind === 'pick' && screen.choices === null && !screen.error);

/** The first screen of a command: a picker for a missing argument that has choices, or the run. */
function firstScreen(session: AppSession, command: AnyCommand, input: Input): Screen {
	const id = session.nextId++;
	const missing = command.args.findIndex((a, i) => a.required && input.args[i] === undefined && a.choices);
	const optionalPick = command.opensApp?.(input) && command.args.findIndex((a, i) => input.args[i] === undefined && a.choices);
	const index = missing !== -1 ? missing : typeof optionalPick === 'number' ? optionalPick : -1;
	if (index !== -1) return {id, kind: 'pick', command, input, argIndex: index, choices: null};
	return {id, kind: 'running', command, input};
}

function ScreenView({
	screen,
	progress,
	commands,
	theme,
	version,
	onBack,
	onOpen,
	onPick,
}: {
	readonly screen: Screen;
	readonly progress: string;
	readonly commands: readonly AnyCommand[];
	readonly theme: Theme;
	readonly version: string | undefined;
	readonly onBack: () => void;
	readonly onOpen: (name: string, input: Input) => void;
	readonly onPick: (input: Input) => void;
}) {
	const {columns} = useLayout();
	switch (screen.kind) {
		case 'menu': {
			const items = commands.map((c) => ({key: c.name, label: c.name, hint: c.summary, value: c.name}));
			return (
				<Box flexDirection="column">
					<Text bold wrap="truncate-end">
						docker-helper{version ? <Text dimColor> {version}</Text> : null}
					</Text>
					<SelectList items={items} alignHints reserve={1} enterLabel="run" canGoBack={false} onSelect={(item) => onOpen(item.value, EMPTY)} />
				</Box>
			);
		}
		case 'pick': {
			const arg = screen.command.args[screen.argIndex]!;
			if (screen.choices === null) return <Text dimColor>Loading {arg.name} choices…</Text>;
			if (screen.choices.length === 0) return <Message lines={[`No ${arg.name} to choose from${screen.error ? `: ${screen.error}` : ''}.`]} tone="warn" />;
			const items = screen.choices.map((c) => ({key: c.value, label: c.label, ...(c.hint ? {hint: c.hint} : {}), value: c.value}));
			const title = fitLine(`${screen.command.name}: choose ${arg.name}`, columns);
			return (
				<Box flexDirection="column">
					{title.map((row, i) => (
						<Text key={i} bold>
							{row}
						</Text>
					))}
					<SelectList
						items={items}
						reserve={title.length}
						onSelect={(item) => {
							const args = [...screen.input.args];
							args[screen.argIndex] = item.value;
							onPick({...screen.input, args});
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
			return <View result={screen.result} input={screen.input} theme={theme} onBack={onBack} onOpen={onOpen} />;
		}
		case 'error': {
			// A file in the way: the menu cannot take --force, so it offers the same choice as a key.
			const {input, command} = screen;
			if (screen.code === 'FILE_EXISTS' && input && command.flags['force'] && input.flags['force'] !== true) {
				const lines = [screen.message, '→ Press b to replace it, keeping the old file as a numbered backup (.bak), or Esc to leave it as it is.'];
				return (
					<Message
						lines={lines}
						tone="error"
						actions={[['b', 'replace, keeping a backup']]}
						onKey={(k) => (k === 'b' ? (onOpen(command.name, {...input, flags: {...input.flags, force: true}}), true) : false)}
					/>
				);
			}
			return <Message lines={[screen.message, `→ ${screen.hint}`]} tone="error" />;
		}
	}
}

/** A message screen (an error, an empty picker): wrapped to the width; Esc goes back. */
function Message({
	lines,
	tone,
	actions = [],
	onKey,
}: {
	readonly lines: readonly string[];
	readonly tone: 'warn' | 'error';
	readonly actions?: readonly KeyHelp[];
	readonly onKey?: (text: string) => boolean;
}) {
	const {columns} = useLayout();
	useKeys((key) => (key.name === 'char' && onKey ? onKey(key.text) : false));
	useKeyHelp(actions);
	return (
		<Box flexDirection="column">
			{lines.flatMap((line, i) =>
				fitLine(line, columns).map((row, j) => (
					<Text key={`${i}-${j}`} color={i === 0 ? (tone === 'error' ? 'red' : 'yellow') : undefined} dimColor={i > 0}>
						{row}
					</Text>
				)),
			)}
			<Footer parts={[...actions.map(([k, what]) => `${k} ${what}`), 'Esc back', 'q quit', '? keys']} width={columns} />
		</Box>
	);
}

/** `?`: the keys of the screen underneath, then the app's own. */
function KeysOverlay({entries}: {readonly entries: readonly KeyHelp[]}) {
	const {columns} = useLayout();
	const width = Math.min(24, Math.max(...entries.map(([k]) => k.length)) + 2);
	return (
		<Box flexDirection="column">
			<Text bold>Keys</Text>
			{entries.flatMap(([k, what], i) =>
				fitLine(`${k.padEnd(width)}${what}`, columns).map((row, j) => (
					<Text key={`${i}-${j}`}>{j === 0 ? row : `${' '.repeat(width)}${row.trimStart()}`}</Text>
				)),
			)}
			<Footer parts={['Esc, Enter or ? close']} width={columns} />
		</Box>
	);
}
