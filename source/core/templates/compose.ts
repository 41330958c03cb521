/**
 * generate-compose: a compose file for an AI service whose limits come from recommend's numbers.
 * Pure: options and Settings in, YAML text out (built with the `yaml` package, commented so a
 * reader learns why each key is there).
 */
import {Document, isMap, isScalar, type YAMLMap} from 'yaml';
import {composeResources, type Finding, type Settings} from '../setup/recommend.js';
import type {WriteOutcome} from '../write-outcome.js';
import type {Workload} from '../setup/workloads.js';

export type Probe = 'python' | 'node' | 'wget' | 'curl';
export const PROBES: readonly Probe[] = ['python', 'node', 'wget', 'curl'];

export interface ComposeOptions {
	readonly service: string;
	readonly port: number;
	readonly gpu: boolean;
	/** Use this image instead of building the directory's Dockerfile. */
	readonly image?: string;
	/** The tag of the built image (default <service>:local). */
	readonly tag?: string;
	readonly probe: Probe;
	readonly healthPath: string;
	/** Where the numbers came from, for the header comment. */
	readonly machine: string;
	/** Variables the service reads, passed as `${NAME:-default}` so a missing .env is not an error. */
	readonly env?: readonly EnvVar[];
	/** Which command wrote the file, for the header comment (default: generate-compose). */
	readonly generator?: string;
	/** The healthcheck command, when the image's own probe is known (init); null: none (a tool that exits). */
	readonly healthTest?: readonly string[] | null;
	/** Where the probe comes from, for the comment above the healthcheck (default: the --probe tool). */
	readonly healthWhy?: string;
	readonly startPeriod?: string;
	/** false: nothing is published and PORT is not set (a tool with no server). Default true. */
	readonly publish?: boolean;
	/** Restart policy (default unless-stopped). */
	readonly restart?: string;
	/** Databases and caches started beside the service, which waits for them to be healthy. */
	readonly dependsOn?: readonly BackingService[];
}

export type BackingService = 'postgres' | 'redis';

/** The backing services init can add: pinned images, a healthcheck from the image's own tools, data on a volume. */
const BACKING: Readonly<Record<BackingService, {readonly service: Record<string, unknown>; readonly volume?: string; readonly why: string}>> = {
	postgres: {
		service: {
			image: 'postgres:17.6-alpine',
			environment: {POSTGRES_USER: '${POSTGRES_USER:-app}', POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:-app}', POSTGRES_DB: '${POSTGRES_DB:-app}'},
			volumes: ['pgdata:/var/lib/postgresql/data'],
			restart: 'unless-stopped',
			healthcheck: {
				test: ['CMD-SHELL', 'pg_isready -U "$${POSTGRES_USER}" -d "$${POSTGRES_DB}"'],
				interval: '10s',
				timeout: '5s',
				retries: 5,
				start_period: '20s',
			},
		},
		volume: 'pgdata',
		why: 'PostgreSQL for local runs; the data survives restarts in the pgdata volume. pg_isready is in the image.\nThe password defaults are for a local database only: set POSTGRES_PASSWORD in .env anywhere else.',
	},
	redis: {
		service: {
			image: 'redis:7.4-alpine',
			restart: 'unless-stopped',
			healthcheck: {test: ['CMD', 'redis-cli', 'ping'], interval: '10s', timeout: '5s', retries: 5},
		},
		why: 'Redis for local runs; redis-cli ping answers PONG once it accepts connections.',
	},
};

/** A variable the service reads: compose fills it from the project's .env, else the default. */
export interface EnvVar {
	readonly name: string;
	/** Empty string: unset unless .env sets it. */
	readonly default: string;
	/** Why it is there / where the code reads it, for .env.example. */
	readonly why: string;
	/** A secret: .env.example leaves the value empty whatever the default. */
	readonly secret?: boolean;
}

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The variables generate-compose passes through for a workload. TZ is read by the C library (and by
 * Python, Node and Java) in every image; HF_TOKEN by the Hugging Face libraries for gated models.
 */
