import {describe, expect, it} from 'vitest';
import {engineTimestamp, parseDuration, parseTimeSpec} from '../../source/core/time-spec.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const NOW_S = NOW / 1000;

describe('parseDuration', () => {
	it.each([
		['30s', 30],
		['5m', 300],
		['2h', 7200],
		['1d', 86_400],
		['1w', 604_800],
		['1h30m', 5400],
		['1.5h', 5400],
		['500ms', 0.5],
		['2H', 7200],
	])('%s → %d s', (text, seconds) => {
		expect(parseDuration(text)).toBe(seconds);
	});

	it.each(['', '5', 'm', '5 minutes', '-5m', '5m ago', '1h-30m', '2024-05-01'])('rejects %j', (text) => {
		expect(parseDuration(text)).toBeNull();
	});
});

describe('parseTimeSpec', () => {
	it.each([
		['5m', NOW_S - 300],
		['2h', NOW_S - 7200],
		['1d', NOW_S - 86_400],
		['2024-05-01T11:00:00Z', NOW_S - 3600],
		['2024-05-01T11:00:00z', NOW_S - 3600],
		['2024-05-01T11:00:00.25Z', NOW_S - 3600 + 0.25],
		['2024-05-01T13:00:00+02:00', NOW_S - 3600],
		['2024-05-01T07:30:00-0330', NOW_S - 3600],
		['2024-05-01T11:00:00', NOW_S - 3600],
		['2024-05-01 11:00', NOW_S - 3600],
		['2024-05-01', NOW_S - 12 * 3600],
		['1714561200', NOW_S - 3600],
		['1714561200.5', NOW_S - 3599.5],
	])('%s', (text, seconds) => {
		const r = parseTimeSpec(text, NOW);
		expect(r).toEqual({ok: true, unixSeconds: seconds});
	});

	it.each(['2024-02-30', '2023-02-29', '2024-04-31T00:00:00Z', '-5m', '99999999999999999999d', '99999999999999999999', '1969-12-31T23:59:59Z'])(
		'rejects %j (out of range)',
		(text) => {
			expect(parseTimeSpec(text, NOW).ok).toBe(false);
		},
	);

	it('accepts 2024-02-29 (a leap day)', () => {
		expect(parseTimeSpec('2024-02-29', NOW)).toEqual({ok: true, unixSeconds: Date.parse('2024-02-29T00:00:00Z') / 1000});
	});

	it.each(['', 'yesterday', '5', '2024-13-01', '2024-05-32T00:00:00Z', '2024-05-01T25:00:00Z', '05/01/2024', '12:00'])('rejects %j with a message', (text) => {
		const r = parseTimeSpec(text, NOW);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
	});
});

describe('engineTimestamp', () => {
	it.each([
		[1714561200, '1714561200'],
		[1714561200.5, '1714561200.500000000'],
		[1714561200.001, '1714561200.001000000'],
	])('%d → %s', (seconds, text) => {
		expect(engineTimestamp(seconds)).toBe(text);
	});
});
