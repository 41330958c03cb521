import React, {useEffect, useMemo, useRef, useState} from 'react';
import {Box, Text, useStdout} from 'ink';
import {useKeyInput} from '../keys.js';
import {
	actionCommand,
	arrange,
	SORT_KEYS,
	summaryLine,
	type ContainerAction,
	type MonitorResult,
	type MonitorRow,
	type SortKey,
} from '../../core/monitor/model.js';
import {alertLine, columnsFor, headerLine, rowLine} from '../../output/monitor.js';
import {useKept} from '../screen-memory.js';
import type {ViewProps} from '../view-types.js';

const KEYS: ReadonlyArray<readonly [string, string]> = [
	['↑/↓ j/k', 'select a container'],
	['Enter', 'diagnose it'],
	['l', 'logs (follow): type a filter (a regular expression), or Enter for every line'],
	['i', 'inspect'],
	['s', 'shell (exec)'],
	['h', "the last health probe's output"],
	['r', 'restart (asks first)'],
	['S', 'stop (asks first)'],
	['d', 'remove (asks first; -f when running)'],
	['/', 'filter by name, image, project or state'],
	['o', 'next sort order'],
	['?', 'this help'],
	['q, Esc', 'leave'],
];

type Prompt = {readonly action: ContainerAction; readonly row: MonitorRow; readonly command: string};

/**
 * The live dashboard: rows grouped by compose project, the latest alerts with their diagnosis, and
 * single keys on the selected container, lazydocker style. Destructive keys ask first and show the
 * docker command; the outcome is reported in the status line.
 */
