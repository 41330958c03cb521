/** Small shared helpers for diagnosis rules: log search, evidence with the docker command that shows it. */
import type {DiagnosisFacts, EngineEvent, LogLine} from './facts.js';
import type {Evidence} from './types.js';

/** Quote an argument for a POSIX shell command shown to the user. */
export function sh(arg: string): string {
	return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function ref(f: DiagnosisFacts): string {
	return f.container.name || f.container.id.slice(0, 12);
}

export function inspectCommand(f: DiagnosisFacts, template: string): string {
	return `docker inspect --format ${sh(template)} ${sh(ref(f))}`;
}

export function logsCommand(f: DiagnosisFacts): string {
	return `docker logs --timestamps --tail ${f.logs.tail} ${sh(ref(f))}`;
}

export function eventsCommand(f: DiagnosisFacts): string {
	return `docker events --since ${f.events.since} --until ${f.events.until} --filter container=${sh(ref(f))}`;
}

/** Field evidence: `docker inspect --format '{{json .State.OOMKilled}}' name`. */
export function field(f: DiagnosisFacts, path: string, value: unknown): Evidence {
	return {kind: 'field', label: path, value: typeof value === 'string' ? value : JSON.stringify(value), command: inspectCommand(f, `{{json .${path}}}`)};
}

/** The command the container ran: Path is only the executable, Args the rest, so the label names both. */
export function commandEvidence(f: DiagnosisFacts): Evidence {
	return {kind: 'field', label: 'Path + Args', value: [f.container.path, ...f.container.args].join(' '), command: inspectCommand(f, '{{json .Path}} {{json .Args}}')};
}

export function logEvidence(f: DiagnosisFacts, line: LogLine): Evidence {
	return {kind: 'log', label: line.stream, value: line.text, time: line.time, command: logsCommand(f)};
}

export function eventEvidence(f: DiagnosisFacts, e: EngineEvent): Evidence {
	const detail = Object.entries(e.attributes)
		.map(([k, v]) => `${k}=${v}`)
		.join(' ');
	return {kind: 'event', label: e.action, value: detail || e.action, time: e.time, command: eventsCommand(f)};
}

/** Log lines matching a pattern, most recent last, at most `max` (the last ones). */
export function findLines(f: DiagnosisFacts, pattern: RegExp, max = 3): LogLine[] {
	const hits = f.logs.lines.filter((l) => pattern.test(l.text));
	return hits.slice(-max);
}

/** The first match of a pattern in the logs with its capture groups. */
export function lastMatch(f: DiagnosisFacts, pattern: RegExp): {line: LogLine; match: RegExpExecArray} | null {
	for (let i = f.logs.lines.length - 1; i >= 0; i--) {
		const line = f.logs.lines[i]!;
		const match = pattern.exec(line.text);
		if (match) return {line, match};
	}
	return null;
}

export function events(f: DiagnosisFacts, action: string | RegExp): EngineEvent[] {
	return f.events.list.filter((e) => (typeof action === 'string' ? e.action === action : action.test(e.action)));
}

/** The user the process runs as: the container's --user, else the image's USER, else root. */
export function effectiveUser(f: DiagnosisFacts): string {
	return f.container.user || f.image?.user || 'root';
}

export function isRoot(user: string): boolean {
	const name = user.split(':')[0] ?? '';
	return name === '' || name === 'root' || name === '0';
}

const SIGNALS: Readonly<Record<number, string>> = {1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM', 24: 'SIGXCPU', 25: 'SIGXFSZ', 31: 'SIGSYS'};

export function signalName(n: number): string {
	return SIGNALS[n] ?? `signal ${n}`;
}

/** Did the container stop on its own (not still running, created, or paused)? */
export function hasExited(f: DiagnosisFacts): boolean {
	return !f.state.running && (f.state.status === 'exited' || f.state.status === 'dead' || f.state.restarting);
}

/** The mount whose destination contains `path`, longest first. */
export function mountFor(f: DiagnosisFacts, path: string) {
	return [...f.mounts].sort((a, b) => b.destination.length - a.destination.length).find((m) => path === m.destination || path.startsWith(m.destination.endsWith('/') ? m.destination : `${m.destination}/`));
}

/** Absolute paths mentioned in a line. */
export function pathsIn(text: string): string[] {
	return [...text.matchAll(/(?:^|[\s'"`(=:])(\/[\w.@+\-/]*[\w.@+-])/g)].map((m) => m[1]!);
}

/** Seconds between two RFC 3339 times; null when either is missing. */
export function secondsBetween(a: string | null, b: string | null): number | null {
	if (!a || !b) return null;
	const d = (Date.parse(b) - Date.parse(a)) / 1000;
	return Number.isFinite(d) ? d : null;
}

/** "the service name (db)" for compose containers. */
export function serviceHint(f: DiagnosisFacts): string {
	return f.container.composeProject ? `compose project ${f.container.composeProject}` : 'the same user-defined network';
}

export function formatSeconds(s: number): string {
	if (s < 1) return `${Math.round(s * 1000)} ms`;
	if (s < 120) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
	if (s < 7200) return `${Math.round(s / 60)} min`;
	return `${(s / 3600).toFixed(1)} h`;
}
