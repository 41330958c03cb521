/** A cause of wasted bytes: which instruction left them and how to avoid it. One rule per file, with its cases. */

export interface WasteLayer {
	readonly index: number;
	/** The Dockerfile instruction (from the image history), e.g. "RUN apt-get update". */
	readonly command: string;
}

/** One file that costs bytes: wasted (a later layer deleted or overwrote it) or left in the final image. */
export interface WasteCandidate {
	readonly path: string;
	readonly size: number;
	readonly addedBy: WasteLayer;
	/** The later layer that deleted or overwrote it; null when the file is still in the final image. */
	readonly laterBy: (WasteLayer & {readonly how: 'deleted' | 'overwritten'}) | null;
}

export interface WasteRule {
	readonly id: string;
	readonly title: string;
	/** Whether this rule explains the candidate. Rules are tried in order; the first that matches wins. */
	match(c: WasteCandidate): boolean;
	/** One line: what happened. */
	message(c: WasteCandidate): string;
	/** What to do instead (Dockerfile lines where they help). */
	fix(c: WasteCandidate): string;
	/** Candidates (path, added by, later by) that must and must not match. */
	readonly cases: {readonly hit: readonly WasteCandidate[]; readonly miss: readonly WasteCandidate[]};
}

export const layer = (index: number, command: string): WasteLayer => ({index, command});
export const candidate = (path: string, addedBy: WasteLayer, laterBy: WasteCandidate['laterBy'] = null, size = 100): WasteCandidate => ({
	path,
	size,
	addedBy,
	laterBy,
});

/** "RUN /bin/sh -c apt-get update" (legacy builder) and "RUN apt-get update # buildkit" -> the instruction as written. */
export function instruction(command: string): string {
	const c = command
		.replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
		.replace(/^\/bin\/sh -c /, 'RUN ')
		.replace(/\s*# buildkit$/, '')
		.trim();
	return c;
}

export function isCopy(command: string): boolean {
	return /^(COPY|ADD)\b/i.test(instruction(command));
}
