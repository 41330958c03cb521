#!/usr/bin/env node
// Benchmark: `docker-helper analyze` on an image of about 1 GB with about 50,000 files, against
// `docker save <image> | tar -t` in the same run (dive is not in Debian, and no other registry that
// carries it is reachable here). Wall time and peak RSS from GNU time (/usr/bin/time).
// Usage: node bench/images.mjs [--files 50000] [--mb 1024] [--keep] [--image <tag>]    (needs the engine: scripts/engine.sh)
// --keep leaves the built image; --image measures one built before (by --keep) instead of building.
import {execFileSync, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const files = arg('--files', 50_000);
const mb = arg('--mb', 1024);
const reuse = argv.includes('--image') ? argv[argv.indexOf('--image') + 1] : undefined;
const keep = argv.includes('--keep') || reuse !== undefined;
const tag = reuse ?? `dh-im-bench-${randomBytes(3).toString('hex')}:1`;

// Layer 1: `big` files of 1 MiB make up most of the bytes, the rest are 4 KiB files in 100 directories.
// Layer 2 overwrites 2,000 small files and deletes 50 big ones, so wasted bytes and whiteouts are exercised.
const big = Math.max(1, Math.floor((mb * 1024 * 1024 - files * 4096) / (1024 * 1024)));
const small = files - big;
const dockerfile = `FROM docker-helper-fixture/busybox:1
RUN mkdir -p /data/big && i=0; while [ $i -lt ${big} ]; do head -c 1048576 /dev/zero > /data/big/f$i; i=$((i+1)); done; \\
    d=0; while [ $d -lt 100 ]; do mkdir -p /data/s/d$d; d=$((d+1)); done; \\
    i=0; while [ $i -lt ${small} ]; do head -c 4096 /dev/zero > /data/s/d$((i % 100))/f$i; i=$((i+1)); done
RUN i=0; while [ $i -lt 2000 ]; do echo x > /data/s/d$((i % 100))/f$i; i=$((i+1)); done; i=0; while [ $i -lt 50 ]; do rm /data/big/f$i; i=$((i+1)); done
`;

function timed(label, cmd, args) {
	const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, env: {...process.env, NO_COLOR: '1'}});
	const last = r.stderr.trim().split('\n').pop() ?? '';
	const [wall, rss] = last.split(' ').map(Number);
	return {label, wall, rssMiB: rss / 1024, code: r.status};
}

const dir = mkdtempSync(path.join(tmpdir(), 'dh-im-bench-'));
try {
	writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
	if (!reuse) {
		process.stderr.write(`building ${tag}: ${big} files of 1 MiB and ${small} of 4 KiB…\n`);
		execFileSync('docker', ['build', '-q', '-t', tag, dir], {stdio: ['ignore', 'ignore', 'inherit'], env: {...process.env, DOCKER_BUILDKIT: '0'}});
	}
	const size = Number(execFileSync('docker', ['image', 'inspect', '--format', '{{.Size}}', tag], {encoding: 'utf8'}));
	const summary = JSON.parse(execFileSync(process.execPath, [cli, 'analyze', tag, '--json'], {encoding: 'utf8', maxBuffer: 1 << 28})).result.summary;
	const rows = [];
	for (let run = 0; run < 2; run++) {
		rows.push(timed('docker save | tar -t (anchor)', 'sh', ['-c', `docker save ${tag} | tar -t > /dev/null`]));
		rows.push(timed('docker-helper analyze --json', process.execPath, [cli, 'analyze', tag, '--json']));
		rows.push(timed('docker-helper analyze (text)', process.execPath, [cli, 'analyze', tag]));
	}
	const best = (label) => rows.filter((r) => r.label === label).sort((a, b) => a.wall - b.wall)[0];
	const anchor = best('docker save | tar -t (anchor)');
	const load = execFileSync('cat', ['/proc/loadavg'], {encoding: 'utf8'}).split(' ').slice(0, 3).join(' / ');
	console.log(`\n## images: analyze (bench/images.mjs)\n`);
	console.log(`Measured by \`node bench/images.mjs\` on ${new Date().toISOString().slice(0, 10)}: an image of ${(size / 1024 / 1024).toFixed(0)} MiB (docker images) with ${summary.files} files in its final filesystem, two layers on top of the busybox fixture (the second overwrites 2,000 files and deletes 50 of 1 MiB); best of 2 runs, wall time as a ratio to \`docker save | tar -t\` in the same run (dive is not in Debian and no registry that carries it is reachable here). Peak RSS from GNU time. Node ${process.version}, ${execFileSync('nproc', {encoding: 'utf8'}).trim()} cores, load average ${load}. analyze found ${(summary.wastedBytes / 1024 / 1024).toFixed(1)} MiB wasted, efficiency ${(summary.efficiency * 100).toFixed(1)}%.\n`);
	console.log('| command | wall s | × anchor | peak RSS MiB |');
	console.log('|---|---:|---:|---:|');
	for (const label of ['docker save | tar -t (anchor)', 'docker-helper analyze --json', 'docker-helper analyze (text)']) {
		const r = best(label);
		console.log(`| ${label} | ${r.wall.toFixed(2)} | ${(r.wall / anchor.wall).toFixed(2)} | ${r.rssMiB.toFixed(0)} |`);
	}
	console.log(`\nTarget: peak RSS under 200 MiB for this image: ${best('docker-helper analyze --json').rssMiB < 200 ? 'met' : 'NOT met'}.`);
} finally {
	rmSync(dir, {recursive: true, force: true});
	if (!keep) spawnSync('docker', ['rmi', '-f', tag], {stdio: 'ignore'});
}
