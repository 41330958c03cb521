/** Where the shipped assets/ and content/ live, whether run from dist/ or from source/ (tests). */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

function packageRoot(): string {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 5; i++) {
		if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'content'))) return dir;
		dir = path.dirname(dir);
	}
	throw new Error('docker-helper: cannot find the package root (content/ and package.json)');
}

let root: string | undefined;
export function packagePath(...parts: string[]): string {
	root ??= packageRoot();
	return path.join(root, ...parts);
}
