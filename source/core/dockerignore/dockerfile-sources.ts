/**
 * What a Dockerfile copies from the build context: a generated .dockerignore must not exclude it,
 * or the build breaks (Spring Boot's `COPY target/*.jar app.jar` next to a Java `target` entry). Pure.
 */
import {DockerfileParser} from 'dockerfile-ast';

export interface CopySource {
	/** The source as written, relative to the context root. */
	readonly path: string;
	/** 1-based line of the COPY/ADD. */
	readonly line: number;
	readonly dockerfile: string;
}

/** COPY/ADD sources taken from the build context (not --from stages, not URLs, not heredocs). */
export function contextSources(dockerfile: string, text: string): CopySource[] {
	const out: CopySource[] = [];
	let parsed;
	try {
		parsed = DockerfileParser.parse(text);
	} catch {
		return out; // an unparsable Dockerfile protects nothing; generation goes on
	}
	for (const ins of parsed.getInstructions()) {
		const kw = ins.getKeyword();
		if (kw !== 'COPY' && kw !== 'ADD') continue;
		const flags = (ins as unknown as {getFlags(): Array<{getName(): string}>}).getFlags();
		if (flags.some((f) => f.getName() === 'from')) continue;
		const raw = (ins.getArgumentsContent() ?? '').trim();
		if (raw.startsWith('<<')) continue;
		let args: string[];
		if (raw.startsWith('[')) {
			try {
				args = JSON.parse(raw) as string[];
			} catch {
				continue;
			}
		} else args = ins.getArguments().map((a) => a.getValue());
		const sources = args.slice(0, -1).filter((s) => !/^https?:\/\//.test(s) && !s.startsWith('--') && !s.startsWith('<<'));
		for (const s of sources) {
			const p = s.replace(/^\.\//, '').replace(/^\/+/, '');
			if (p === '' || p === '.') continue; // the whole context: nothing specific to protect
			out.push({path: p, line: ins.getRange().start.line + 1, dockerfile});
		}
	}
	return out;
}
