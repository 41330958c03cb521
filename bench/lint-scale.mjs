#!/usr/bin/env node
/**
 * Lint as whole processes, in one run with the npm peers (numbers go to bench/RESULTS.md, "## lint: whole process"):
 *  1. files/s over the corpus: `docker-helper lint FILE... --no-engine --format json` against
 *     dockerfilelint and dockerfile-utils run over the same files by bench/lint-peer.cjs;
 *  2. CPU time and peak memory for one file of 1k, 10k and 100k lines (corpus files concatenated),
 *     and the cost per line net of the same tool's run on a one-line file (start-up and module loading).
 * CPU time (user + system, from GNU time) is the figure: the machine is shared, wall time is noisy.
 * Usage: npm run build && node bench/lint-scale.mjs [runs]   (default 5; medians)
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = [
	path.resolve(root, '..', 'shared', 'corpus', 'dockerfiles'),
	path.resolve(root, '..', '..', 'shared', 'corpus', 'dockerfiles'),
	'/work/shared/corpus/dockerfiles',
].find((d) => existsSync(d));
if (!corpus) {
	console.error('corpus not found (../shared/corpus/dockerfiles)');
	process.exit(2);
}
if (!existsSync('/usr/bin/time')) {
	console.error('GNU time (/usr/bin/time) is needed for CPU time and peak memory: apt-get install time');
	process.exit(2);
}
const RUNS = Number(process.argv[2] ?? 5);
const files = readdirSync(corpus)
	.filter((f) => !f.startsWith('.'))
	.sort()
	.map((f) => path.join(corpus, f));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dh-li-bench-'));
const cli = path.join(root, 'dist', 'cli.js');
const peer = path.join(root, 'bench', 'lint-peer.cjs');

const tools = {
	'docker-helper': (paths) => [cli, 'lint', ...paths, '--no-engine', '--no-fail', '--format', 'json'],
	dockerfilelint: (paths) => [peer, 'dockerfilelint', ...paths],
	'dockerfile-utils': (paths) => [peer, 'dockerfile-utils', ...paths],
};

function once(args) {
	const r = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M %e', process.execPath, ...args], {
		encoding: 'utf8',
		maxBuffer: 1 << 30,
		env: {...process.env, NO_COLOR: '1'},
		cwd: tmp,
	});
	const m = /TIME ([\d.]+) ([\d.]+) (\d+) ([\d.]+)\s*$/.exec(r.stderr);
	if (!m) throw new Error(`${args.slice(0, 3).join(' ')}: no timing (exit ${r.status}): ${r.stderr.slice(-400)}`);
	const crashes = /crashes=(\d+)/.exec(r.stderr);
	return {cpu: Number(m[1]) + Number(m[2]), rssMiB: Number(m[3]) / 1024, wall: Number(m[4]), crashes: crashes ? Number(crashes[1]) : 0, status: r.status};
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function measure(args) {
	once(args); // warm the page cache
	const rs = Array.from({length: RUNS}, () => once(args));
	return {cpu: median(rs.map((r) => r.cpu)), wall: median(rs.map((r) => r.wall)), rssMiB: Math.max(...rs.map((r) => r.rssMiB)), crashes: rs[0].crashes};
}

// 1. the corpus
const corpusRows = {};
for (const [name, argv] of Object.entries(tools)) corpusRows[name] = measure(argv(files));

// 2. scale: corpus files concatenated up to N lines (each one brings its own FROM, so they are multi-stage files)
const allLines = files.flatMap((f) => readFileSync(f, 'utf8').split(/\r?\n/));
function fileOf(n) {
	const out = [];
	while (out.length < n) out.push(...allLines.slice(0, n - out.length));
	const p = path.join(tmp, `Dockerfile.${n}`);
	writeFileSync(p, out.join('\n') + '\n');
	return p;
}
const one = path.join(tmp, 'Dockerfile.1');
writeFileSync(one, 'FROM scratch\n');
const sizes = [1000, 10_000, 100_000];
const scale = {};
for (const [name, argv] of Object.entries(tools)) {
	const base = measure(argv([one]));
	scale[name] = {base, sizes: sizes.map((n) => ({lines: n, ...measure(argv([fileOf(n)]))}))};
}
rmSync(tmp, {recursive: true, force: true});

const anchor = corpusRows.dockerfilelint;
const fmt = (x, d = 2) => x.toFixed(d);
const out = [];
out.push(
	`Measured by \`node bench/lint-scale.mjs ${RUNS}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: medians of ${RUNS} runs after one warm-up, Node ${process.version}, ${os.cpus().length} CPUs, load average at the end ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' / ')}.`,
);
out.push(
	'',
	`### Corpus: ${files.length} files, one process each`,
	'',
	'| tool | CPU s | files/s (CPU) | × dockerfilelint | wall s | peak RSS MiB | files it crashed on |',
	'|---|---:|---:|---:|---:|---:|---:|',
);
for (const [name, r] of Object.entries(corpusRows))
	out.push(
		`| ${name} | ${fmt(r.cpu)} | ${Math.round(files.length / r.cpu)} | ${fmt(anchor.cpu / r.cpu)} | ${fmt(r.wall)} | ${fmt(r.rssMiB, 0)} | ${r.crashes} |`,
	);
out.push(
	'',
	'### One file of 1k, 10k, 100k lines',
	'',
	'| tool | lines | CPU s | peak RSS MiB | µs per line, net of a one-line run | × its 1k cost per line | RSS × dockerfilelint |',
	'|---|---:|---:|---:|---:|---:|---:|',
);
for (const [name, s] of Object.entries(scale)) {
	const perLine = s.sizes.map((x) => (Math.max(0, x.cpu - s.base.cpu) / x.lines) * 1e6);
	s.sizes.forEach((x, i) =>
		out.push(
			`| ${name} | ${x.lines} | ${fmt(x.cpu)} | ${fmt(x.rssMiB, 0)} | ${fmt(perLine[i], 1)} | ${perLine[0] > 0 ? fmt(perLine[i] / perLine[0]) : '—'} | ${fmt(x.rssMiB / scale.dockerfilelint.sizes[i].rssMiB)} |`,
		),
	);
	out.push(`| ${name} | 1 (start-up) | ${fmt(s.base.cpu)} | ${fmt(s.base.rssMiB, 0)} | | | |`);
}
console.log(out.join('\n'));
if (process.argv.includes('--json')) console.log(JSON.stringify({corpus: corpusRows, scale}, null, 2));
