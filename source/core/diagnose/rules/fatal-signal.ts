import {events, field, findLines, logEvidence, signalName} from '../helpers.js';
import type {Rule} from '../types.js';

const FATAL = new Set([4, 5, 6, 7, 8, 11, 31]);

export const fatalSignal: Rule = {
	id: 'fatal-signal',
	description: 'The program crashed on a fatal signal (segmentation fault, abort, bus error, illegal instruction): exit 128+n.',
	kind: 'cause',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['segfault'], silent: ['oom-killed', 'sigkill-docker-kill', 'stopped-sigterm', 'node-heap-oom', 'crash-loop']},
	diagnose(f) {
		if (f.state.running && !f.state.restarting) return null;
		const code = f.state.exitCode;
		const n = code - 128;
		// Words that only a crash prints; a bare "Aborted" counts only with exit 134 (SIGABRT).
		const lines = findLines(
			f,
			n === 6
				? /segmentation fault|core dumped|SIGSEGV|SIGABRT|SIGBUS|SIGILL|^Aborted|illegal instruction|bus error|stack smashing detected|double free|free\(\): invalid/i
				: /segmentation fault|core dumped|SIGSEGV|SIGBUS|SIGILL|illegal instruction \(core|stack smashing detected|double free or corruption|free\(\): invalid/i,
		);
		if (!(code > 128 && FATAL.has(n)) && lines.length === 0) return null;
		if (code === 0) return null;
		// Go prints [signal SIGSEGV ...] under its own panic: a managed runtime error (exit 2), not a crash in native code.
		if (code < 128 && findLines(f, /^panic: |^fatal error: /, 1).length > 0) return null;
		if (f.state.oomKilled || events(f, 'oom').length > 0) return null;
		// A runtime that aborts after running out of heap (Node exits 134) is app-oom, not a crash in native code.
		if (findLines(f, /heap out of memory|OutOfMemoryError|Reached heap limit|runtime: out of memory/, 1).length > 0) return null;
		const sig = code > 128 && FATAL.has(n) ? signalName(n) : 'a fatal signal';
		const evidence = [field(f, 'State.ExitCode', code), field(f, 'State.OOMKilled', false), ...lines.map((l) => logEvidence(f, l))];
		const illegal = n === 4;
		return {
			title: `Crashed with ${sig}${n === 11 ? ' (segmentation fault)' : n === 6 ? ' (abort)' : ''}`,
			severity: 'error',
			confidence: code > 128 && FATAL.has(n) ? (lines.length > 0 ? 'high' : 'medium') : 'medium',
			evidence,
			explanation:
				`Exit code ${code} is 128 + ${n}: the program was ended by ${sig}. The kernel sends this when the program itself does something invalid — ` +
				(n === 11
					? 'it touched memory it does not own (a bug in native code, a bad native library, or a library built for another libc such as musl vs glibc). '
					: n === 6
						? 'it called abort(), usually after a failed assertion or a detected heap corruption. '
						: illegal
							? 'it ran a CPU instruction this machine does not have (a binary built for a newer CPU, e.g. AVX). '
							: 'a fatal error in native code. ') +
				'It is not a memory-limit kill (OOMKilled is false) and not a stop request.',
			fixes: [
				{description: 'Read the last lines before the crash', command: `docker logs --tail 50 ${f.container.name}`},
				{
					description: 'Check that native libraries match the base image (Alpine/musl vs Debian/glibc) and the CPU; rebuild native modules inside the image',
					edit: {file: 'Dockerfile', change: 'RUN npm rebuild   # or pip install --no-binary :all: <pkg>, or use a glibc base image'},
				},
				{description: 'Get a core dump or a backtrace by running it interactively', command: `docker run --rm -it --ulimit core=-1 ${f.container.image} sh`},
			],
		};
	},
};
