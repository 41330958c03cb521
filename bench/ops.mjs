#!/usr/bin/env node
// Benchmark: the monitor's own cost with N running containers (CPU while idle, resident memory over
// time) against `docker stats` watching the same containers in the same run, and `images` /
// `monitor --once` against the docker CLI commands that answer the same question.
// Usage: node bench/ops.mjs [--containers 50] [--seconds 60] [--runs 5]   (needs the engine: scripts/engine.sh)
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const count = opt('--containers', 50);
const seconds = opt('--seconds', 60);
const runs = opt('--runs', 5);
const prefix = `dh-op-bench-${randomBytes(3).toString('hex')}`;
const TICK = 100; // USER_HZ on Linux

/** utime+stime (ms) and VmRSS (MiB) of one process, from /proc. */
function sample(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICK;
	const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return {cpuMs, rssMiB: rss ? Number(rss[1]) / 1024 : NaN};
}

/** Run a watcher for `seconds`; CPU % over the window after a 10 s warm-up, RSS at points in time. */
async function watch(label, cmd, args) {
	const child = spawn(cmd, args, {stdio: ['ignore', 'ignore', 'ignore'], env: {...process.env, NO_COLOR: '1'}});
	const points = [];
	const start = Date.now();
	let warm = null;
	while (Date.now() - start < seconds * 1000) {
		await new Promise((r) => setTimeout(r, 5000));
		const s = sample(child.pid);
		const t = Math.round((Date.now() - start) / 1000);
		points.push({t, ...s});
		if (warm === null && t >= 10) warm = {t: Date.now(), cpuMs: s.cpuMs};
	}
	const end = sample(child.pid);
	child.kill('SIGINT');
	await new Promise((r) => child.once('exit', r));
	const idleCpu = warm ? (100 * (end.cpuMs - warm.cpuMs)) / (Date.now() - warm.t) : NaN;
	return {label, idleCpu, points};
}

function median(label, cmd, args) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const t0 = process.hrtime.bigint();
		const r = spawnSync(cmd, args, {stdio: 'ignore', env: {...process.env, NO_COLOR: '1'}});
		if (r.status !== 0) throw new Error(`${label} failed (${r.status})`);
		times.push(Number(process.hrtime.bigint() - t0) / 1e6);
	}
	times.sort((a, b) => a - b);
	return {label, ms: times[Math.floor(times.length / 2)]};
}

const names = Array.from({length: count}, (_, i) => `${prefix}-${i}`);
try {
	process.stderr.write(`starting ${count} containers…\n`);
	for (const n of names)
		execFileSync('docker', ['run', '-d', '--name', n, '--network', 'none', '--memory', '32m', 'docker-helper-fixture/busybox:1', 'sleep', '3600'], {
			stdio: 'ignore',
		});
	const total = execFileSync('docker', ['ps', '-q'], {encoding: 'utf8'}).trim().split('\n').length;
	process.stderr.write(`watching ${total} running containers for ${seconds} s each…\n`);
	const monitor = await watch('docker-helper monitor --json (stream)', process.execPath, [cli, 'monitor', '--json']);
	const stats = await watch('docker stats (stream, anchor)', 'docker', ['stats', '--format', '{{.Name}} {{.CPUPerc}} {{.MemUsage}}']);
	const lists = [
		median('docker-helper images --json', process.execPath, [cli, 'images', '--json']),
		median('docker system df -v (anchor)', 'docker', ['system', 'df', '-v']),
		median('docker images', 'docker', ['images']),
		median('docker-helper monitor --once --json', process.execPath, [cli, 'monitor', '--once', '--json']),
		median('docker stats --no-stream', 'docker', ['stats', '--no-stream']),
	];
	const at = (w, t) => w.points.find((p) => p.t >= t)?.rssMiB.toFixed(1) ?? '—';
	const out = [];
	out.push(
		`${total} running containers (${count} started by the bench), ${seconds} s per watcher, node ${process.version}, engine ${execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], {encoding: 'utf8'}).trim()}`,
	);
	out.push('');
	out.push('| watcher | CPU while idle (after 10 s) | RSS at 10 s | RSS at 30 s | RSS at end | CPU ratio to docker stats |');
	out.push('|---|---|---|---|---|---|');
	for (const w of [monitor, stats])
		out.push(
			`| ${w.label} | ${w.idleCpu.toFixed(2)} % | ${at(w, 10)} MiB | ${at(w, 30)} MiB | ${w.points.at(-1).rssMiB.toFixed(1)} MiB | ${(w.idleCpu / stats.idleCpu).toFixed(2)} |`,
		);
	out.push('');
	out.push(`| command (median of ${runs}) | wall | ratio to docker system df -v |`);
	out.push('|---|---|---|');
	const anchor = lists[1].ms;
	for (const l of lists) out.push(`| ${l.label} | ${l.ms.toFixed(0)} ms | ${(l.ms / anchor).toFixed(2)} |`);
	out.push('');
	out.push(`RSS over time, monitor: ${monitor.points.map((p) => `${p.t}s ${p.rssMiB.toFixed(1)}`).join(', ')} (MiB)`);
	process.stdout.write(`${out.join('\n')}\n`);
} finally {
	spawnSync('docker', ['rm', '-f', ...names], {stdio: 'ignore'});
}
