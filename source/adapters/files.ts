/**
 * The one place the tool touches the user's files. Every command writes through `writeFileSafe` and reads
 * through `readFileBounded` / `readFileBoundedSync` (or `readText`), so the promises below hold everywhere.
 *
 * Writing (`writeFileSafe`):
 * - never follows a link: a target that is a symbolic link is refused (the user names the real file), the
 *   temp file is created with O_CREAT|O_EXCL|O_NOFOLLOW, and the backup is made with link(2), which neither
 *   follows nor replaces anything; a target that is not a regular file (directory, FIFO, device) is refused;
 * - an existing file is kept unless `force`; with force it is kept as a numbered backup that never reuses a
 *   name: `<file>.bak`, then `<file>.bak.2`, `<file>.bak.3` ... (one above the highest present);
 * - order of operations: write a temp file in the same directory, fsync it, give it the old file's mode
 *   (and owner, where allowed), hard-link the old file to its backup name, rename the temp file over the
 *   target, fsync the directory. A failure at any step removes the temp file (and a backup made by this
 *   call), so the original is untouched; a crash (SIGKILL) between steps leaves the original or the new
 *   file in place, never a half-written one, and the stray temp file is removed by the next write there.
 *
 * Reading: only regular files (after resolving links), opened non-blocking (a FIFO cannot hang us), and
 * never more than a stated number of bytes (a huge file or /dev/zero cannot exhaust memory).
 */
import {randomBytes} from 'node:crypto';
import {closeSync, constants, fstatSync, openSync, promises as fs, readSync} from 'node:fs';
import path from 'node:path';
import {HelperError} from '../core/errors.js';
import type {WriteOutcome} from '../core/write-outcome.js';

export type {WriteOutcome};

/** The steps of a write, in order; a hook at each lets tests crash or fail the process in between. */
export type WriteStep = 'temp-written' | 'temp-synced' | 'backup-made' | 'renamed';

export interface WriteOptions {
	/** Replace an existing file (default false: FILE_EXISTS). */
	readonly force?: boolean;
	/** The hint shown when the file exists and force is not given. */
	readonly flagHint?: string;
	/** Keep a numbered backup of a replaced file (default true). */
	readonly backup?: boolean;
	/** Mode of a new file (default 0o644, less the umask); a replaced file keeps its own mode. */
	readonly mode?: number;
	/** The flag that chooses another path, for messages (default --output). */
	readonly outputFlag?: string;
	/** Called after each step (tests: crash or fail between steps). */
	readonly onStep?: (step: WriteStep, paths: {readonly temp: string; readonly backup?: string}) => void | Promise<void>;
}

export async function exists(file: string): Promise<boolean> {
	try {
		await fs.lstat(file);
		return true;
	} catch {
		return false;
	}
}

function errnoCode(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

function writeFailure(file: string, error: unknown): HelperError {
	const code = errnoCode(error);
	const why =
		code === 'EACCES' || code === 'EPERM'
			? 'permission denied'
			: code === 'ENOENT'
				? 'the directory does not exist'
				: code === 'ENOTDIR'
					? 'a parent of that path is a file, not a directory'
					: code === 'EROFS'
						? 'the file system is read-only'
						: code === 'EISDIR'
							? 'it is a directory'
							: code === 'ENOSPC'
								? 'no space left on the device'
								: code === 'EDQUOT'
									? 'the disk quota is exhausted'
									: (error as Error).message;
	const hint =
		code === 'ENOSPC' || code === 'EDQUOT'
			? 'Free some space (the existing file and its backups are untouched), or write elsewhere with --output.'
			: 'Choose a writable location with --output, or fix the directory permissions.';
	return new HelperError('FILE_UNWRITABLE', `Cannot write ${file}: ${why}; nothing was changed.`, hint, {path: file, ...(code ? {errno: code} : {})});
}

const BACKUP_NUMBER = (base: string) => new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.bak(?:\\.(\\d+))?$`);

/** The next unused backup name: <file>.bak, else <file>.bak.N one above the highest present. */
async function nextBackupName(target: string): Promise<string> {
	const dir = path.dirname(target);
	const base = path.basename(target);
	const pattern = BACKUP_NUMBER(base);
	let highest = 0;
	for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
		const m = pattern.exec(name);
		if (m) highest = Math.max(highest, m[1] ? Number(m[1]) : 1);
	}
	return highest === 0 ? `${target}.bak` : `${target}.bak.${highest + 1}`;
}

const TEMP = (base: string) => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`);

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return errnoCode(error) === 'EPERM';
	}
}

/** Temp files of earlier writes to this target whose process died (SIGKILL, power loss): remove them. */
async function removeStaleTemps(target: string): Promise<void> {
	const pattern = TEMP(path.basename(target));
	for (const name of await fs.readdir(path.dirname(target)).catch(() => [] as string[])) {
		const m = pattern.exec(name);
		if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await fs.rm(path.join(path.dirname(target), name), {force: true}).catch(() => undefined);
	}
}

/**
 * What is at a path about to be written: null when nothing, the lstat of a regular file otherwise.
 * A symbolic link (even to a regular file) or a special file is refused with FILE_UNSAFE. Commands that
 * read a file before replacing it call this first, so the link is refused before it is read.
 */
