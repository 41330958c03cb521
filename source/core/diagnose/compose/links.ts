/** Which log lines of one service are failed attempts to reach another service of the project. */
import type {LogLine} from '../facts.js';
import type {ProjectMember} from './types.js';

/** A name that does not resolve (network or DNS) — as Node, Go, Python, libpq, busybox and curl say it. */
export const UNRESOLVED =
	/bad address|ENOTFOUND|EAI_AGAIN|no such host|could not translate host name|Unknown host|Name or service not known|Temporary failure in name resolution|nodename nor servname|Name does not resolve|Could not resolve host|getaddrinfo failed/i;
/** The name resolves but nothing answers yet. */
export const UNREACHABLE =
	/refused|ECONNREFUSED|timed? ?out|ETIMEDOUT|can't connect|could not connect|Connection reset|ECONNRESET|is the server running|No route to host|EHOSTUNREACH|not ready|Cannot connect/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names and addresses by which `target` can be reached: its service name, container name, aliases are not known here, IPs. */
export function targetPattern(target: ProjectMember): RegExp {
	const names = [target.service, target.facts.container.name, ...Object.values(target.facts.network.addresses ?? {}).filter((ip) => ip !== '')];
	return new RegExp(`(?:^|[^\\w.-])(?:${names.map(escape).join('|')})(?:$|[^\\w-])`);
}

/**
 * The failed connection attempts of `from` that name `to`: in the line itself or the line before (two-line
 * messages), or, for a line that names no host at all, in the command the container runs.
 */
export function attemptsOn(from: ProjectMember, to: ProjectMember, kind: RegExp): LogLine[] {
	const target = targetPattern(to);
	const lines = from.facts.logs.lines;
	const command = [from.facts.container.path, ...from.facts.container.args].join(' ');
	const hostless = (t: string) => !/\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[a-z][\w-]*:\d{2,5}\b/i.test(t);
	return lines.filter(
		(l, i) => kind.test(l.text) && (target.test(l.text) || target.test(lines[i - 1]?.text ?? '') || (hostless(l.text) && target.test(command))),
	);
}
