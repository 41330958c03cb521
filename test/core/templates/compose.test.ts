import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {dockerSize, recommend} from '../../../source/core/setup/recommend.js';
import {WORKLOADS, type WorkloadId} from '../../../source/core/setup/workloads.js';
import {composeYaml, envExample, healthTest, interpolate, probeForImage, workloadEnv, type ComposeOptions} from '../../../source/core/templates/compose.js';
import {composeConfig, describeCompose} from '../../support/compose.js';
import {ROOT} from '../../support/cli.js';
import {facts, GiB, RTX, type Shape} from '../setup/machines.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dh-compose-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function generate(shape: Shape, workload: WorkloadId, options: Partial<ComposeOptions> = {}) {
	const r = recommend(facts(shape), WORKLOADS[workload]);
	const opts: ComposeOptions = {
		service: 'app',
		port: 8000,
		gpu: false,
		probe: 'python',
		healthPath: '/health',
		machine: r.machine.description,
		env: workloadEnv(WORKLOADS[workload]),
		...options,
	};
	return {yaml: composeYaml(opts, r.settings!, WORKLOADS[workload]), settings: r.settings!, opts};
}

let n = 0;
function write(text: string): string {
	const file = path.join(dir, `c${n++}.yaml`);
	writeFileSync(file, text);
	return file;
}

const CASES: Array<[string, Shape, WorkloadId, Partial<ComposeOptions>]> = [
	['8 GiB / 4 cores inference, build', {memory: 8 * GiB, cpus: 4}, 'ai-inference', {}],
	[
		'64 GiB / 16 cores + GPU training, --gpu',
		{memory: 64 * GiB, cpus: 16, gpus: [RTX], engine: {runtimes: ['nvidia']}},
		'ai-training',
		{gpu: true, service: 'trainer', port: 6006},
	],
	['web with a node image', {memory: 4 * GiB, cpus: 2}, 'web', {image: 'node:20-slim', probe: 'node', service: 'web', port: 3000}],
	['inference with an alpine image and wget', {memory: 32 * GiB, cpus: 8}, 'ai-inference', {image: 'python:3.12-alpine', probe: 'wget', healthPath: 'ready'}],
	[
		'Docker Desktop VM shape, curl probe',
		{memory: 16 * GiB, cpus: 8, platform: 'darwin', engine: {desktop: true, memTotal: 8 * GiB}},
		'ai-inference',
		{probe: 'curl', service: 'my.api_v2'},
	],
];

