import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/core/diagnose/diagnose.js';
import {CODE_RULES, RULES} from '../../../source/core/diagnose/rules/index.js';
import type {Rule} from '../../../source/core/diagnose/types.js';
import {logLine, recording, recordings, variant} from './fixtures.js';

const rule = (id: string): Rule => RULES.find((r) => r.id === id)!;
const fires = (id: string, facts: Parameters<Rule['diagnose']>[0]) => rule(id).diagnose(facts) !== null;

describe('diagnose over recorded real failures', () => {
	it('has recordings', () => expect(recordings.length).toBeGreaterThanOrEqual(30));

	for (const r of recordings) {
		it(`${r.scenario}: ${r.expect ? `top finding is ${r.expect}` : 'no error-severity finding'}`, () => {
			const d = diagnose(r.facts);
			if (r.expect === null) expect(d.findings.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual([]);
			else expect(d.findings[0]?.id).toBe(r.expect);
		});
	}
});

/**
 * Per code rule: the recordings where it must fire and ones where it must stay silent, declared in the
 * rule's own file (its `cases`). Every rule fires on at least one real recording.
 */
const TABLE = Object.fromEntries(CODE_RULES.map((r) => [r.id, r.cases!]));

describe('each rule over recordings (table)', () => {
	for (const [id, cases] of Object.entries(TABLE)) {
		describe(id, () => {
			for (const s of cases.fires) it(`fires on ${s}`, () => expect(fires(id, recording(s).facts)).toBe(true));
			for (const s of cases.silent) it(`stays silent on ${s}`, () => expect(fires(id, recording(s).facts)).toBe(false));
		});
	}
});

describe('the rule registry', () => {
	it('lists every rule once, each in its own file with a table entry', () => {
		const ids = RULES.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of CODE_RULES.map((r) => r.id)) {
			expect(existsSync(path.resolve('source/core/diagnose/rules', `${id}.ts`)), id).toBe(true);
			expect(TABLE[id], `${id} has no table cases`).toBeDefined();
		}
	});

	it('every rule but runtime-dependency-missing fires on a real recording', () => {
		// runtime-dependency-missing (Ruby, Java, PHP, Go, shared libraries) has synthetic cases only, below.
		for (const r of CODE_RULES.filter((x) => x.id !== 'runtime-dependency-missing')) expect(TABLE[r.id]!.fires.length, r.id).toBeGreaterThan(0);
	});

	it('every finding carries evidence with the docker command that shows it, and at least one fix', () => {
		for (const r of recordings) {
			for (const f of diagnose(r.facts).findings) {
				expect(f.evidence.length, `${r.scenario}/${f.id}`).toBeGreaterThan(0);
				for (const e of f.evidence) expect(e.command, `${r.scenario}/${f.id}`).toMatch(/^(docker|df) /);
				expect(f.fixes.length).toBeGreaterThan(0);
				expect(f.explanation.length).toBeGreaterThan(40);
			}
		}
	});
});