export default function MonitorView({result, theme, onBack, onOpen}: ViewProps<MonitorResult>) {
	const feed = result.feed;
	const {stdout} = useStdout();
	const width = Math.max(60, (stdout?.columns ?? 120) - 1);
	const height = Math.max(12, stdout?.rows ?? 40);
	const [snapshot, setSnapshot] = useState(result.snapshot);
	// The selection follows the container, not the position: rows move as states and sort values change.
	// Kept while the dashboard is left for diagnose, logs, inspect or a shell: coming back finds it as it was.
	const [selectedId, setSelectedId] = useKept<string | null>('selected', null);
	const [sort, setSort] = useKept<SortKey>('sort', 'state');
	const [filter, setFilter] = useKept('filter', '');
	const [typing, setTypingState] = useState(false);
	// Keys can arrive faster than React re-renders: the handler reads the mode from a ref, never a stale closure.
	const typingRef = useRef(false);
	const setTyping = (on: boolean) => {
		typingRef.current = on;
		setTypingState(on);
	};
	// l asks for the log filter first: the container it is for and the text typed so far (a ref too, as above).
	const [logFilter, setLogFilterState] = useState<{readonly name: string; readonly text: string} | null>(null);
	const logFilterRef = useRef<{readonly name: string; readonly text: string} | null>(null);
	const setLogFilter = (next: {readonly name: string; readonly text: string} | null) => {
		logFilterRef.current = next;
		setLogFilterState(next);
	};
	const [overlay, setOverlay] = useState<'help' | 'probe' | null>(null);
	const [prompt, setPrompt] = useState<Prompt | null>(null);
	const [status, setStatus] = useState('');

	useEffect(() => {
		if (!feed) return;
		const off = feed.subscribe(() => setSnapshot(feed.snapshot()));
		return () => {
			off();
			feed.close();
		};
	}, [feed]);

	const groups = useMemo(() => arrange(snapshot.rows, {sort, filter}), [snapshot, sort, filter]);
	const ordered = groups.flatMap((g) => g.rows);
	const found = selectedId === null ? -1 : ordered.findIndex((r) => r.id === selectedId);
	const index = found === -1 ? 0 : found;
	const select = (i: number) => setSelectedId(ordered[Math.max(0, Math.min(ordered.length - 1, i))]?.id ?? null);
	const current: MonitorRow | undefined = ordered[index];

	// Keys typed fast (or pasted) arrive as one chunk: "/web\r" is the filter "web", then Enter.
	const typeFilter = (text: string, append: boolean) => {
		const end = text.search(/[\r\n]/);
		const typed = (end === -1 ? text : text.slice(0, end)).replace(/[\u0000-\u001f]/g, '');
		setFilter((f) => (append ? f : '') + typed);
		if (end !== -1) setTyping(false);
	};

	useKeyInput((input, key) => {
		if (prompt) {
			if (input === 'y' || input === 'Y') {
				const {action, row, command} = prompt;
				setPrompt(null);
				setStatus(`Running: ${command} …`);
				feed?.act(action, row.id).then(
					(outcome) => setStatus(`✔ ${outcome} (${command})`),
					(error: unknown) => setStatus(`✖ ${command}: ${(error as Error).message}`),
				);
			} else {
				setStatus(`Cancelled: ${prompt.command} was not run.`);
				setPrompt(null);
			}
			return;
		}
		const asking = logFilterRef.current;
		if (asking) {
			if (key.escape) {
				setLogFilter(null);
				setStatus('Logs not opened.');
				return;
			}
			if (key.backspace || key.delete) {
				setLogFilter({...asking, text: asking.text.slice(0, -1)});
				return;
			}
			if (key.return) {
				setLogFilter(null);
				onOpen?.('logs', {args: [asking.name], flags: {follow: true, tail: 100, ...(asking.text ? {grep: asking.text} : {})}});
			} else if (input && !key.ctrl && !key.meta) setLogFilter({...asking, text: asking.text + input});
			return;
		}
		if (typingRef.current) {
			if (key.return || key.escape) setTyping(false);
			else if (key.backspace || key.delete) setFilter((f) => f.slice(0, -1));
			else if (input && !key.ctrl && !key.meta) typeFilter(input, true);
			return;
		}
		if (overlay) {
			setOverlay(null);
			return;
		}
		if (key.upArrow || input === 'k') select(index - 1);
		else if (key.downArrow || input === 'j') select(index + 1);
		else if (input === '?') setOverlay('help');
		else if (input.startsWith('/')) {
			setTyping(true);
			setFilter('');
			typeFilter(input.slice(1), false);
		} else if (input === 'o') setSort((s) => SORT_KEYS[(SORT_KEYS.indexOf(s) + 1) % SORT_KEYS.length]!);
		else if (input === 'q' || key.escape) onBack();
		else if (!current) return;
		else if (key.return) onOpen?.('diagnose', {args: [current.name], flags: {}});
		else if (input === 'l') setLogFilter({name: current.name, text: ''});
		else if (input === 'i') onOpen?.('inspect', {args: [current.name], flags: {}});
		else if (input === 's') {
			if (current.state === 'running') onOpen?.('exec', {args: [current.name], flags: {}});
			else setStatus(`${current.name} is ${current.state}: a shell needs a running container (try: docker-helper debug ${current.name}).`);
		} else if (input === 'h') setOverlay('probe');
		else if (input === 'r' || input === 'S' || input === 'd') {
			const action: ContainerAction = input === 'r' ? 'restart' : input === 'S' ? 'stop' : 'remove';
			const running = current.state === 'running' || current.state === 'restarting' || current.state === 'paused';
			const command = action === 'remove' && running ? `docker rm -f ${current.name}` : actionCommand(action, current.name);
			setPrompt({action, row: current, command});
		}
	});

	const cols = columnsFor(width);
	const now = Date.parse(snapshot.takenAt);
	const alerts = snapshot.alerts.slice(-5);
	const room = Math.max(3, height - 10 - alerts.length);
	// Keep the selected row in view.
	const start = Math.max(0, Math.min(index - Math.floor(room / 2), ordered.length - room));
	const visible = new Set(ordered.slice(start, start + room).map((r) => r.id));

	if (overlay === 'help') {
		return (
			<Box flexDirection="column">
				<Text bold>monitor keys</Text>
				{KEYS.map(([k, what]) => (
					<Text key={k}>
						{'  '}
						<Text color="cyan">{k.padEnd(10)}</Text> {what}
					</Text>
				))}
				<Text dimColor>any key: back</Text>
			</Box>
		);
	}
	if (overlay === 'probe' && current) {
		return (
			<Box flexDirection="column">
				<Text bold>
					{current.name} · health {current.health ?? 'none (no HEALTHCHECK)'}
				</Text>
				{current.lastProbe ? (
					<>
						<Text dimColor>
							last probe {current.lastProbe.end.slice(0, 19).replace('T', ' ')} · exit {current.lastProbe.exitCode}
						</Text>
						<Text>{current.lastProbe.output || '(no output)'}</Text>
					</>
				) : (
					<Text dimColor>No probe has run.</Text>
				)}
				<Text dimColor>any key: back</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold>monitor</Text>
				<Text dimColor>
					{' '}
					{snapshot.rows.length} containers · sort {sort}
					{filter || typing ? ` · filter /${filter}${typing ? '▏' : ''}` : ''} · ? keys
				</Text>
			</Text>
			<Text bold wrap="truncate-end">
				{headerLine(cols)}
			</Text>
			{groups.map((g) => {
				const shown = g.rows.filter((r) => visible.has(r.id));
				if (shown.length === 0) return null;
				return (
					<Box key={g.project ?? '\u0000'} flexDirection="column">
						{g.project !== null || groups.length > 1 ? <Text underline>{g.project === null ? 'other containers' : `compose project ${g.project}`}</Text> : null}
						{shown.map((r) => (
							<Text key={r.id} inverse={r.id === current?.id} wrap="truncate-end">
								{rowLine(r, cols, now, theme)}
							</Text>
						))}
					</Box>
				);
			})}
			{ordered.length === 0 ? <Text dimColor>{filter ? `No container matches /${filter}.` : 'No containers on this engine.'}</Text> : null}
			<Text wrap="truncate-end">{summaryLine(snapshot.rows)}</Text>
			{alerts.length > 0 ? <Text dimColor>alerts</Text> : null}
			{alerts.map((a, i) => (
				<Text key={`${a.time}-${a.id}-${i}`} wrap="truncate-end">
					{alertLine(a, theme)}
				</Text>
			))}
			{logFilter ? (
				<Text color="yellow" wrap="truncate-end">
					Logs of {logFilter.name}, only lines matching: {logFilter.text}▏ (a regular expression; Enter: {logFilter.text ? 'follow' : 'every line'}, Esc:
					cancel)
				</Text>
			) : prompt ? (
				<Text color="yellow" wrap="truncate-end">
					{prompt.action === 'remove' ? 'Remove' : prompt.action === 'stop' ? 'Stop' : 'Restart'} {prompt.row.name}? It runs: {prompt.command} [y/N]
				</Text>
			) : status ? (
				<Text wrap="truncate-end">{status}</Text>
			) : null}
			<Text dimColor wrap="truncate-end">
				↑↓ select · Enter diagnose · l logs · i inspect · s shell · h probe · r restart · S stop · d remove · / filter · o sort · q back
			</Text>
		</Box>
	);
}