export function workloadEnv(workload: Workload): EnvVar[] {
	const vars: EnvVar[] = [{name: 'TZ', default: 'UTC', why: 'time zone for log timestamps and local times (read by the C library, Python, Node and Java)'}];
	if (workload.usesGpu)
		vars.push({name: 'HF_TOKEN', default: '', why: 'Hugging Face access token, for gated or private models (huggingface_hub reads it)', secret: true});
	return vars;
}

/** Compose interpolation that both Compose v1 and v2 accept: `${NAME:-default}`; `$` in a default is doubled. */
export function interpolate(v: EnvVar): string {
	return `\${${v.name}:-${v.default.replace(/\$/g, '$$$$').replace(/}/g, '')}}`;
}

/** .env.example: every variable, commented, with its default (secrets left empty). */
export function envExample(vars: readonly EnvVar[], header: readonly string[]): string {
	const lines = header.map((h) => `# ${h}`);
	for (const v of vars) {
		lines.push('', `# ${v.why}`);
		// Double quotes, with the characters dotenv reads inside them escaped: a line break stays inside the value.
		lines.push(
			`${v.name}=${v.secret ? '' : /[\s#'"\\$]/.test(v.default) ? `"${v.default.replace(/["\\$]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n')}"` : v.default}`,
		);
	}
	return `${lines.join('\n').trim()}\n`;
}

/** Compose service names: what every Compose implementation accepts (lowercase keeps image names valid). */
export const SERVICE_NAME = /^[a-z0-9][a-z0-9_.-]*$/;

/** The probe that exists in an image family: slim Python images have no curl, Alpine has busybox wget. */
export function probeForImage(image: string | undefined): Probe {
	if (!image) return 'python';
	const name = image.toLowerCase();
	if (/(^|\/)node(:|$)|node:/.test(name)) return 'node';
	if (/python|pytorch|tensorflow|huggingface|vllm/.test(name)) return 'python';
	if (/nginx|httpd|curl/.test(name)) return 'curl';
	if (/alpine|busybox/.test(name)) return 'wget';
	return 'python';
}

/**
 * What --health-path (and a template's healthPath) may be: an absolute URL path with an optional query, in
 * RFC 3986's characters less the ones that mean something where the URL lands: quotes and backslashes end
 * the Python or JavaScript string literal, `$` starts compose interpolation, `#` a fragment the probe never
 * sends, whitespace splits a shell word. Percent-encoding covers everything else.
 */
