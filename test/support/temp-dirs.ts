/** Fresh empty directories under one temporary root per test file, removed after the file's tests. */
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll} from 'vitest';

export function tempDirs(prefix: string): {readonly root: string; fresh(): string} {
	const root = mkdtempSync(path.join(tmpdir(), prefix));
	afterAll(() => rmSync(root, {recursive: true, force: true}));
	let n = 0;
	return {
		root,
		fresh() {
			const d = path.join(root, `p${n++}`);
			mkdirSync(d);
			return d;
		},
	};
}
