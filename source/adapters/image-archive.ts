/**
 * Read an image export (the engine's `GET /images/{name}/get` stream) in one pass with tar-stream,
 * never holding it in memory: each layer tar is parsed as it streams by (gunzip or zstd first when
 * the blob is compressed), and only its entry headers are kept, plus the few small config files the
 * secret checks ask for. JSON documents (manifest.json, index.json, configs, OCI manifests) are small
 * and kept whole. Which blob is which is decided afterwards by core/images/archive.ts.
 *
 * tar-stream parses both the outer archive and each layer; fzstd (pure JS) decompresses zstd
 * layers, which Node 20's zlib cannot. Both load when an archive is read, not when the CLI starts
 * (every command's start-up paid ~50 ms for them).
 */
import {Readable, Transform, type TransformCallback} from 'node:stream';
import v8 from 'node:v8';
import {createGunzip} from 'node:zlib';
import type {Decompress} from 'fzstd';
import type {Header} from 'tar-stream';
import type {ArchiveParts, LayerBlob, LayerEntry} from '../core/images/archive.js';
import {normaliseEntryPath, resolveArchivePath} from '../core/images/archive.js';
import {wantsContent} from '../core/images/wanted-content.js';

/**
 * Bounded memory. What the reader keeps is small: on a 1 GiB export with 50,000 files, ~12 MiB of
 * layer headers after the read and ~30 MiB live at the peak of the analysis. The peak RSS (~200 MiB)
 * was V8's young generation: a gigabyte streaming by in 64 KiB chunks, each with its wrappers, is an
 * allocation rate at which V8 grows the semi-spaces to their 16 MiB maximum (32 MiB of new space,
 * kept to the end) and tenures more garbage into the old generation on the way. None of that data
 * lives long enough to need a large nursery, so the semi-spaces stay at their starting size: more,
 * cheaper scavenges (the wall time did not change). A young-generation collection forced every
 * 16 MiB of input did the same job less well and is gone. Measured in bench/RESULTS.md
 * (bench/images.mjs). The flag is process-wide and V8 reads it at every scavenge; docker-helper runs
 * one command per process, or the app, where a small nursery costs nothing noticeable.
 */
