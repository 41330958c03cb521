/**
 * A build context as a tar stream for the engine's /build, as the docker CLI sends it: the
 * directory's files minus what .dockerignore excludes (the Dockerfile and .dockerignore always go).
 * Files are streamed from disk one at a time, never loaded whole.
 */
import {createReadStream} from 'node:fs';
import {lstat, readdir, readlink} from 'node:fs/promises';
import path from 'node:path';
import {Readable} from 'node:stream';
import {isExcluded} from '../core/dockerignore/match.js';
import {readText} from './files.js';

export async function contextTar(dir: string, dockerfile: string): Promise<Readable> {
	let patterns: string[] = [];
	try {
		patterns = (await readText(path.join(dir, '.dockerignore')))
			.split('\n')
			.map((l) => l.trim())
			.filter((l) => l && !l.startsWith('#'));
	} catch {
		// no .dockerignore (or one that is not a regular file of a sane size): everything goes
	}
	const keep = new Set([dockerfile, '.dockerignore']);
	const files: string[] = [];
	const walk = async (rel: string) => {
		for (const e of await readdir(path.join(dir, rel), {withFileTypes: true})) {
			const r = rel ? `${rel}/${e.name}` : e.name;
			if (!keep.has(r) && isExcluded(patterns, r)) continue;
			files.push(r);
			if (e.isDirectory()) await walk(r);
		}
	};
	await walk('');
	// tar-stream loads here, when a build starts, not with the CLI
	const {pack} = await import('tar-stream');
	const p = pack();
	void (async () => {
		try {
			for (const rel of files) {
				const full = path.join(dir, rel);
				const st = await lstat(full);
				const base = {name: rel, mode: st.mode & 0o7777, mtime: st.mtime, uid: 0, gid: 0};
				if (st.isDirectory()) await new Promise<void>((ok, ko) => p.entry({...base, type: 'directory'}, (e) => (e ? ko(e) : ok())));
				else if (st.isSymbolicLink()) {
					const target = await readlink(full);
					await new Promise<void>((ok, ko) => p.entry({...base, type: 'symlink', linkname: target}, (e) => (e ? ko(e) : ok())));
				} else if (st.isFile()) {
					await new Promise<void>((ok, ko) => {
						const sink = p.entry({...base, type: 'file', size: st.size}, (e) => (e ? ko(e) : ok()));
						createReadStream(full)
							.on('error', ko)
							.pipe(sink as unknown as NodeJS.WritableStream);
					});
				}
			}
			p.finalize();
		} catch (error) {
			p.destroy(error as Error);
		}
	})();
	return Readable.from(p as unknown as AsyncIterable<Uint8Array>);
}
