/**
 * Values that reach a generated file cannot break out of it: --health-path lands inside Python or
 * JavaScript code, --image and a template's probe inside compose's interpolation. Hostile values are
 * usage errors (exit 2, nothing written); the accepted ones end up in the file inert, which is checked
 * by running the generated probe code with its network call replaced.
 */
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {ROOT, runCli} from '../support/cli.js';
import {composeConfig, describeCompose} from '../support/compose.js';
import {tempDirs} from '../support/temp-dirs.js';

const dirs = tempDirs('dh-hd-inject-');
const root = dirs.root;
const freshDir = dirs.fresh;

function generated(args: readonly string[]): {svc: any; text: string} {
	const r = runCli(['generate-compose', '--stdout', '--workload', 'web', ...args], {cwd: freshDir()});
	expect(r.code, r.stderr).toBe(0);
	return {svc: (parse(r.stdout) as any).services.app, text: r.stdout};
}

/** Runs the probe's own code with the request replaced by a print of the URL it was given. */
function urlReaching(test: readonly string[]): string {
	const [, tool, flag, code] = test as [string, string, string, string];
	if (tool === 'python') {
		const stub = 'import urllib.request\nurllib.request.urlopen = lambda url, timeout=None: print(url)\n';
		const r = spawnSync('python3', ['-c', stub + code], {encoding: 'utf8'});
		expect(r.status, r.stderr).toBe(0);
		return r.stdout.trim();
	}
	expect([tool, flag]).toEqual(['node', '-e']);
	const stub = 'globalThis.fetch = async (url) => { console.log(url); return {ok: true}; };\n';
	const r = spawnSync(process.execPath, ['-e', stub + code], {encoding: 'utf8'});
	expect(r.status, r.stderr).toBe(0);
	return r.stdout.trim();
}

const HOSTILE_PATHS = [
	"/h');import os;os.system('touch /tmp/pwned');('",
	'/h`);process.exit(0);//',
	'/h"+require("child_process").execSync("id")+"',
	"/h\\');",
	'/${HOME}',
	'/h$(id)',
	'/h\nHEALTHCHECK NONE',
	'/h\r\n#',
	'/a b',
	'/h#frag',
	'/%zz',
	'/h\u001b[2J',
	`/${'a'.repeat(1100)}`,
];

describe('generate-compose: hostile values are usage errors (built binary)', () => {
	it.each(HOSTILE_PATHS.map((p) => [JSON.stringify(p).slice(0, 60), p]))('--health-path %s: exit 2, nothing written', (_shown, value) => {
		const dir = freshDir();
		const r = runCli(['generate-compose', '--workload', 'web', '--health-path', value], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--health-path');
		expect(r.stderr).not.toContain('\u001b[2J');
		expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
		expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false);
	});

	it.each([['busybox"; rm -rf /'], ['${IMAGE}'], ['busybox\nprivileged: true'], ['busybox:1 --privileged'], ["busybox'"], ['Busybox']])(
		'--image %j: exit 2',
		(value) => {
			const dir = freshDir();
			const r = runCli(['generate-compose', '--workload', 'web', '--image', value], {cwd: dir});
			expect(r.code).toBe(2);
			expect(r.stderr).toContain('--image');
			expect(r.stderr).toContain('not an image reference');
			expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false);
		},
	);
});

describe('generate-compose: accepted values land inert (built binary)', () => {
	const odd = '/ready?x=(1)&y=a;b,c!*+=:@~%27%22%24';

	it.each([['python'], ['node']])('%s probe: the code runs and requests exactly the URL given', (probe) => {
		const {svc} = generated(['--probe', probe, '--port', '8081', '--health-path', odd]);
		const test = svc.healthcheck.test as string[];
		expect(test.slice(0, 2)).toEqual(['CMD', probe]);
		expect(urlReaching(test)).toBe(`http://127.0.0.1:8081${odd}`);
	});

	it.each([['wget'], ['curl']])('%s probe: the URL is one argument of its own', (probe) => {
		const {svc} = generated(['--probe', probe, '--health-path', odd.slice(1)]);
		expect(svc.healthcheck.test.at(-1)).toBe(`http://127.0.0.1:8000${odd}`);
	});

	it('a registry image with port, path, tag and digest is kept as given', () => {
		const image = `registry.example.com:5000/team/app:1.4@sha256:${'a'.repeat(64)}`;
		const {svc} = generated(['--image', image]);
		expect(svc.image).toBe(image);
	});
});

describeCompose('compose reads the probe as written', () => {
	it('a `$` in a template probe reaches the container literally (compose config resolves nothing)', () => {
		// A team template whose probe holds a `$`: exec form in the Dockerfile is literal, so compose must be too.
		const templates = path.join(root, 'templates');
		cpSync(path.join(ROOT, 'assets', 'init-examples', 'team-fastapi'), path.join(templates, 'team-fastapi'), {recursive: true});
		const meta = path.join(templates, 'team-fastapi', 'template.json');
		const doc = JSON.parse(readFileSync(meta, 'utf8'));
		doc.health = [
			'python',
			'-c',
			"import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:{{port}}{{healthPath}}?h=' + os.environ.get('HOME', '$HOME'), timeout=4)",
		];
		writeFileSync(meta, JSON.stringify(doc));
		const dir = freshDir();
		cpSync(path.join(ROOT, 'test', 'fixtures', 'init', 'fastapi-poetry'), dir, {recursive: true});
		const r = runCli(['init', '--yes', '--template-dir', templates, '--stack', 'fastapi'], {cwd: dir});
		expect(r.code, r.stderr).toBe(0);
		const written = readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
		expect(written).toContain("'$$HOME'");
		// config prints the resolved file, itself escaped again: a literal comes back unchanged, a variable resolved.
		const config = composeConfig('compose.yaml', {cwd: dir, quiet: false, project: 'dh-hd-inject'});
		expect(config.code, config.stderr).toBe(0);
		const resolved = (parse(config.stdout) as any).services.app.healthcheck.test as string[];
		expect(resolved).toEqual((parse(written) as any).services.app.healthcheck.test);
		expect(resolved.join(' ')).not.toContain(process.env['HOME'] ?? '/root');
	});

	it('a template healthPath that could leave its string literal is refused', () => {
		const templates = path.join(root, 'bad-templates');
		cpSync(path.join(ROOT, 'assets', 'init-examples', 'team-fastapi'), path.join(templates, 'team-fastapi'), {recursive: true});
		const meta = path.join(templates, 'team-fastapi', 'template.json');
		writeFileSync(meta, JSON.stringify({...JSON.parse(readFileSync(meta, 'utf8')), healthPath: "/health'); import os; ('"}));
		const dir = freshDir();
		cpSync(path.join(ROOT, 'test', 'fixtures', 'init', 'fastapi-poetry'), dir, {recursive: true});
		const r = runCli(['init', '--yes', '--template-dir', templates, '--stack', 'fastapi'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('healthPath');
		expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false);
	});
});