const HEALTH_PATH = /^\/(?:[A-Za-z0-9\-._~!&()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
export const MAX_HEALTH_PATH = 1024;

/** The path with its leading slash, or why it cannot be one (for a usage error). */
export function checkHealthPath(value: string): {readonly ok: true; readonly path: string} | {readonly ok: false; readonly reason: string} {
	const p = value.startsWith('/') ? value : `/${value}`;
	if (p.length > MAX_HEALTH_PATH) return {ok: false, reason: `the health path is longer than ${MAX_HEALTH_PATH} characters`};
	if (!HEALTH_PATH.test(p)) {
		const bad = [...p].find((c, i) => !(c === '%' ? /^%[0-9A-Fa-f]{2}/.test(p.slice(i)) : HEALTH_PATH.test(`/${c}`)));
		const shown =
			bad === undefined
				? ''
				: /[\u0021-\u007e]/.test(bad)
					? ` ${JSON.stringify(bad)}`
					: ` U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
		return {ok: false, reason: `the health path has a character a URL path cannot hold unencoded${shown}`};
	}
	return {ok: true, path: p};
}

/** A string as compose reads it: `$` doubled, so compose's interpolation leaves it to the container as written. */
export function composeLiteral(value: string): string {
	return value.replace(/\$/g, '$$$$');
}

/**
 * The probe, exec form. The URL reaches Python and JavaScript as a JSON string literal (valid in both
 * languages, whatever it holds), and curl and wget as one argument of their own.
 */
export function healthTest(probe: Probe, port: number, healthPath: string): string[] {
	const checked = checkHealthPath(healthPath);
	if (!checked.ok) throw new Error(`healthTest: ${checked.reason}`);
	const url = `http://127.0.0.1:${port}${checked.path}`;
	const literal = JSON.stringify(url);
	switch (probe) {
		case 'python':
			// urlopen raises on connection errors and on 4xx/5xx: a non-zero exit either way.
			return ['CMD', 'python', '-c', `import urllib.request; urllib.request.urlopen(${literal}, timeout=4)`];
		case 'node':
			return ['CMD', 'node', '-e', `fetch(${literal}).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`];
		case 'wget':
			return ['CMD', 'wget', '-q', '--spider', url];
		case 'curl':
			return ['CMD', 'curl', '-fsS', '-o', '/dev/null', url];
	}
}

const CACHE = '/cache';

export function composeObject(options: ComposeOptions, settings: Settings | null, workload: Workload): Record<string, unknown> {
	const ai = workload.usesGpu;
	const resources = settings ? composeResources({...settings, gpu: {value: options.gpu, reason: ''}}) : {};
	const publish = options.publish !== false;
	const dependsOn = options.dependsOn ?? [];
	const health = options.healthTest === undefined ? healthTest(options.probe, options.port, options.healthPath) : options.healthTest;
	const service: Record<string, unknown> = {
		...(options.image ? {image: options.image} : {build: {context: '.', dockerfile: 'Dockerfile'}, image: options.tag ?? `${options.service}:local`}),
		...(publish ? {ports: [`${options.port}:${options.port}`]} : {}),
		// No env_file: Compose v1 fails when the file is missing, and `required: false` is v2.24+ only.
		environment: {
			...(publish ? {PORT: String(options.port)} : {}),
			...Object.fromEntries((options.env ?? []).filter((v) => v.name !== 'PORT').map((v) => [v.name, interpolate(v)])),
			...(ai ? {HF_HOME: `${CACHE}/huggingface`, TORCH_HOME: `${CACHE}/torch`, XDG_CACHE_HOME: CACHE} : {}),
		},
		...(ai ? {volumes: [`model-cache:${CACHE}`]} : {}),
		...(dependsOn.length ? {depends_on: Object.fromEntries(dependsOn.map((d) => [d, {condition: 'service_healthy'}]))} : {}),
		restart: options.restart ?? 'unless-stopped',
		init: true,
		stop_grace_period: '30s',
		...(health
			? {
					healthcheck: {
						// Exec form in a Dockerfile is literal; compose would interpolate a `$` in it.
						test: health.map(composeLiteral),
						interval: '30s',
						timeout: '5s',
						retries: 3,
						start_period: options.startPeriod ?? (ai ? '120s' : '20s'),
					},
				}
			: {}),
		...resources,
		logging: {driver: 'json-file', options: {'max-size': '10m', 'max-file': '3'}},
	};
	const volumes = [...(ai ? ['model-cache'] : []), ...dependsOn.flatMap((d) => (BACKING[d].volume ? [BACKING[d].volume] : []))];
	return {
		services: {[options.service]: service, ...Object.fromEntries(dependsOn.map((d) => [d, BACKING[d].service]))},
		...(volumes.length ? {volumes: Object.fromEntries(volumes.map((v) => [v, {}]))} : {}),
	};
}

function pairKey(map: YAMLMap, key: string) {
	return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function comment(map: unknown, key: string, text: string): void {
	if (!isMap(map)) return;
	const pair = pairKey(map, key);
	if (pair && isScalar(pair.key)) pair.key.commentBefore = ` ${text.split('\n').join('\n ')}`;
}

export function composeYaml(options: ComposeOptions, settings: Settings | null, workload: Workload): string {
	const doc = new Document(composeObject(options, settings, workload));
	doc.commentBefore = [
		` ${workload.title}: generated by docker-helper ${options.generator ?? `generate-compose --workload ${workload.id}${options.gpu ? ' --gpu' : ''}`}`,
		` Limits fit ${options.machine}.`,
		' On another machine, regenerate there (or see: docker-helper recommend).',
		' Check: docker compose config -q    Start: docker compose up -d    Health: docker compose ps',
	].join('\n');
	const svc = doc.getIn(['services', options.service], true);
	// PyYAML (YAML 1.1) reads an unquoted 8000:8000 as a base-60 number: always quote ports.
	const ports = doc.getIn(['services', options.service, 'ports'], true);
	if (ports && typeof ports === 'object' && 'items' in ports)
		for (const item of (ports as {items: unknown[]}).items) if (isScalar(item)) item.type = 'QUOTE_DOUBLE';
	// YAML 1.1 (Compose v1) reads a bare `no` as false: the restart policy is always a quoted string.
	const restart = doc.getIn(['services', options.service, 'restart'], true);
	if (isScalar(restart) && restart.value === 'no') restart.type = 'QUOTE_DOUBLE';
	if (options.image) comment(svc, 'image', 'A prebuilt image. To build from a Dockerfile instead: build: {context: .}');
	else comment(svc, 'build', `Built from ./Dockerfile and tagged ${options.tag ?? `${options.service}:local`}.`);
	if (options.publish !== false)
		comment(svc, 'ports', `host:container. Publishes on every interface; use "127.0.0.1:${options.port}:${options.port}" to keep it local.`);
	if ((options.env ?? []).length > 0) {
		comment(
			svc,
			'environment',
			'Settings and secrets stay out of the image and out of this file: ${NAME:-default} takes NAME from\nthe .env file beside this one when it exists (copy .env.example to .env; never commit .env), else the default.\nA missing .env is not an error. Add a line here for each new variable the service reads.',
		);
	}
	if (workload.usesGpu) {
		comment(
			svc,
			'volumes',
			`Model downloads survive rebuilds in a named volume. The image should create ${CACHE} owned by its\nnon-root user (RUN mkdir -p ${CACHE} && chown 1000:1000 ${CACHE}): a new volume copies that ownership.`,
		);
	}
	if ((options.dependsOn ?? []).length)
		comment(svc, 'depends_on', 'Started after these report healthy (their own healthchecks below), so the first connection does not fail.');
	comment(
		svc,
		'restart',
		options.restart === 'no' ? 'A tool runs once and exits: it is not restarted.' : 'Restarts after crashes and reboots, but not after you stop it yourself.',
	);
	comment(svc, 'init', 'A tiny init as PID 1 forwards SIGTERM and reaps zombie worker processes.');
	comment(
		svc,
		'healthcheck',
		`${options.healthWhy ?? `The probe uses ${options.probe}, which the image family has (slim Python images have no curl).`}${workload.usesGpu ? '\nstart_period covers model loading before failures count.' : ''}`,
	);
	if (settings) {
		comment(
			svc,
			'deploy',
			`From docker-helper recommend: limit ${settings.containerMemory.display} / ${settings.containerCpus.display}; reservations are half.\n${settings.containerMemory.reason}.${options.gpu ? '\nThe GPU reservation needs the NVIDIA Container Toolkit on the host.' : ''}`,
		);
		comment(svc, 'memswap_limit', settings.containerMemorySwap.reason);
		if (settings.shm) comment(svc, 'shm_size', settings.shm.reason);
		comment(svc, 'pids_limit', settings.pids.reason);
	}
	for (const d of options.dependsOn ?? []) comment(doc.get('services', true), d, BACKING[d].why);
	comment(svc, 'logging', 'Rotated logs: json-file without max-size grows until the disk is full.');
	return doc.toString({lineWidth: 0});
}

/** generate-compose's Result: the file (or why there is none), and what was written. */
export interface GenerateComposeResult {
	readonly workload: string;
	readonly service: string;
	readonly port: number;
	readonly gpu: boolean;
	readonly probe: Probe;
	/** null when the machine cannot run the workload: nothing was generated. */
	readonly content: string | null;
	readonly stdout: boolean;
	readonly written: WriteOutcome | null;
	/** Variables the service takes from .env (else their defaults), listed in .env.example. */
	readonly env: readonly EnvVar[];
	/** .env.example beside the compose file: written, or kept because one exists (never replaced). */
	readonly envExample: {readonly path: string; readonly status: 'written' | 'kept'} | null;
	readonly findings: readonly Finding[];
	readonly nextSteps: readonly string[];
}