describe('evidence details from the recordings', () => {
	it('OOM: names the limit and shows the oom events', () => {
		const f = rule('oom-killed').diagnose(recording('oom-killed').facts)!;
		expect(f.title).toContain('16 MiB');
		expect(f.evidence.some((e) => e.kind === 'event' && e.label === 'oom')).toBe(true);
	});

	it('stop timeout: SIGTERM then SIGKILL from the events, with the wait', () => {
		const f = rule('sigkill').diagnose(recording('sigkill-stop-timeout').facts)!;
		expect(f.evidence.filter((e) => e.kind === 'event').map((e) => e.value)).toEqual(expect.arrayContaining(['signal=15', 'signal=9']));
		expect(f.title).toMatch(/ignored SIGTERM for 1 s/);
	});

	it('exec format error: the binary is arm64 (ELF header), the engine amd64', () => {
		const facts = recording('exec-format-error').facts;
		expect(facts.executable?.elfArch).toBe('arm64');
		const f = rule('exec-format-error').diagnose(facts)!;
		expect(f.title).toContain(`Built for arm64, but this engine runs ${facts.host.arch}`);
	});

	it('CRLF: shows the first line with its \\r', () => {
		const f = rule('crlf-script').diagnose(recording('crlf-entrypoint').facts)!;
		expect(f.evidence.some((e) => e.kind === 'file' && e.value.includes('\\r'))).toBe(true);
	});

	it('host port: names the container that holds the port', () => {
		const facts = recording('host-port-allocated').facts;
		const f = rule('host-port-allocated').diagnose(facts)!;
		expect(facts.portHolders.length).toBeGreaterThan(0);
		expect(f.title).toContain(facts.portHolders[0]!.name);
	});

	it('health probe missing: the probe output is the evidence', () => {
		const f = rule('healthcheck-probe-missing').diagnose(recording('healthcheck-probe-missing').facts)!;
		expect(f.title).toContain('curl');
		expect(f.evidence.some((e) => e.kind === 'probe' && /curl/.test(e.value))).toBe(true);
	});

	it('volume permission: the mount and the container user', () => {
		const f = rule('volume-permission').diagnose(recording('volume-permission').facts)!;
		expect(f.title).toMatch(/volume \/data for user 1000/);
		expect(f.fixes.some((x) => x.command?.includes('chown -R 1000:1000'))).toBe(true);
	});

	it('no space: the tmpfs, and the data-root free space as evidence', () => {
		const f = rule('no-space').diagnose(recording('no-space').facts)!;
		expect(f.title).toContain('/cache');
		expect(f.evidence.some((e) => e.kind === 'host' && /free space/.test(e.label))).toBe(true);
	});

	it('localhost mistake: explains that localhost is the container itself', () => {
		const f = rule('connection-refused').diagnose(recording('connection-refused-localhost').facts)!;
		expect(f.title).toMatch(/localhost inside a container/);
		expect(f.fixes.some((x) => x.command?.includes('host-gateway'))).toBe(true);
	});

	it('unexplained failure: says so and shows the error-looking lines, no guess', () => {
		const d = diagnose(recording('unexplained-exit').facts);
		expect(d.findings).toEqual([]);
		expect(d.failed).toBe(true);
		expect(d.unexplained?.errorLines.map((l) => l.text)).toContain('giving up');
	});

	it('healthy containers: nothing failed', () => {
		for (const s of ['healthy-running', 'healthy-healthcheck', 'one-shot-exit-zero']) expect(diagnose(recording(s).facts).failed, s).toBe(false);
	});

	it('secrets in env are redacted in the recording', () => {
		const env = recording('missing-env-var').facts.container.env;
		expect(env).toContain('API_TOKEN=[redacted]');
		expect(JSON.stringify(recordings)).not.toMatch(/ghp_[A-Za-z0-9]{20,}/);
	});
});

