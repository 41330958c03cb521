import {describe, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';
import {describeEngine, docker} from '../support/engine.js';
import os from 'node:os';

const GiB = 1024 ** 3;

describe('recommend (built binary)', () => {
	it('--help shows usage, the workloads and examples', () => {
		const r = runCli(['recommend', '--help']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('--workload');
		expect(r.stdout).toContain('ai-training');
		expect(r.stdout).toContain('Examples');
	});

	it('an unknown workload is a usage error with a suggestion (exit 2)', () => {
		const r = runCli(['recommend', '--workload', 'ai-inferense']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("got 'ai-inferense'");
		expect(r.stderr).toContain('Did you mean ai-inference?');
		const j = runJson(['recommend', '--workload', 'ai-trainin']);
		expect(j.code).toBe(2);
		expect(j.doc.error.details.suggestions).toEqual(['ai-training']);
	});

	it('with the engine unreachable it still recommends from this host, and says so', () => {
		const {code, doc} = runJson(['recommend', '--workload', 'web'], {env: {DOCKER_HOST: 'unix:///tmp/dh-no-such-docker.sock'}});
		expect(code).toBe(0);
		expect(doc.result.machine.kind).toBe('host-only');
		expect(doc.result.machine.memory).toBe(os.totalmem());
		expect(doc.result.findings.map((f: {id: string}) => f.id)).toContain('engine.unreachable');
	});
});

describeEngine('recommend against the real engine', () => {
	const info = JSON.parse(docker(['info', '--format', '{{json .}}'])) as {MemTotal: number; NCPU: number; DockerRootDir: string};

	it('--json: the numbers come from this host and engine (MemTotal, NCPU as docker info reports them)', () => {
		const {code, doc} = runJson(['recommend']);
		expect(doc.schema).toBe('docker-helper/v1');
		const r = doc.result;
		expect(r.workload).toBe('ai-inference');
		expect(r.measured.engine.memory).toBe(info.MemTotal);
		expect(r.measured.engine.cpus).toBe(info.NCPU);
		// The host as systeminformation reads it and the engine's MemTotal agree within rounding (both /proc/meminfo).
		expect(Math.abs(r.measured.host.memory - info.MemTotal)).toBeLessThan(0.01 * info.MemTotal);
		expect(r.machine.kind).toBe('linux');
		expect(r.machine.diskWhere).toContain(info.DockerRootDir);
		// About half the memory, in whole GiB from 4 GiB up.
		const expected = Math.min(Math.max(Math.floor(r.machine.memory / 2 / GiB), 4), 64, Math.floor((r.machine.memory * 0.75) / GiB)) * GiB;
		if (r.feasible) {
			expect(code).toBe(r.findings.some((f: {severity: string}) => f.severity === 'fail') ? 1 : 0);
			expect(r.settings.dockerMemory.value).toBe(expected);
			expect(r.settings.dockerCpus.value).toBeLessThanOrEqual(info.NCPU);
			expect(r.settings.dockerMemory.reason).toMatch(/half/);
			expect(r.apply.dockerRun).toMatch(/^docker run -d --memory \d+[gm] /);
		}
	});

	it('ai-training exits 1 and recommends nothing where the host has fewer than 4 CPUs', () => {
		const {code, doc} = runJson(['recommend', '--workload', 'ai-training']);
		if (info.NCPU < 4) {
			expect(code).toBe(1);
			expect(doc.result.feasible).toBe(false);
			expect(doc.result.settings).toBeNull();
			expect(doc.result.findings[0].id).toBe('cpus.minimum');
			const text = runCli(['recommend', '--workload', 'ai-training']);
			expect(text.code).toBe(1);
			expect(text.stdout).toContain(`needs at least 4 CPUs; this host has ${info.NCPU}`);
		} else {
			expect(doc.result.feasible).toBe(true);
		}
	});

	it('plain text: each number with its reason, and every place to apply it', () => {
		const r = runCli(['recommend', '--workload', 'web']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`engine Docker`);
		expect(r.stdout).toMatch(/memory limit\s+\S+ \S+\s+a web stack runs several containers/);
		expect(r.stdout).toContain('No VM limits apply on Linux');
		expect(r.stdout).toContain('daemon.json');
		expect(r.stdout).toContain('docker run -d --memory');
		expect(r.stdout).toContain('deploy:');
		expect(r.stdout).not.toMatch(/\u001B\[/); // NO_COLOR, no TTY
	});
});

describeEngine('--json results match their documented schemas', () => {
	it('recommend, configure and generate-compose', async () => {
		const {Ajv} = await import('ajv');
		const {recommendSchema, configureSchema, generateComposeSchema} = await import('./setup-schemas.js');
		const ajv = new Ajv({allErrors: true, strict: false});
		const check = (schema: object, value: unknown) => {
			const validate = ajv.compile(schema);
			expect(validate(value) ? [] : validate.errors).toEqual([]);
		};
		for (const workload of ['ai-inference', 'ai-training', 'web']) check(recommendSchema, runJson(['recommend', '--workload', workload]).doc.result);
		check(configureSchema, runJson(['configure']).doc.result);
		check(configureSchema, runJson(['configure', '--platform', 'windows']).doc.result);
		check(generateComposeSchema, runJson(['generate-compose', '--stdout']).doc.result);
		// The schemas are not vacuous: a wrong shape is rejected.
		expect(ajv.compile(recommendSchema)({workload: 'gpu'})).toBe(false);
	});
});
