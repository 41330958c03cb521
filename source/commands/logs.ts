/**
 * logs: a container's stdout and stderr, demultiplexed, filtered and redacted line by line
 * as they stream from the engine. Memory stays bounded whatever the log size: the engine
 * does --tail, we hold at most one (capped) line per stream, and we stop reading while
 * the terminal or pipe is behind.
 */
import {EXIT, usageError} from '../core/errors.js';
import {compileGrep, FrameDemuxer, LineSplitter, toRecord, type LineFilter, type LogRecord, type LogsResult, type Piece, type StreamName} from '../core/log-stream.js';
import {LineRedactor} from '../core/redact.js';
import {engineTimestamp, parseTimeSpec} from '../core/time-spec.js';
import {formatLine, logsText} from '../output/logs.js';
import {makeTheme} from '../output/theme.js';
import {containerArg} from './container-arg.js';
import {flagBool, flagNumber, flagString, type Command, type Input} from './types.js';
import {jsonLine} from '../output/json.js';

/** In the app, logs are shown in a view: keep this many lines at most. */
const APP_MAX_RECORDS = 5000;
const APP_DEFAULT_TAIL = 1000;

interface Options {
	readonly tail?: number;
	readonly since?: string;
	readonly until?: string;
	readonly follow: boolean;
	readonly timestamps: boolean;
	readonly json: boolean;
	readonly grep?: RegExp;
	readonly redact: boolean;
}

function readOptions(input: Input, now: number): Options {
	const tail = flagNumber(input, 'tail');
	if (tail !== undefined && (!Number.isInteger(tail) || tail < 0)) throw usageError(`--tail needs a whole number of lines (0 or more); got ${tail}.`, 'Example: docker-helper logs web --tail 200');
	const time = (name: 'since' | 'until'): string | undefined => {
		const raw = flagString(input, name);
		if (raw === undefined) return undefined;
		const parsed = parseTimeSpec(raw, now);
		if (!parsed.ok) throw usageError(`--${name}: ${parsed.message}.`, `Examples: --${name} 10m, --${name} 2h, --${name} 2024-05-01T12:00:00Z`);
		return engineTimestamp(parsed.unixSeconds);
	};
	let grep: RegExp | undefined;
	const pattern = flagString(input, 'grep');
	if (pattern !== undefined) {
		const compiled = compileGrep(pattern, flagBool(input, 'ignoreCase'));
		if (!compiled.ok) throw usageError(`--grep: not a valid regular expression: ${compiled.message}`, 'Escape special characters, e.g. --grep "GET /api\\?id=1"');
		grep = compiled.regex;
	}
	const since = time('since');
	const until = time('until');
	return {
		...(tail !== undefined ? {tail} : {}),
		...(since !== undefined ? {since} : {}),
		...(until !== undefined ? {until} : {}),
		follow: flagBool(input, 'follow'),
		timestamps: flagBool(input, 'timestamps'),
		json: flagBool(input, 'json'),
		...(grep ? {grep} : {}),
		redact: input.flags['redact'] !== false,
	};
}

