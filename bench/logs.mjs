#!/usr/bin/env node
// Benchmark: `docker-helper logs` on a container with a large json-file log, against the
// docker CLI in the same run. Wall time and peak RSS come from GNU time (/usr/bin/time).
// Usage: node bench/logs.mjs [--mb 256] [--keep]     (needs the engine: scripts/engine.sh)
import {execFileSync, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {timed} from './support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const argv = process.argv.slice(2);
const mb = Number(argv[argv.indexOf('--mb') + 1] ?? 0) || 256;
const keep = argv.includes('--keep');
const name = `dhtest-bench-logs-${randomBytes(3).toString('hex')}`;
const lines = Math.round((mb * 1024 * 1024) / 1000);

try {
	process.stderr.write(`writing ${mb} MB of log lines into ${name}…\n`);
	execFileSync(
		'docker',
		['run', '-d', '--name', name, 'docker-helper-fixture/busybox:1', 'sh', '-c', `yes "$(printf '%0999d' 0) password=hunter2" | head -n ${lines}; echo LAST`],
		{stdio: 'ignore'},
	);
	execFileSync('docker', ['wait', name], {stdio: 'ignore'});
	const logPath = execFileSync('docker', ['inspect', '--format', '{{.LogPath}}', name], {encoding: 'utf8'}).trim();
	let size = 'unknown';
	try {
		size = `${(Number(execFileSync('stat', ['-c', '%s', logPath], {encoding: 'utf8'})) / 1024 / 1024).toFixed(0)} MiB`;
	} catch {
		// no stat(1): the size stays unknown
	}
	const rows = [
		timed('docker-helper logs --tail 200', process.execPath, [cli, 'logs', name, '--tail', '200']),
		timed('docker logs --tail 200', 'docker', ['logs', '--tail', '200', name]),
		timed('docker-helper logs (all, redacted)', process.execPath, [cli, 'logs', name]),
		timed('docker-helper logs --no-redact (all)', process.execPath, [cli, 'logs', name, '--no-redact']),
		timed('docker logs (all)', 'docker', ['logs', name]),
		timed('docker-helper logs --grep LAST (all)', process.execPath, [cli, 'logs', name, '--grep', 'LAST']),
		timed('docker logs, piped to grep LAST', 'sh', ['-c', `docker logs ${name} 2>&1 | grep LAST`]),
	];
	console.log(`\nlogs on a ${mb} MB log (${lines} lines of ~1 KB; json-file ${size}), ${new Date().toISOString()}\n`);
	console.log('| command | wall s | peak RSS MiB |');
	console.log('|---|---:|---:|');
	for (const r of rows) console.log(`| ${r.label} | ${r.wall.toFixed(2)} | ${r.rssMiB.toFixed(0)} |`);
} finally {
	if (!keep) spawnSync('docker', ['rm', '-f', name], {stdio: 'ignore'});
}
