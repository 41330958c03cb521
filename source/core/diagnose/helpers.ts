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
	return {
		kind: 'field',
		label: 'Path + Args',
		value: [f.container.path, ...f.container.args].join(' '),
		command: inspectCommand(f, '{{json .Path}} {{json .Args}}'),
	};
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

const SIGNALS: Readonly<Record<number, string>> = {
	1: 'SIGHUP',
	2: 'SIGINT',
	3: 'SIGQUIT',
	4: 'SIGILL',
	5: 'SIGTRAP',
	6: 'SIGABRT',
	7: 'SIGBUS',
	8: 'SIGFPE',
	9: 'SIGKILL',
	10: 'SIGUSR1',
	11: 'SIGSEGV',
	12: 'SIGUSR2',
	13: 'SIGPIPE',
	14: 'SIGALRM',
	15: 'SIGTERM',
	24: 'SIGXCPU',
	25: 'SIGXFSZ',
	31: 'SIGSYS',
};

export function signalName(n: number): string {
	return SIGNALS[n] ?? `signal ${n}`;
}

/** Did the container stop on its own (not still running, created, or paused)? */
export function hasExited(f: DiagnosisFacts): boolean {
	return !f.state.running && (f.state.status === 'exited' || f.state.status === 'dead' || f.state.restarting);
}