export async function checkWriteTarget(file: string, outputFlag = '--output'): Promise<import('node:fs').Stats | null> {
	const target = path.resolve(file);
	let current: import('node:fs').Stats | null = null;
	try {
		current = await fs.lstat(target);
	} catch (error) {
		if (errnoCode(error) !== 'ENOENT') throw writeFailure(file, error);
	}
	if (current?.isSymbolicLink()) {
		const real = await fs.realpath(target).catch(() => null);
		throw new HelperError(
			'FILE_UNSAFE',
			`${file} is a symbolic link${real ? ` to ${real}` : ' (dangling)'}; it was not followed and nothing was written.`,
			real ? `Write to the real file instead: ${outputFlag} ${real}, or remove the link first.` : `Remove the link, or choose another path with ${outputFlag}.`,
			{path: target, ...(real ? {linkTarget: real} : {})},
		);
	}
	if (current && !current.isFile()) {
		throw new HelperError(
			'FILE_UNSAFE',
			`${file} is ${current.isDirectory() ? 'a directory' : 'not a regular file'}; nothing was written.`,
			`Choose a file path with ${outputFlag}.`,
			{path: target},
		);
	}
	return current;
}

/**
 * Write `content` to `file` safely (see the module comment): refuse links and non-regular targets,
 * refuse an existing file unless `force`, keep a numbered backup, replace atomically, keep the mode.
 * Errors are HelperErrors: FILE_EXISTS, FILE_UNSAFE (a link or special file), FILE_UNWRITABLE.
 */
export async function writeFileSafe(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<WriteOutcome> {
	const target = path.resolve(file);
	const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
	const current = await checkWriteTarget(file, options.outputFlag);
	if (current && !options.force) {
		throw new HelperError(
			'FILE_EXISTS',
			`${file} already exists; it was left untouched.`,
			options.flagHint ?? 'Pass --force to replace it (the old file is kept as a numbered .bak), or --output to write elsewhere.',
			{path: target},
		);
	}
	await removeStaleTemps(target);
	const dir = path.dirname(target);
	const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
	const keepBackup = current !== null && options.backup !== false;
	let backup: string | undefined;
	let tempCreated = false;
	try {
		const handle = await fs.open(
			temp,
			constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
			current ? 0o600 : (options.mode ?? 0o644),
		);
		tempCreated = true;
		try {
			await handle.writeFile(data);
			await options.onStep?.('temp-written', {temp});
			if (current) {
				// The replacement keeps the file's mode and, where we may (root, or the same owner), its owner.
				// chown first: it clears set-id bits, which chmod then restores.
				await handle.chown(current.uid, current.gid).catch(() => undefined);
				await handle.chmod(current.mode & 0o7777);
			}
			await handle.sync();
		} finally {
			await handle.close();
		}
		await options.onStep?.('temp-synced', {temp});
		if (keepBackup) {
			// link(2) fails with EEXIST rather than replace anything: a name that appeared meanwhile is skipped.
			for (let attempt = 0; ; attempt++) {
				const name = await nextBackupName(target);
				try {
					await fs.link(target, name);
					backup = name;
					break;
				} catch (error) {
					const code = errnoCode(error);
					if (code === 'EEXIST' && attempt < 20) continue;
					if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EMLINK') {
						// No hard links here (some network and FUSE file systems): an exclusive copy instead.
						await fs.copyFile(target, name, constants.COPYFILE_EXCL);
						backup = name;
						break;
					}
					throw error;
				}
			}
			await options.onStep?.('backup-made', {temp, backup});
		}
		await fs.rename(temp, target);
		tempCreated = false;
		await options.onStep?.('renamed', {temp, ...(backup ? {backup} : {})});
		await syncDirectory(dir);
	} catch (error) {
		if (tempCreated) await fs.rm(temp, {force: true}).catch(() => undefined);
		// The original is still in place: a backup this call made would only be clutter.
		if (tempCreated && backup) await fs.unlink(backup).catch(() => undefined);
		if (error instanceof HelperError) throw error;
		throw writeFailure(file, error);
	}
	return {path: target, bytes: data.byteLength, replaced: current !== null, ...(backup ? {backup} : {})};
}

async function syncDirectory(dir: string): Promise<void> {
	try {
		const handle = await fs.open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
		await handle.sync().catch(() => undefined);
		await handle.close();
	} catch {
		// Not every platform can open a directory; the rename itself is still atomic.
	}
}

// ---- Bounded reading ----------------------------------------------------------------------------------

/** Default cap for configuration, ignore and project files read by any command. */
export const DEFAULT_READ_LIMIT = 4 * 1024 * 1024;

export interface ReadOptions {
	/** Refuse a file larger than this many bytes (default DEFAULT_READ_LIMIT). */
	readonly maxBytes?: number;
	/** How to raise the limit, for the message (for example "Pass --max-file-size 64MB"). */
	readonly limitHint?: string;
	/** The name shown in messages (default: the path as given). */
	readonly display?: string;
}