describe('synthetic variants: the rules do NOT fire without their evidence', () => {
	it('oom-killed needs OOMKilled or an oom event', () => {
		expect(
			fires(
				'oom-killed',
				variant('oom-killed', (f) => ((f.state.oomKilled = false), (f.events.list = []))),
			),
		).toBe(false);
	});

	it('without events, exit 137 keeps its verdict at low confidence and names the possible senders', () => {
		const facts = variant('sigkill-stop-timeout', (f) => (f.events.list = []));
		const fresh = diagnose(recording('sigkill-stop-timeout').facts).findings[0]!;
		const gone = diagnose(facts).findings[0]!;
		expect([gone.id, gone.severity]).toEqual([fresh.id, fresh.severity]);
		expect(gone.confidence).toBe('low');
		expect(gone.title).toMatch(/docker stop after its 10 s timeout \(likely: PID 1 ignores SIGTERM\) or docker kill/);
		expect(fresh.title).toMatch(/PID 1 ignored SIGTERM/);
	});

	it('events that no longer cover the last run prove nothing: a kept die without its start is not "no kill request"', () => {
		const facts = variant(
			'sigkill-stop-timeout',
			(f) => (f.events.list = f.events.list.filter((e: {action: string}) => e.action === 'die' || e.action === 'stop')),
		);
		const d = diagnose(facts).findings[0]!;
		expect(d.id).toBe('sigkill');
		expect(d.confidence).toBe('low');
		expect(d.title).not.toMatch(/outside the engine/);
	});

	it('crlf-script needs the \\r', () => {
		expect(
			fires(
				'crlf-script',
				variant('crlf-entrypoint', (f) => ((f.executable.crlf = false), (f.executable.firstLine = '#!/bin/sh'))),
			),
		).toBe(false);
	});

	it('exec-format-error: same architecture and a shebang → medium confidence, no foreign-arch claim', () => {
		const f = rule('exec-format-error').diagnose(variant('exec-format-error', (x) => (x.executable.elfArch = x.host.arch)))!;
		expect(f.title).not.toMatch(/Built for/);
		expect(f.confidence).toBe('medium');
	});

	it('missing-env-var stays silent when the variable is set', () => {
		expect(
			fires(
				'missing-env-var',
				variant('missing-env-var', (f) => f.container.env.push('DATABASE_URL=postgres://db/app')),
			),
		).toBe(false);
	});

	it('exit-zero-service stays silent for a one-shot with no ports, health check or restart policy', () => {
		expect(fires('exit-zero-service', recording('one-shot-exit-zero').facts)).toBe(false);
		expect(
			fires(
				'exit-zero-service',
				variant('one-shot-exit-zero', (f) => (f.restartPolicy.name = 'always')),
			),
		).toBe(true);
	});

	it('fatal-signal ignores ordinary words like "aborted" with a plain exit 1', () => {
		expect(
			fires(
				'fatal-signal',
				variant('unexplained-exit', (f) => ((f.state.exitCode = 1), (f.logs.lines = [logLine('request aborted by client')]))),
			),
		).toBe(false);
		expect(
			fires(
				'fatal-signal',
				variant('unexplained-exit', (f) => ((f.state.exitCode = 1), (f.logs.lines = [logLine('Segmentation fault (core dumped)')]))),
			),
		).toBe(true);
	});

	it('a crash loop caught in the moment it is up is still a crash loop (error), and its log is not downgraded', () => {
		const up = variant('crash-loop', (f) => {
			Object.assign(f.state, {running: true, restarting: false, status: 'running', exitCode: 0, startedAt: f.capturedAt});
			f.events.list = [];
			f.logs.lines.push(logLine("ModuleNotFoundError: No module named 'yaml'"));
		});
		const d = diagnose(up);
		expect(d.findings.find((x) => x.id === 'crash-loop')?.severity).toBe('error');
		expect(d.findings.find((x) => x.id === 'python-module-missing')?.severity).toBe('error');
		expect(d.failed).toBe(true);
		// Restarts long ago and up since: a warning, not a loop.
		const settled = variant('crash-loop', (f) => {
			Object.assign(f.state, {running: true, restarting: false, status: 'running', exitCode: 0, finishedAt: '2020-01-01T00:00:00Z'});
			f.events.list = [];
		});
		expect(rule('crash-loop').diagnose(settled)?.severity).toBe('warning');
	});

	it('exit 0 under --restart always: exit-zero-service, not a crash loop, running or restarting', () => {
		const facts = recording('exit-zero-restart-always').facts;
		expect(diagnose(facts).findings[0]?.id).toBe('exit-zero-service');
		expect(fires('crash-loop', facts)).toBe(false);
		const up = variant('exit-zero-restart-always', (f) =>
			Object.assign(f.state, {running: true, restarting: false, status: 'running', startedAt: f.capturedAt}),
		);
		expect(diagnose(up).findings[0]?.id).toBe('exit-zero-service');
		// A job (not a daemon) that exits 0 under always: a warning, still not a crash.
		const job = variant('exit-zero-restart-always', (f) => {
			Object.assign(f.state, {running: true, restarting: true, status: 'restarting', exitCode: 0});
			f.container.path = 'sh';
			f.container.args = ['-c', 'echo migrated'];
		});
		expect(diagnose(job).findings[0]).toMatchObject({id: 'exit-zero-service', severity: 'warning'});
	});

	it('on-failure:N used up: the crash loop says the engine gave up', () => {
		const f = rule('crash-loop').diagnose(recording('on-failure-exhausted').facts)!;
		expect(f.title).toMatch(/Gave up after 3 restarts: the on-failure:3 limit is used up/);
	});

	it('a clean exit 0 after a long run is a stop, with or without the events; a short one of a service is suspicious', () => {
		const fresh = diagnose(recording('stopped-clean-exit').facts);
		const gone = diagnose(variant('stopped-clean-exit', (f) => (f.events.list = [])));
		expect(fresh.findings[0]).toMatchObject({id: 'stopped-sigterm', severity: 'info', confidence: 'high'});
		expect(gone.findings[0]).toMatchObject({id: 'stopped-sigterm', severity: 'info', confidence: 'medium'});
		expect(gone.failed).toBe(false);
	});

	it('crash-loop needs restarts', () => {
		expect(
			fires(
				'crash-loop',
				variant('crash-loop', (f) => ((f.restartCount = 0), (f.restartPolicy.name = 'no'), (f.events.list = []), (f.state.restarting = false))),
			),
		).toBe(false);
	});

	it('a running, healthy container: log-only findings are downgraded to warnings', () => {
		const facts = variant('healthy-running', (f) => f.logs.lines.push(logLine("wget: can't connect to remote host (127.0.0.1): Connection refused")));
		const d = diagnose(facts);
		expect(d.findings[0]?.id).toBe('connection-refused');
		expect(d.findings[0]?.severity).toBe('warning');
		expect(d.failed).toBe(false);
	});

	it('connection refused to a named service is not the localhost mistake', () => {
		const f = rule('connection-refused').diagnose(
			variant('connection-refused-localhost', (x) => (x.logs.lines = [logLine('Error: connect ECONNREFUSED 172.18.0.3:5432')])),
		)!;
		expect(f.title).toContain('172.18.0.3:5432');
		expect(f.title).not.toMatch(/localhost/);
	});

	it('dns-failure on the default bridge says names do not resolve there', () => {
		const f = rule('dns-failure').diagnose(variant('dns-failure', (x) => ((x.network.mode = 'default'), (x.network.networks = ['bridge']))))!;
		expect(f.title).toMatch(/default bridge network has no name resolution/);
	});
});

