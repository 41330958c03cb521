#!/usr/bin/env node
/**
 * diagnose benchmarks on the real engine (npm run build first):
 *  1. diagnose on a container with 1 GiB of logs: wall time and peak memory
 *     (targets: < 1 s, < 150 MiB), against `docker inspect` + `docker logs --tail 200`.
 *  2. diagnose --all over 100 stopped containers, against `docker inspect` + `docker logs --tail 200`
 *     for each of the same containers, in the same run.
 *  3. top-cause accuracy over the whole scenario catalogue (scripts/diagnose-scenarios.mjs), each
 *     failure made on the engine and diagnosed as soon as it happened; then `diagnose --all`, and every
 *     container again after the engine's event history was flooded: do the verdicts hold?
 *  4. the false-error rate on healthy and benign containers: every log of the benign corpus
 *     (test/fixtures/diagnose/benign) printed by a real container, once still running and once exited 0,
 *     with the catalogue's fine containers.
 * Each part writes its own "### " subsection under "## diagnose" in bench/RESULTS.md (the others stay).
 * Removes everything it creates (containers named dh-dg-bench-…).
 *
 *   node bench/diagnose.mjs [--parts big-log,many,catalogue,benign] [--log-bytes 1073741824] [--containers 100] [--runs 5]
 */
import {execFile, execFileSync, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {SCENARIOS, buildImages, cleanup as cleanupScenarios, floodEvents, startScenarios} from '../scripts/diagnose-scenarios.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const HOOK = path.join(ROOT, 'bench', 'rss-hook.mjs');
const FIXTURE = 'docker-helper-fixture/busybox:1';
const arg = (name, def) => {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? def : Number(process.argv[i + 1]);
};
const LOG_BYTES = arg('log-bytes', 1024 ** 3);
const COUNT = arg('containers', 100);
const RUNS = arg('runs', 5);
const PARTS = (() => {
	const i = process.argv.indexOf('--parts');
	return i === -1 ? ['big-log', 'many', 'catalogue', 'benign'] : process.argv[i + 1].split(',');
})();
const tag = `dh-dg-bench-${randomBytes(3).toString('hex')}`;
const created = [];
const execFileP = promisify(execFile);

const docker = (args, opts = {}) =>
	execFileSync('docker', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, ...opts}).trim();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const mib = (kb) => (kb / 1024).toFixed(0);

function cleanup() {
	for (let i = 0; i < created.length; i += 50) spawnSync('docker', ['rm', '-f', '-v', ...created.slice(i, i + 50)], {stdio: 'ignore'});
	created.length = 0;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		cleanup();
		process.exit(130);
	});
}

/** Run the built CLI once; wall time and peak RSS of that process. */
function cli(args) {
	const t0 = process.hrtime.bigint();
	const r = spawnSync(process.execPath, ['--import', HOOK, CLI, ...args], {
		encoding: 'utf8',
		env: {...process.env, NO_COLOR: '1'},
		maxBuffer: 512 * 1024 * 1024,
	});
	const wall = ms(t0);
	const rss = Number(/__MAXRSS_KB__ (\d+)/.exec(r.stderr)?.[1] ?? NaN);
	const cpu = Number(/__CPU_MS__ (\d+)/.exec(r.stderr)?.[1] ?? NaN);
	if (r.status !== 0 && r.status !== 1) throw new Error(`diagnose failed (${r.status}): ${r.stderr.slice(0, 500)}`);
	return {wall, rss, cpu, stdout: r.stdout};
}

function cliPair(name) {
	const t0 = process.hrtime.bigint();
	// Containers of others on the shared engine may be gone by now: the call still costs what it costs.
	spawnSync('docker', ['inspect', name], {stdio: 'ignore'});
	spawnSync('docker', ['logs', '--tail', '200', name], {stdio: 'ignore'});
	return ms(t0);
}

