/**
 * Fuzz: mutated corpus files (test/fixtures/fuzz) through the lexer, parser, lint engine, compose
 * lint, .dockerignore parsing, the redactor and option parsing, in-process through main(). Fixed
 * seed, so a failure names the case that reproduces it. Every case asserts: no throw, valid JSON
 * from --json, an exit code in the documented set (0 ok, 1 failure found, 2 usage, 3 engine).
 *
 * CI size: a few thousand inputs. Nightly size: DOCKER_HELPER_FUZZ=<cases per group> (and
 * DOCKER_HELPER_FUZZ_SEED=<n> for another seed), e.g. DOCKER_HELPER_FUZZ=50000 npx vitest run test/core/fuzz.test.ts
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Writable} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {parseDocument} from 'yaml';
import {main} from '../../source/main.js';
import {lexDockerfile} from '../../source/core/lint/lexer.js';
import {parseDockerfile} from '../../source/core/lint/parse.js';
import {lintSource} from '../../source/core/lint/engine.js';
import {lintCompose} from '../../source/core/lint/compose.js';
import {EMPTY_CONFIG} from '../../source/core/lint/config.js';
import {parseDockerignore, isIgnored} from '../../source/core/lint/dockerignore.js';
import {LineRedactor, redactArgv, redactHostUrl, redactText} from '../../source/core/redact.js';
import {ROOT} from '../support/cli.js';

const SIZE = Number(process.env['DOCKER_HELPER_FUZZ'] ?? '') || 0;
const NIGHTLY = SIZE > 0;
const SEED = Number(process.env['DOCKER_HELPER_FUZZ_SEED'] ?? '') || 0x5eed16;
/** Cases per group: CI runs a few thousand in all. */
const N = {
	core: SIZE || 300,
	cli: SIZE ? Math.ceil(SIZE / 5) : 80,
	compose: SIZE || 250,
	ignore: SIZE || 600,
	redact: SIZE || 1500,
	argv: SIZE ? Math.ceil(SIZE / 5) : 150,
};
const EXIT_CODES = [0, 1, 2, 3];

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'fuzz');
const files = readdirSync(FIXTURES).sort();
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const dockerfiles = files.filter((f) => f.endsWith('.Dockerfile')).map(read);
const composes = files.filter((f) => f.endsWith('.yml')).map(read);
const ignores = files.filter((f) => f.endsWith('.dockerignore')).map(read);

