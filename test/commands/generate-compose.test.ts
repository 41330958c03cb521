import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {runCli, runJson} from '../support/cli.js';
import {composeConfig, composeRun, describeCompose} from '../support/compose.js';
import {describeEngine, docker, FIXTURE_IMAGE, uniqueName} from '../support/engine.js';
import {tempDirs} from '../support/temp-dirs.js';

const dirs = tempDirs('dh-gencompose-');
const freshDir = dirs.fresh;

describe('generate-compose (built binary)', () => {
	it('--help shows usage, flags and examples', () => {
		const r = runCli(['generate-compose', '--help']);
		expect(r.code).toBe(0);
		for (const s of ['--output', '--force', '--stdout', '--service', '--port', '--gpu', '--workload', 'Examples']) expect(r.stdout).toContain(s);
	});

	it('usage errors exit 2: unknown workload (suggestion), bad service name, bad port', () => {
		const w = runCli(['generate-compose', '--workload', 'webb'], {cwd: freshDir()});
		expect(w.code).toBe(2);
		expect(w.stderr).toContain('Did you mean web?');
		expect(runCli(['generate-compose', '--service', 'My Service'], {cwd: freshDir()}).code).toBe(2);
		expect(runCli(['generate-compose', '--port', '70000'], {cwd: freshDir()}).code).toBe(2);
		expect(runCli(['generate-compose', '--probe', 'curll'], {cwd: freshDir()}).code).toBe(2);
	});

	it('writes ./compose.yaml by default, refuses to overwrite (byte-identical), --force keeps .bak', () => {
		const dir = freshDir();
		const first = runCli(['generate-compose', '--workload', 'web'], {cwd: dir});
		expect(first.code).toBe(0);
		const file = path.join(dir, 'compose.yaml');
		expect(first.stdout).toContain(`Wrote ${file}`);
		expect(first.stdout).toContain('cp .env.example .env');
		expect(readFileSync(path.join(dir, '.env.example'), 'utf8')).toMatch(/^TZ=UTC$/m);
		expect(first.stdout).toContain('docker compose config -q');
		const original = readFileSync(file, 'utf8');
		expect((parse(original) as any).services.app.restart).toBe('unless-stopped');

		writeFileSync(file, 'services: {mine: {image: busybox}}\n');
		const refused = runCli(['generate-compose', '--workload', 'web'], {cwd: dir});
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('already exists');
		expect(refused.stderr).toContain('--force');
		expect(readFileSync(file, 'utf8')).toBe('services: {mine: {image: busybox}}\n');

		writeFileSync(path.join(dir, '.env.example'), 'MINE=1\n');
		const forced = runJson(['generate-compose', '--workload', 'web', '--force'], {cwd: dir});
		expect(forced.code).toBe(0);
		// .env.example is never replaced, not even with --force
		expect(forced.doc.result.envExample).toEqual({path: path.join(dir, '.env.example'), status: 'kept'});
		expect(readFileSync(path.join(dir, '.env.example'), 'utf8')).toBe('MINE=1\n');
		expect(forced.doc.result.written.backup).toBe(`${file}.bak`);
		expect(readFileSync(`${file}.bak`, 'utf8')).toBe('services: {mine: {image: busybox}}\n');
		expect(readFileSync(file, 'utf8')).toBe(forced.doc.result.content);
	});

	it('--output writes elsewhere; an unwritable location is a clear error (exit 1)', () => {
		const dir = freshDir();
		const r = runCli(['generate-compose', '--output', 'deploy/ai.yaml', '--workload', 'web'], {cwd: dir});
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/Cannot write .*deploy\/ai.yaml: the directory does not exist/);
		mkdirSync(path.join(dir, 'deploy'));
		const ok = runCli(['generate-compose', '--output', 'deploy/ai.yaml', '--workload', 'web'], {cwd: dir});
		expect(ok.code).toBe(0);
		expect(ok.stdout).toContain('docker compose -f deploy/ai.yaml up -d --build');
		expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false);
	});

	it('--stdout prints the file alone and writes nothing', () => {
		const dir = freshDir();
		const r = runCli(['generate-compose', '--stdout', '--service', 'api', '--port', '9000', '--gpu'], {cwd: dir});
		expect(r.code).toBe(0);
		const doc = parse(r.stdout) as any;
		expect(doc.services.api.ports).toEqual(['9000:9000']);
		expect(doc.services.api.deploy.resources.reservations.devices[0]).toMatchObject({driver: 'nvidia', capabilities: ['gpu']});
		expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false);
	});
});

describeEngine("generate-compose uses this host's recommendations", () => {
	it("the limits in the file are recommend --json's numbers for this engine", () => {
		const rec = runJson(['recommend', '--workload', 'ai-inference']).doc.result;
		const gen = runJson(['generate-compose', '--stdout', '--workload', 'ai-inference'], {cwd: freshDir()});
		expect(gen.code).toBe(0);
		const svc = (parse(gen.doc.result.content) as any).services.app;
		const size = (b: number) => (b % 1024 ** 3 === 0 ? `${b / 1024 ** 3}g` : `${Math.round(b / 1024 ** 2)}m`);
		expect(svc.deploy.resources.limits.memory).toBe(size(rec.settings.containerMemory.value));
		expect(svc.deploy.resources.limits.cpus).toBe(String(rec.settings.containerCpus.value));
		expect(svc.shm_size).toBe(size(rec.settings.shm.value));
		expect(svc.healthcheck.test.slice(0, 2)).toEqual(['CMD', 'python']);
	});

	it('ai-training on a host with fewer than 4 CPUs: nothing generated, exit 1', () => {
		const ncpu = Number(docker(['info', '--format', '{{.NCPU}}']));
		const dir = freshDir();
		const r = runCli(['generate-compose', '--workload', 'ai-training'], {cwd: dir});
		if (ncpu < 4) {
			expect(r.code).toBe(1);
			expect(r.stdout).toContain('Nothing generated');
			expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false);
		} else expect(r.code).toBe(0);
	});
});

