#!/usr/bin/env node
/**
 * Lint benchmarks (numbers go to bench/RESULTS.md, "## lint"):
 *  1. throughput over the whole corpus (../shared/corpus/dockerfiles) in files/s, one process;
 *  2. one CLI invocation on one file (`node dist/cli.js lint F --no-engine --no-fail`) as a ratio to `node -e 0`;
 *  3. the npm peers dockerfile-utils (validate) and dockerfilelint (run) on the same corpus, same process;
 *  4. findings per rule over the corpus (for the false-positive review).
 * Usage: npm run build && node bench/lint.mjs [--json]
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {bundleLintCore} from './support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const corpus = [
	path.resolve(root, '..', 'shared', 'corpus', 'dockerfiles'),
	path.resolve(root, '..', '..', 'shared', 'corpus', 'dockerfiles'),
	'/work/shared/corpus/dockerfiles',
].find((d) => existsSync(d));
if (!corpus) {
	console.error('corpus not found (../shared/corpus/dockerfiles)');
	process.exit(2);
}

// Bundle the pure lint core once (the CLI bundle does not export it).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-'));
const bundle = path.join(tmp, 'lint.mjs');
await bundleLintCore(bundle);
const {lintSource, rules} = await import(pathToFileURL(bundle).href);

const names = readdirSync(corpus)
	.filter((f) => !f.startsWith('.'))
	.sort();
const files = names.map((n) => ({name: n, path: path.join(corpus, n), source: readFileSync(path.join(corpus, n), 'utf8')}));

/** Seconds of CPU (user + system) for `passes` runs after a warm-up: robust when the machine is shared. */
function timeIt(fn, passes) {
	fn(); // warm-up
	const c0 = process.cpuUsage();
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < passes; i++) fn();
	const c = process.cpuUsage(c0);
	wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
	return (c.user + c.system) / 1e6;
}
const wall = [];

const PASSES = 5;
const counts = new Map();
let parseErrors = 0;
let crashes = 0;
for (const f of files) {
	const r = lintSource(f.source, f.name, {rules});
	crashes += r.crashes.length;
	for (const x of r.findings) {
		if (x.id === 'DH0000') parseErrors++;
		const k = `${x.id} ${x.slug}`;
		const c = counts.get(k) ?? {findings: 0, files: new Set()};
		c.findings++;
		c.files.add(f.name);
		counts.set(k, c);
	}
}
const ours = timeIt(() => {
	for (const f of files) lintSource(f.source, f.name, {rules});
}, PASSES);
const oursRate = (files.length * PASSES) / ours;
const oursWallRate = (files.length * PASSES) / wall[wall.length - 1];

const peers = [];
try {
	const utils = await import('dockerfile-utils');
	const validate = utils.validate ?? utils.default?.validate;
	const t = timeIt(() => {
		for (const f of files) validate(f.source);
	}, PASSES);
	peers.push({name: 'dockerfile-utils (validate)', rate: (files.length * PASSES) / t});
} catch (error) {
	peers.push({name: 'dockerfile-utils', error: String(error.message ?? error)});
}
try {
	const dfl = require('dockerfilelint');
	let failures = 0;
	const t = timeIt(() => {
		for (const f of files) {
			try {
				dfl.run(path.dirname(f.path), f.source);
			} catch {
				failures++;
			}
		}
	}, PASSES);
	peers.push({name: 'dockerfilelint (run)', rate: (files.length * PASSES) / t, failures: failures / (PASSES + 1)});
} catch (error) {
	peers.push({name: 'dockerfilelint', error: String(error.message ?? error)});
}

// One CLI invocation on one file vs `node -e 0` (median of 15).
function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}
function timeProcess(args, runs = 15) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const t0 = process.hrtime.bigint();
		const r = spawnSync(process.execPath, args, {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
		if (r.status !== 0 && args[0] !== '-e') throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
		times.push(Number(process.hrtime.bigint() - t0) / 1e6);
	}
	return median(times);
}
const one = files.find((f) => f.name === '0001.Dockerfile') ?? files[0];
const nodeRuns = [];
const cliRuns = [];
for (let i = 0; i < 15; i++) {
	nodeRuns.push(timeProcess(['-e', '0'], 1));
	cliRuns.push(timeProcess([path.join(root, 'dist', 'cli.js'), 'lint', one.path, '--no-engine', '--no-fail'], 1));
}
const nodeMs = median(nodeRuns);
const cliMs = median(cliRuns);

const top = [...counts.entries()].sort((a, b) => b[1].findings - a[1].findings);
const result = {
	corpus: {files: files.length, parseErrors, crashes},
	throughput: {
		filesPerSecond: Math.round(oursRate),
		wallFilesPerSecond: Math.round(oursWallRate),
		passes: PASSES,
		loadAverage: os.loadavg()[0].toFixed(1),
		cpus: os.cpus().length,
	},
	peers: peers.map((p) => (p.rate ? {...p, rate: Math.round(p.rate), ratio: +(oursRate / p.rate).toFixed(2)} : p)),
	cli: {file: one.name, medianMs: +cliMs.toFixed(1), nodeMs: +nodeMs.toFixed(1), ratio: +(cliMs / nodeMs).toFixed(2)},
	rules: top.map(([k, v]) => ({rule: k, findings: v.findings, files: v.files.size})),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
	console.log(`corpus: ${files.length} files, ${parseErrors} parse errors, ${crashes} rule crashes`);
	console.log(
		`docker-helper lint core: ${result.throughput.filesPerSecond} files/s of CPU time (${result.throughput.wallFilesPerSecond} by wall clock; ${PASSES} passes, one process, ${rules.length} rules; load average ${result.throughput.loadAverage} on ${result.throughput.cpus} CPUs)`,
	);
	for (const p of result.peers) console.log(p.rate ? `${p.name}: ${p.rate} files/s (docker-helper is ${p.ratio}x)` : `${p.name}: could not run: ${p.error}`);
	console.log(`CLI on one file: ${result.cli.medianMs} ms vs node -e 0 ${result.cli.nodeMs} ms → ${result.cli.ratio}x`);
	console.log('\n| rule | findings | files |\n|---|---:|---:|');
	for (const r of result.rules) console.log(`| ${r.rule} | ${r.findings} | ${r.files} |`);
}