async function bigLog() {
	const name = `${tag}-biglog`;
	created.push(name);
	const line = 'INFO 2026-01-01 request handled path=/api/v1/items status=200 duration_ms=12 user=42 trace=abcdef0123456789';
	console.error(`writing ${(LOG_BYTES / 1024 ** 3).toFixed(2)} GiB of log output…`);
	const t0 = process.hrtime.bigint();
	docker([
		'run',
		'-d',
		'--name',
		name,
		'--label',
		'docker-helper-bench=diagnose',
		FIXTURE,
		'sh',
		'-c',
		`yes '${line}' | head -c ${LOG_BYTES}; echo 'FATAL: cannot open /data/db: Permission denied' >&2; exit 1`,
	]);
	docker(['wait', name]);
	const writeSeconds = ms(t0) / 1000;
	// The engine copies the two streams separately: the stderr line written right after the flood
	// of stdout can land thousands of lines before the end of the log. diagnose also reads the
	// stderr tail on its own, so it still finds it.
	const logPath = docker(['inspect', '--format', '{{.LogPath}}', name]);
	const logFileBytes = existsSync(logPath) ? statSync(logPath).size : null;
	const runs = [];
	const cliRuns = [];
	for (let i = 0; i < RUNS; i++) {
		runs.push(cli(['diagnose', name, '--json']));
		cliRuns.push(cliPair(name));
	}
	const top = JSON.parse(runs[0].stdout).result.reports[0].findings[0]?.id ?? '(none)';
	cleanup();
	return {
		writeSeconds,
		logFileBytes,
		wall: median(runs.map((r) => r.wall)),
		cpu: median(runs.map((r) => r.cpu)),
		rss: Math.max(...runs.map((r) => r.rss)),
		cli: median(cliRuns),
		top,
	};
}

async function manyStopped() {
	console.error(`creating ${COUNT} stopped containers…`);
	const names = Array.from({length: COUNT}, (_, i) => `${tag}-stopped-${i}`);
	created.push(...names);
	let next = 0;
	const worker = async () => {
		while (next < names.length) {
			const n = names[next++];
			await execFileP('docker', [
				'run',
				'--name',
				n,
				'--label',
				'docker-helper-bench=diagnose',
				FIXTURE,
				'sh',
				'-c',
				`echo "job ${n} starting"; echo "Error: connect ECONNREFUSED 127.0.0.1:5432" >&2; exit 1`,
			]).catch(() => undefined);
		}
	};
	await Promise.all(Array.from({length: 6}, worker));
	const runs = [];
	for (let i = 0; i < Math.min(RUNS, 3); i++) runs.push(cli(['diagnose', '--all', '--json']));
	const doc = JSON.parse(runs[0].stdout);
	const reported = doc.result.reports.map((r) => r.container.name);
	const ours = reported.filter((n) => n.startsWith(tag)).length;
	// The plain CLI for the same containers, one after another, as a user would script it.
	const t0 = process.hrtime.bigint();
	for (const n of reported) cliPair(n);
	const cliSerial = ms(t0);
	// And the same two calls per container with the concurrency diagnose uses (8).
	const t1 = process.hrtime.bigint();
	let k = 0;
	await Promise.all(
		Array.from({length: 8}, async () => {
			while (k < reported.length) {
				const n = reported[k++];
				await execFileP('docker', ['inspect', n]).catch(() => undefined);
				await execFileP('docker', ['logs', '--tail', '200', n], {maxBuffer: 64 * 1024 * 1024}).catch(() => undefined);
			}
		}),
	);
	const cliParallel = ms(t1);
	cleanup();
	return {
		reported: reported.length,
		ours,
		wall: median(runs.map((r) => r.wall)),
		cpu: median(runs.map((r) => r.cpu)),
		rss: Math.max(...runs.map((r) => r.rss)),
		cliSerial,
		cliParallel,
	};
}

/** `diagnose <name> --json` without blocking the loop (scenarios are diagnosed while others still start). */
async function diagnoseJson(args) {
	const t0 = process.hrtime.bigint();
	const r = await execFileP(process.execPath, [CLI, 'diagnose', ...args, '--json'], {
		env: {...process.env, NO_COLOR: '1'},
		maxBuffer: 256 * 1024 * 1024,
		timeout: 600_000,
	}).catch((error) => error);
	let doc;
	try {
		doc = JSON.parse(r.stdout);
	} catch {
		throw new Error(`diagnose ${args.join(' ')} gave no JSON (${r.signal ?? r.code ?? 'exit 0'}): ${String(r.stderr ?? '').slice(0, 300)}`);
	}
	if (doc.error) throw new Error(`diagnose ${args.join(' ')}: ${doc.error.message}`);
	return {doc, wall: ms(t0)};
}

