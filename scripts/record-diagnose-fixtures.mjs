#!/usr/bin/env node
/**
 * Record diagnose fixtures from real failures: build the fixture images, make every scenario
 * in scripts/diagnose-scenarios.mjs happen on the engine, run the BUILT CLI
 * (`diagnose <name> --json`) as soon as it has happened, and store the gathered facts in
 * test/fixtures/diagnose/<id>.json. Everything it creates is removed afterwards.
 *
 *   npm run build && node scripts/record-diagnose-fixtures.mjs [scenario-id ...]
 */
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {SCENARIOS, buildImages, cleanup, docker, startScenarios} from './diagnose-scenarios.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test', 'fixtures', 'diagnose');
const only = process.argv.slice(2);
const list = only.length > 0 ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
const run = randomBytes(3).toString('hex');
const nameFor = (s) => `dh-dg-rec-${s.id}-${run}`;

async function diagnoseJson(name) {
	try {
		const {stdout} = await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'diagnose', name, '--json'], {
			env: {...process.env, NO_COLOR: '1'},
			maxBuffer: 64 * 1024 * 1024,
		});
		return JSON.parse(stdout);
	} catch (error) {
		if (error.stdout) return JSON.parse(error.stdout); // exit 1: a failing container, still a JSON document
		throw error;
	}
}

mkdirSync(OUT, {recursive: true});
buildImages([...new Set(list.flatMap((s) => s.images ?? []))]);
const engine = docker(['version', '--format', '{{.Server.Version}} {{.Server.Os}}/{{.Server.Arch}}']);
let failures = 0;
const {results, extra} = await startScenarios(list, nameFor, async (s, name) => {
	const doc = await diagnoseJson(name);
	const report = doc.result.reports[0];
	const top = report.findings[0]?.id ?? null;
	const topError = report.findings.find((f) => f.severity === 'error')?.id ?? null;
	const ok = s.expect === null ? topError === null : top === s.expect;
	if (!ok) failures++;
	console.log(`${ok ? '✔' : '✖'} ${s.id}: top finding ${top ?? '(none)'} (expected ${s.expect ?? 'no error finding'})`);
	const fixture = {
		scenario: s.id,
		expect: s.expect,
		...(s.simulated ? {simulated: s.simulated} : {}),
		recordedWith: `Docker Engine ${engine}`,
		facts: report.facts,
	};
	writeFileSync(path.join(OUT, `${s.id}.json`), `${JSON.stringify(fixture, null, '\t')}\n`);
});
try {
	for (const [i, r] of results.entries()) {
		if (r.status === 'rejected') {
			failures++;
			console.error(`✖ ${list[i].id}: ${r.reason.message}`);
		}
	}
} finally {
	cleanup(list.map(nameFor), extra);
}
process.exitCode = failures > 0 ? 1 : 0;
