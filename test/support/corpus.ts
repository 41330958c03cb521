/** The shared corpus of real Dockerfiles beside the repository (../shared/corpus), when present. */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {ROOT} from './cli.js';

export function corpusDir(): string | undefined {
	for (const dir of [
		path.resolve(ROOT, '..', 'shared', 'corpus', 'dockerfiles'),
		path.resolve(ROOT, '..', '..', 'shared', 'corpus', 'dockerfiles'),
		'/work/shared/corpus/dockerfiles',
	])
		if (existsSync(dir)) return dir;
	return undefined;
}
