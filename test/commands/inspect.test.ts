import {afterAll, beforeAll, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

const name = uniqueName('inspect');
const SECRETS = ['hunter2', 'ghp_Zy8xW7vU6tS5rQ4pO3nM2lK1jI0hG9fE8dC7', 's3cr3t-label', 'cmd-secret-9'];

afterAll(() => removeContainers(name));

describeEngine('inspect (real engine, built CLI)', () => {
	beforeAll(() => {
		docker([
			'run',
			'-d',
			'--name',
			name,
			'-e',
			'DB_PASSWORD=hunter2',
			'-e',
			`API_TOKEN=${SECRETS[1]}`,
			'-e',
			'PLAIN_SETTING=visible-value',
			'--label',
			`com.example.api-key=${SECRETS[2]}`,
			'--label',
			'team=payments',
			'--memory',
			'48m',
			'--restart',
			'unless-stopped',
			'-p',
			'127.0.0.1::9000',
			'--tmpfs',
			'/scratch:ro',
			'--health-cmd',
			'exit 1',
			'--health-interval',
			'1s',
			FIXTURE_IMAGE,
			'sh',
			'-c',
			'exec sleep 600',
			'--token',
			SECRETS[3]!,
		]);
	});

	it('prints a readable summary with secrets redacted', () => {
		const r = runCli(['inspect', name]);
		expect(r.code).toBe(0);
		for (const heading of ['State', 'Health', 'Image and command', 'Resources and limits', 'Mounts', 'Network', 'Environment', 'Labels'])
			expect(r.stdout).toContain(heading);
		expect(r.stdout).toContain('DB_PASSWORD=[redacted]');
		expect(r.stdout).toContain('API_TOKEN=[redacted]');
		expect(r.stdout).toContain('PLAIN_SETTING=visible-value');
		expect(r.stdout).toContain('team=payments');
		expect(r.stdout).toContain('memory limit:    48 MiB');
		expect(r.stdout).toContain('unless-stopped');
		expect(r.stdout).toMatch(/ro tmpfs .* → \/scratch/);
		expect(r.stdout).toMatch(/9000\/tcp\s+→ 127\.0\.0\.1:\d+/);
		expect(r.stdout).toMatch(/platform:\s+linux\//);
		for (const secret of SECRETS) expect(r.stdout).not.toContain(secret);
	});

	it('--json gives the summary and the full document, redacted too', () => {
		const {code, doc, stderr} = runJson(['inspect', name]);
		expect(code).toBe(0);
		const text = JSON.stringify(doc);
		for (const secret of SECRETS) expect(text).not.toContain(secret);
		expect(doc.result.document.Config.Env).toContain('DB_PASSWORD=[redacted]');
		expect(doc.result.document.Config.Cmd).toEqual(['sh', '-c', 'exec sleep 600', '--token', '[redacted]']);
		expect(doc.result.summary.state.status).toBe('running');
		expect(doc.result.document.HostConfig.Memory).toBe(48 * 1024 * 1024);
		expect(doc.result.summary.restart.policy).toBe('unless-stopped');
		expect(doc.result.image.architecture).toBeTruthy();
		expect(stderr).toBe('');
	});

	it('shows health probe results once probes ran', async () => {
		for (let i = 0; i < 40; i++) {
			if (docker(['inspect', '--format', '{{len .State.Health.Log}}', name]) !== '0') break;
			await new Promise((r) => setTimeout(r, 250));
		}
		const {doc} = runJson(['inspect', name]);
		expect(doc.result.summary.health.probes.length).toBeGreaterThan(0);
		expect(doc.result.summary.health.probes[0].exitCode).toBe(1);
		expect(runCli(['inspect', name]).stdout).toContain('last probes');
	});

	it('an unknown container is exit 1 with the closest names and docker ps -a', () => {
		const r = runCli(['inspect', name.slice(0, -1)]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('No such container');
		expect(r.stderr).toContain('docker ps -a');
	});
});
