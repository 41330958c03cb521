/**
 * Pure stream processing for container output: the engine's multiplexed frame format,
 * splitting bytes into lines with a bounded buffer, and turning a raw log line into
 * {stream, time, line}. Nothing here holds more than one (capped) line in memory.
 *
 * Bytes that are not valid UTF-8 are decoded with U+FFFD replacement characters,
 * everywhere (text and --json), so output is always valid text and nothing crashes.
 */
export type StreamName = 'stdout' | 'stderr';

export interface Piece {
	readonly stream: StreamName;
	readonly bytes: Uint8Array;
}

const HEADER = 8;

/**
 * Docker's stream multiplexing (containers and execs without a TTY): each frame is an
 * 8-byte header [stream, 0, 0, 0, size (uint32 big-endian)] followed by size bytes.
 * Frames may arrive split across chunks; payloads are passed on as they arrive (no copy
 * of the frame), so a huge frame never sits in memory whole.
 */
export class FrameDemuxer {
	#header = new Uint8Array(HEADER);
	#headerFill = 0;
	#remaining = 0;
	#stream: StreamName = 'stdout';

	push(chunk: Uint8Array): Piece[] {
		const out: Piece[] = [];
		let i = 0;
		while (i < chunk.length) {
			if (this.#remaining === 0) {
				const take = Math.min(HEADER - this.#headerFill, chunk.length - i);
				this.#header.set(chunk.subarray(i, i + take), this.#headerFill);
				this.#headerFill += take;
				i += take;
				if (this.#headerFill < HEADER) break;
				this.#headerFill = 0;
				// 0 stdin (echoed by a TTY-less exec), 1 stdout, 2 stderr; 3 is the engine's own error text.
				this.#stream = this.#header[0] === 2 || this.#header[0] === 3 ? 'stderr' : 'stdout';
				const h = this.#header;
				this.#remaining = ((h[4]! << 24) >>> 0) + (h[5]! << 16) + (h[6]! << 8) + h[7]!;
				continue;
			}
			const take = Math.min(this.#remaining, chunk.length - i);
			out.push({stream: this.#stream, bytes: chunk.subarray(i, i + take)});
			this.#remaining -= take;
			i += take;
		}
		return out;
	}
}

export interface RawLine {
	readonly bytes: Uint8Array;
	/** True when the line was cut at the length cap and continues in the next one. */
	readonly cut: boolean;
}

/** Splits a byte stream into lines (LF, with a trailing CR dropped), keeping at most maxLineBytes. */
export class LineSplitter {
	readonly #max: number;
	#parts: Uint8Array[] = [];
	#size = 0;

	constructor(maxLineBytes = 1024 * 1024) {
		this.#max = maxLineBytes;
	}

	push(bytes: Uint8Array): RawLine[] {
		const out: RawLine[] = [];
		let start = 0;
		for (;;) {
			const nl = bytes.indexOf(10, start);
			if (nl === -1) break;
			this.#append(bytes.subarray(start, nl), out);
			out.push({bytes: stripCr(this.#take()), cut: false});
			start = nl + 1;
		}
		if (start < bytes.length) this.#append(bytes.subarray(start), out);
		return out;
	}

	/** The last line when the stream ends without a newline. */
	flush(): RawLine[] {
		return this.#size > 0 ? [{bytes: stripCr(this.#take()), cut: false}] : [];
	}

	#append(bytes: Uint8Array, out: RawLine[]): void {
		let rest = bytes;
		while (this.#size + rest.length > this.#max) {
			const room = this.#max - this.#size;
			// Copy: the caller's chunk buffer may be reused after we return.
			this.#parts.push(rest.slice(0, room));
			this.#size += room;
			out.push({bytes: this.#take(), cut: true});
			rest = rest.subarray(room);
		}
		if (rest.length > 0) {
			this.#parts.push(rest.slice());
			this.#size += rest.length;
		}
	}

	#take(): Uint8Array {
		const parts = this.#parts;
		this.#parts = [];
		const size = this.#size;
		this.#size = 0;
		if (parts.length === 1) return parts[0]!;
		const joined = new Uint8Array(size);
		let at = 0;
		for (const p of parts) {
			joined.set(p, at);
			at += p.length;
		}
		return joined;
	}
}

function stripCr(bytes: Uint8Array): Uint8Array {
	return bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, -1) : bytes;
}

const decoder = new TextDecoder('utf-8', {fatal: false});

/** UTF-8 decoding that never throws: invalid sequences become U+FFFD. */
export function decodeLine(bytes: Uint8Array): string {
	return decoder.decode(bytes);
}

/** The engine's `timestamps=1` prefix: RFC 3339 with nanoseconds, then one space. */
const TIMESTAMP_PREFIX = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) /;

export function splitTimestamp(line: string): {time?: string; text: string} {
	const m = TIMESTAMP_PREFIX.exec(line);
	return m ? {time: m[1]!, text: line.slice(m[0].length)} : {text: line};
}

export interface LogRecord {
	readonly stream: StreamName;
	readonly time?: string;
	readonly line: string;
}

export interface LineFilter {
	readonly grep?: RegExp;
	readonly redact?: (text: string) => string;
}

/** Turn one raw line into a record, or null when --grep rejects it. Grep sees what is shown (redacted). */
export function toRecord(stream: StreamName, raw: Uint8Array, hasTimestamps: boolean, filter: LineFilter): LogRecord | null {
	const decoded = decodeLine(raw);
	const {time, text} = hasTimestamps ? splitTimestamp(decoded) : {time: undefined, text: decoded};
	const line = filter.redact ? filter.redact(text) : text;
	if (filter.grep) {
		filter.grep.lastIndex = 0;
		if (!filter.grep.test(line)) return null;
	}
	return time !== undefined ? {stream, time, line} : {stream, line};
}

/** Compile --grep: a regular expression (JavaScript syntax); a plain word works as a substring. */
export function compileGrep(pattern: string, ignoreCase: boolean): {ok: true; regex: RegExp} | {ok: false; message: string} {
	try {
		return {ok: true, regex: new RegExp(pattern, ignoreCase ? 'i' : '')};
	} catch (error) {
		return {ok: false, message: (error as Error).message};
	}
}

/** logs' Result: what was streamed (counts), and inside the app the lines themselves. */
export interface LogsResult {
	readonly container: string;
	readonly id: string;
	readonly tty: boolean;
	/** Lines written (after --grep). */
	readonly lines: number;
	readonly stdoutLines: number;
	readonly stderrLines: number;
	/** Lines read from the engine (before --grep). */
	readonly scanned: number;
	readonly bytes: number;
	readonly followed: boolean;
	readonly interrupted: boolean;
	readonly grep: string | null;
	/** Inside the app only (nothing may be written to the terminal there): the lines, newest last, capped. */
	readonly records?: readonly LogRecord[];
	readonly recordsDropped?: number;
}
