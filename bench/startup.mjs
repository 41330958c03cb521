// Start-up benchmark: docker-helper --version, validate --json and the first frame of the menu,
// each as a ratio to `node -e 0` measured in the same run. Writes bench/RESULTS.md's "## startup" section.
// Usage: node bench/startup.mjs [runs]   (needs a built dist/ and, for validate, a reachable engine)
import {spawn, spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 20);

function timeOnce(args) {
	const start = process.hrtime.bigint();
	const r = spawnSync(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1'}});
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	if (r.error) throw r.error;
	return ms;
}

/**
 * Time from spawn until `Enter run` (the menu's first frame) appears on a real pty (util-linux `script`,
 * sized with stty). The same wrapper around a bare `node` that prints the marker is the baseline.
 */
function firstFrameOnce(program = `${process.execPath} ${cli}`) {
	return new Promise((resolve, reject) => {
		const start = process.hrtime.bigint();
		const child = spawn('script', ['-qfec', `stty cols 120 rows 40; ${program}`, '/dev/null'], {
			stdio: ['pipe', 'pipe', 'ignore'],
			env: {...process.env, TERM: 'xterm-256color'},
		});
		child.stdin.on('error', () => undefined); // the baseline exits before we send q
		let seen = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error('no first frame within 10 s'));
		}, 10_000);
		child.stdout.on('data', (d) => {
			seen += d.toString();
			if (seen.includes('Enter run')) {
				const ms = Number(process.hrtime.bigint() - start) / 1e6;
				clearTimeout(timer);
				child.stdin.write('q');
				setTimeout(() => child.kill('SIGKILL'), 200);
				resolve(ms);
			}
		});
	});
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
};

async function measure(fn) {
	await fn(); // warm the file cache
	const xs = [];
	for (let i = 0; i < runs; i++) xs.push(await fn());
	return median(xs);
}

const base = await measure(() => timeOnce(['-e', '0']));
const version = await measure(() => timeOnce([cli, '--version']));
const help = await measure(() => timeOnce([cli, '--help']));
const engineUp = spawnSync('docker', ['version'], {stdio: 'ignore'}).status === 0;
const validate = engineUp ? await measure(() => timeOnce([cli, 'validate', '--json'])) : null;
const hasScript = spawnSync('script', ['--version'], {stdio: 'ignore'}).status === 0;
const frame = hasScript ? await measure(() => firstFrameOnce()) : null;
const frameBase = hasScript
	? await measure(() => firstFrameOnce(`${process.execPath} -e "process.stdout.write('Enter run'); setTimeout(() => {}, 300)"`))
	: null;

const row = (name, ms) => (ms === null ? `| ${name} | not measured | |` : `| ${name} | ${ms.toFixed(1)} ms | ${(ms / base).toFixed(2)}x |`);
const section = [
	'## startup',
	'',
	`Measured by \`node bench/startup.mjs ${runs}\` on ${new Date().toISOString().slice(0, 10)}: median of ${runs} runs after one warm-up, Node ${process.version}, ${(await import('node:os')).cpus().length} cores.`,
	'',
	'| command | median | ratio to `node -e 0` |',
	'| --- | --- | --- |',
	row('`node -e 0`', base),
	row('`docker-helper --version`', version),
	row('`docker-helper --help`', help),
	row('`docker-helper validate --json` (real engine)', validate),
	frame === null
		? row('first frame of the menu (pty)', null)
		: `| first frame of the menu (pty) | ${frame.toFixed(1)} ms | ${(frame / frameBase).toFixed(2)}x (to bare node printing on the same pty: ${frameBase.toFixed(1)} ms) |`,
	'',
	'Target: `--version` within 1.5x of bare Node.',
	'',
].join('\n');
console.log(section);

const results = path.join(root, 'bench', 'RESULTS.md');
let text = existsSync(results) ? readFileSync(results, 'utf8') : '# Benchmark results\n\nEach section is written by its script in bench/.\n\n';
const re = /## startup\n[\s\S]*?(?=\n## |$)/;
text = re.test(text) ? text.replace(re, section.trimEnd() + '\n') : `${text.trimEnd()}\n\n${section}`;
writeFileSync(results, text.endsWith('\n') ? text : `${text}\n`);
