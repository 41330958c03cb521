/** Free space of the file system holding a path, with one statfs call (no df subprocess). */
import {promises as fsp} from 'node:fs';
import path from 'node:path';

export async function diskSpace(target: string): Promise<{free: number; size: number} | null> {
	// Walk up when the path itself is unreadable: its parent is usually on the same file system.
	for (let p = target; ; p = path.dirname(p)) {
		try {
			const st = await fsp.statfs(p);
			return {free: st.bavail * st.bsize, size: st.blocks * st.bsize};
		} catch {
			if (p === path.dirname(p)) return null;
		}
	}
}
