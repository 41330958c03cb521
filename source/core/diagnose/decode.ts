/**
 * Pure decoders for what the engine sends back raw: the multiplexed log stream,
 * a tar header from the archive endpoint, and the first bytes of an executable.
 */
import {LineRedactor} from '../redact.js';
import type {LogLine} from './facts.js';

/** Longest line kept per log entry: evidence needs the start of a line, not a megabyte of it. */
export const MAX_LINE = 2000;

/**
 * Split a `docker logs` body into lines. Non-TTY containers send 8-byte framed
 * chunks (stream, 0, 0, 0, big-endian length); TTY containers send raw bytes.
 */
export function demuxLogs(body: Uint8Array, tty: boolean): LogLine[] {
	const decoder = new TextDecoder('utf-8', {fatal: false});
	const pending: Record<'stdout' | 'stderr', string> = {stdout: '', stderr: ''};
	const out: LogLine[] = [];
	const redactors = {stdout: new LineRedactor(), stderr: new LineRedactor()};
	const toLine = (stream: 'stdout' | 'stderr', raw: string) => lineOf(stream, raw, redactors[stream]);
	const push = (stream: 'stdout' | 'stderr', chunk: string, flush: boolean) => {
		const text = pending[stream] + chunk;
		const parts = text.split('\n');
		pending[stream] = flush ? '' : parts.pop()!;
		for (const part of flush ? parts.filter((p, i) => i < parts.length - 1 || p !== '') : parts) out.push(toLine(stream, part));
	};
	if (tty || !looksFramed(body)) {
		push('stdout', decoder.decode(body), true);
		return out;
	}
	let offset = 0;
	while (offset + 8 <= body.length) {
		const kind = body[offset]!;
		const size = ((body[offset + 4]! << 24) >>> 0) + (body[offset + 5]! << 16) + (body[offset + 6]! << 8) + body[offset + 7]!;
		const start = offset + 8;
		const end = Math.min(body.length, start + size);
		push(kind === 2 ? 'stderr' : 'stdout', decoder.decode(body.subarray(start, end)), false);
		offset = end;
	}
	for (const stream of ['stdout', 'stderr'] as const) if (pending[stream] !== '') push(stream, '', true);
	return out;
}

function looksFramed(body: Uint8Array): boolean {
	if (body.length < 8) return body.length === 0;
	return (body[0] === 0 || body[0] === 1 || body[0] === 2) && body[1] === 0 && body[2] === 0 && body[3] === 0;
}

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;

function lineOf(stream: 'stdout' | 'stderr', raw: string, redactor: LineRedactor): LogLine {
	const m = TIMESTAMP.exec(raw);
	const time = m ? m[1]! : null;
	let text = m ? raw.slice(m[0].length) : raw;
	if (text.length > MAX_LINE) text = `${text.slice(0, MAX_LINE)}… [${text.length - MAX_LINE} more characters]`;
	return {stream, time, text: redactor.line(text)};
}

/** A ustar header: enough to know what the archive endpoint returned. */
export interface TarEntry {
	readonly name: string;
	readonly mode: number;
	readonly size: number;
	/** '0' file, '2' symlink, '5' directory, ... */
	readonly type: string;
	readonly linkName: string;
}

export function parseTarHeader(block: Uint8Array): TarEntry | null {
	if (block.length < 512 || block.every((b) => b === 0)) return null;
	const str = (from: number, len: number) => {
		const slice = block.subarray(from, from + len);
		const nul = slice.indexOf(0);
		return new TextDecoder().decode(nul === -1 ? slice : slice.subarray(0, nul));
	};
	const octal = (from: number, len: number) => Number.parseInt(str(from, len).trim() || '0', 8);
	return {name: str(0, 100), mode: octal(100, 8), size: octal(124, 12), type: str(156, 1) || '0', linkName: str(157, 100)};
}

const ELF_MACHINES: Readonly<Record<number, string>> = {
	3: '386',
	8: 'mips',
	20: 'ppc',
	21: 'ppc64',
	22: 's390x',
	40: 'arm',
	62: 'amd64',
	183: 'arm64',
	243: 'riscv64',
	258: 'loong64',
};

/** What the first bytes of an executable say: an ELF binary's architecture, or a script's shebang line. */
export function sniffExecutable(head: Uint8Array): {elfArch?: string; firstLine?: string; crlf?: boolean; interpreter?: string} {
	if (head.length >= 20 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
		const littleEndian = head[5] !== 2;
		const machine = littleEndian ? head[18]! | (head[19]! << 8) : (head[18]! << 8) | head[19]!;
		return {elfArch: ELF_MACHINES[machine] ?? `elf-machine-${machine}`};
	}
	const text = new TextDecoder('utf-8', {fatal: false}).decode(head);
	const nl = text.indexOf('\n');
	const first = nl === -1 ? text : text.slice(0, nl);
	const crlf = first.endsWith('\r');
	const result: {firstLine: string; crlf: boolean; interpreter?: string} = {firstLine: first.slice(0, 200), crlf};
	if (first.startsWith('#!')) result.interpreter = first.slice(2).replace(/\r$/, '').trim().split(/\s+/)[0] ?? '';
	return result;
}