describeCompose('generate-compose output is valid Compose', () => {
	it.each([
		['ai-inference', []],
		['ai-inference --gpu', ['--gpu', '--service', 'llm', '--port', '8080']],
		['web with an image', ['--workload', 'web', '--image', 'node:20-slim']],
	] as const)('%s: docker-compose config -q accepts the written file', (_name, extra) => {
		const dir = freshDir();
		const r = runCli(['generate-compose', ...extra], {cwd: dir});
		expect(r.code).toBe(0);
		// no .env: a user who runs generate-compose then `docker compose up` must not hit "env file not found"
		const v = composeConfig(path.join(dir, 'compose.yaml'), {cwd: dir});
		expect(v.stderr).toBe('');
		expect(v.code).toBe(0);
		// and with the .env.example copied as the next steps say
		writeFileSync(path.join(dir, '.env'), readFileSync(path.join(dir, '.env.example'), 'utf8'));
		expect(composeConfig(path.join(dir, 'compose.yaml'), {cwd: dir}).code).toBe(0);
	});
});

// The file runs for real: Compose creates the container with recommend's limits, and the healthcheck
// probe the generator chose for a busybox image (wget) turns it healthy.
describeEngine('generate-compose: the generated file runs on the real engine', () => {
	const project = uniqueName('f1compose');
	const dir = freshDir();
	afterAll(() => {
		composeRun(['-p', project, 'down', '-v', '--remove-orphans'], dir);
	});

	it('docker-compose up: limits as recommended, healthy through the generated probe', async () => {
		const port = 20000 + Math.floor(Math.random() * 20000);
		writeFileSync(path.join(dir, '.env'), 'TZ=Europe/Paris\n');
		const rec = runJson(['recommend', '--workload', 'web']).doc.result;
		const r = runCli(['generate-compose', '--workload', 'web', '--image', FIXTURE_IMAGE, '--service', 'web', '--port', String(port)], {cwd: dir});
		expect(r.code).toBe(0);
		const file = path.join(dir, 'compose.yaml');
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('- wget');
		// busybox has no web server of its own: give the service one (the only edit to the generated file).
		writeFileSync(
			file,
			text.replace(
				'    restart: unless-stopped',
				`    command: ["sh", "-c", "mkdir -p /www && echo ok > /www/health && exec httpd -f -p ${port} -h /www"]\n    restart: unless-stopped`,
			),
		);
		const up = composeRun(['-p', project, 'up', '-d'], dir);
		expect(up.code, up.stderr).toBe(0);
		const name = docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}']);
		expect(name).not.toBe('');
		const hc = JSON.parse(docker(['inspect', name, '--format', '{{json .HostConfig}}'])) as {
			Memory: number;
			MemoryReservation: number;
			MemorySwap: number;
			NanoCpus: number;
			PidsLimit: number;
			RestartPolicy: {Name: string};
			Init: boolean;
		};
		expect(hc.Memory).toBe(rec.settings.containerMemory.value);
		expect(hc.MemoryReservation).toBe(rec.settings.containerMemoryReservation.value);
		expect(hc.MemorySwap).toBe(rec.settings.containerMemorySwap.value);
		expect(hc.NanoCpus).toBe(rec.settings.containerCpus.value * 1e9);
		expect(hc.PidsLimit).toBe(rec.settings.pids.value);
		expect(hc.RestartPolicy.Name).toBe('unless-stopped');
		expect(hc.Init).toBe(true);
		expect(docker(['exec', name, 'sh', '-c', 'echo $TZ'])).toBe('Europe/Paris'); // ${TZ:-UTC} took .env's value
		let status = '';
		for (let i = 0; i < 50 && status !== 'healthy'; i++) {
			status = docker(['inspect', name, '--format', '{{.State.Health.Status}}']);
			if (status !== 'healthy') await new Promise((res) => setTimeout(res, 1000));
		}
		expect(status).toBe('healthy');
	}, 150_000);
});

describe('generate-compose inside the interactive app', () => {
	it('previews, writes nothing until w, then writes compose.yaml and .env.example', async () => {
		const React = await import('react');
		const {render} = await import('ink-testing-library');
		const {createContext} = await import('../../source/context.js');
		const {commands} = await import('../../source/commands/index.js');
		const {makeTheme} = await import('../../source/output/theme.js');
		const {App} = await import('../../source/ui/App.js');
		const {frameWith, inputReady, press} = await import('../support/ink.js');
		const dir = freshDir();
		const makeContext = () =>
			createContext({env: process.env, cwd: dir, stdout: process.stdout, stderr: process.stderr, stdinIsTTY: true}, {}, {interactive: true, progress: false});
		const app = render(
			React.createElement(App, {
				commands,
				theme: makeTheme(false),
				makeContext,
				start: {command: 'generate-compose', input: {args: [], flags: {workload: 'web'}}},
			}),
		);
		try {
			await inputReady(app);
			const preview = await frameWith(app, 'will write compose.yaml', 'the preview');
			expect(preview).toContain('workload web');
			await frameWith(app, (f) => f.includes('restart: unless-stopped') || f.includes('services:'), 'the file in the preview');
			expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(false);
			await press(app, 'w', /Wrote \S*compose\.yaml/);
			expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toContain('restart: unless-stopped');
			expect(existsSync(path.join(dir, '.env.example'))).toBe(true);
		} finally {
			app.unmount();
		}
	}, 60_000);
});