/** The verdict a report gives: the top finding, and whether any finding is an error. */
function verdict(report) {
	if (!report || !Array.isArray(report.findings)) throw new Error(`diagnose gave no report: ${JSON.stringify(report).slice(0, 300)}`);
	const top = report.findings[0] ?? null;
	return {top: top?.id ?? null, severity: top?.severity ?? null, errors: report.findings.filter((f) => f.severity === 'error').map((f) => f.id)};
}

/** Right when expect is the top finding; for expect null (a fine container), right when no finding is an error. */
const right = (expect, v) => (expect === null ? v.errors.length === 0 : v.top === expect);

async function catalogue() {
	console.error(`making the ${SCENARIOS.length} scenarios of the catalogue happen…`);
	buildImages([...new Set(SCENARIOS.flatMap((s) => s.images ?? []))]);
	const nameOf = (s) => `${tag}-sc-${s.id}`;
	const first = new Map();
	const t0 = process.hrtime.bigint();
	// What the container is at that moment: a verdict may only change when this changes (a process that ended on its own, a restart).
	const stateOf = async (name) =>
		(await execFileP('docker', ['inspect', '-f', '{{.State.Status}} {{.State.ExitCode}} {{.State.FinishedAt}} {{.RestartCount}}', name])).stdout.trim();
	const states = new Map();
	const started = await startScenarios(
		SCENARIOS,
		nameOf,
		async (s, name) => {
			first.set(s.id, verdict((await diagnoseJson([name])).doc.result.reports[0]));
			states.set(s.id, await stateOf(name));
		},
		6,
	);
	const makeSeconds = ms(t0) / 1000;
	const missing = started.results.flatMap((r, i) =>
		r.status === 'rejected' ? [{id: SCENARIOS[i].id, why: r.reason.message.split('\n')[0].slice(0, 160)}] : [],
	);
	try {
		const happened = SCENARIOS.filter((s) => first.has(s.id));
		const wrong = happened
			.filter((s) => !right(s.expect, first.get(s.id)))
			.map((s) => ({id: s.id, expect: s.expect, got: first.get(s.id).top, errors: first.get(s.id).errors}));
		// --all agrees with <name> for every container it lists (fine containers are not listed).
		const all = await diagnoseJson(['--all']).then(
			(r) => r.doc.result.reports,
			(error) => (console.error(`diagnose --all: ${error.message}`), []),
		);
		const byName = new Map(all.map((r) => [r.container.name, verdict(r)]));
		const listed = happened.filter((s) => byName.has(nameOf(s)));
		const disagree = listed
			.filter((s) => byName.get(nameOf(s)).top !== first.get(s.id).top)
			.map((s) => `${s.id}: ${first.get(s.id).top} / --all ${byName.get(nameOf(s)).top}`);
		// The engine forgets events after a few hundred: flood it, then diagnose every container again.
		console.error('flooding the engine with 300 create/rm cycles…');
		await floodEvents(`${tag}-flood`, 300);
		const again = new Map();
		let k = 0;
		await Promise.all(
			Array.from({length: 6}, async () => {
				while (k < happened.length) {
					const s = happened[k++];
					again.set(s.id, {...verdict((await diagnoseJson([nameOf(s)])).doc.result.reports[0]), moved: (await stateOf(nameOf(s))) !== states.get(s.id)});
				}
			}),
		);
		// Stability is judged on the containers that did not change meanwhile (same status, exit code, FinishedAt,
		// restart count): a crash loop restarts, a running sleep may end, and then a new verdict is right.
		const unchanged = happened.filter((s) => !again.get(s.id).moved);
		const moved = happened
			.filter((s) => again.get(s.id).moved)
			.map(
				(s) =>
					`${s.id}${again.get(s.id).top !== first.get(s.id).top ? ` (${first.get(s.id).top ?? 'no finding'} → ${again.get(s.id).top ?? 'no finding'})` : ''}`,
			);
		const changed = unchanged
			.filter((s) => again.get(s.id).top !== first.get(s.id).top || again.get(s.id).severity !== first.get(s.id).severity)
			.map((s) => `${s.id}: ${first.get(s.id).top} → ${again.get(s.id).top}`);
		const wrongAfter = unchanged.filter((s) => !right(s.expect, again.get(s.id))).map((s) => s.id);
		return {
			total: SCENARIOS.length,
			happened: happened.length,
			missing,
			wrong,
			rightCount: happened.length - wrong.length,
			real: happened.filter((s) => !s.simulated),
			simulated: happened.filter((s) => s.simulated),
			wrongIds: new Set(wrong.map((w) => w.id)),
			listed: listed.length,
			disagree,
			changed,
			unchanged: unchanged.length,
			moved,
			rightAfter: unchanged.length - wrongAfter.length,
			wrongAfter,
			makeSeconds,
		};
	} finally {
		cleanupScenarios(SCENARIOS.map(nameOf), started.extra);
	}
}

