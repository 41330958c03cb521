/** File writes that never clobber: refuse unless forced, keep a .bak when forced, write atomically. */
import {randomBytes} from 'node:crypto';
import {constants, promises as fs} from 'node:fs';
import path from 'node:path';
import {HelperError} from '../core/errors.js';

export interface WriteOutcome {
	readonly path: string;
	readonly bytes: number;
	/** Where the previous file was kept when --force replaced it. */
	readonly backup?: string;
	readonly replaced: boolean;
}

export async function exists(file: string): Promise<boolean> {
	try {
		await fs.access(file, constants.F_OK);
		return true;
	} catch {
		return false;
	}
}

export async function readText(file: string): Promise<string> {
	try {
		return await fs.readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const what = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable (permission denied)' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
		throw new HelperError('FILE_UNREADABLE', `${file} ${what}.`, code === 'ENOENT' ? 'Check the path, or pass another one.' : 'Check the path and its permissions.', {path: file});
	}
}

/**
 * Write `content` to `file` atomically (temp file in the same directory, then rename).
 * An existing file is kept unless `force`; with force the old one is kept as `<file>.bak`.
 */
export async function writeFileSafe(file: string, content: string, options: {force?: boolean; flagHint?: string; /** Default true: keep <file>.bak when replacing. */ backup?: boolean} = {}): Promise<WriteOutcome> {
	const target = path.resolve(file);
	const already = await exists(target);
	if (already && !options.force) {
		throw new HelperError('FILE_EXISTS', `${file} already exists; it was left untouched.`, options.flagHint ?? 'Pass --force to replace it (the old file is kept as .bak), or --output to write elsewhere.', {path: target});
	}
	const dir = path.dirname(target);
	const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
	let backup: string | undefined;
	try {
		await fs.writeFile(temp, content, {flag: 'wx', mode: 0o644});
		if (already && options.backup !== false) {
			backup = `${target}.bak`;
			await fs.copyFile(target, backup);
		}
		await fs.rename(temp, target);
	} catch (error) {
		await fs.rm(temp, {force: true}).catch(() => undefined);
		if (error instanceof HelperError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new HelperError('FILE_UNWRITABLE', `Cannot write ${file}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the directory does not exist' : code === 'ENOTDIR' ? 'a parent of that path is a file, not a directory' : code === 'EROFS' ? 'the file system is read-only' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}.`, 'Choose a writable location with --output, or fix the directory permissions.', {path: target});
	}
	return {path: target, bytes: Buffer.byteLength(content), replaced: already, ...(backup ? {backup} : {})};
}
