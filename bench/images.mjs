#!/usr/bin/env node
// Benchmark: `docker-helper analyze` on an image of about 1 GB with about 50,000 files, against
// `docker save <image> | tar -t` and `docker history` in the same run (dive is not in Debian, and no
// other registry that carries it is reachable here, so the engine's own layer sizes stand in for it).
// Wall time and peak RSS from GNU time (/usr/bin/time).
// Usage: node bench/images.mjs [--files 50000] [--mb 1024] [--runs 3] [--keep] [--image <tag>]    (needs the engine: scripts/engine.sh)
// --keep leaves the built image; --image measures one built before (by --keep) instead of building.
import {execFileSync, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {timed} from './support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const files = arg('--files', 50_000);
const runs = arg('--runs', 3);
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

const dir = mkdtempSync(path.join(tmpdir(), 'dh-im-bench-'));
try {
	writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
	if (!reuse) {
		process.stderr.write(`building ${tag}: ${big} files of 1 MiB and ${small} of 4 KiB…\n`);
		execFileSync('docker', ['build', '-q', '-t', tag, dir], {stdio: ['ignore', 'ignore', 'inherit'], env: {...process.env, DOCKER_BUILDKIT: '0'}});
	}
	const size = Number(execFileSync('docker', ['image', 'inspect', '--format', '{{.Size}}', tag], {encoding: 'utf8'}));
	const analysis = JSON.parse(execFileSync(process.execPath, [cli, 'analyze', tag, '--json'], {encoding: 'utf8', maxBuffer: 1 << 28})).result;
	const summary = analysis.summary;
	// dive cannot be installed here: the engine's own per-layer sizes (docker history) are the comparison.
	const history = execFileSync('docker', ['history', '--no-trunc', '--human=false', '--format', '{{.Size}}\t{{.CreatedBy}}', tag], {encoding: 'utf8'})
		.trim()
		.split('\n')
		.reverse()
		.map((line) => ({size: Number(line.split('\t')[0]), createdBy: line.split('\t').slice(1).join('\t')}));
	const labels = ['docker save | tar -t (anchor)', 'docker history --no-trunc', 'docker-helper analyze --json', 'docker-helper analyze (text)'];
	const rows = [];
	for (let run = 0; run < runs; run++) {
		rows.push(timed(labels[0], 'sh', ['-c', `docker save ${tag} | tar -t > /dev/null`]));
		rows.push(timed(labels[1], 'docker', ['history', '--no-trunc', tag]));
		rows.push(timed(labels[2], process.execPath, [cli, 'analyze', tag, '--json']));
		rows.push(timed(labels[3], process.execPath, [cli, 'analyze', tag]));
	}
	const of = (label) => rows.filter((r) => r.label === label);
	const bestWall = (label) => Math.min(...of(label).map((r) => r.wall));
	const peakRss = (label) => Math.max(...of(label).map((r) => r.rssMiB));
	const anchor = bestWall(labels[0]);
	const load = execFileSync('cat', ['/proc/loadavg'], {encoding: 'utf8'}).split(' ').slice(0, 3).join(' / ');
	const cell = (label) => label.replace(/\|/g, '\\|');
	console.log(`\n## images: analyze (bench/images.mjs)\n`);
	console.log(
		`Measured by \`node bench/images.mjs\` on ${new Date().toISOString().slice(0, 10)}: an image of ${(size / 1024 / 1024).toFixed(0)} MiB (docker images) with ${summary.files} files in its final filesystem, two layers on top of the busybox fixture (the second overwrites 2,000 files and deletes 50 of 1 MiB); ${runs} runs, wall time the best run as a ratio to \`docker save | tar -t\` in the same run, peak RSS the highest of the runs (GNU time). dive is not in Debian and no registry that carries it is reachable here, so it could not be run: the engine's \`docker history\` is the comparison, for time and for each layer's size. Node ${process.version}, ${execFileSync('nproc', {encoding: 'utf8'}).trim()} cores, load average ${load}. analyze found ${(summary.wastedBytes / 1024 / 1024).toFixed(1)} MiB wasted, efficiency ${(summary.efficiency * 100).toFixed(1)}%, ${summary.layers} layers (docker history: ${history.length}).\n`,
	);
	console.log('| command | wall s | × anchor | peak RSS MiB |');
	console.log('|---|---:|---:|---:|');
	for (const label of labels)
		console.log(
			`| ${cell(label)} | ${bestWall(label).toFixed(2)} | ${bestWall(label) / anchor < 0.01 ? '< 0.01' : (bestWall(label) / anchor).toFixed(2)} | ${peakRss(label).toFixed(0)} |`,
		);
	console.log(
		"\nLayer sizes, bytes: docker history (the engine's diff size) against analyze (the sum of the file sizes in the layer tar, as dive counts them).\n",
	);
	console.log('| layer | instruction | docker history | analyze | difference |');
	console.log('|---:|---|---:|---:|---:|');
	for (const [i, layer] of analysis.layers.entries()) {
		const h = history[i];
		console.log(
			`| ${i} | ${cell(layer.command.slice(0, 50))}${layer.command.length > 50 ? '…' : ''} | ${h ? h.size : '(none)'} | ${layer.size} | ${h ? layer.size - h.size : ''} |`,
		);
	}
	console.log(`\nTarget: peak RSS under 200 MiB for this image: ${peakRss(labels[2]) < 200 && peakRss(labels[3]) < 200 ? 'met' : 'NOT met'}.`);
} finally {
	rmSync(dir, {recursive: true, force: true});
	if (!keep) spawnSync('docker', ['rmi', '-f', tag], {stdio: 'ignore'});
}
