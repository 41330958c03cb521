/** logs as text: one line per record, stderr marked when it is shown mixed with stdout. */
import type {LogRecord, LogsResult} from '../core/log-stream.js';
import type {Theme} from './theme.js';
import {terminalText} from '../core/terminal-text.js';

/** One line for a person: optional timestamp, stderr marked when shown mixed with stdout. */
export function formatLine(record: LogRecord, timestamps: boolean, theme: Theme, markStderr: boolean): string {
	const time = timestamps && record.time ? `${theme.dim(record.time)} ` : '';
	// The container's colours stay when ours do; every other control sequence is shown, not obeyed.
	const line = terminalText(record.line, {sgr: theme.color ? 'keep' : 'drop', newlines: false});
	if (record.stream === 'stderr' && markStderr) {
		return theme.color ? `${theme.error('▍')}${time}${line}` : `[stderr] ${time}${line}`;
	}
	return `${time}${line}`;
}

/** The app's captured lines under a heading (plain runs stream their lines instead and print nothing here). */
export function logsText(result: LogsResult, theme: Theme, timestamps: boolean): string {
	if (!result.records) return '';
	const lines = result.records.map((r) => formatLine(r, timestamps, theme, true));
	const head = `${theme.bold(`logs ${result.container}`)} ${theme.dim(`${result.lines} line${result.lines === 1 ? '' : 's'}${result.grep ? ` matching /${result.grep}/` : ''}${result.recordsDropped ? `, oldest ${result.recordsDropped} not kept` : ''} · stderr marked ▍`)}`;
	return [head, ...(lines.length > 0 ? lines : [theme.dim('(no lines)')])].join('\n');
}
