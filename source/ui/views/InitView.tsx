/**
 * The init wizard: what was detected, the answers (stack, version, port, entry point, services, GPU) to confirm
 * or change, a preview of every file, and the write on confirmation. A changed answer re-runs init with it
 * (detection and plan are the command's), so what is previewed is always what would be written.
 */
import React, {useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {useKeyInput} from '../keys.js';
import type {Input} from '../../core/input.js';
import type {InitFile, InitResult} from '../../core/project/result.js';
import type {ServiceId} from '../../core/project/types.js';
import {diffLines, initText} from '../../output/init.js';
import type {Theme} from '../../output/theme.js';
import {ScrollText} from '../components/ScrollText.js';
import type {ViewProps} from '../view-types.js';

interface Answers {
	readonly stack: string;
	readonly runtime: string;
	readonly port: string;
	readonly entry: string;
	readonly services: readonly ServiceId[];
	readonly gpu: boolean;
}

type Row = 'stack' | 'runtime' | 'port' | 'entry' | 'postgres' | 'redis' | 'gpu' | 'preview' | 'go';
const TEXT_ROWS = new Set<Row>(['runtime', 'port', 'entry']);

function initial(r: InitResult): Answers {
	const a = r.answers!;
	return {stack: a.template, runtime: a.runtime ?? '', port: a.port === null ? '' : String(a.port), entry: a.entry ?? '', services: a.services, gpu: a.gpu};
}

function same(a: Answers, b: Answers): boolean {
	return (
		a.stack === b.stack && a.runtime === b.runtime && a.port === b.port && a.entry === b.entry && a.gpu === b.gpu && a.services.join() === b.services.join()
	);
}

/** The command's input for these answers: what the wizard runs to re-plan or to write. */
export function inputFor(result: InitResult, answers: Answers, base: Input, extra: Record<string, boolean>): Input {
	const template = result.templates.find((t) => t.id === answers.stack);
	const flags: Record<string, string | number | boolean> = {};
	for (const keep of ['dir', 'templateDir', 'base', 'scripts', 'force', 'api']) {
		const v = base.flags[keep];
		if (typeof v === 'string' || typeof v === 'boolean') flags[keep] = v;
	}
	flags['stack'] = answers.stack;
	if (answers.port !== '' && Number.isFinite(Number(answers.port))) flags['port'] = Number(answers.port);
	if (answers.entry !== '') flags['entry'] = answers.entry;
	if (answers.runtime !== '' && template?.runtimeFlag) flags[template.runtimeFlag] = answers.runtime;
	flags['with'] = answers.services.length ? answers.services.join(',') : 'none';
	if (answers.gpu) flags['gpu'] = true;
	return {args: [], flags: {...flags, ...extra}};
}

function FilePreview({
	file,
	index,
	count,
	theme,
	onBack,
	onMove,
}: {
	readonly file: InitFile;
	readonly index: number;
	readonly count: number;
	readonly theme: Theme;
	readonly onBack: () => void;
	readonly onMove: (d: number) => void;
}) {
	const lines = file.status === 'exists' || file.status === 'replace' ? diffLines(file.diff ?? '', theme) : file.content.split('\n');
	return (
		<ScrollText
			key={file.path}
			title={`${file.path} (${index + 1}/${count}, ${file.status === 'exists' ? 'differs from yours' : file.status}) · n/p next/previous file`}
			lines={lines}
			onBack={onBack}
			actions={{n: {label: 'next file', run: () => onMove(1)}, p: {label: 'previous', run: () => onMove(-1)}}}
		/>
	);
}

export default function InitView({result, input, theme, onBack, onOpen}: ViewProps<InitResult>) {
	// State mirrored in refs: keys can arrive several to a chunk (fast typing, paste), before a re-render.
	const [answers, setAnswersState] = useState<Answers | null>(() => (result.answers ? initial(result) : null));
	const [cursor, setCursorState] = useState(0);
	const [editing, setEditingState] = useState<{row: Row; buffer: string} | null>(null);
	const answersRef = useRef(answers);
	const cursorRef = useRef(cursor);
	const editingRef = useRef(editing);
	const setAnswers = (a: Answers) => {
		answersRef.current = a;
		setAnswersState(a);
	};
	const setCursor = (f: (c: number) => number) => {
		cursorRef.current = f(cursorRef.current);
		setCursorState(cursorRef.current);
	};
	const setEditing = (e: {row: Row; buffer: string} | null) => {
		editingRef.current = e;
		setEditingState(e);
	};
	const [preview, setPreview] = useState<number | null>(null);
	const done = result.mode !== 'preview' || !answers;
	const rows: Row[] = ['stack', 'runtime', 'port', 'entry', 'postgres', 'redis', 'gpu', 'preview', 'go'];
	const changed = answers ? !same(answers, initial(result)) : false;
	const blocked = result.files.filter((f) => f.status === 'exists');

	useKeyInput(
		(ch, key) => {
			const answers = answersRef.current;
			const editing = editingRef.current;
			const row = rows[cursorRef.current]!;
			const changed = answers ? !same(answers, initial(result)) : false;
			if (!answers) return;
			if (editing) {
				if (key.escape) setEditing(null);
				else if (key.return) {
					setAnswers({...answers, [editing.row]: editing.buffer.trim()});
					setEditing(null);
				} else if (key.backspace || key.delete) setEditing({...editing, buffer: editing.buffer.slice(0, -1)});
				else if (ch && !key.ctrl && !key.meta) setEditing({...editing, buffer: editing.buffer + ch.replace(/[\r\n]/g, '')});
				return;
			}
			if (key.escape || ch === 'q') return onBack();
			if (key.upArrow || ch === 'k') setCursor((c) => Math.max(0, c - 1));
			else if (key.downArrow || ch === 'j') setCursor((c) => Math.min(rows.length - 1, c + 1));
			else if (row === 'stack' && (key.leftArrow || key.rightArrow || key.return)) {
				const ids = result.templates.map((t) => t.id);
				const i = ids.indexOf(answers.stack);
				const next = ids[(i + (key.leftArrow ? ids.length - 1 : 1)) % ids.length]!;
				setAnswers({...answers, stack: next});
			} else if (key.return || ch === ' ') {
				if (TEXT_ROWS.has(row)) setEditing({row, buffer: answers[row as 'runtime' | 'port' | 'entry']});
				else if (row === 'postgres' || row === 'redis') {
					const on = answers.services.includes(row);
					setAnswers({...answers, services: (['postgres', 'redis'] as const).filter((s) => (s === row ? !on : answers.services.includes(s)))});
				} else if (row === 'gpu') setAnswers({...answers, gpu: !answers.gpu});
				else if (row === 'preview') setPreview(0);
				else if (row === 'go') {
					if (changed) onOpen?.('init', inputFor(result, answers, input, {}));
					else onOpen?.('init', inputFor(result, answers, input, {yes: true, ...(blocked.length ? {force: true} : {})}));
				}
			}
		},
		{isActive: !done && preview === null},
	);

	if (done) return <ScrollText title={result.mode === 'written' ? 'init: written' : 'init'} lines={initText(result, theme).split('\n')} onBack={onBack} />;
	if (preview !== null) {
		const files = result.files;
		return (
			<FilePreview
				file={files[preview]!}
				index={preview}
				count={files.length}
				theme={theme}
				onBack={() => setPreview(null)}
				onMove={(d) => setPreview((p) => ((p ?? 0) + d + files.length) % files.length)}
			/>
		);
	}

	const a = answers!;
	const template = result.templates.find((t) => t.id === a.stack);
	const value = (r: Row): string => {
		if (editing?.row === r) return `${editing.buffer}▏`;
		switch (r) {
			case 'stack':
				return `‹ ${a.stack} › ${template?.title ?? ''}`;
			case 'runtime':
				return template?.runtimeFlag ? a.runtime || '(template default)' : '(not used)';
			case 'port':
				return a.port || '(none: a tool)';
			case 'entry':
				return a.entry || '(template default)';
			case 'postgres':
			case 'redis':
				return a.services.includes(r) ? '[x] started beside it' : '[ ]';
			case 'gpu':
				return a.gpu ? '[x] reserve NVIDIA GPUs' : '[ ]';
			case 'preview':
				return `${result.files.length} files: ${result.files.map((f) => `${f.path} (${f.status})`).join(', ')}`;
			case 'go':
				return changed
					? 'Apply the changes (re-plan, nothing written yet)'
					: blocked.length
						? `Write, replacing ${blocked.map((f) => f.path).join(', ')} (each kept as .bak)`
						: `Write ${result.files.filter((f) => f.status === 'create').length} files`;
		}
	};
	const LABEL: Record<Row, string> = {
		stack: 'Stack',
		runtime: template?.runtimeFlag ? `${template.runtimeFlag[0]!.toUpperCase()}${template.runtimeFlag.slice(1)} version` : 'Version',
		port: 'Port',
		entry: 'Entry point',
		postgres: 'PostgreSQL',
		redis: 'Redis',
		gpu: 'GPU',
		preview: 'Preview',
		go: changed ? 'Apply' : 'Write',
	};
	return (
		<Box flexDirection="column">
			<Text bold>init {result.directory}</Text>
			{(result.detection?.summary ?? []).slice(0, 6).map((s) => (
				<Text key={s} dimColor wrap="truncate-end">
					{'  '}
					{s}
				</Text>
			))}
			<Text> </Text>
			{rows.map((r, i) => (
				<Text key={r} color={i === cursor ? 'cyan' : undefined} wrap="truncate-end">
					{i === cursor ? '❯ ' : '  '}
					{LABEL[r].padEnd(15)}
					{value(r)}
				</Text>
			))}
			<Text> </Text>
			{result.notes.slice(0, 3).map((n) => (
				<Text key={n} color="yellow" wrap="truncate-end">
					{n}
				</Text>
			))}
			<Text dimColor>{editing ? 'type · Enter keep · Esc cancel' : '↑↓ choose · Enter change/toggle · ←→ stack · Esc back'}</Text>
		</Box>
	);
}