/** mulberry32: small, fast, reproducible. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TOKENS = [
	'\\',
	'\\\n',
	'\n',
	'\r\n',
	'\r',
	'\t',
	' ',
	'"',
	"'",
	'`',
	'$',
	'${',
	'}',
	'${A:-b}',
	'${A:+x}',
	'$$',
	'<<EOF\n',
	'<<-"EOF"\nx\n',
	'\nEOF\n',
	'[',
	']',
	'["sh", "-c"]',
	'#',
	'# syntax=docker/dockerfile:1\n',
	'# escape=`\n',
	'# docker-helper ignore=',
	'# hadolint ignore=DL3008\n',
	'# check=skip=all\n',
	'FROM ',
	'FROM scratch AS a\n',
	'FROM a\n',
	'RUN ',
	'COPY --from=',
	'ADD ',
	'ENV ',
	'ARG ',
	'USER ',
	'WORKDIR ',
	'HEALTHCHECK ',
	'ONBUILD ',
	'SHELL ["/bin/bash","-c"]\n',
	'CMD ',
	'ENTRYPOINT ',
	'EXPOSE 99999/xyz',
	'LABEL a=',
	'--mount=type=cache,target=',
	'apt-get install ',
	'pip install --user ',
	'&&',
	'||',
	';',
	'|',
	'>',
	'2>&1',
	'(',
	')',
	'{',
	'}',
	'=',
	':',
	'@sha256:',
	'\u0000',
	'\u001b[2J',
	'\uFEFF',
	'\u00e9',
	'\uD800',
	'😀',
	'password=hunter2',
	'-----BEGIN RSA PRIVATE KEY-----\n',
	'-----END RSA PRIVATE KEY-----',
	'x'.repeat(300),
];
const YAML_TOKENS = [
	'\n',
	'  ',
	': ',
	'- ',
	'"',
	"'",
	'{',
	'}',
	'[',
	']',
	'&a ',
	'*a',
	'<<: *a',
	'!!binary ',
	'|\n',
	'>-\n',
	'#',
	'---\n',
	'~',
	'null',
	'0x1F',
	'8080:80',
	'"99999:80"',
	'image: ',
	'ports:\n  - ',
	'${X:?e}',
	'\t',
	'\u0000',
];
const IGNORE_TOKENS = [
	'\n',
	'\r\n',
	'!',
	'*',
	'**',
	'?',
	'[',
	']',
	'[!a-z]',
	'\\',
	'/',
	'../',
	'.',
	'#',
	' ',
	'\u00e9',
	'\uFEFF',
	'{a,b}',
	'**/**/**',
	'[\\',
	'\u0000',
];
const SECRETS = [
	'Authorization: bearer abc.def.ghi',
	'PASSWORD=hunter2',
	'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
	'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
	'AIzaSyA-abcdefghijklmnopqrstuvwxyz12345',
	'https://user:pw@example.com/x',
	'https://hooks.slack.com/services/T000/B000/XXXX',
	'-----BEGIN OPENSSH PRIVATE KEY-----',
	'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
	'-----END OPENSSH PRIVATE KEY-----',
	'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
	'PWD=/root',
	'KEYBOARD=us',
	'\u001b]0;t\u0007',
];

function mutate(next: () => number, text: string, tokens: readonly string[]): string {
	let s = text;
	const edits = 1 + Math.floor(next() * 8);
	for (let e = 0; e < edits; e++) {
		const at = Math.floor(next() * (s.length + 1));
		const r = next();
		if (r < 0.35) s = s.slice(0, at) + tokens[Math.floor(next() * tokens.length)]! + s.slice(at);
		else if (r < 0.55) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(next() * 40));
		else if (r < 0.7) {
			// duplicate a span (repeats lines, instructions, continuations)
			const len = Math.floor(next() * 200);
			s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
		} else if (r < 0.8) s = s.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x80)) + s.slice(at + 1);
		else if (r < 0.9)
			s = s.slice(0, at); // truncated file
		else {
			const lines = s.split('\n');
			const i = Math.floor(next() * lines.length);
			const j = Math.floor(next() * lines.length);
			[lines[i], lines[j]] = [lines[j]!, lines[i]!];
			s = lines.join('\n');
		}
	}
	return s;
}

class Sink extends Writable {
	text = '';
	readonly isTTY = false;
	readonly columns = 100;
	override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
		this.text += String(chunk);
		done();
	}
}

const dir = mkdtempSync(path.join(tmpdir(), 'dh-fz-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function run(argv: string[], label: string): Promise<{code: number; stdout: string; stderr: string}> {
	const stdout = new Sink();
	const stderr = new Sink();
	let code: number;
	try {
		code = await main({
			argv,
			// A Docker endpoint that cannot exist: commands that need the engine fail fast with exit 3.
			env: {NO_COLOR: '1', HOME: dir, DOCKER_HOST: `unix://${path.join(dir, 'no-engine.sock')}`, DOCKER_CONFIG: dir, COLUMNS: '100'},
			cwd: dir,
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: stderr as unknown as NodeJS.WriteStream,
			stdinIsTTY: false,
		});
	} catch (error) {
		throw new Error(`${label}: main() threw ${String((error as Error)?.stack ?? error)}`, {cause: error});
	}
	if (!EXIT_CODES.includes(code)) throw new Error(`${label}: exit ${code}\n${stderr.text.slice(0, 500)}`);
	if (/\n\s+at .+:\d+:\d+\)?\n/.test(stdout.text + stderr.text)) throw new Error(`${label}: stack trace in output\n${stderr.text.slice(0, 800)}`);
	return {code, stdout: stdout.text, stderr: stderr.text};
}

function parseJson(text: string, label: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new Error(`${label}: --json output is not JSON: ${text.slice(0, 300)}`, {cause: error});
	}
}

describe(`fuzz (seed ${SEED}${NIGHTLY ? `, nightly size ${SIZE}` : ''})`, {timeout: NIGHTLY ? 0 : 60_000}, () => {
	it('lexer, parser and lint engine never throw on mutated Dockerfiles', async () => {
		const {rules: RULES} = await import('../../source/core/lint/rules/index.js');
		const next = rng(SEED);
		let crashes = 0;
		for (let i = 0; i < N.core; i++) {
			const src = mutate(next, dockerfiles[i % dockerfiles.length]!, TOKENS);
			const label = `dockerfile case ${i}`;
			try {
				lexDockerfile(src);
				parseDockerfile(src, 'Dockerfile');
				const r = lintSource(src, 'Dockerfile', {rules: RULES});
				crashes += r.crashes.length;
				if (r.crashes.length > 0) throw new Error(`rule crashed: ${JSON.stringify(r.crashes)}`);
				JSON.stringify(r.findings);
			} catch (error) {
				throw new Error(`${label}: ${String((error as Error)?.stack ?? error)}\n--- input ---\n${src.slice(0, 2000)}`, {cause: error});
			}
		}
		expect(crashes).toBe(0);
	});

	it('lint --json through main(): valid JSON and a documented exit code', async () => {
		const next = rng(SEED + 1);
		const flagSets = [[], ['--strict-labels'], ['--failure-threshold', 'warning'], ['--format', 'sarif'], ['--no-fail']];
		const seen = new Set<number>();
		for (let i = 0; i < N.cli; i++) {
			const src = mutate(next, dockerfiles[i % dockerfiles.length]!, TOKENS);
			const file = path.join(dir, `Dockerfile.${i % 7}`);
			writeFileSync(file, src);
			const flags = flagSets[Math.floor(next() * flagSets.length)]!;
			const label = `lint case ${i} (${flags.join(' ')})`;
			const r = await run(['lint', file, '--no-engine', '--json', ...flags], label);
			seen.add(r.code);
			parseJson(r.stdout, label);
			// The same input as text: no throw either.
			if (i % 10 === 0) await run(['lint', file, '--no-engine'], `${label} (text)`);
		}
		expect([...seen].every((c) => c === 0 || c === 1)).toBe(true);
	});

	it('compose lint never throws on mutated compose files, in-process and through main()', async () => {
		const next = rng(SEED + 2);
		for (let i = 0; i < N.compose; i++) {
			const src = mutate(next, composes[i % composes.length]!, YAML_TOKENS);
			const label = `compose case ${i}`;
			try {
				const r = lintCompose(src, 'compose.yml', EMPTY_CONFIG, (s) => parseDocument(s));
				JSON.stringify(r);
			} catch (error) {
				throw new Error(`${label}: ${String((error as Error)?.stack ?? error)}\n--- input ---\n${src.slice(0, 2000)}`, {cause: error});
			}
			if (i % 4 === 0) {
				const file = path.join(dir, 'compose.yml');
				writeFileSync(file, src);
				const r = await run(['lint', file, '--no-engine', '--json'], label);
				parseJson(r.stdout, label);
			}
		}
	});

	it('.dockerignore parsing and matching never throw', async () => {
		const next = rng(SEED + 3);
		const paths = ['a', 'a/b', '.git/x', 'node_modules/p/q.js', 'src/é.ts', '[x]', 'a/../b', '', '.', 'Dockerfile'];
		for (let i = 0; i < N.ignore; i++) {
			const src = mutate(next, ignores[i % ignores.length]!, IGNORE_TOKENS);
			const label = `dockerignore case ${i}`;
			try {
				const rules = parseDockerignore(src);
				for (const p of paths) isIgnored(rules, p);
			} catch (error) {
				throw new Error(`${label}: ${String((error as Error)?.stack ?? error)}\n--- input ---\n${src.slice(0, 2000)}`, {cause: error});
			}
			if (i % 8 === 0) {
				writeFileSync(path.join(dir, '.dockerignore'), src);
				const r = await run(['lint', path.join(dir, '.dockerignore'), '--no-engine', '--json'], label);
				parseJson(r.stdout, label);
			}
		}
	});

	it('the redactor never throws and is idempotent on mutated secrets', () => {
		const next = rng(SEED + 4);
		for (let i = 0; i < N.redact; i++) {
			const pieces = Array.from({length: 1 + Math.floor(next() * 5)}, () => SECRETS[Math.floor(next() * SECRETS.length)]!);
			const src = mutate(next, pieces.join(next() < 0.5 ? '\n' : ' '), [...TOKENS, ...SECRETS]);
			const label = `redact case ${i}`;
			try {
				const once = redactText(src);
				expect(redactText(once), label).toBe(once);
				const lines = new LineRedactor();
				for (const line of src.split('\n')) lines.line(line);
				redactArgv(src.split(/\s+/));
				redactHostUrl(src);
			} catch (error) {
				throw new Error(`${label}: ${String((error as Error)?.stack ?? error)}\n--- input ---\n${JSON.stringify(src)}`, {cause: error});
			}
		}
	});

	it('an endpoint URL typed where the command goes is echoed without its password (found by this test)', async () => {
		const r = await run(['tcp://admin:S3cretPW@127.0.0.1:2375', '--json'], 'endpoint as command');
		expect(r.code).toBe(2);
		expect(r.stdout + r.stderr).not.toContain('S3cretPW');
		expect(r.stdout + r.stderr).toContain('127.0.0.1:2375');
	});

	it('option parsing: random argv gives a documented exit code and JSON errors with --json', async () => {
		const next = rng(SEED + 5);
		// Commands that stay on this machine, and engine commands that meet an absent engine (exit 3).
		const commands = ['lint', 'explain', 'inspect', 'logs', 'exec', 'images', 'validate', 'diagnose', 'help', 'version', 'nosuch', ''];
		const words = [
			'--json',
			'--help',
			'--tail',
			'--tail=',
			'--since',
			'-5m',
			'99999999999999999999d',
			'0x10',
			'--format',
			'sarif',
			'--config',
			dir,
			'--failure-threshold',
			'--',
			'-',
			'-w',
			'/nonexistent',
			'--host',
			'tcp://admin:S3cretPW@127.0.0.1:99999',
			'..',
			'a/../b',
			'',
			'rel%2dsecrets',
			'--no-engine',
			'-H',
			'--rules',
			'-pSECRET',
			'\u001b[31m',
			'--no-color',
			'--plain',
			'DH4001',
			'--strict-labels',
			'=',
			'--=',
			'---',
			'-x',
		];
		for (let i = 0; i < N.argv; i++) {
			const argv: string[] = [];
			const cmd = commands[Math.floor(next() * commands.length)]!;
			if (cmd !== '') argv.push(cmd);
			const n = Math.floor(next() * 6);
			for (let k = 0; k < n; k++) argv.push(words[Math.floor(next() * words.length)]!);
			// exec and logs with no container and no engine must not start anything; lint of '-' would read the test's stdin.
			if (argv.includes('-') || (cmd === 'exec' && !argv.includes('--help'))) continue;
			const json = argv.includes('--json');
			const label = `argv case ${i}: ${JSON.stringify(argv)}`;
			const r = await run(argv, label);
			if (json && r.stdout.trim() !== '' && !argv.includes('--help') && cmd !== 'help') {
				// One document, or NDJSON for streaming commands.
				for (const line of r.stdout.trim().startsWith('{\n') ? [r.stdout] : r.stdout.trim().split('\n')) parseJson(line, label);
			}
			// A password in the endpoint never reaches the output (a path or a command word that merely contains one is echoed as typed).
			const hostAt = argv.findIndex((a, k) => (a === '--host' || a === '-H') && argv[k + 1]?.includes('S3cretPW'));
			if (hostAt >= 0 || argv.find((a) => !a.startsWith('-'))?.startsWith('tcp:')) expect(r.stdout + r.stderr, label).not.toContain('S3cretPW');
		}
	});
});
