/** logs as text: one line per record, stderr marked when it is shown mixed with stdout. */
import type {LogRecord, LogsResult} from '../core/log-stream.js';
import type {Theme} from './theme.js';

/** One line for a person: optional timestamp, stderr marked when shown mixed with stdout. */
export function formatLine(record: LogRecord, timestamps: boolean, theme: Theme, markStderr: boolean): string {
	const time = timestamps && record.time ? `${theme.dim(record.time)} ` : '';
	if (record.stream === 'stderr' && markStderr) {
		return theme.color ? `${theme.error('▍')}${time}${record.line}` : `[stderr] ${time}${record.line}`;
	}
	return `${time}${record.line}`;
}

/** The app's captured lines under a heading (plain runs stream their lines instead and print nothing here). */
export function logsText(result: LogsResult, theme: Theme, timestamps: boolean): string {
	if (!result.records) return '';
	const lines = result.records.map((r) => formatLine(r, timestamps, theme, true));
	const head = `${theme.bold(`logs ${result.container}`)} ${theme.dim(`${result.lines} line${result.lines === 1 ? '' : 's'}${result.grep ? ` matching /${result.grep}/` : ''}${result.recordsDropped ? `, oldest ${result.recordsDropped} not kept` : ''} · stderr marked ▍`)}`;
	return [head, ...(lines.length > 0 ? lines : [theme.dim('(no lines)')])].join('\n');
}
