/** Recorded diagnose fixtures (scripts/record-diagnose-fixtures.mjs), loaded for the pure rule tests. */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {DiagnosisFacts} from '../../../source/core/diagnose/facts.js';

export interface Recording {
	readonly scenario: string;
	readonly expect: string | null;
	readonly simulated?: string;
	readonly recordedWith: string;
	readonly facts: DiagnosisFacts;
}

export const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'diagnose');

export const recordings: readonly Recording[] = readdirSync(FIXTURE_DIR)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((f) => JSON.parse(readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as Recording);

export function recording(scenario: string): Recording {
	const r = recordings.find((x) => x.scenario === scenario);
	if (!r) throw new Error(`no recording ${scenario}`);
	return r;
}

/** A deep copy of a recording's facts with changes: a small synthetic variant of real facts. */
export function variant(scenario: string, change: (f: any) => void): DiagnosisFacts {
	const copy = structuredClone(recording(scenario).facts) as any;
	change(copy);
	return copy as DiagnosisFacts;
}

export function logLine(text: string, stream: 'stdout' | 'stderr' = 'stderr') {
	return {stream, time: '2026-01-01T00:00:00.000000000Z', text};
}
