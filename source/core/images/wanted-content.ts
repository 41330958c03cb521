/** Which small files the export reader keeps the content of: secret-looking config files, and the user database. */
import {wantsContent as secretWants, MAX_CONTENT_BYTES} from './secret-files.js';

const ACCOUNTS = new Set(['/etc/passwd', '/etc/group']);

export function wantsContent(path: string, size: number): boolean {
	return secretWants(path, size) || (ACCOUNTS.has(path) && size <= MAX_CONTENT_BYTES * 16);
}
