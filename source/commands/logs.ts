/**
 * logs: a container's stdout and stderr, demultiplexed, filtered and redacted line by line
 * as they stream from the engine. Memory stays bounded whatever the log size: the engine
 * does --tail, we hold at most one (capped) line per stream, and we stop reading while
 * the terminal or pipe is behind.
 */
import {EXIT, usageError} from '../core/errors.js';
import {
	compileGrep,
	FrameDemuxer,
	LineSplitter,
	toRecord,
	type LineFilter,
	type LogRecord,
	type LogsResult,
	type Piece,
	type StreamName,
} from '../core/log-stream.js';
import {LineRedactor} from '../core/redact.js';
import {engineTimestamp, parseTimeSpec} from '../core/time-spec.js';
import {formatLine, logsText} from '../output/logs.js';
import {makeTheme} from '../output/theme.js';
import {containerArg} from './container-arg.js';
import {flagBool, flagString, type Command, type Context, type Input} from './types.js';
import {jsonLine} from '../output/json.js';

/** In the app, logs are shown in a view: keep this many lines at most. */
const APP_MAX_RECORDS = 5000;
const APP_DEFAULT_TAIL = 1000;

interface Options {
	readonly container: string;
	readonly tail?: number;
	readonly since?: string;
	readonly until?: string;
	readonly follow: boolean;
	readonly timestamps: boolean;
	readonly json: boolean;
	readonly grep?: RegExp;
	readonly redact: boolean;
}

/** --tail: a whole number of lines written in decimal, or `all` (as docker logs takes it); the app passes a number. */
function tailOf(input: Input): number | undefined {
	const raw = input.flags['tail'];
	if (raw === undefined || raw === 'all') return undefined;
	const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(n) || n < 0)
		throw usageError(
			`--tail needs a whole number of lines (0 or more) or all; got '${String(raw).slice(0, 40)}'.`,
			'Example: docker-helper logs web --tail 200 (or --tail all)',
		);
	return n;
}

function readOptions(input: Input, now: number): Options {
	const tail = tailOf(input);
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
		if (!compiled.ok)
			throw usageError(`--grep: not a valid regular expression: ${compiled.message}`, 'Escape special characters, e.g. --grep "GET /api\\?id=1"');
		grep = compiled.regex;
	}
	const since = time('since');
	const until = time('until');
	return {
		container: input.args[0]!,
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

/**
 * The log as it streams from the engine: each engine chunk's lines, demultiplexed, filtered and
 * redacted, and at the end the counts. ctx.signal (Ctrl-C, a closed pipe) ends the stream early.
 */
async function* readLogs(ctx: Context, options: Options): AsyncGenerator<LogRecord[], LogsResult, void> {
	const engine = await ctx.engine();
	const info = await engine.inspectContainer(options.container);
	const {tty, name} = info;
	const appMode = ctx.interactive;
	const tail = options.tail ?? (appMode ? APP_DEFAULT_TAIL : undefined);
	const wantTimes = options.timestamps || options.json;
	const stream = await engine.containerLogStream(info.id, {
		follow: options.follow && !appMode,
		timestamps: wantTimes,
		...(tail !== undefined ? {tail} : {}),
		...(options.since !== undefined ? {since: options.since} : {}),
		...(options.until !== undefined ? {until: options.until} : {}),
	});
	const counts = {lines: 0, stdout: 0, stderr: 0, scanned: 0, bytes: 0};
	// One redactor per stream: a private key's body and END line are hidden along with its BEGIN line.
	const redactor = (): LineFilter => {
		const r = new LineRedactor();
		return {...(options.grep ? {grep: options.grep} : {}), ...(options.redact ? {redact: (text: string) => r.line(text)} : {})};
	};
	const filters: Record<StreamName, LineFilter> = {stdout: redactor(), stderr: redactor()};
	const splitters: Record<StreamName, LineSplitter> = {stdout: new LineSplitter(), stderr: new LineSplitter()};
	const demux = tty ? null : new FrameDemuxer();
	const keep = (s: StreamName, raws: Iterable<{bytes: Uint8Array}>, out: LogRecord[]) => {
		for (const raw of raws) {
			counts.scanned++;
			const record = toRecord(s, raw.bytes, wantTimes, filters[s]);
			if (!record) continue;
			counts.lines++;
			counts[record.stream]++;
			out.push(record);
		}
	};

	let interrupted = false;
	const onAbort = () => {
		interrupted = true;
		stream.destroy();
	};
	if (ctx.signal.aborted) onAbort();
	ctx.signal.addEventListener('abort', onAbort, {once: true});
	try {
		for await (const chunk of stream as AsyncIterable<Uint8Array>) {
			counts.bytes += chunk.length;
			const records: LogRecord[] = [];
			const pieces: readonly Piece[] = demux ? demux.push(chunk) : [{stream: 'stdout', bytes: chunk}];
			for (const piece of pieces) keep(piece.stream, splitters[piece.stream].push(piece.bytes), records);
			// The consumer pulls the next chunk only once these are written: a slow reader holds the engine stream back.
			if (records.length > 0) yield records;
		}
	} catch (error) {
		if (!interrupted) throw engine.mapError(error);
	} finally {
		ctx.signal.removeEventListener('abort', onAbort);
		stream.destroy();
	}
	const rest: LogRecord[] = [];
	for (const s of ['stdout', 'stderr'] as const) keep(s, splitters[s].flush(), rest);
	if (rest.length > 0) yield rest;
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
		'docker-helper logs web --json --tail 1000 | jq -r \'select(.stream == "stderr") | .line\'',
	],
	group: 'troubleshoot',
	args: [containerArg('Container name, id or unique id prefix')],
	flags: {
		tail: {type: 'string', shortFlag: 'n', placeholder: 'n|all', description: 'Only the last n lines (read from the end by the engine); all: every line'},
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
		// In the app: the lines are kept (the newest APP_MAX_RECORDS) and shown in a view.
		const lines = readLogs(ctx, readOptions(input, Date.now()));
		const records: LogRecord[] = [];
		let dropped = 0;
		for (;;) {
			const next = await lines.next();
			if (next.done) return {...next.value, records, recordsDropped: dropped};
			records.push(...next.value);
			if (records.length > APP_MAX_RECORDS) dropped += records.splice(0, records.length - APP_MAX_RECORDS).length;
		}
	},
	async *stream(ctx, input) {
		const options = readOptions(input, Date.now());
		const theme = options.json ? makeTheme(false) : ctx.theme;
		const tty = ctx.stdout.isTTY;
		const lines = readLogs(ctx, options);
		for (;;) {
			const next = await lines.next();
			if (next.done) {
				const result = next.value;
				if (!options.json && result.lines === 0 && ctx.stderr.isTTY) {
					const note = options.grep
						? `No line of ${result.container}'s log matched --grep (${result.scanned} read).`
						: `${result.container} has no log lines in that range.`;
					yield {to: 'stderr', data: `${theme.dim(note)}\n`};
				}
				return result;
			}
			// One chunk per run of lines bound for the same stream: the engine's chunk, not one write per line.
			let to: 'stdout' | 'stderr' = 'stdout';
			let text = '';
			for (const record of next.value) {
				const target = options.json || record.stream === 'stdout' || tty ? 'stdout' : 'stderr';
				const line = options.json ? jsonLine(record) : formatLine(record, options.timestamps, theme, tty && target === 'stdout');
				if (target !== to && text) {
					yield {to, data: text};
					text = '';
				}
				to = target;
				text += `${line}\n`;
			}
			if (text) yield {to, data: text};
		}
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