async function benign() {
	const dir = path.join(ROOT, 'test', 'fixtures', 'diagnose', 'benign');
	const logs = readdirSync(dir).filter((f) => f.endsWith('.log'));
	console.error(`printing the ${logs.length} benign logs from real containers, running and exited 0…`);
	const cases = logs.flatMap((file) => [
		{file, running: true, name: `${tag}-ok-run-${file.replace(/\W+/g, '-')}`},
		{file, running: false, name: `${tag}-ok-exit-${file.replace(/\W+/g, '-')}`},
	]);
	created.push(...cases.map((c) => c.name));
	const results = [];
	let k = 0;
	await Promise.all(
		Array.from({length: 6}, async () => {
			while (k < cases.length) {
				const c = cases[k++];
				// The program's own output, printed as it would have printed it; the recording's "# " comments left out.
				const script = `grep -v '^# ' /benign.log${c.running ? '; exec sleep 600' : ''}`;
				await execFileP('docker', ['create', '--name', c.name, '--label', 'docker-helper-bench=diagnose', FIXTURE, 'sh', '-c', script]);
				await execFileP('docker', ['cp', path.join(dir, c.file), `${c.name}:/benign.log`]);
				await execFileP('docker', ['start', c.name]);
				for (let i = 0; i < 100; i++) {
					const state = (await execFileP('docker', ['inspect', '-f', '{{.State.Status}}', c.name])).stdout.trim();
					if (c.running ? state === 'running' : state === 'exited') break;
					await new Promise((r) => setTimeout(r, 200));
				}
				// Running: give the log a moment to be written, as a user would look at a started service.
				if (c.running) await new Promise((r) => setTimeout(r, 1500));
				const v = verdict((await diagnoseJson([c.name])).doc.result.reports[0]);
				results.push({...c, ...v});
			}
		}),
	);
	cleanup();
	return {logs: logs.length, results: results.sort((a, b) => a.name.localeCompare(b.name))};
}

