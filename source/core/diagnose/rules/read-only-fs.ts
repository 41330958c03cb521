import {field, logEvidence, mountFor, pathsIn} from '../helpers.js';
import type {Evidence, Rule} from '../types.js';

export const readOnlyFs: Rule = {
	id: 'read-only-fs',
	description: 'The program writes to a read-only root file system (--read-only) or a read-only mount.',
	kind: 'cause',
	basis: 'logs',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['read-only-fs'], silent: ['volume-permission', 'no-space']},
	diagnose(f) {
		const lines = f.logs.lines.filter((l) => /Read-only file system|EROFS/i.test(l.text)).slice(-3);
		if (lines.length === 0) return null;
		const path = lines.flatMap((l) => pathsIn(l.text))[0];
		const m = path ? mountFor(f, path) : undefined;
		const roMount = m && !m.rw ? m : undefined;
		const evidence: Evidence[] = lines.map((l) => logEvidence(f, l));
		evidence.push(field(f, 'HostConfig.ReadonlyRootfs', f.resources.readonlyRootfs));
		if (roMount)
			evidence.push({
				kind: 'field',
				label: 'Mounts',
				value: `${roMount.type} ${roMount.name ?? roMount.source} → ${roMount.destination} (ro)`,
				command: `docker inspect --format '{{json .Mounts}}' ${f.container.name}`,
			});
		const dir = path ? path.replace(/\/[^/]*$/, '') || '/' : '/tmp';
		if (!f.resources.readonlyRootfs && !roMount) return null;
		return {
			title: roMount ? `Writing to the read-only mount ${roMount.destination}` : `Writing to ${path ?? 'the root file system'} on a read-only root file system`,
			severity: 'error',
			confidence: 'high',
			evidence,
			explanation: roMount
				? `${roMount.destination} is mounted read-only (:ro), and the program tries to write to it.`
				: `The container runs with a read-only root file system (--read-only, or read_only: true in compose) — a good hardening practice — but the program writes to ${path ?? 'a path'} that is not on a writable mount. Every path it writes to (temp files, caches, PID files) needs a tmpfs or a volume.`,
			fixes: roMount
				? [
						{
							description: 'Mount it read-write, or write somewhere else',
							command: `docker run -v ${roMount.name ?? roMount.source}:${roMount.destination}:rw ...`,
						},
					]
				: [
						{description: `Keep --read-only and give the program a writable tmpfs for ${dir}`, command: `docker run --read-only --tmpfs ${dir} ...`},
						{description: 'In compose', edit: {file: 'compose.yaml', change: `read_only: true\ntmpfs:\n  - ${dir}`}},
						{description: 'Or use a volume when the data must persist', command: `docker run --read-only -v app-data:${dir} ...`},
					],
		};
	},
};
