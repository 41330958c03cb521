import path from 'node:path';
import {exists, writeFileSafe} from '../adapters/files.js';
import {checkImageRef} from '../core/engine/refs.js';
import {EXIT, HelperError} from '../core/errors.js';
import {recommend, type Finding} from '../core/setup/recommend.js';
import type {WriteOutcome} from '../core/write-outcome.js';
import {WORKLOADS} from '../core/setup/workloads.js';
import {
	checkHealthPath,
	composeYaml,
	envExample,
	PROBES,
	probeForImage,
	SERVICE_NAME,
	workloadEnv,
	type GenerateComposeResult,
	type Probe,
} from '../core/templates/compose.js';
import {generateComposeText} from '../output/generate-compose.js';
import {workloadFlag, workloadOf} from './recommend.js';
import {gatherSetupFacts} from './setup-facts.js';
import {flagBool, flagNumber, flagString, type Command} from './types.js';

export const generateCompose: Command<GenerateComposeResult> = {
	name: 'generate-compose',
	summary: "Write a compose file for an AI service sized by this machine's recommendations",
	description:
		'Writes compose.yaml for one service: build (or --image), published port, environment from .env, restart\nunless-stopped, a healthcheck whose probe exists in the image family, deploy.resources limits and\nreservations, memswap_limit, shm_size and pids_limit from `docker-helper recommend`, a GPU reservation\nwith --gpu, a named volume for model caches and rotated logs. Variables are written as ${NAME:-default}:\ncompose takes them from .env when it exists and the file works without one; .env.example beside it lists\nthem (an existing one is kept). An existing compose file is never replaced without --force (the old one\nis kept as a numbered backup, .bak, .bak.2 ...). Exit 1 when this machine cannot run the workload.',
	usage: 'docker-helper generate-compose [--output <path>] [--force] [--stdout] [--service <name>] [--port <n>] [--gpu] [--workload <kind>] [--image <ref>]',
	examples: [
		'docker-helper generate-compose',
		'docker-helper generate-compose --gpu --service api --port 8080',
		'docker-helper generate-compose --workload web --image node:20-slim --stdout',
		'docker-helper generate-compose --output compose.ai.yaml --force',
	],
	group: 'templates',
	args: [],
	flags: {
		output: {type: 'string', shortFlag: 'o', default: 'compose.yaml', placeholder: 'path', description: 'File to write'},
		force: {type: 'boolean', description: 'Replace an existing file (kept as a numbered backup, <path>.bak ...)'},
		stdout: {type: 'boolean', description: 'Print the file instead of writing it'},
		service: {type: 'string', default: 'app', placeholder: 'name', description: 'Service name'},
		port: {type: 'number', default: 8000, placeholder: 'n', description: 'Port the service listens on (published as the same host port)'},
		gpu: {type: 'boolean', description: 'Reserve all NVIDIA GPUs for the service (needs the NVIDIA Container Toolkit)'},
		workload: workloadFlag,
		image: {type: 'string', placeholder: 'ref', description: 'Run this image instead of building ./Dockerfile'},
		probe: {type: 'string', choices: PROBES, placeholder: 'tool', description: 'Healthcheck probe (default: python, or what the --image family has)'},
		healthPath: {type: 'string', default: '/health', placeholder: 'path', description: 'HTTP path the healthcheck requests'},
	},
	writes: {target: (input) => `${flagString(input, 'output') ?? 'compose.yaml'} and .env.example beside it`},
	menuOptions: ['workload', 'service', 'port', 'gpu', 'output'],
	async run(ctx, input) {
		const service = flagString(input, 'service') ?? 'app';
		if (!SERVICE_NAME.test(service))
			throw new HelperError(
				'USAGE',
				`'${service}' is not a valid service name.`,
				'Use lowercase letters, digits, "-", "_" and ".", starting with a letter or digit.',
			);
		const port = flagNumber(input, 'port') ?? 8000;
		if (!Number.isInteger(port) || port < 1 || port > 65535)
			throw new HelperError('USAGE', `--port must be a whole number from 1 to 65535; got ${port}.`, 'For example: --port 8000');
		const image = flagString(input, 'image');
		// Every value that lands in the file is checked here: a usage error, never a broken or rewritten file.
		if (image !== undefined) {
			const ref = checkImageRef(image);
			if (!ref.ok)
				throw new HelperError('USAGE', `--image: ${ref.reason}.`, 'For example: --image python:3.12-slim or --image registry.example.com/team/app:1.4');
		}
		const health = checkHealthPath(flagString(input, 'healthPath') ?? '/health');
		if (!health.ok)
			throw new HelperError(
				'USAGE',
				`--health-path: ${health.reason}.`,
				'Use a URL path such as /health or /ready?full=1; percent-encode anything else (%20 for a space).',
			);
		const healthPath = health.path;
		const probe = (flagString(input, 'probe') as Probe | undefined) ?? probeForImage(image);
		const gpu = flagBool(input, 'gpu');
		const toStdout = flagBool(input, 'stdout');
		const output = flagString(input, 'output') ?? 'compose.yaml';
		const workload = WORKLOADS[workloadOf(input)];

		const facts = await gatherSetupFacts(ctx, {diskUsage: false});
		const rec = recommend(facts, workload);
		const findings: Finding[] = [...rec.findings];
		if (!rec.feasible || !rec.settings) {
			return {
				workload: workload.id,
				service,
				port,
				gpu,
				probe,
				content: null,
				stdout: toStdout,
				written: null,
				env: [],
				envExample: null,
				findings,
				nextSteps: [],
			};
		}
		if (gpu && !rec.machine.gpu.usable) {
			findings.push({
				id: 'gpu.not-here',
				severity: 'warn',
				message: 'No NVIDIA GPU is usable from containers on this engine: the GPU reservation is for the machine you deploy to.',
				hint: 'On this engine `docker compose up` fails with "could not select device driver"; leave out --gpu to run here.',
			});
		} else if (!gpu && workload.usesGpu && rec.machine.gpu.usable) {
			findings.push({
				id: 'gpu.available',
				severity: 'info',
				message: `A GPU is usable here (${rec.machine.gpu.nvidia.join(', ') || rec.machine.gpu.runtime}) but not reserved.`,
				hint: 'Add --gpu to reserve it.',
			});
		}
		const env = workloadEnv(workload);
		const content = composeYaml(
			{service, port, gpu, probe, env, healthPath, machine: rec.machine.description, ...(image ? {image} : {})},
			rec.settings,
			workload,
		);

		let written: WriteOutcome | null = null;
		let example: GenerateComposeResult['envExample'] = null;
		const nextSteps: string[] = [];
		if (!toStdout) {
			const target = path.resolve(ctx.cwd, output);
			written = await writeFileSafe(target, content, {force: flagBool(input, 'force')});
			const dir = path.dirname(target);
			const rel = (p: string) => path.relative(ctx.cwd, p) || '.';
			// .env.example beside it, never replacing one that exists (it may hold the team's own notes).
			const examplePath = path.join(dir, '.env.example');
			if (await exists(examplePath)) example = {path: examplePath, status: 'kept'};
			else {
				await writeFileSafe(
					examplePath,
					envExample(env, [
						'Variables the compose file passes to the service; compose reads them from .env.',
						'Copy to .env and edit (never commit .env). Without .env the defaults apply.',
					]),
					{force: false},
				);
				example = {path: examplePath, status: 'written'};
			}
			if (!(await exists(path.join(dir, '.env'))))
				nextSteps.push(
					`cp ${rel(examplePath)} ${rel(path.join(dir, '.env'))}   # optional: set ${env.map((v) => v.name).join(', ')} (the defaults apply without it)`,
				);
			if (!image && !(await exists(path.join(dir, 'Dockerfile'))))
				nextSteps.push(`Add a Dockerfile in ${rel(dir)} (its final stage listening on port ${port}, with ${probe} available for the healthcheck)`);
			const file = path.basename(target) === 'compose.yaml' && dir === ctx.cwd ? '' : ` -f ${rel(target)}`;
			nextSteps.push(
				`docker compose${file} config -q   # validate`,
				`docker compose${file} up -d${image ? '' : ' --build'}`,
				`docker compose${file} ps   # STATUS turns (healthy) once ${healthPath} answers`,
			);
		}
		return {workload: workload.id, service, port, gpu, probe, content, stdout: toStdout, written, env, envExample: example, findings, nextSteps};
	},
	exitCode: (result) => (result.content === null || result.findings.some((f) => f.severity === 'fail') ? EXIT.failure : EXIT.ok),
	text: (result, theme) => generateComposeText(result, theme),
};
