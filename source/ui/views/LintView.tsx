import React, {useMemo, useState} from 'react';
import {Box, Text, useInput, useStdout} from 'ink';
import type {LintReport, LintResult, LintedFile} from '../../core/lint/report.js';
import type {Finding, Severity} from '../../core/lint/types.js';
import {renderRules} from '../../output/lint-formats.js';
import {ScrollText} from '../components/ScrollText.js';
import type {ViewProps} from '../view-types.js';

const ORDER: readonly Severity[] = ['error', 'warning', 'info', 'style'];
const COLOR: Record<Severity, string> = {error: 'red', warning: 'yellow', info: 'cyan', style: 'gray'};

type Row = {kind: 'heading'; severity: Severity; count: number} | {kind: 'finding'; finding: Finding; file: LintedFile};

/** lint in the app: findings grouped by severity, the source around the selected one, `e`/Enter explains the rule. */
export default function LintView(props: ViewProps<LintResult>) {
	const {result, theme, onBack} = props;
	if (result.mode === 'rules') return <ScrollText lines={renderRules(result, theme).split('\n')} onBack={onBack} />;
	return <FindingsView {...props} result={result} />;
}

/** The findings list: its own component, so that its hooks run in the same order on every render. */
function FindingsView({result, onBack, onOpen}: Omit<ViewProps<LintResult>, 'result'> & {readonly result: LintReport}) {
	const {stdout} = useStdout();
	const rows: Row[] = useMemo(() => {
		const out: Row[] = [];
		for (const severity of ORDER) {
			const items = result.files.flatMap((file) => file.findings.filter((f) => f.severity === severity).map((finding) => ({kind: 'finding' as const, finding, file})));
			if (items.length === 0) continue;
			out.push({kind: 'heading', severity, count: items.length}, ...items);
		}
		return out;
	}, [result]);
	const selectable = rows.map((r, i) => (r.kind === 'finding' ? i : -1)).filter((i) => i >= 0);
	const [cursor, setCursor] = useState(0);
	const selectedIndex = selectable[cursor];
	const selected = selectedIndex === undefined ? undefined : (rows[selectedIndex] as Extract<Row, {kind: 'finding'}>);
	useInput((key, k) => {
		if (k.escape || key === 'q') return onBack();
		if (k.upArrow || key === 'k') setCursor((c) => Math.max(0, c - 1));
		else if (k.downArrow || key === 'j') setCursor((c) => Math.min(selectable.length - 1, c + 1));
		else if (k.pageUp) setCursor((c) => Math.max(0, c - 10));
		else if (k.pageDown) setCursor((c) => Math.min(selectable.length - 1, c + 10));
		else if ((k.return || key === 'e') && selected && selected.finding.slug !== 'parse-error') onOpen?.('explain', {args: [selected.finding.slug], flags: {}});
	});
	const s = result.summary;
	const height = Math.max(6, (stdout?.rows ?? 24) - 12);
	const selRow = selectedIndex ?? 0;
	const start = Math.max(0, Math.min(selRow - Math.floor(height / 2), rows.length - height));
	const visible = rows.slice(start, start + height);
	const context = selected ? around(selected.file.lines, selected.finding.line, selected.finding.column) : [];
	return (
		<Box flexDirection="column">
			<Text bold color={result.failed ? 'red' : s.findings > 0 ? 'yellow' : 'green'}>
				{s.findings === 0 ? `${s.files} file${s.files === 1 ? '' : 's'}: no findings` : `${s.findings} finding${s.findings === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}`}
				{s.suppressed > 0 ? ` (${s.suppressed} suppressed)` : ''}
			</Text>
			{!result.engine.used ? <Text dimColor>base images not checked: {result.engine.note}</Text> : null}
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
					<Text wrap="wrap">{selected.finding.message}</Text>
					{context.map((line, i) => (
						<Text key={`c${i}`} color={line.current ? 'white' : 'gray'} wrap="truncate-end">
							{line.text}
						</Text>
					))}
				</Box>
			) : null}
			<Text dimColor>↑↓ select · e/Enter explain the rule · Esc/q back</Text>
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