function keepNurserySmall(): void {
	v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/** A JSON blob larger than this is not a manifest or config: it is skipped, never buffered. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;

export interface ReadProgress {
	(message: string): void;
}

class ZstdDecompress extends Transform {
	readonly #z: Decompress;
	constructor(Zstd: typeof Decompress) {
		super();
		this.#z = new Zstd((chunk) => {
			this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
		});
	}
	override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
		try {
			this.#z.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
			done();
		} catch (error) {
			done(error as Error);
		}
	}
	override _flush(done: TransformCallback): void {
		try {
			this.#z.push(new Uint8Array(0), true);
			done();
		} catch (error) {
			done(error as Error);
		}
	}
}

type Kind = 'gzip' | 'zstd' | 'tar' | 'json' | 'other';

function sniff(head: Buffer): Kind {
	if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
	if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
	const first = head.toString('latin1', 0, Math.min(head.length, 64)).trimStart()[0];
	if (first === '{' || first === '[') return 'json';
	if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
	// An empty layer tar is 1024 zero bytes (two end blocks).
	if (head.length >= 512 && head.subarray(0, 512).every((b) => b === 0)) return 'tar';
	return 'other';
}

/** Read the first `n` bytes of a stream, then give back a stream of everything (head included). */
async function peek(stream: Readable, n: number): Promise<{head: Buffer; whole: Readable}> {
	const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
	const taken: Buffer[] = [];
	let length = 0;
	let ended = false;
	while (length < n) {
		const r = await it.next();
		if (r.done) {
			ended = true;
			break;
		}
		taken.push(r.value);
		length += r.value.length;
	}
	const head = Buffer.concat(taken);
	async function* all() {
		yield head;
		if (ended) return;
		for (;;) {
			const r = await it.next();
			if (r.done) return;
			yield r.value;
		}
	}
	return {head, whole: Readable.from(all(), {objectMode: false})};
}

function kindOf(header: Header): LayerEntry['kind'] {
	switch (header.type) {
		case 'file':
		case 'contiguous-file':
		case undefined:
		case null:
			return 'file';
		case 'directory':
			return 'dir';
		case 'symlink':
			return 'symlink';
		case 'link':
			return 'hardlink';
		default:
			return 'other';
	}
}

/** Parse one layer tar: headers kept, content drained except the small files the checks want. */
async function readLayer(stream: Readable, compression: LayerBlob['compression']): Promise<LayerBlob> {
	const extract = (await import('tar-stream')).extract();
	let tarBytes = 0;
	const counter = new Transform({
		transform(chunk: Buffer, _e, done) {
			tarBytes += chunk.length;
			done(null, chunk);
		},
	});
	const source =
		compression === 'gzip'
			? stream.pipe(createGunzip())
			: compression === 'zstd'
				? stream.pipe(new ZstdDecompress((await import('fzstd')).Decompress))
				: stream;
	source.on('error', (error) => extract.destroy(error));
	source.pipe(counter).pipe(extract);
	const entries: LayerEntry[] = [];
	const contents: Record<string, string> = {};
	for await (const entry of extract) {
		const h = entry.header;
		const {path, whiteout} = normaliseEntryPath(h.name);
		const kind = kindOf(h);
		const size = kind === 'file' ? (h.size ?? 0) : 0;
		entries.push({
			path,
			kind,
			size,
			mode: h.mode ?? 0,
			uid: h.uid ?? 0,
			gid: h.gid ?? 0,
			...(whiteout ? {whiteout} : {}),
			...(h.linkname ? {linkname: h.linkname} : {}),
		});
		if (kind === 'file' && !whiteout && wantsContent(path, size)) {
			const chunks: Buffer[] = [];
			for await (const c of entry) chunks.push(c as Buffer);
			contents[path] = Buffer.concat(chunks).toString('utf8');
		} else {
			entry.resume();
			await new Promise<void>((resolve, reject) => {
				entry.once('end', resolve);
				entry.once('error', reject);
			});
		}
	}
	return {entries, tarBytes, compression, contents};
}

/**
 * Read an export stream into ArchiveParts. `progress` hears of each layer as it is read.
 * Throws on a stream that is not a tar.
 */
export async function readImageArchive(input: AsyncIterable<Uint8Array>, progress: ReadProgress = () => {}): Promise<ArchiveParts> {
	const layers = new Map<string, LayerBlob>();
	const json = new Map<string, unknown>();
	const links = new Map<string, string>();
	const outer = (await import('tar-stream')).extract();
	keepNurserySmall();
	const source = Readable.from(input, {objectMode: false});
	source.on('error', (error) => outer.destroy(error));
	source.pipe(outer);
	let done = 0;
	for await (const entry of outer) {
		const h = entry.header;
		const name = h.name.replace(/^\.\//, '').replace(/\/$/, '');
		if (h.type === 'symlink' && h.linkname) {
			links.set(name, resolveArchivePath(name, h.linkname));
			entry.resume();
			continue;
		}
		if (h.type === 'link' && h.linkname) {
			links.set(name, h.linkname.replace(/^\.\//, ''));
			entry.resume();
			continue;
		}
		if (h.type !== 'file' && h.type !== 'contiguous-file') {
			entry.resume();
			continue;
		}
		const {head, whole} = await peek(entry as unknown as Readable, 512);
		const kind = sniff(head);
		if (kind === 'json' && (h.size ?? 0) <= MAX_JSON_BYTES) {
			const chunks: Buffer[] = [];
			for await (const c of whole) chunks.push(c as Buffer);
			try {
				json.set(name, JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
			} catch {
				// A file that only looked like JSON: not a manifest or config.
			}
		} else if (kind === 'gzip' || kind === 'zstd' || kind === 'tar') {
			progress(`reading layer ${++done} (${name.length > 40 ? `…${name.slice(-39)}` : name})`);
			layers.set(name, await readLayer(whole, kind === 'tar' ? 'none' : kind));
		} else {
			whole.resume();
			await new Promise<void>((resolve) => whole.once('end', resolve));
		}
	}
	return {layers, json, links};
}
