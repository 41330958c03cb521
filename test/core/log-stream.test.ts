import {describe, expect, it} from 'vitest';
import {compileGrep, decodeLine, FrameDemuxer, LineSplitter, splitTimestamp, toRecord, type Piece} from '../../source/core/log-stream.js';
import {redactText} from '../../source/core/redact.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

function frame(stream: number, text: string | Uint8Array): Uint8Array {
	const payload = typeof text === 'string' ? enc.encode(text) : text;
	const out = new Uint8Array(8 + payload.length);
	out[0] = stream;
	new DataView(out.buffer).setUint32(4, payload.length);
	out.set(payload, 8);
	return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Feed bytes in chunks of `size` and join the payload per stream. */
function demuxAll(bytes: Uint8Array, size: number): {stdout: string; stderr: string; pieces: Piece[]} {
	const d = new FrameDemuxer();
	const pieces: Piece[] = [];
	for (let i = 0; i < bytes.length; i += size) pieces.push(...d.push(bytes.subarray(i, i + size)));
	const join = (s: string) => dec.decode(concat(...pieces.filter((p) => p.stream === s).map((p) => p.bytes)));
	return {stdout: join('stdout'), stderr: join('stderr'), pieces};
}

describe('FrameDemuxer', () => {
	const stream = concat(frame(1, 'hello\n'), frame(2, 'oops\n'), frame(1, 'world\n'), frame(2, ''), frame(3, 'engine error\n'));

	it.each([1, 2, 3, 7, 8, 9, 13, 1000])('separates stdout and stderr with chunks of %d bytes', (size) => {
		const r = demuxAll(stream, size);
		expect(r.stdout).toBe('hello\nworld\n');
		expect(r.stderr).toBe('oops\nengine error\n');
	});

	it('passes a frame larger than any chunk on in pieces, without holding it', () => {
		const big = 'x'.repeat(100_000);
		const r = demuxAll(frame(1, big), 4096);
		expect(r.stdout).toBe(big);
		expect(r.pieces.length).toBeGreaterThan(20);
		expect(Math.max(...r.pieces.map((p) => p.bytes.length))).toBeLessThanOrEqual(4096);
	});

	it('reads sizes above 2^31 as unsigned', () => {
		const d = new FrameDemuxer();
		const header = new Uint8Array([1, 0, 0, 0, 0x80, 0, 0, 1]);
		const pieces = d.push(concat(header, enc.encode('abc')));
		expect(pieces).toHaveLength(1);
		expect(dec.decode(pieces[0]!.bytes)).toBe('abc'); // still inside the frame, not a new header
	});
});

describe('LineSplitter', () => {
	const lines = (s: LineSplitter, ...chunks: string[]) => chunks.flatMap((c) => s.push(enc.encode(c))).map((l) => dec.decode(l.bytes));

	it.each([
		[['a\nb\n'], ['a', 'b']],
		[['a', 'b', '\n'], ['ab']],
		[
			['a\r\n', 'b\r', '\n'],
			['a', 'b'],
		],
		[['\n\n'], ['', '']],
		[['partial'], []],
	])('%j → %j', (chunks, expected) => {
		expect(lines(new LineSplitter(), ...chunks)).toEqual(expected);
	});

	it('returns the unterminated last line on flush', () => {
		const s = new LineSplitter();
		s.push(enc.encode('a\nlast'));
		expect(s.flush().map((l) => dec.decode(l.bytes))).toEqual(['last']);
		expect(s.flush()).toEqual([]);
	});

	it('cuts a line longer than the cap instead of growing without bound', () => {
		const s = new LineSplitter(10);
		const out = [...s.push(enc.encode('0123456789abcdefghij')), ...s.push(enc.encode('XY\n'))];
		expect(out.map((l) => [dec.decode(l.bytes), l.cut])).toEqual([
			['0123456789', true],
			['abcdefghij', true],
			['XY', false],
		]);
	});

	it('copies pending bytes, so a reused chunk buffer cannot corrupt the line', () => {
		const s = new LineSplitter();
		const chunk = enc.encode('abc');
		s.push(chunk);
		chunk.fill(0x7a);
		expect(dec.decode(s.push(enc.encode('\n'))[0]!.bytes)).toBe('abc');
	});
});

describe('decodeLine and records', () => {
	it('replaces invalid UTF-8 with U+FFFD and never throws', () => {
		expect(decodeLine(new Uint8Array([0x62, 0xff, 0xfe, 0x61]))).toBe('b\uFFFD\uFFFDa');
		expect(decodeLine(new Uint8Array([0xe2, 0x82]))).toBe('\uFFFD');
		expect(decodeLine(enc.encode('héllo ✓'))).toBe('héllo ✓');
	});

	it.each([
		['2024-05-01T12:00:00.123456789Z hello', {time: '2024-05-01T12:00:00.123456789Z', text: 'hello'}],
		['2024-05-01T12:00:00+02:00 x y', {time: '2024-05-01T12:00:00+02:00', text: 'x y'}],
		['hello 2024-05-01T12:00:00Z', {text: 'hello 2024-05-01T12:00:00Z'}],
		['2024-05-01T12:00:00Z', {text: '2024-05-01T12:00:00Z'}],
	])('splitTimestamp(%j)', (line, expected) => {
		expect(splitTimestamp(line)).toEqual(expected);
	});

	it('builds records: timestamp split off, redacted, filtered by grep on the shown text', () => {
		const grep = compileGrep('password', true);
		expect(grep.ok).toBe(true);
		const filter = {redact: redactText, grep: grep.ok ? grep.regex : undefined!};
		const raw = enc.encode('2024-05-01T12:00:00Z DB_PASSWORD=hunter2');
		expect(toRecord('stderr', raw, true, filter)).toEqual({stream: 'stderr', time: '2024-05-01T12:00:00Z', line: 'DB_PASSWORD=[redacted]'});
		expect(toRecord('stdout', enc.encode('nothing here'), false, filter)).toBeNull();
		// grep sees the redacted text: searching for the secret finds nothing
		const secret = compileGrep('hunter2', false);
		expect(toRecord('stdout', raw, true, {redact: redactText, grep: secret.ok ? secret.regex : undefined!})).toBeNull();
		expect(toRecord('stdout', raw, true, {grep: secret.ok ? secret.regex : undefined!})).not.toBeNull();
	});

	it('rejects an invalid --grep pattern with the reason', () => {
		const r = compileGrep('(unclosed', false);
		expect(r.ok).toBe(false);
	});
});
