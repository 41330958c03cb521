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

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

export function parseTimeSpec(text: string, nowMs: number): TimeSpec {
	const value = text.trim();
	if (value === '') return {ok: false, message: 'an empty time'};
	const duration = parseDuration(value);
	if (duration !== null) return {ok: true, unixSeconds: roundSeconds(nowMs / 1000 - duration)};
	if (/^\d{9,}(\.\d+)?$/.test(value)) return {ok: true, unixSeconds: Number(value)};
	const m = RFC3339.exec(value);
	if (m) {
		const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
		const month = Number(mo);
		const day = Number(d);
		if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
			return {ok: false, message: `'${text}' is not a valid date and time`};
		}
		// A time without a zone is read as UTC, like docker's RFC 3339 handling of a bare date.
		const offset = zone && zone.toUpperCase() !== 'Z' ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
		const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
		if (Number.isNaN(ms)) return {ok: false, message: `'${text}' is not a valid date and time`};
		const fraction = frac ? Number(`0${frac}`) : 0;
		return {ok: true, unixSeconds: roundSeconds(ms / 1000 + fraction)};
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