describe('synthetic cases for signatures the fixture image cannot produce', () => {
	const withLog = (text: string) => variant('unexplained-exit', (f) => (f.logs.lines = [logLine(text)]));
	it.each([
		["ModuleNotFoundError: No module named 'cv2'", 'python-module-missing', 'opencv-python-headless'],
		["ModuleNotFoundError: No module named 'PIL'", 'python-module-missing', 'pillow'],
		["ModuleNotFoundError: No module named 'sklearn.linear_model'", 'python-module-missing', 'scikit-learn'],
		["ModuleNotFoundError: No module named 'yaml'", 'python-module-missing', 'pyyaml'],
		["Error: Cannot find module '@nestjs/core/router'", 'node-module-missing', '@nestjs/core'],
		["Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'fastify' imported from /app/index.js", 'node-module-missing', 'fastify'],
		['/usr/local/bundle/gems/x.rb:1: cannot load such file -- pg (LoadError)', 'runtime-dependency-missing', 'pg'],
		['Error: Could not find or load main class com.example.App', 'runtime-dependency-missing', 'com.example.App'],
		[
			'/app/server: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory',
			'runtime-dependency-missing',
			'libssl.so.3',
		],
		['Error: getaddrinfo ENOTFOUND redis', 'dns-failure', 'redis'],
		['dial tcp: lookup postgres on 127.0.0.11:53: no such host', 'dns-failure', 'postgres'],
		['Error: listen EADDRINUSE: address already in use :::3000', 'app-port-bind', '3000'],
		['Error: listen EACCES: permission denied 0.0.0.0:80', 'app-port-bind', '80'],
		['Error: DATABASE_URL environment variable is not set', 'missing-env-var', 'DATABASE_URL'],
		['Error: Database is uninitialized and superuser password is not specified.', 'missing-env-var', 'POSTGRES_PASSWORD'],
		['Exception in thread "main" java.lang.OutOfMemoryError: Java heap space', 'app-oom', 'JVM'],
		['MemoryError', 'app-oom', 'Python'],
		["OSError: [Errno 28] No space left on device: '/var/lib/app/x'", 'no-space', 'No space'],
	])('%s → %s', (text, id, mentions) => {
		const d = diagnose(withLog(text));
		expect(d.findings[0]?.id).toBe(id);
		expect(JSON.stringify(d.findings[0])).toContain(mentions);
	});
});

describe('docs/diagnose.md', () => {
	it('lists every finding id in the generated table', async () => {
		const {readFileSync, writeFileSync} = await import('node:fs');
		const {FAMILIES} = await import('../../../source/core/diagnose/signatures/index.js');
		const cell = (t: string) => t.replace(/\|/g, '\\|');
		const rows = ['| id | kind | runtime / source | what it finds |', '|---|---|---|---|'];
		for (const r of CODE_RULES) rows.push(`| \`${r.id}\` | ${r.kind} | rule (state) | ${cell(r.description)} |`);
		for (const fam of FAMILIES)
			for (const s of fam.signatures)
				rows.push(
					`| \`${s.id}\` | ${s.kind ?? 'cause'} | ${fam.id}: ${s.runtime}${s.on === 'state-error' ? ' (State.Error)' : ''} | ${cell(s.title.replace(/\{\d\}/g, '…').replace(/\{(name|image)\}/g, 'the container'))} |`,
				);
		const file = path.resolve('docs/diagnose.md');
		const doc = readFileSync(file, 'utf8');
		const [start, end] = ['<!-- findings:start -->', '<!-- findings:end -->'];
		const fresh = `${doc.slice(0, doc.indexOf(start) + start.length)}\n${rows.join('\n')}\n${doc.slice(doc.indexOf(end))}`;
		if (process.env['UPDATE_DOCS'] === '1') writeFileSync(file, fresh);
		expect(fresh === doc, 'docs/diagnose.md is stale: UPDATE_DOCS=1 npx vitest run test/core/diagnose/rules.test.ts').toBe(true);
		for (const r of RULES) expect(doc, r.id).toContain(`\`${r.id}\``);
	});
});
