import {describe, expect, it} from 'vitest';
import {demuxLogs, MAX_LINE, parseTarHeader, sniffExecutable} from '../../../source/core/diagnose/decode.js';

function frame(stream: 1 | 2, text: string): Uint8Array {
	const body = new TextEncoder().encode(text);
	const out = new Uint8Array(8 + body.length);
	out[0] = stream;
	new DataView(out.buffer).setUint32(4, body.length);
	out.set(body, 8);
	return out;
}
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
};

describe('demuxLogs', () => {
	it('separates stdout and stderr frames and parses the timestamps', () => {
		const body = concat(frame(1, '2026-01-01T00:00:00.000000001Z hello\n'), frame(2, '2026-01-01T00:00:01.5Z oops\n'));
		expect(demuxLogs(body, false)).toEqual([
			{stream: 'stdout', time: '2026-01-01T00:00:00.000000001Z', text: 'hello'},
			{stream: 'stderr', time: '2026-01-01T00:00:01.5Z', text: 'oops'},
		]);
	});

	it('joins a line split across frames and keeps a trailing \\r as evidence', () => {
		const body = concat(frame(1, '2026-01-01T00:00:00Z par'), frame(1, 'tial\r\n'));
		expect(demuxLogs(body, false)).toEqual([{stream: 'stdout', time: '2026-01-01T00:00:00Z', text: 'partial\r'}]);
	});

	it('reads raw TTY output as stdout', () => {
		expect(demuxLogs(new TextEncoder().encode('2026-01-01T00:00:00Z a\n2026-01-01T00:00:01Z b\n'), true).map((l) => l.text)).toEqual(['a', 'b']);
	});

	it('caps huge lines and redacts secrets in log text', () => {
		const [line] = demuxLogs(frame(2, `2026-01-01T00:00:00Z ${'x'.repeat(MAX_LINE + 50)}\n`), false);
		expect(line!.text.length).toBeLessThan(MAX_LINE + 40);
		expect(line!.text).toContain('50 more characters');
		const [secret] = demuxLogs(frame(1, '2026-01-01T00:00:00Z connecting with password=hunter2 to postgres://app:s3cret@db/app\n'), false);
		expect(secret!.text).not.toContain('hunter2');
		expect(secret!.text).not.toContain('s3cret');
	});

	it('survives invalid UTF-8', () => {
		const bad = concat(frame(1, '2026-01-01T00:00:00Z '), new Uint8Array([1, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xfe, 0x0a]));
		expect(demuxLogs(bad, false)).toHaveLength(1);
	});
});

describe('parseTarHeader and sniffExecutable', () => {
	it('reads name, mode, size and type from a ustar header', () => {
		const h = new Uint8Array(512);
		const put = (s: string, at: number) => h.set(new TextEncoder().encode(s), at);
		put('start.sh', 0);
		put('0000644\0', 100);
		put('00000000060\0', 124);
		put('0', 156);
		expect(parseTarHeader(h)).toEqual({name: 'start.sh', mode: 0o644, size: 48, type: '0', linkName: ''});
		expect(parseTarHeader(new Uint8Array(512))).toBeNull();
	});

	it('tells the ELF architecture from e_machine', () => {
		const elf = new Uint8Array(64);
		elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
		elf[18] = 183;
		expect(sniffExecutable(elf).elfArch).toBe('arm64');
		elf[18] = 62;
		expect(sniffExecutable(elf).elfArch).toBe('amd64');
	});

	it('shows a CRLF shebang and its interpreter', () => {
		expect(sniffExecutable(new TextEncoder().encode('#!/bin/sh\r\necho hi\r\n'))).toEqual({firstLine: '#!/bin/sh\r', crlf: true, interpreter: '/bin/sh'});
		expect(sniffExecutable(new TextEncoder().encode('#!/usr/bin/env bash\n')).interpreter).toBe('/usr/bin/env');
	});
});

describe('mergeLogLines', () => {
	it('adds stderr lines missing from the combined tail, in time order, without duplicates', async () => {
		const {mergeLogLines} = await import('../../../source/core/diagnose/from-engine.js');
		const out = (t: string, text: string) => ({stream: 'stdout' as const, time: t, text});
		const err = (t: string, text: string) => ({stream: 'stderr' as const, time: t, text});
		const both = [out('2026-01-01T00:00:02.000000000Z', 'noise 2'), out('2026-01-01T00:00:03.000000000Z', 'noise 3')];
		const stderr = [err('2026-01-01T00:00:01.000000000Z', 'FATAL: boom'), err('2026-01-01T00:00:03.500000000Z', 'late')];
		expect(mergeLogLines(both, stderr).map((l) => l.text)).toEqual(['FATAL: boom', 'noise 2', 'noise 3', 'late']);
		expect(mergeLogLines(both, [])).toEqual(both);
		expect(mergeLogLines([...both, stderr[0]!], [stderr[0]!])).toHaveLength(3);
	});
});
