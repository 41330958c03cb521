/**
 * `--since` / `--until` values: a relative duration back from now (90s, 5m, 2h, 1d, 1h30m),
 * an RFC 3339 time (2024-05-01T12:00:00Z, with fraction or offset), a date (2024-05-01, UTC
 * midnight) or a Unix timestamp (1714564800, 1714564800.5). The engine wants Unix seconds.
 */
export type TimeSpec = {readonly ok: true; readonly unixSeconds: number} | {readonly ok: false; readonly message: string};

const UNIT_SECONDS: Readonly<Record<string, number>> = {ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800};

/** Seconds in a duration like "1h30m"; null when it is not one. */
export function parseDuration(text: string): number | null {
	const trimmed = text.trim();
	if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/i.test(trimmed)) return null;
	let total = 0;
	for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gi)) {
		total += Number(match[1]) * UNIT_SECONDS[match[2]!.toLowerCase()]!;
	}
	return total;
}

/** 9999-12-31T23:59:59Z: the last time RFC 3339 can write, and far past anything a log holds. */
const MAX_UNIX_SECONDS = 253_402_300_799;

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

export function parseTimeSpec(text: string, nowMs: number): TimeSpec {
	const value = text.trim();
	if (value === '') return {ok: false, message: 'an empty time'};
	const duration = parseDuration(value);
	if (duration !== null) {
		const at = roundSeconds(nowMs / 1000 - duration);
		return at >= 0 ? {ok: true, unixSeconds: at} : {ok: false, message: `'${text}' reaches back before 1970`};
	}
	if (/^\d{9,}(\.\d+)?$/.test(value)) {
		const at = Number(value);
		return at <= MAX_UNIX_SECONDS ? {ok: true, unixSeconds: at} : {ok: false, message: `'${text}' is after the year 9999`};
	}
	const m = RFC3339.exec(value);
	if (m) {
		const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
		const month = Number(mo);
		const day = Number(d);
		// Date.parse rolls 2024-02-30 over to March 1st: check the day against the month's own length.
		const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(Number(y), month, 0)).getUTCDate() : 0;
		if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
			return {ok: false, message: `'${text}' is not a valid date and time`};
		}
		// A time without a zone is read as UTC, like docker's RFC 3339 handling of a bare date.
		const offset = zone && zone.toUpperCase() !== 'Z' ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
		const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
		if (Number.isNaN(ms)) return {ok: false, message: `'${text}' is not a valid date and time`};
		const fraction = frac ? Number(`0${frac}`) : 0;
		const at = roundSeconds(ms / 1000 + fraction);
		if (at < 0) return {ok: false, message: `'${text}' is before 1970`};
		return {ok: true, unixSeconds: at};
	}
	return {ok: false, message: `'${text}' is neither a duration (5m, 2h, 1d) nor a time (RFC 3339 like 2024-05-01T12:00:00Z, or a Unix timestamp)`};
}

function roundSeconds(seconds: number): number {
	return Math.round(seconds * 1000) / 1000;
}

/** The engine's query value: seconds and nanoseconds ("1714564800.500000000"), to millisecond precision. */
export function engineTimestamp(unixSeconds: number): string {
	const totalMs = Math.round(unixSeconds * 1000);
	const whole = Math.floor(totalMs / 1000);
	const ms = totalMs - whole * 1000;
	return ms === 0 ? String(whole) : `${whole}.${String(ms).padStart(3, '0')}000000`;
}
