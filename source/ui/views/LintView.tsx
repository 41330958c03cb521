import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import type {LintReport, LintResult, LintedFile} from '../../core/lint/report.js';
import type {Finding, Severity} from '../../core/lint/types.js';
import {renderRules} from '../../output/lint-formats.js';
import {ScrollText} from '../components/ScrollText.js';
import type {ViewProps} from '../view-types.js';
import {useKeyHelp, useKeys} from '../keys.js';
import {useLayout} from '../layout.js';
import {useKept} from '../screen-memory.js';
import {fitLine} from '../../output/wrap.js';
import {Footer} from '../components/Footer.js';

const ORDER: readonly Severity[] = ['error', 'warning', 'info', 'style'];
const COLOR: Record<Severity, string> = {error: 'red', warning: 'yellow', info: 'cyan', style: 'gray'};

type Row = {kind: 'heading'; severity: Severity; count: number} | {kind: 'finding'; finding: Finding; file: LintedFile};

/** lint in the app: findings grouped by severity, the source around the selected one, `e`/Enter explains the rule. */
export default function LintView({result, theme, onBack, onOpen}: ViewProps<LintResult>) {
	if (result.mode === 'rules') return <ScrollText lines={renderRules(result, theme).split('\n')} onBack={onBack} />;
	return <Findings result={result} theme={theme} onBack={onBack} {...(onOpen ? {onOpen} : {})} />;
}

function Findings({result, onBack, onOpen}: Omit<ViewProps<LintReport>, 'input'>) {
	const {columns, rows: room} = useLayout();
	const rows: Row[] = useMemo(() => {
		const out: Row[] = [];
		for (const severity of ORDER) {
			const items = result.files.flatMap((file) =>
				file.findings.filter((f) => f.severity === severity).map((finding) => ({kind: 'finding' as const, finding, file})),
			);
			if (items.length === 0) continue;
			out.push({kind: 'heading', severity, count: items.length}, ...items);
		}
		return out;
	}, [result]);
	const selectable = rows.map((r, i) => (r.kind === 'finding' ? i : -1)).filter((i) => i >= 0);
	const [cursor, setCursor, getCursor] = useKept('cursor', 0);
	const findingAt = (c: number) => {
		const index = selectable[c];
		return index === undefined ? undefined : (rows[index] as Extract<Row, {kind: 'finding'}>);
	};
	const selectedIndex = selectable[cursor];
	const selected = findingAt(cursor);
	const move = (by: number) => setCursor((c) => Math.max(0, Math.min(selectable.length - 1, c + by)));
	useKeys((key) => {
		if (key.name === 'escape') onBack();
		else if (key.name === 'up' || key.text === 'k') move(-1);
		else if (key.name === 'down' || key.text === 'j') move(1);
		else if (key.name === 'pageup') move(-10);
		else if (key.name === 'pagedown') move(10);
		else if (key.name === 'home' || key.text === 'g') setCursor(0);
		else if (key.name === 'end' || key.text === 'G') setCursor(Math.max(0, selectable.length - 1));
		else if (key.name === 'return' || key.text === 'e') {
			const current = findingAt(getCursor());
			if (current && current.finding.slug !== 'parse-error') onOpen?.('explain', {args: [current.finding.slug], flags: {}});
		} else return false;
		return true;
	});
	useKeyHelp([
		['↑ ↓  j k', 'select a finding'],
		['PgUp PgDn  Home End', 'move by ten, to the ends'],
		['Enter  e', "explain the finding's rule"],
	]);
	const s = result.summary;
	const context = selected ? around(selected.file.lines, selected.finding.line, selected.finding.column) : [];
	// The detail box (border, message, source) goes under the list; the list gets what is left.
	const message = selected ? fitLine(selected.finding.message, Math.max(10, columns - 4)) : [];
	const detailRows = selected ? 2 + message.length + context.length + 1 : 0;
	const headRows = 1 + (result.engine.used ? 0 : fitLine(`base images not checked: ${result.engine.note}`, columns).length);
	const height = Math.max(3, room - headRows - detailRows - 1);
	const selRow = selectedIndex ?? 0;
	const start = Math.max(0, Math.min(selRow - Math.floor(height / 2), rows.length - height));
	const visible = rows.slice(start, start + height);
	return (
		<Box flexDirection="column">
			<Text bold color={result.failed ? 'red' : s.findings > 0 ? 'yellow' : 'green'}>
				{s.findings === 0
					? `${s.files} file${s.files === 1 ? '' : 's'}: no findings`
					: `${s.findings} finding${s.findings === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}`}
				{s.suppressed > 0 ? ` (${s.suppressed} suppressed)` : ''}
			</Text>
			{!result.engine.used
				? fitLine(`base images not checked: ${result.engine.note}`, columns).map((row, i) => (
						<Text key={`n${i}`} dimColor>
							{row}
						</Text>
					))
				: null}
			{visible.map((row, i) =>
				row.kind === 'heading' ? (
					<Text key={`h${start + i}`} bold color={COLOR[row.severity]}>
						{row.severity.toUpperCase()} ({row.count})
					</Text>
				) : (
					<Text key={`f${start + i}`} wrap="truncate-end" inverse={start + i === selectedIndex}>
						{'  '}
						{row.finding.file}:{row.finding.line} {row.finding.id} {row.finding.slug}
						{row.finding.origin === 'inherited' ? ' [base image]' : ''} — {row.finding.message}
					</Text>
				),
			)}
			{selected ? (
				<Box flexDirection="column" marginTop={1} borderStyle="round" paddingX={1}>
					{message.map((row, i) => (
						<Text key={`m${i}`}>{row}</Text>
					))}
					{context.map((line, i) => (
						<Text key={`c${i}`} color={line.current ? 'white' : 'gray'} wrap="truncate-end">
							{line.text}
						</Text>
					))}
				</Box>
			) : null}
			<Footer parts={['↑↓ select', 'Enter explain the rule', 'Esc back', '? keys', 'q quit']} width={columns} />
		</Box>
	);
}

function around(lines: readonly string[], line: number, column: number | undefined): Array<{text: string; current: boolean}> {
	const out: Array<{text: string; current: boolean}> = [];
	for (let n = Math.max(1, line - 2); n <= Math.min(lines.length, line + 2); n++) {
		const no = String(n).padStart(5);
		out.push({text: `${no} | ${(lines[n - 1] ?? '').replace(/\t/g, ' ')}`, current: n === line});
		if (n === line && column) out.push({text: `${' '.repeat(5)} | ${' '.repeat(column - 1)}^`, current: true});
	}
	return out;
}