/** The mount whose destination contains `path`, longest first. */
export function mountFor(f: DiagnosisFacts, path: string) {
	return [...f.mounts]
		.sort((a, b) => b.destination.length - a.destination.length)
		.find((m) => path === m.destination || path.startsWith(m.destination.endsWith('/') ? m.destination : `${m.destination}/`));
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

/**
 * Does the engine still hold the events of the container's last run? Its event history is a short
 * ring buffer (256 entries on Docker 20.10+), oldest out first: if the `start` of the last run is
 * there, every event after it is too. Without it, a missing kill or stop event proves nothing.
 */
export function eventsCoverLastRun(f: DiagnosisFacts): boolean {
	if (f.events.error !== null || !f.state.startedAt) return false;
	const started = Date.parse(f.state.startedAt);
	return f.events.list.some((e) => e.action === 'start' && Math.abs(Date.parse(e.time) - started) < 5000);
}

/** Events of the last run only (at or after State.StartedAt, with the engine's millisecond rounding). */
export function lastRunEvents(f: DiagnosisFacts, action: string): EngineEvent[] {
	const started = f.state.startedAt ? Date.parse(f.state.startedAt) - 1000 : -Infinity;
	return events(f, action).filter((e) => Date.parse(e.time) >= started);
}

/** Programs that, as PID 1, install no SIGTERM handler: the kernel then ignores SIGTERM and docker stop has to SIGKILL them. */
const NO_TERM_HANDLER = /^(sleep|tail|cat|sh|bash|ash|dash|zsh|ksh|busybox|yes|read|nc|socat|true|wait)$/;

/**
 * What the persistent config says about PID 1 and SIGTERM: the process, the stop signal and timeout.
 * `ignoresTerm` is true when PID 1 is a program known to have no handler (sleep, tail -f, a shell
 * running a command without exec), null when unknown.
 */
export function stopHandling(f: DiagnosisFacts): {pid1: string; ignoresTerm: boolean | null; stopSignal: string; stopTimeout: number} {
	const argv = [f.container.path, ...f.container.args];
	const pid1 = argv[0] ?? '';
	const base = pid1.split('/').pop() ?? '';
	const script = (base === 'sh' || base === 'bash' || base === 'ash' || base === 'dash') && argv[1] === '-c' ? (argv[2] ?? '') : null;
	let ignoresTerm: boolean | null = null;
	if (script !== null) ignoresTerm = /\btrap\b/.test(script) ? false : /^\s*exec\s/.test(script) ? null : /[;&|\n]/.test(script) ? true : null;
	else if (NO_TERM_HANDLER.test(base)) ignoresTerm = true;
	if (ignoresTerm === null && script !== null) {
		const first =
			script
				.trim()
				.replace(/^exec\s+/, '')
				.split(/\s+/)[0] ?? '';
		if (NO_TERM_HANDLER.test(first.split('/').pop() ?? '')) ignoresTerm = true;
	}
	const stopSignal = f.container.stopSignal || f.image?.stopSignal || 'SIGTERM';
	return {pid1: argv.join(' '), ignoresTerm, stopSignal, stopTimeout: f.container.stopTimeout ?? 10};
}

/** Programs that fork into the background unless told otherwise, and the flag that keeps them in front. */
const DAEMONS: ReadonlyArray<{match: RegExp; foreground: RegExp; fix: string}> = [
	{match: /(^|\/)nginx$/, foreground: /daemon off/, fix: '["nginx", "-g", "daemon off;"]'},
	{
		match: /(^|\/)(httpd|apache2|apachectl)$/,
		foreground: /(^|\s)(-f|-DFOREGROUND|-X)(\s|$)/,
		fix: '["httpd", "-DFOREGROUND"]   # busybox httpd: ["httpd", "-f", "-p", "8080"]',
	},
	{match: /(^|\/)(redis-server)$/, foreground: /daemonize no/, fix: '["redis-server", "--daemonize", "no"]'},
	{match: /(^|\/)(sshd)$/, foreground: /(^|\s)-D(\s|$)/, fix: '["/usr/sbin/sshd", "-D"]'},
	{match: /(^|\/)(crond|cron)$/, foreground: /(^|\s)-f(\s|$)/, fix: '["crond", "-f"]'},
	{match: /(^|\/)(php-fpm[\d.]*)$/, foreground: /(-F|--nodaemonize)/, fix: '["php-fpm", "-F"]'},
	{match: /(^|\/)(supervisord)$/, foreground: /(-n|--nodaemon)/, fix: '["supervisord", "-n"]'},
];

/**
 * Does the container's command (a persistent fact) send its work to the background and return?
 * daemon: a server that forks unless given its foreground flag; background: `service x start`, a trailing &.
 */
export function backgroundingCommand(f: DiagnosisFacts): {daemon: {fix: string} | null; background: boolean} {
	const argv = [f.container.path, ...f.container.args];
	const command = argv.join(' ');
	let daemon: {fix: string} | null = null;
	for (const word of argv.flatMap((a) => a.split(/\s+/))) {
		const d = DAEMONS.find((x) => x.match.test(word));
		if (d && !d.foreground.test(command)) {
			daemon = {fix: d.fix};
			break;
		}
	}
	const background = /(^|[^&])&\s*$/.test(command) || /\bservice\s+\S+\s+start\b|\bsystemctl\s+start\b|\/etc\/init\.d\/\S+\s+start\b/.test(command);
	return {daemon, background};
}

/**
 * A restart policy looping over a process that exits 0 (not a crash): restarting with exit code 0,
 * or up again after restarts while its command is known to return at once. Persistent facts only.
 */
export function cleanExitLoop(f: DiagnosisFacts): boolean {
	if (f.state.restarting) return f.state.exitCode === 0;
	if (f.state.running && f.restartCount > 0) {
		const b = backgroundingCommand(f);
		return b.daemon !== null || b.background;
	}
	return false;
}

/** Seconds the last run lasted (FinishedAt − StartedAt), null while running or unknown. */
export function lastRunSeconds(f: DiagnosisFacts): number | null {
	if (f.state.running && !f.state.restarting) return null;
	const s = secondsBetween(f.state.startedAt, f.state.finishedAt);
	// A process that exits at once can show FinishedAt a few ms before StartedAt (the engine stamps them on different paths).
	return s === null || s < -1 ? null : Math.max(0, s);
}

/** How long the last run lasted, as evidence with the command that shows both timestamps. */
export function lastRunEvidence(f: DiagnosisFacts, seconds: number): Evidence {
	return {
		kind: 'field',
		label: 'State.FinishedAt − State.StartedAt',
		value: formatSeconds(seconds),
		command: `docker inspect --format '{{.State.StartedAt}} {{.State.FinishedAt}}' ${sh(ref(f))}`,
	};
}

/** A restart this recent means the container is still cycling, even when caught in the moment it is up. */
export const RECENT_RESTART_SECONDS = 600;

/**
 * Restarted by its policy and the last exit was recent: restarting now, or up again for a moment
 * between two exits. From State.FinishedAt (kept across restarts) and RestartCount, not the events.
 */
export function recentlyRestarted(f: DiagnosisFacts): boolean {
	if (f.state.restarting) return true;
	if (!f.state.running || f.restartCount === 0) return false;
	const since = secondsBetween(f.state.finishedAt, f.capturedAt);
	return since !== null && since < RECENT_RESTART_SECONDS;
}
