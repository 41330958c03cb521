/** docs/diagnose.md lists every scenario of the catalogue, says which are real engine behaviour and which print recorded output. */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {SCENARIOS} from '../../../scripts/diagnose-scenarios.mjs';
import {RULES} from '../../../source/core/diagnose/rules/index.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

describe('the scenario catalogue in docs/diagnose.md', () => {
	it('every scenario expects a rule that exists', () => {
		const ids = new Set(RULES.map((r) => r.id));
		for (const s of SCENARIOS) if (s.expect !== null) expect(ids.has(s.expect), `${s.id} expects ${s.expect}`).toBe(true);
		expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
	});

	it('the table is generated from scripts/diagnose-scenarios.mjs', () => {
		const real = SCENARIOS.filter((s) => !s.simulated).length;
		const rows = [
			`${SCENARIOS.length} scenarios: ${real} real engine behaviour, ${SCENARIOS.length - real} recorded program output.`,
			'',
			'| scenario | expected top finding | log lines |',
			'|---|---|---|',
			...SCENARIOS.map(
				(s) =>
					`| \`${s.id}\` | ${s.expect ? `\`${s.expect}\`` : 'none of error severity (a fine container)'} | ${s.simulated ? `recorded program output: ${cell(s.simulated)}` : 'real engine behaviour'}${s.flood ? '; diagnosed after the engine event history was flooded' : ''} |`,
			),
		];
		const file = path.resolve('docs/diagnose.md');
		const doc = readFileSync(file, 'utf8');
		const [start, end] = ['<!-- scenarios:start -->', '<!-- scenarios:end -->'];
		expect(doc).toContain(start);
		const fresh = `${doc.slice(0, doc.indexOf(start) + start.length)}\n${rows.join('\n')}\n${doc.slice(doc.indexOf(end))}`;
		if (process.env['UPDATE_DOCS'] === '1') writeFileSync(file, fresh);
		expect(fresh === doc, 'docs/diagnose.md is stale: UPDATE_DOCS=1 npx vitest run test/core/diagnose/scenarios-doc.test.ts').toBe(true);
	});
});
