// Knowledge benchmark: explain / guides wall time and peak memory from the built CLI
// (loading every content file, parsing front matter, rendering Markdown).
// Writes bench/RESULTS.md's "## knowledge" section.
// Usage: node bench/knowledge.mjs [runs]   (needs a built dist/)
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 10);
const hasTime = existsSync('/usr/bin/time');

function once(args, env = {}) {
	const cmd = hasTime ? '/usr/bin/time' : process.execPath;
	const argv = hasTime ? ['-f', '%M %U %S', process.execPath, ...args] : args;
	const start = process.hrtime.bigint();
	const r = spawnSync(cmd, argv, {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}, maxBuffer: 64 * 1024 * 1024});
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	if (r.error) throw r.error;
	if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	const [kb, user, sys] = hasTime ? r.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
	return {ms, kb, cpu: (user + sys) * 1000, bytes: r.stdout.length};
}

function measure(args, env) {
	once(args, env); // warm-up
	const samples = Array.from({length: runs}, () => once(args, env));
	const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	return {ms: med(samples.map((s) => s.ms)), cpu: med(samples.map((s) => s.cpu)), mb: med(samples.map((s) => s.kb)) / 1024, bytes: samples[0].bytes};
}

const rows = [
	['`node -e 0`', measure(['-e', '0'])],
	['`docker-helper --version` (CLI shell)', measure([cli, '--version'])],
	['`explain --list`', measure([cli, 'explain', '--list'])],
	['`explain copy-on-write`', measure([cli, 'explain', 'copy-on-write'])],
	['`explain copy-on-write` (colour)', measure([cli, 'explain', 'copy-on-write'], {NO_COLOR: '', FORCE_COLOR: '1'})],
	['`explain all`', measure([cli, 'explain', 'all'])],
	['`explain all` (colour)', measure([cli, 'explain', 'all'], {NO_COLOR: '', FORCE_COLOR: '1'})],
	['`debug-guide --json`', measure([cli, 'debug-guide', '--json'])],
];

const base = rows[0][1].cpu;
const section = [
	'## knowledge',
	'',
	`Measured by \`node bench/knowledge.mjs ${runs}\` on ${new Date().toISOString().slice(0, 10)}: median of ${runs} runs after one warm-up, Node ${process.version}, ${os.cpus().length} cores${hasTime ? '; peak RSS from /usr/bin/time' : ''}. Load average at the end: ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(
			' / ',
		)} (the machine is shared, so wall times are noisy; CPU time is the steadier column). Every run reads and parses all content files; output size is the stdout length.`,
	'',
	'Most of the time above `--version` is loading `yaml` (front matter) and `marked` (Markdown), which are imported only by explain and the guides, so other commands do not pay for them; parsing the 20 files and rendering all of them take tens of milliseconds in-process.',
	'',
	'| command | median wall | median CPU (user+sys) | CPU ratio to `node -e 0` | peak RSS | output |',
	'| --- | --- | --- | --- | --- | --- |',
	...rows.map(
		([name, r]) =>
			`| ${name} | ${r.ms.toFixed(0)} ms | ${Number.isFinite(r.cpu) ? `${r.cpu.toFixed(0)} ms` : 'n/a'} | ${Number.isFinite(r.cpu) ? `${(r.cpu / base).toFixed(2)}x` : 'n/a'} | ${Number.isFinite(r.mb) ? `${r.mb.toFixed(1)} MB` : 'n/a'} | ${(r.bytes / 1024).toFixed(1)} KiB |`,
	),
	'',
].join('\n');
console.log(section);

const results = path.join(root, 'bench', 'RESULTS.md');
let text = existsSync(results) ? readFileSync(results, 'utf8') : '# Benchmark results\n\nEach section is written by its script in bench/.\n\n';
const re = /## knowledge\n[\s\S]*?(?=\n## |$)/;
text = re.test(text) ? text.replace(re, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`;
writeFileSync(results, text.endsWith('\n') ? text : `${text}\n`);