function readFailure(shown: string, file: string, error: unknown): HelperError {
	const code = errnoCode(error);
	const what =
		code === 'ENOENT'
			? 'does not exist'
			: code === 'EACCES' || code === 'EPERM'
				? 'is not readable (permission denied)'
				: code === 'EISDIR'
					? 'is a directory'
					: code === 'ELOOP'
						? 'is a symbolic link loop'
						: `cannot be read (${code ?? (error as Error).message})`;
	return new HelperError(
		'FILE_UNREADABLE',
		`${shown} ${what}.`,
		code === 'ENOENT' ? 'Check the path, or pass another one.' : 'Check the path and its permissions.',
		{path: file, ...(code ? {errno: code} : {})},
	);
}

function kindOf(stat: import('node:fs').Stats): string {
	if (stat.isDirectory()) return 'a directory';
	if (stat.isFIFO()) return 'a named pipe (FIFO)';
	if (stat.isCharacterDevice()) return 'a character device';
	if (stat.isBlockDevice()) return 'a block device';
	if (stat.isSocket()) return 'a socket';
	return 'not a regular file';
}

function notRegular(shown: string, file: string, stat: import('node:fs').Stats): HelperError {
	return new HelperError(
		'FILE_UNREADABLE',
		`${shown} is ${kindOf(stat)}, not a regular file; it was not read.`,
		'Pass a regular file (links are followed to one).',
		{path: file, kind: kindOf(stat)},
	);
}

function tooLarge(shown: string, file: string, limit: number, hint: string | undefined): HelperError {
	return new HelperError(
		'FILE_TOO_LARGE',
		`${shown} is larger than the ${formatLimit(limit)} limit; it was not read.`,
		hint ?? 'Check that this is the file you meant.',
		{path: file, limit},
	);
}

export function formatLimit(bytes: number): string {
	if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
	if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
	return `${bytes} bytes`;
}

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * Read a regular file (links followed), at most `maxBytes`. The file is opened non-blocking and checked
 * with fstat on the open descriptor, so a FIFO or device swapped in after a check is still refused, and
 * the read stops at the limit even if the file grows or lies about its size (/proc, a growing log).
 * Errors: FILE_UNREADABLE (missing, special file, permission), FILE_TOO_LARGE.
 */
export async function readFileBounded(file: string, options: ReadOptions = {}): Promise<Buffer> {
	const limit = options.maxBytes ?? DEFAULT_READ_LIMIT;
	const shown = options.display ?? file;
	let handle: import('node:fs/promises').FileHandle;
	try {
		handle = await fs.open(file, READ_FLAGS);
	} catch (error) {
		throw readFailure(shown, file, error);
	}
	try {
		const stat = await handle.stat();
		if (!stat.isFile()) throw notRegular(shown, file, stat);
		if (stat.size > limit) throw tooLarge(shown, file, limit, options.limitHint);
		const chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
			const {bytesRead} = await handle.read(chunk, 0, chunk.length, null);
			if (bytesRead === 0) break;
			chunks.push(chunk.subarray(0, bytesRead));
			total += bytesRead;
			if (total > limit) throw tooLarge(shown, file, limit, options.limitHint);
		}
		return Buffer.concat(chunks, total);
	} catch (error) {
		if (error instanceof HelperError) throw error;
		throw readFailure(shown, file, error);
	} finally {
		await handle.close().catch(() => undefined);
	}
}

/** The synchronous twin of readFileBounded, for code paths that are synchronous (lint's discovery). */
export function readFileBoundedSync(file: string, options: ReadOptions = {}): Buffer {
	const limit = options.maxBytes ?? DEFAULT_READ_LIMIT;
	const shown = options.display ?? file;
	let fd: number;
	try {
		fd = openSync(file, READ_FLAGS);
	} catch (error) {
		throw readFailure(shown, file, error);
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) throw notRegular(shown, file, stat);
		if (stat.size > limit) throw tooLarge(shown, file, limit, options.limitHint);
		const chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
			const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
			if (bytesRead === 0) break;
			chunks.push(chunk.subarray(0, bytesRead));
			total += bytesRead;
			if (total > limit) throw tooLarge(shown, file, limit, options.limitHint);
		}
		return Buffer.concat(chunks, total);
	} catch (error) {
		if (error instanceof HelperError) throw error;
		throw readFailure(shown, file, error);
	} finally {
		closeSync(fd);
	}
}

/** A bounded read decoded as UTF-8 (configs, .dockerignore, project files). */
export async function readText(file: string, options: ReadOptions = {}): Promise<string> {
	return (await readFileBounded(file, options)).toString('utf8');
}

/** Read a whole stream (stdin) with the same bound. */
export async function readStreamBounded(stream: AsyncIterable<Uint8Array | string>, options: ReadOptions & {readonly display: string}): Promise<Buffer> {
	const limit = options.maxBytes ?? DEFAULT_READ_LIMIT;
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream) {
		const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		total += buf.byteLength;
		if (total > limit) throw tooLarge(options.display, options.display, limit, options.limitHint);
		chunks.push(buf);
	}
	return Buffer.concat(chunks, total);
}