export const logs: Command<LogsResult> = {
	name: 'logs',
	summary: "Stream a container's logs: stdout and stderr told apart, --grep, secrets redacted",
	description: [
		"Reads a container's logs from the engine as a stream, line by line: it never loads the whole log,",
		'so a multi-gigabyte log with --tail returns at once and without --tail streams in bounded memory.',
		'stdout goes to stdout and stderr to stderr (as docker does); in a terminal both are shown in order',
		'and stderr lines are marked. Secret-looking values (tokens, passwords in URLs, KEY=value pairs with',
		'secret names) are replaced by [redacted] unless --no-redact. Bytes that are not valid UTF-8 are',
		'shown as U+FFFD (�), in text and JSON alike.',
		'',
		'--since/--until take a duration back from now (30s, 5m, 2h, 1d, 1h30m), an RFC 3339 time',
		'(2024-05-01T12:00:00Z; a time without a zone is UTC) or a Unix timestamp.',
		'--grep takes a regular expression (JavaScript syntax) matched against each shown line;',
		'with --grep the exit code is 1 when no line matched, as for grep. --tail applies first (the engine',
		'picks the last N lines), then --grep filters them.',
		'--json writes NDJSON: one object per line, {"stream":"stdout"|"stderr","time":"<RFC 3339>","line":"..."},',
		'and no envelope (errors before streaming still come as the usual JSON error document).',
		'--follow keeps streaming until the container stops (exit 0) or Ctrl-C (exit 130).',
	].join('\n'),
	usage: 'docker-helper logs <container> [--tail N] [--since 5m|RFC3339] [--until T] [--follow] [--timestamps] [--grep PATTERN [-i]] [--json]',
	examples: [
		'docker-helper logs web --tail 200',
		'docker-helper logs web --since 10m --grep "error|warn" -i',
		'docker-helper logs web --follow --timestamps',
		"docker-helper logs web --json --tail 1000 | jq -r 'select(.stream == \"stderr\") | .line'",
	],
	group: 'troubleshoot',
	args: [containerArg('Container name, id or unique id prefix')],
	flags: {
		tail: {type: 'number', shortFlag: 'n', placeholder: 'n', description: 'Only the last n lines (read from the end by the engine)'},
		since: {type: 'string', placeholder: '5m|time', description: 'Only lines since a duration ago or a time'},
		until: {type: 'string', placeholder: '5m|time', description: 'Only lines before a duration ago or a time'},
		follow: {type: 'boolean', shortFlag: 'f', description: 'Keep streaming new lines until Ctrl-C'},
		timestamps: {type: 'boolean', shortFlag: 't', description: "Show each line's timestamp"},
		grep: {type: 'string', shortFlag: 'g', placeholder: 'pattern', description: 'Only lines matching this regular expression'},
		ignoreCase: {type: 'boolean', shortFlag: 'i', description: 'Case-insensitive --grep'},
		redact: {type: 'boolean', default: true, description: 'Show secret-looking values as they are (redacted by default)'},
		json: {type: 'boolean', description: 'NDJSON, one {stream, time, line} object per line'},
	},
	streams: (input) => flagBool(input, 'follow'),
	async run(ctx, input) {
		const options = readOptions(input, Date.now());
		const engine = await ctx.engine();
		const info = await engine.inspectContainer(input.args[0]!);
		const {tty, name} = info;
		const appMode = ctx.interactive;
		const tail = options.tail ?? (appMode ? APP_DEFAULT_TAIL : undefined);
		const wantTimes = options.timestamps || options.json;
		const stream = await engine
			.containerLogStream(info.id, {
				follow: options.follow && !appMode,
				timestamps: wantTimes,
				...(tail !== undefined ? {tail} : {}),
				...(options.since !== undefined ? {since: options.since} : {}),
				...(options.until !== undefined ? {until: options.until} : {}),
			});
		const theme = options.json ? makeTheme(false) : ctx.theme;
		const records: LogRecord[] = [];
		let dropped = 0;
		const counts = {lines: 0, stdout: 0, stderr: 0, scanned: 0, bytes: 0};
		const emit = (record: LogRecord) => {
			counts.lines++;
			counts[record.stream]++;
			if (appMode) {
				records.push(record);
				if (records.length > APP_MAX_RECORDS) {
					records.shift();
					dropped++;
				}
				return;
			}
			if (options.json) ctx.stdout.write(`${jsonLine(record)}\n`);
			else if (record.stream === 'stderr' && !ctx.stdout.isTTY) ctx.stderr.write(`${formatLine(record, options.timestamps, theme, false)}\n`);
			else ctx.stdout.write(`${formatLine(record, options.timestamps, theme, ctx.stdout.isTTY)}\n`);
		};
		// One redactor per stream: a private key's body and END line are hidden along with its BEGIN line.
		const redactor = (): LineFilter => {
			const r = new LineRedactor();
			return {...(options.grep ? {grep: options.grep} : {}), ...(options.redact ? {redact: (text: string) => r.line(text)} : {})};
		};
		const filters: Record<StreamName, LineFilter> = {stdout: redactor(), stderr: redactor()};
		const splitters: Record<StreamName, LineSplitter> = {stdout: new LineSplitter(), stderr: new LineSplitter()};
		const demux = tty ? null : new FrameDemuxer();
		const handle = (pieces: readonly Piece[]) => {
			for (const piece of pieces) {
				for (const raw of splitters[piece.stream].push(piece.bytes)) {
					counts.scanned++;
					const record = toRecord(piece.stream, raw.bytes, wantTimes, filters[piece.stream]);
					if (record) emit(record);
				}
			}
		};

		let interrupted = false;
		const stop = () => {
			interrupted = true;
			stream.destroy();
		};
		const onAbort = () => stop();
		process.once('SIGINT', stop);
		ctx.signal.addEventListener('abort', onAbort, {once: true});
		try {
			for await (const chunk of stream as AsyncIterable<Uint8Array>) {
				counts.bytes += chunk.length;
				handle(demux ? demux.push(chunk) : [{stream: 'stdout', bytes: chunk}]);
				// Backpressure: read no further while stdout is behind (a slow pipe or terminal).
				await ctx.stdout.drained?.();
			}
		} catch (error) {
			if (!interrupted) throw engine.mapError(error);
		} finally {
			process.removeListener('SIGINT', stop);
			ctx.signal.removeEventListener('abort', onAbort);
			stream.destroy();
		}
		for (const s of ['stdout', 'stderr'] as const) {
			for (const raw of splitters[s].flush()) {
				counts.scanned++;
				const record = toRecord(s, raw.bytes, wantTimes, filters[s]);
				if (record) emit(record);
			}
		}
		if (!appMode && !options.json && counts.lines === 0 && ctx.stderr.isTTY) {
			ctx.stderr.write(`${theme.dim(options.grep ? `No line of ${name}'s log matched --grep (${counts.scanned} read).` : `${name} has no log lines in that range.`)}\n`);
		}
		return {
			container: name,
			id: info.id,
			tty,
			lines: counts.lines,
			stdoutLines: counts.stdout,
			stderrLines: counts.stderr,
			scanned: counts.scanned,
			bytes: counts.bytes,
			followed: options.follow && !appMode,
			interrupted,
			grep: options.grep ? options.grep.source : null,
			...(appMode ? {records, recordsDropped: dropped} : {}),
		};
	},
	exitCode(result) {
		if (result.interrupted) return 130;
		if (result.grep !== null && result.lines === 0) return EXIT.failure;
		return EXIT.ok;
	},
	// The lines were streamed as NDJSON already: no envelope after them.
	json: (result) => (result.records ? result : undefined),
	text: (result, theme, input) => logsText(result, theme, flagBool(input, 'timestamps')),
};
