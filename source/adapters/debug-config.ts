/** The debug toolbox image from .docker-helper.yaml (`debug: {image: ...}`) in the working directory. */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {HelperError} from '../core/errors.js';
import {readFileBoundedSync} from './files.js';

/** The toolbox when nothing is configured: busybox, static, with sh, ps, top, netstat, nslookup, wget. */
export const DEFAULT_DEBUG_IMAGE = 'busybox:stable';

export async function configuredDebugImage(cwd: string): Promise<{image: string; source: string}> {
	for (const name of ['.docker-helper.yaml', '.docker-helper.yml']) {
		const file = path.join(cwd, name);
		if (!existsSync(file)) continue;
		const {parse} = await import('yaml');
		// A directory, FIFO or huge file is its own error (FILE_UNREADABLE / FILE_TOO_LARGE), not "Fix the YAML".
		const text = readFileBoundedSync(file, {display: name}).toString('utf8');
		let doc: unknown;
		try {
			doc = parse(text);
		} catch (error) {
			throw new HelperError(
				'USAGE',
				`Cannot read ${name}: ${(error as Error).message.split('\n')[0]}`,
				'Fix the YAML, or give the toolbox with --image <image>',
				{path: file},
			);
		}
		const image = (doc as {debug?: {image?: unknown}} | null)?.debug?.image;
		if (typeof image === 'string' && image.trim()) return {image: image.trim(), source: `${name} debug.image`};
	}
	return {image: DEFAULT_DEBUG_IMAGE, source: 'the default'};
}
