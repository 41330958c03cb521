#!/usr/bin/env node
/**
 * Record diagnose fixtures from real failures: build the fixture images, make every scenario
 * in scripts/diagnose-scenarios.mjs happen on the engine, run the BUILT CLI
 * (`diagnose <name> --json`) and store the gathered facts in test/fixtures/diagnose/<id>.json.
 *
 *   npm run build && node scripts/record-diagnose-fixtures.mjs [scenario-id ...]
 */
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {SCENARIOS, buildImages, cleanup, docker, startScenarios} from './diagnose-scenarios.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test', 'fixtures', 'diagnose');
const only = process.argv.slice(2);
const list = only.length > 0 ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
const run = randomBytes(3).toString('hex');
const nameFor = (s) => `dhtest-d1-rec-${s.id}-${run}`;

mkdirSync(OUT, {recursive: true});
buildImages([...new Set(list.flatMap((s) => s.images ?? []))]);
const engine = docker(['version', '--format', '{{.Server.Version}} {{.Server.Os}}/{{.Server.Arch}}']);
const {results, extra} = await startScenarios(list, nameFor);
let failures = 0;
try {
	for (const [i, s] of list.entries()) {
		const r = results[i];
		if (r.status === 'rejected') {
			failures++;
			console.error(`✖ ${s.id}: ${r.reason.message}`);
			continue;
		}
		let doc;
		try {
			doc = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'diagnose', nameFor(s), '--json'], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}}));
		} catch (error) {
			// exit 1 (a failing container) still prints the JSON document
			doc = JSON.parse(error.stdout);
		}
		const report = doc.result.reports[0];
		const top = report.findings[0]?.id ?? null;
		const topError = report.findings.find((f) => f.severity === 'error')?.id ?? null;
		const ok = s.expect === null ? topError === null : top === s.expect;
		if (!ok) failures++;
		console.log(`${ok ? '✔' : '✖'} ${s.id}: top finding ${top ?? '(none)'}${s.expect !== undefined ? ` (expected ${s.expect ?? 'no error finding'})` : ''}`);
		const fixture = {scenario: s.id, expect: s.expect, ...(s.simulated ? {simulated: s.simulated} : {}), recordedWith: `Docker Engine ${engine}`, facts: report.facts};
		writeFileSync(path.join(OUT, `${s.id}.json`), `${JSON.stringify(fixture, null, '\t')}\n`);
	}
} finally {
	cleanup(list.map(nameFor), extra);
}
process.exitCode = failures > 0 ? 1 : 0;
