// Templates benchmark: copy-dockerfile and generate-dockerignore wall time and peak memory,
// on a small project and on a large tree (the bounded walk must keep the latter cheap).
// Writes bench/RESULTS.md's "## templates" section.
// Usage: node bench/templates.mjs [runs]   (needs a built dist/)
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 10);
const hasTime = existsSync('/usr/bin/time');

function once(args, cwd) {
	const cmd = hasTime ? '/usr/bin/time' : process.execPath;
	const argv = hasTime ? ['-f', '%M', process.execPath, ...args] : args;
	const start = process.hrtime.bigint();
	const r = spawnSync(cmd, argv, {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	if (r.error) throw r.error;
	const kb = hasTime ? Number(r.stderr.trim().split('\n').at(-1)) : NaN;
	return {ms, kb};
}

function measure(args, cwd) {
	once(args, cwd); // warm-up
	const samples = Array.from({length: runs}, () => once(args, cwd));
	const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	return {ms: med(samples.map((s) => s.ms)), mb: med(samples.map((s) => s.kb)) / 1024};
}

function tree(files) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-'));
	for (const f of files) {
		mkdirSync(path.dirname(path.join(dir, f)), {recursive: true});
		writeFileSync(path.join(dir, f), '');
	}
	return dir;
}

const small = tree(['package.json', 'requirements.txt', 'src/app.py', 'src/util.py', 'README.md']);
// A large monorepo: 40,000 files under node_modules, 6,000 source files in 600 directories, 6 levels deep.
const big = [];
for (let i = 0; i < 400; i++) for (let j = 0; j < 100; j++) big.push(`node_modules/pkg${i}/lib/f${j}.js`);
for (let i = 0; i < 600; i++) for (let j = 0; j < 10; j++) big.push(`services/s${i % 20}/a/b/c/d${i}/f${j}.py`);
big.push('services/s1/go.mod', 'web/package.json', 'pom.xml');
const large = tree(big);

const rows = [
	['`node -e 0`', measure(['-e', '0'], small)],
	['`copy-dockerfile --list`', measure([cli, 'copy-dockerfile', '--list'], small)],
	['`copy-dockerfile --variant slim --stdout`', measure([cli, 'copy-dockerfile', '--variant', 'slim', '--stdout'], small)],
	['`generate-dockerignore --stdout` (5 files)', measure([cli, 'generate-dockerignore', '--stdout'], small)],
	[`\`generate-dockerignore --stdout\` (${big.length.toLocaleString('en')} files)`, measure([cli, 'generate-dockerignore', '--stdout'], large)],
];
rmSync(small, {recursive: true, force: true});
rmSync(large, {recursive: true, force: true});

const base = rows[0][1].ms;
const section = [
	'## templates',
	'',
	`Measured by \`node bench/templates.mjs ${runs}\` on ${new Date().toISOString().slice(0, 10)}: median of ${runs} runs after one warm-up, Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end${hasTime ? '; peak RSS from /usr/bin/time' : ''}.`,
	'',
	'| command | median | ratio to `node -e 0` | peak RSS |',
	'| --- | --- | --- | --- |',
	...rows.map(([name, r]) => `| ${name} | ${r.ms.toFixed(1)} ms | ${(r.ms / base).toFixed(2)}x | ${Number.isFinite(r.mb) ? `${r.mb.toFixed(1)} MB` : 'n/a'} |`),
	'',
	'The large tree is skipped below node_modules (and other dependency/cache directories) and walked 3 levels deep, at most 5,000 entries: its cost stays close to the small project.',
	'',
].join('\n');
console.log(section);

const results = path.join(root, 'bench', 'RESULTS.md');
let text = existsSync(results) ? readFileSync(results, 'utf8') : '# Benchmark results\n\nEach section is written by its script in bench/.\n\n';
const re = /## templates\n[\s\S]*?(?=\n## |$)/;
text = re.test(text) ? text.replace(re, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`;
writeFileSync(results, text.endsWith('\n') ? text : `${text}\n`);
