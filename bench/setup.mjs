#!/usr/bin/env node
// Wall time of the setup commands (recommend, configure, generate-compose --stdout) against the real
// engine, as a ratio to bare `node -e 0` measured in the same run. Median of N runs each.
// Usage: node bench/setup.mjs [runs]   (build first: npm run build)
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 7);

function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

function time(args) {
	const samples = [];
	for (let i = 0; i < runs; i++) {
		const t = process.hrtime.bigint();
		const r = spawnSync(process.execPath, args, {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
		samples.push(Number(process.hrtime.bigint() - t) / 1e6);
		if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	}
	return median(samples);
}

const base = time(['-e', '0']);
const rows = [
	['node -e 0', base],
	['recommend --json', time([cli, 'recommend', '--json'])],
	['configure --json', time([cli, 'configure', '--json'])],
	['generate-compose --stdout', time([cli, 'generate-compose', '--stdout'])],
	['validate --json (same facts, for comparison)', time([cli, 'validate', '--json'])],
];
console.log(`median of ${runs} runs, ${new Date().toISOString()}`);
console.log('| command | ms | × node -e 0 |');
console.log('| --- | ---: | ---: |');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / base).toFixed(1)} |`);