/** Write one "### " subsection under "## diagnose" in bench/RESULTS.md, replacing the one of the same heading. */
function save(heading, lines) {
	const file = path.join(ROOT, 'bench', 'RESULTS.md');
	let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
	if (!/^## diagnose$/m.test(text)) text = `${text.trimEnd()}\n\n## diagnose\n`;
	const block = `${heading}\n\n${lines.join('\n').trimEnd()}\n`;
	const start = text.indexOf(`\n${heading}\n`);
	if (start !== -1) {
		// Up to the next heading of this level or above.
		const rest = text.slice(start + 1 + heading.length);
		const end = rest.search(/\n#{2,3} /);
		text = `${text.slice(0, start + 1)}${block}${end === -1 ? '' : rest.slice(end)}`;
	} else {
		const section = text.indexOf('\n## diagnose\n');
		const after = text.slice(section + 13);
		const next = after.search(/\n## /);
		const at = next === -1 ? text.length : section + 13 + next;
		text = `${text.slice(0, at).trimEnd()}\n\n${block}${text.slice(at)}`;
	}
	writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
	console.log(block);
}

const pct = (n, d) => (d === 0 ? '—' : `${((n * 100) / d).toFixed(1)} %`);
const load = os
	.loadavg()
	.map((x) => x.toFixed(1))
	.join(' / ');
try {
	const engine = docker(['version', '--format', '{{.Server.Version}}']);
	const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
	const measured = (part) =>
		`Measured ${when} UTC by \`node bench/diagnose.mjs --parts ${part}\` on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Docker Engine ${engine}, Node ${process.version}; load average at the start ${load} (the machine and engine are shared with other work).`;
	const sections = {
		set(heading, lines) {
			save(heading, lines);
		},
	};
	let cat = null;
	if (PARTS.includes('big-log')) {
		const a = await bigLog();
		sections.set('### One container with a big log', [
			measured('big-log'),
			"Wall time includes Node start-up; peak memory is the CLI process's max RSS.",
			'',
			'| case | docker-helper | plain docker CLI, same container | target |',
			'|---|---|---|---|',
			`| \`diagnose\` on a container with ${(LOG_BYTES / 1024 ** 3).toFixed(2)} GiB of log output (json-file log ${a.logFileBytes ? `${(a.logFileBytes / 1024 ** 3).toFixed(2)} GiB` : 'size unknown'}); median of ${RUNS} | ${a.wall.toFixed(0)} ms wall (${a.cpu} ms CPU), peak ${mib(a.rss)} MiB | \`docker inspect\` + \`docker logs --tail 200\`: ${a.cli.toFixed(0)} ms (${(a.wall / a.cli).toFixed(1)}x) | < 1 s, < 150 MiB |`,
			'',
			`Target (< 1 s, < 150 MiB): memory ${a.rss / 1024 < 150 ? 'met' : 'NOT met'} (${mib(a.rss)} MiB); time ${a.wall < 1000 ? 'met' : `NOT met in wall time on this run (${(a.wall / 1000).toFixed(2)} s with the machine's load average at ${load.split(' / ')[0]}); the CPU time it used was ${(a.cpu / 1000).toFixed(2)} s, most of it Node start-up and loading dockerode, not reading the log`}.`,
			`Top finding: \`${a.top}\` (its last line, after the whole log of noise, is the evidence: logs are read from the tail only). Writing the log took ${a.writeSeconds.toFixed(0)} s.`,
		]);
	}
	if (PARTS.includes('many')) {
		const b = await manyStopped();
		sections.set('### diagnose --all over 100 containers', [
			measured('many'),
			'',
			'| case | docker-helper | plain docker CLI, same containers, same run |',
			'|---|---|---|',
			`| \`diagnose --all\` over ${b.reported} troubled containers (${b.ours} stopped ones made by the bench, the rest already on the shared engine); median of ${Math.min(RUNS, 3)} | ${b.wall.toFixed(0)} ms wall (${b.cpu} ms CPU), peak ${mib(b.rss)} MiB | \`docker inspect\` + \`docker logs --tail 200\` per container: ${b.cliSerial.toFixed(0)} ms one after another (docker-helper takes ${(b.wall / b.cliSerial).toFixed(2)}x of it), ${b.cliParallel.toFixed(0)} ms 8 at a time (${(b.wall / b.cliParallel).toFixed(2)}x) |`,
			'',
			'The docker-helper numbers include what the plain CLI calls do not: the image inspect, the engine events, host facts and every rule; the CLI calls only fetch the raw inspect document and log lines.',
		]);
	}
	if (PARTS.includes('catalogue')) {
		cat = await catalogue();
		const realRight = cat.real.filter((s) => !cat.wrongIds.has(s.id)).length;
		const simRight = cat.simulated.filter((s) => !cat.wrongIds.has(s.id)).length;
		sections.set('### Top-cause accuracy over the scenario catalogue', [
			measured('catalogue'),
			`Every scenario of \`scripts/diagnose-scenarios.mjs\` made to happen on the engine (${cat.makeSeconds.toFixed(0)} s for all of them, 6 at a time), and \`diagnose <name> --json\` (the built CLI) run as soon as it had happened. Right: the expected rule is the top finding; for the fine containers (expected: none), no finding of error severity.`,
			'',
			'| | scenarios | right | accuracy |',
			'|---|---|---|---|',
			`| whole catalogue | ${cat.happened} of ${cat.total} happened | ${cat.rightCount} | ${pct(cat.rightCount, cat.happened)} |`,
			`| real engine behaviour | ${cat.real.length} | ${realRight} | ${pct(realRight, cat.real.length)} |`,
			`| recorded program output printed by the fixture | ${cat.simulated.length} | ${simRight} | ${pct(simRight, cat.simulated.length)} |`,
			`| the same containers again, after 300 create/rm cycles flooded the engine's event history (those that had not changed meanwhile) | ${cat.unchanged} | ${cat.rightAfter} | ${pct(cat.rightAfter, cat.unchanged)} |`,
			'',
			cat.wrong.length
				? `Wrong: ${cat.wrong.map((w) => `\`${w.id}\` (expected ${w.expect ?? 'no error'}, got ${w.got ?? 'nothing'}${w.expect === null ? `; errors ${w.errors.join(', ')}` : ''})`).join('; ')}.`
				: 'Wrong: none.',
			cat.missing.length
				? `Did not happen on this run (not counted): ${cat.missing.map((m) => `\`${m.id}\` (${m.why})`).join('; ')}.`
				: 'Every scenario happened.',
			`Verdicts that hold: after the flood, ${cat.unchanged - cat.changed.length} of the ${cat.unchanged} containers that had not changed meanwhile had the same top finding and severity${cat.changed.length ? ` (changed: ${cat.changed.join('; ')})` : ''}. ${cat.moved.length ? `Changed by themselves meanwhile, so not counted: ${cat.moved.join(', ')}.` : ''} \`diagnose --all\` listed ${cat.listed} of them and agreed with \`diagnose <name>\` on ${cat.listed - cat.disagree.length}${cat.disagree.length ? ` (disagreed: ${cat.disagree.join('; ')})` : ''}.`,
		]);
	}
	if (PARTS.includes('benign')) {
		const z = await benign();
		const falseErrors = z.results.filter((r) => r.errors.length > 0);
		const warned = z.results.filter((r) => r.errors.length === 0 && r.top !== null && r.severity !== 'info');
		const fine = cat ? [...cat.real, ...cat.simulated].filter((s) => s.expect === null) : [];
		const fineWrong = fine.filter((s) => cat.wrongIds.has(s.id));
		sections.set('### False errors on healthy and benign containers', [
			measured(cat ? 'catalogue,benign' : 'benign'),
			`Each of the ${z.logs} logs of \`test/fixtures/diagnose/benign/\` (start-up and steady-state output of working programs, with the warnings they print when healthy) printed by a real container, once still running and once exited 0, then \`diagnose <name> --json\`. A false error: any finding of error severity on such a container.`,
			'',
			'| containers | count | with an error finding | false-error rate |',
			'|---|---|---|---|',
			`| benign logs, running and exited 0 | ${z.results.length} | ${falseErrors.length} | ${pct(falseErrors.length, z.results.length)} |`,
			...(cat
				? [
						`| the catalogue's fine containers (${fine.map((s) => `\`${s.id}\``).join(', ')}) | ${fine.length} | ${fineWrong.length} | ${pct(fineWrong.length, fine.length)} |`,
					]
				: []),
			'',
			falseErrors.length
				? `False errors: ${falseErrors.map((r) => `${r.file} (${r.running ? 'running' : 'exited 0'}): ${r.errors.join(', ')}`).join('; ')}.`
				: 'False errors: none.',
			warned.length
				? `Warnings (not errors) on benign containers: ${warned.map((r) => `${r.file} (${r.running ? 'running' : 'exited 0'}): ${r.top}`).join('; ')}.`
				: 'No warning either: every benign container got no finding above info.',
		]);
	}
} finally {
	cleanup();
}