describe('generate-compose: the document', () => {
	it.each(CASES)("%s: carries recommend's numbers and the required keys", (_name, shape, workload, options) => {
		const {yaml, settings, opts} = generate(shape, workload, options);
		const doc = parse(yaml) as any;
		const svc = doc.services[opts.service];
		expect(svc.restart).toBe('unless-stopped');
		// no env_file (Compose v1 fails without the file): each variable interpolated with its default
		expect(svc.env_file).toBeUndefined();
		expect(svc.environment.TZ).toBe('${TZ:-UTC}');
		if (WORKLOADS[workload].usesGpu) expect(svc.environment.HF_TOKEN).toBe('${HF_TOKEN:-}');
		expect(svc.ports).toEqual([`${opts.port}:${opts.port}`]);
		expect(yaml).toContain(`"${opts.port}:${opts.port}"`); // quoted: YAML 1.1 parsers read 8000:8000 as base 60
		if (opts.image) expect(svc.image).toBe(opts.image);
		else expect(svc.build).toEqual({context: '.', dockerfile: 'Dockerfile'});
		expect(svc.deploy.resources.limits).toEqual({cpus: String(settings.containerCpus.value), memory: dockerSize(settings.containerMemory.value)});
		expect(svc.deploy.resources.reservations.memory).toBe(dockerSize(settings.containerMemoryReservation.value));
		expect(svc.memswap_limit).toBe(dockerSize(settings.containerMemorySwap.value));
		expect(svc.pids_limit).toBe(settings.pids.value);
		expect(svc.shm_size).toBe(settings.shm ? dockerSize(settings.shm.value) : undefined);
		expect(svc.healthcheck.test[0]).toBe('CMD');
		expect(svc.healthcheck.test[1]).toBe(opts.probe);
		expect(svc.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${opts.port}/${(opts.healthPath ?? '/health').replace(/^\//, '')}`);
		expect(Boolean(svc.deploy.resources.reservations.devices)).toBe(opts.gpu === true);
		if (WORKLOADS[workload].usesGpu) {
			expect(svc.volumes).toEqual(['model-cache:/cache']);
			expect(doc.volumes).toEqual({'model-cache': {}});
			expect(svc.environment.HF_HOME).toBe('/cache/huggingface');
		} else expect(doc.volumes).toBeUndefined();
		expect(yaml).toMatch(/^# /); // commented for the reader
	});

	it('interpolation and .env.example: defaults, escaped dollars, secrets left empty', () => {
		expect(interpolate({name: 'TZ', default: 'UTC', why: ''})).toBe('${TZ:-UTC}');
		expect(interpolate({name: 'PRICE', default: 'a$b', why: ''})).toBe('${PRICE:-a$$b}');
		const text = envExample(
			[
				{name: 'TZ', default: 'UTC', why: 'time zone'},
				{name: 'API_KEY', default: 'sk-123', why: 'key', secret: true},
				{name: 'GREETING', default: 'hello world', why: 'greeting'},
			],
			['Header'],
		);
		expect(text).toBe('# Header\n\n# time zone\nTZ=UTC\n\n# key\nAPI_KEY=\n\n# greeting\nGREETING="hello world"\n');
	});

	it('picks a probe the image family has', () => {
		expect(probeForImage(undefined)).toBe('python');
		expect(probeForImage('python:3.12-slim')).toBe('python');
		expect(probeForImage('node:20-alpine')).toBe('node');
		expect(probeForImage('nginx:1.27')).toBe('curl');
		expect(probeForImage('alpine:3.20')).toBe('wget');
		expect(probeForImage('ghcr.io/huggingface/text-generation-inference:2.4')).toBe('python');
		expect(healthTest('wget', 80, '/')).toEqual(['CMD', 'wget', '-q', '--spider', 'http://127.0.0.1:80/']);
	});
});

describeCompose('generate-compose: valid for a real Compose validator (docker-compose config)', () => {
	it.each(CASES)('%s: docker-compose config -q accepts it', (_name, shape, workload, options) => {
		const {yaml, opts} = generate(shape, workload, options);
		const file = write(yaml);
		const r = composeConfig(file, {cwd: dir});
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		// And Compose reads the values as meant: the port is 8000, not a base-60 number.
		const normalized = parse(composeConfig(file, {cwd: dir, quiet: false}).stdout) as any;
		expect(normalized.services[opts.service].ports[0]).toMatchObject({published: opts.port, target: opts.port});
	});

	it('works without .env (the defaults apply) and takes the values from .env when it exists', () => {
		const {yaml} = generate({memory: 8 * GiB, cpus: 4}, 'ai-inference');
		const project = path.join(dir, 'with-env');
		mkdirSync(project);
		writeFileSync(path.join(project, 'compose.yaml'), yaml);
		const bare = composeConfig('compose.yaml', {cwd: project, quiet: false});
		expect(bare.code, bare.stderr).toBe(0);
		expect((parse(bare.stdout) as any).services.app.environment).toMatchObject({TZ: 'UTC', HF_TOKEN: ''});
		writeFileSync(path.join(project, '.env'), 'TZ=Europe/Paris\nHF_TOKEN=hf_abc\n');
		const withEnv = composeConfig('compose.yaml', {cwd: project, quiet: false});
		expect(withEnv.code, withEnv.stderr).toBe(0);
		expect((parse(withEnv.stdout) as any).services.app.environment).toMatchObject({TZ: 'Europe/Paris', HF_TOKEN: 'hf_abc'});
	});

	it('the validator accepts real-world compose files from the corpus', () => {
		for (const name of ['corpus-0004.yml', 'corpus-0009.yml', 'corpus-0014.yml']) {
			const r = composeConfig(path.join(ROOT, 'test', 'fixtures', 'compose', name), {cwd: dir});
			expect({name, code: r.code, stderr: r.stderr}).toEqual({name, code: 0, stderr: ''});
		}
	});

	it.each([
		[
			'an unknown service key',
			(y: string) => y.replace('    restart: unless-stopped', '    restart: unless-stopped\n    restrat: always'),
			/Unsupported config option for services.app: 'restrat'/,
		],
		['memory as a list', (y: string) => y.replace(/( {10}memory: )(\S+)/, '$1[$2]'), /memory contains an invalid type/],
		['a non-integer retry count', (y: string) => y.replace('retries: 3', 'retries: three'), /retries/],
	] as const)('the validator rejects a broken file: %s', (_name, breakIt, message) => {
		const {yaml} = generate({memory: 8 * GiB, cpus: 4}, 'ai-inference');
		const broken = breakIt(yaml);
		expect(broken).not.toBe(yaml);
		const r = composeConfig(write(broken), {cwd: dir});
		expect(r.code).not.toBe(0);
		expect(r.stderr).toMatch(message);
	});

	it('the validator rejects a broken corpus file', () => {
		const text = readFileSync(path.join(ROOT, 'test', 'fixtures', 'compose', 'corpus-0014.yml'), 'utf8').replace('memory: 1.5G', 'memory: {size: 1.5G}');
		const r = composeConfig(write(text), {cwd: dir});
		expect(r.code).not.toBe(0);
		expect(r.stderr).toContain('memory');
	});
});
