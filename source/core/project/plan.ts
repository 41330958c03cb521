/**
 * From a detection and the user's answers to the files `init` writes: the Dockerfile from the stack's
 * template, a .dockerignore for the language (generate-dockerignore's rules), compose.yaml (generate-compose's
 * builder, with the image's own healthcheck and the databases found) and .env.example. Pure.
 */
import {contextSources} from '../dockerignore/dockerfile-sources.js';
import {generateDockerignore} from '../dockerignore/generate.js';
import type {LanguageId} from '../dockerignore/rules.js';
import {HelperError} from '../errors.js';
import {isSecretName} from '../redact.js';
import type {Settings} from '../setup/recommend.js';
import type {Workload} from '../setup/workloads.js';
import {composeYaml, envExample, type EnvVar} from '../templates/compose.js';
import {imageNameFor} from '../templates.js';
import {fromEvidence} from './detect.js';
import {renderTemplate, type TemplateData} from './template-lang.js';
import {templateForStack, type InitTemplate, type TemplateSet} from './templates.js';
import type {ProjectDetection, ServiceId} from './types.js';

export interface InitAnswers {
	/** A template id (django, static-busybox, a custom one) or a detected stack's name. */
	readonly stack?: string;
	readonly port?: number;
	readonly entry?: string;
	/** The runtime version (--python 3.12, --node 22, --go 1.23, --java 21). */
	readonly runtime?: string;
	readonly gpu?: boolean;
	/** Backing services; undefined: the ones detected. */
	readonly services?: readonly ServiceId[];
	/** Replace the runtime stage's base image (a mirror, an internal registry, a fixture). */
	readonly base?: string;
	readonly scripts?: boolean;
	/**
	 * --api: serve Python code with no server of its own over HTTP. `module:function` is called per request
	 * (POST /call); a program (a module, a script file, the project's console script, or `cli` for the
	 * detected entry point) is run per request with the arguments given (POST /run).
	 */
	readonly api?: string;
}

export interface PlannedFile {
	readonly path: string;
	readonly purpose: string;
	readonly content: string;
	/** Executable (the helper scripts). */
	readonly executable?: boolean;
	/** An existing file of this name is kept, never replaced, even with --force (.env.example). */
	readonly keepExisting?: boolean;
}

export interface ResolvedAnswers {
	readonly template: string;
	readonly stack: string;
	readonly port: number | null;
	readonly entry: string | null;
	readonly runtime: string | null;
	readonly gpu: boolean;
	readonly services: readonly ServiceId[];
	readonly base: string;
	readonly image: string;
	/** --api: what http_api.py serves, and how (null without --api). */
	readonly api: {readonly target: string; readonly mode: 'function' | 'program'} | null;
}

export interface InitPlan {
	readonly template: {readonly id: string; readonly title: string; readonly source: 'shipped' | 'custom'; readonly dir: string};
	readonly answers: ResolvedAnswers;
	readonly files: readonly PlannedFile[];
	readonly env: readonly EnvVar[];
	readonly notes: readonly string[];
}

export interface PlanInput {
	readonly detection: ProjectDetection;
	readonly files: readonly string[];
	readonly answers: InitAnswers;
	readonly templates: TemplateSet;
	/** The project directory's name: the image and compose project are named after it. */
	readonly directoryName: string;
	/** recommend's numbers for this machine (null: the workload does not fit, no limits are written). */
	readonly settings: Settings | null;
	readonly workload: Workload;
	readonly machine: string;
}

// Values that end up inside generated files are checked, never pasted: a newline in an entry point would
// become a Dockerfile instruction, a quote in a base image a broken YAML string.
const ENTRY = /^[A-Za-z0-9_./:()-]+$/;
const VERSION = /^\d+(\.\d+){0,2}$/;
/** module:function, a module, or a script file: pasted into Python code and an argument list, so nothing else. */
const API_TARGET = /^(?:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?::[A-Za-z_]\w*)?|[\w-]+(?:\/[\w-]+)*\.py)$/;
const IMAGE_REF = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

function usage(message: string, hint: string): HelperError {
	return new HelperError('USAGE', message, hint);
}

/** Which template an answer or a detection names. */
export function chooseTemplate(set: TemplateSet, detection: ProjectDetection, wanted: string | undefined): InitTemplate {
	if (wanted) {
		const t = set.templates.find((x) => x.id === wanted) ?? templateForStack(set, wanted);
		if (t) return t;
		throw new HelperError(
			'UNKNOWN_VARIANT',
			`No init template '${wanted}'.`,
			`Choose one of: ${set.templates.map((x) => x.id).join(', ')} (docker-helper init --list).`,
			{stack: wanted, templates: set.templates.map((x) => x.id)},
		);
	}
	if (!detection.stack)
		throw usage(
			'No stack recognised in this directory.',
			`Pass one with --stack <name> (${set.templates.map((x) => x.id).join(', ')}), or run init in the project's root.`,
		);
	const t = templateForStack(set, detection.stack);
	if (!t) throw usage(`No template for the detected stack '${detection.stack}'.`, 'Pass --stack <template>, or add one with --template-dir.');
	return t;
}

/** A comment's text in lines of at most `width` characters, each a single line. */
export function wrapComment(text: string, width = 98): string[] {
	const words = oneLine(text).split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		if (line && line.length + 1 + w.length > width) {
			lines.push(line);
			line = w;
		} else line = line ? `${line} ${w}` : w;
	}
	if (line) lines.push(line);
	return lines;
}

function oneLine(s: string): string {
	return s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

const LANGUAGE_IGNORE: Readonly<Record<string, LanguageId | null>> = {python: 'python', node: 'node', go: 'go', java: 'java', static: null};

const NODE_PM = {
	npm: {manifests: ['package.json', 'package-lock.json'], install: 'npm ci', cache: '/root/.npm', run: 'npm run', prune: 'npm prune --omit=dev', prepare: ''},
	pnpm: {
		manifests: ['package.json', 'pnpm-lock.yaml'],
		install: 'pnpm install --frozen-lockfile',
		cache: '/root/.local/share/pnpm/store',
		run: 'pnpm run',
		prune: 'pnpm prune --prod',
		prepare: 'corepack enable',
	},
	yarn: {
		manifests: ['package.json', 'yarn.lock'],
		install: 'yarn install --frozen-lockfile',
		cache: '/usr/local/share/.cache/yarn',
		run: 'yarn run',
		prune: 'yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline',
		prepare: 'corepack enable',
	},
} as const;

/** The plan: every file init would write, with its content. Throws USAGE for an answer that cannot be used. */
export function planInit(input: PlanInput): InitPlan {
	const {detection, answers, templates} = input;
	const template = chooseTemplate(templates, detection, answers.stack ?? (answers.api !== undefined ? 'python-api' : undefined));
	const files = new Set(input.files);
	const notes: string[] = [];
	const api = answers.api === undefined ? null : resolveApi(answers.api, detection, template, files, notes);
	if (detection.stack && template.stack !== detection.stack && template.language !== detection.language)
		notes.push(`The ${template.id} template was chosen, but the project looks like ${detection.stack}.`);

	// Answers, checked.
	if (answers.port !== undefined && (!Number.isInteger(answers.port) || answers.port < 1 || answers.port > 65535))
		throw usage(`--port must be a whole number from 1 to 65535; got ${answers.port}.`, 'For example: --port 8000');
	if (answers.entry !== undefined && !ENTRY.test(answers.entry))
		throw usage(
			`--entry '${oneLine(answers.entry)}' is not a module, file or app object.`,
			'Use letters, digits and . / : ( ) _ -, for example --entry app.main:app or --entry server.js',
		);
	if (answers.runtime !== undefined && !VERSION.test(answers.runtime))
		throw usage(
			`The version '${oneLine(answers.runtime)}' is not a version number.`,
			`For example: --${template.runtime?.flag ?? 'python'} ${template.runtime?.default ?? '3.13'}`,
		);
	if (answers.base !== undefined && !IMAGE_REF.test(answers.base))
		throw usage(`--base '${oneLine(answers.base)}' is not an image reference.`, 'For example: --base registry.example.com/python:3.13-slim-trixie');

	const sameLanguage = detection.language === template.language;
	const runtime = template.runtime ? (answers.runtime ?? (sameLanguage ? detection.runtime?.value : undefined) ?? template.runtime.default) : null;
	const needsPort = template.health !== null || template.cmd.some((c) => c.includes('{{port}}'));
	const port = needsPort
		? (answers.port ?? (sameLanguage && template.stack === detection.stack ? detection.port?.value : undefined) ?? defaultPort(template))
		: (answers.port ?? null);
	const entryDefault = sameLanguage && template.stack === detection.stack ? detection.entry?.value : undefined;
	const entry = answers.entry ?? (entryDefault !== undefined && ENTRY.test(entryDefault) ? entryDefault : undefined) ?? fallbackEntry(template);
	const services = answers.services ?? detection.services.map((s) => s.value);
	const gpu = answers.gpu === true;
	const ai = detection.ai !== null || gpu;
	const image = imageNameFor(input.directoryName);
	const vars = {runtime: runtime ?? '', port: port ?? 0};
	const base = answers.base ?? renderTemplate(template.base, vars, {name: `${template.id}/template.json base`});
	const buildBase = template.buildBase ? renderTemplate(template.buildBase, vars, {name: `${template.id}/template.json buildBase`}) : '';
	if (!IMAGE_REF.test(base)) throw new Error(`${template.dir}/template.json: base renders to '${base}', not an image reference`);

	const detected = oneLine(detection.summary.slice(0, 3).join('; ') || 'nothing (stack chosen by hand)');
	const detectedLines = (detection.summary.length ? detection.summary.slice(0, 4) : ['nothing (stack chosen by hand)']).map(oneLine);
	const data: Record<string, unknown> = {
		...template.vars,
		title: oneLine(template.title),
		stack: template.id,
		detected,
		detectedLines,
		image,
		port: port ?? 0,
		entry: entry ?? '',
		runtime: runtime ?? '',
		base,
		buildBase,
		ai,
		healthPath: template.healthPath,
		healthWhy: oneLine(template.healthWhy),
		healthWhyLines: wrapComment(template.healthWhy),
		startPeriod: ai && template.language === 'python' ? '120s' : template.startPeriod,
	};
	data['extraEnv'] = template.env.map((e) => ({
		name: e.name,
		value: renderTemplate(e.value, data as TemplateData, {name: `${template.id}/template.json env`}),
	}));

	// Python: the package manager, system packages, servers the template needs but the project lacks.
	const deps = new Set(detection.dependencies.filter((d) => !d.dev).map((d) => d.name));
	const pm = detection.packageManager?.value ?? 'pip';
	data['pm'] = Object.fromEntries(
		['pip', 'uv', 'poetry', 'pdm', 'pipenv'].map((k) => [k, template.language === 'python' && (sameLanguage ? pm === k : k === 'pip')]),
	);
	data['hasRequirements'] = files.has('requirements.txt');
	const build = [...new Set(detection.systemPackages.flatMap((s) => s.build))].sort();
	const run = [...new Set(detection.systemPackages.flatMap((s) => s.runtime))].sort();
	data['buildPackages'] = sameLanguage ? build.join(' ') : '';
	data['runtimePackages'] = sameLanguage ? run.join(' ') : '';
	data['buildReason'] = oneLine(detection.systemPackages.map((s) => `${s.because} (${fromEvidence([s.evidence])})`).join('; '));
	data['buildReasonLines'] = detection.systemPackages.map((s) => oneLine(`${s.because} (${fromEvidence([s.evidence])}).`));
	const extra: string[] = [];
	if (template.vars['needsGunicorn'] && !deps.has('gunicorn')) extra.push('gunicorn==23.0.0');
	if (template.vars['needsUvicorn'] && !deps.has('uvicorn')) extra.push('uvicorn==0.35.0');
	data['extraPip'] = extra.join(' ');
	data['extraPipWhy'] =
		`${extra.map((e) => e.split('==')[0]).join(' and ')} serves the app but is not among the dependencies: pinned here (add it to your own dependencies to choose the version).`;
	data['extraPipWhyLines'] = wrapComment(data['extraPipWhy'] as string);
	data['collectstatic'] = detection.features.includes('django-static-root');
	data['entryArgv'] = entryArgv(entry);
	data['apiTarget'] = api?.target ?? '';
	data['apiProgram'] = api?.mode === 'program';

	// Node: the package manager's files and commands.
	const npm = NODE_PM[(pm === 'pnpm' || pm === 'yarn' ? pm : 'npm') as keyof typeof NODE_PM];
	const lockPresent = npm.manifests.slice(1).some((f) => files.has(f));
	data['nodeManifests'] = (lockPresent ? npm.manifests : ['package.json']).join(' ');
	data['nodeInstall'] = lockPresent ? npm.install : pm === 'npm' ? 'npm install' : npm.install.replace(' --frozen-lockfile', '');
	data['nodeCache'] = npm.cache;
	data['nodeRun'] = npm.run;
	data['nodePrepare'] = npm.prepare;
	data['nodePrepareWhy'] = `corepack provides ${pm} at the version package.json asks for (packageManager).`;
	const hasBuild = sameLanguage && detection.features.includes('build-script');
	data['nodeBuild'] = hasBuild ? `${npm.run} build && ` : '';
	data['nodePrune'] = npm.prune;
	data['hasPublic'] = detection.features.includes('public-dir');
	// Go and Java
	data['goManifests'] = files.has('go.sum') ? 'go.mod go.sum' : 'go.mod';
	data['gradleManifests'] =
		['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties'].filter((f) => files.has(f)).join(' ') || 'build.gradle';

	const expand = (list: readonly string[], what: string) =>
		list.flatMap((item) => {
			const splice = /^@(\w+)$/.exec(item);
			if (splice) return data[splice[1]!] as string[];
			return [renderTemplate(item, data as TemplateData, {name: `${template.id}/template.json ${what}`})];
		});
	data['cmd'] = expand(template.cmd, 'cmd');
	const health = template.health ? expand(template.health, 'health') : null;
	data['health'] = health;
	const dockerfile = renderTemplate(template.dockerfile, data as TemplateData, {name: `${template.id}/Dockerfile.tmpl`, partials: templates.partials});

	// .dockerignore: generate-dockerignore's blocks, keeping whatever this Dockerfile copies.
	const lang = LANGUAGE_IGNORE[template.language] ?? null;
	const ignore = generateDockerignore(lang ? [lang] : [], {
		header: [
			'Generated by docker-helper init.',
			'Everything listed here is never sent to the builder: it cannot leak into a layer or invalidate the cache.',
			'Patterns are relative to the build context root; **/x matches x at any depth; !x re-includes x.',
		],
		protect: contextSources('Dockerfile', dockerfile),
	});

	// compose.yaml and .env.example
	const env = composeEnv(detection, services, port);
	const compose = composeYaml(
		{
			service: 'app',
			tag: `${image}:local`,
			port: port ?? 0,
			gpu,
			probe: template.language === 'node' ? 'node' : 'python',
			healthPath: template.healthPath,
			machine: input.machine,
			env,
			generator: `init --stack ${template.id}`,
			healthTest: health ? ['CMD', ...health] : null,
			healthWhy: `The image's own probe: ${oneLine(template.healthWhy) || 'see the Dockerfile'}`,
			startPeriod: data['startPeriod'] as string,
			publish: port !== null,
			...(port === null ? {restart: 'no'} : {}),
			dependsOn: services,
		},
		input.settings,
		input.workload,
	);
	const planned: PlannedFile[] = [
		{path: 'Dockerfile', purpose: template.title, content: dockerfile},
		{path: '.dockerignore', purpose: `keeps .git, .env files${lang ? ` and ${lang} caches` : ''} out of the build context`, content: ignore.text},
		{
			path: 'compose.yaml',
			purpose: `the service${services.length ? ` with ${services.join(' and ')}` : ''}, healthcheck and limits for this machine`,
			content: compose,
		},
		{
			path: '.env.example',
			purpose: 'every variable the compose file passes in, with its default',
			content: envExample(env, [
				'Variables the compose file passes to the service; compose reads them from .env.',
				'Copy to .env and edit (never commit .env). Without .env the defaults apply.',
			]),
			keepExisting: true,
		},
	];
	if (api) {
		const render = (partial: string) => renderTemplate(`{{> ${partial}}}`, data as TemplateData, {name: `${partial}.tmpl`, partials: templates.partials});
		planned.push(
			{
				path: 'http_api.py',
				purpose: `serves ${api.target} over HTTP (${api.mode === 'program' ? 'POST /run' : 'POST /call'}, GET /health)`,
				content: render('http-api'),
			},
			{path: 'test_http_api.py', purpose: 'tests the wrapper: python -m unittest test_http_api', content: render('http-api-test')},
		);
	}
	if (answers.scripts) planned.push(...helperScripts(image, port, services.length > 0));
	if (template.id === 'nextjs' && !detection.features.includes('next-standalone'))
		notes.push("The build needs output: 'standalone' in next.config: add it before building.");
	return {
		template: {id: template.id, title: template.title, source: template.source, dir: template.dir},
		answers: {template: template.id, stack: template.stack, port, entry: entry ?? null, runtime, gpu, services, base, image, api},
		files: planned,
		env,
		notes,
	};
}

/**
 * How the Python entry point runs: `module:function` (a console script) is imported and called with
 * the container's arguments in sys.argv; a module with -m; a file as a script.
 */
function entryArgv(entry: string | undefined): string[] {
	if (!entry) return ['main.py'];
	if (entry.endsWith('.py')) return [entry];
	const colon = /^([\w.]+):(\w+)$/.exec(entry);
	if (colon) return ['-c', `import sys; from ${colon[1]} import ${colon[2]}; sys.exit(${colon[2]}())`];
	return ['-m', entry];
}

/** --api's target, checked, and whether it is a function to call or a program to run. */
function resolveApi(raw: string, detection: ProjectDetection, template: InitTemplate, files: ReadonlySet<string>, notes: string[]): ResolvedAnswers['api'] {
	if (template.language !== 'python')
		throw usage(
			`--api wraps Python code, and the ${template.id} template is for ${template.language}.`,
			'Use --api in a Python project: --api <module>:<function>, --api <module>, --api <script>.py or --api cli.',
		);
	const cli = detection.stack === 'python-script' && detection.language === 'python' ? (detection.entry?.value ?? null) : null;
	let target = raw.trim();
	if (target === 'cli') {
		if (!cli)
			throw usage(
				'--api cli: no entry point was found (main.py, a package __main__.py or [project.scripts]).',
				'Name what to serve: --api <module>:<function>, --api <module> or --api <script>.py',
			);
		target = cli;
	}
	if (!API_TARGET.test(target))
		throw usage(
			`--api '${oneLine(target)}' is not a module:function, a module or a .py file.`,
			'For example: --api mypkg.core:summarize, --api mypkg, --api tool.py or --api cli (the detected entry point)',
		);
	// A colon names a function, unless it is the project's console script: that one parses sys.argv itself.
	const consoleScript = target === cli && (detection.entry?.evidence ?? []).some((e) => e.file === 'pyproject.toml');
	const mode = !target.includes(':') || consoleScript ? 'program' : 'function';
	if (consoleScript) notes.push(`${target} is the project's console script: it is run as a program (POST /run with its arguments), not called.`);
	const module = target.endsWith('.py') ? null : target.split(':')[0]!;
	const where = module ? module.split('.').join('/') : target;
	const candidates = module ? [`${where}.py`, `${where}/__init__.py`, `src/${where}.py`, `src/${where}/__init__.py`] : [target];
	if (module && !target.includes(':')) candidates.push(`${where}/__main__.py`);
	if (files.size && !candidates.some((c) => files.has(c)))
		notes.push(`${module ?? target} is not a file of this project (${candidates[0]}): the image must get it from the dependencies.`);
	return {target, mode};
}

function defaultPort(t: InitTemplate): number {
	const STACK: Record<string, number> = {
		django: 8000,
		flask: 8000,
		gunicorn: 8000,
		fastapi: 8000,
		streamlit: 8501,
		gradio: 7860,
		express: 3000,
		node: 3000,
		nestjs: 3000,
		nextjs: 3000,
	};
	return STACK[t.stack] ?? (t.language === 'python' ? 8000 : t.language === 'node' ? 3000 : 8080);
}

function fallbackEntry(t: InitTemplate): string | undefined {
	const BY_STACK: Record<string, string> = {
		express: 'server.js',
		node: 'server.js',
		nestjs: 'dist/main.js',
		nextjs: 'server.js',
		'node-static': 'dist',
		go: '.',
		static: 'index.html',
		'python-script': 'main.py',
		streamlit: 'app.py',
		gradio: 'app.py',
	};
	return BY_STACK[t.stack];
}

/** The variables compose passes in: what the code reads (with its own defaults), and the backing services' URLs. */
export function composeEnv(detection: ProjectDetection, services: readonly ServiceId[], port: number | null): EnvVar[] {
	const out: EnvVar[] = [];
	const urls: Record<string, {service: ServiceId; value: string}> = {
		DATABASE_URL: {service: 'postgres', value: 'postgres://app:app@postgres:5432/app'},
		REDIS_URL: {service: 'redis', value: 'redis://redis:6379/0'},
	};
	// The app's side of the database settings must match the postgres service's own defaults.
	const shared: Record<string, {service: ServiceId; value: string}> = {
		POSTGRES_USER: {service: 'postgres', value: 'app'},
		POSTGRES_PASSWORD: {service: 'postgres', value: 'app'},
		POSTGRES_DB: {service: 'postgres', value: 'app'},
		POSTGRES_HOST: {service: 'postgres', value: 'postgres'},
		DB_HOST: {service: 'postgres', value: 'postgres'},
		REDIS_HOST: {service: 'redis', value: 'redis'},
	};
	for (const e of detection.env) {
		if (e.name === 'PORT' && port !== null) continue;
		const same = shared[e.name];
		if (same && services.includes(same.service)) {
			out.push({
				name: e.name,
				default: same.value,
				why: `the ${same.service} service in this compose file uses the same value${e.name.includes('PASSWORD') ? ' (a local default: set your own in .env anywhere else)' : ''}`,
			});
			continue;
		}
		const url = urls[e.name];
		if (url && services.includes(url.service)) continue;
		const where = fromEvidence(e.evidence.slice(0, 2)).replace(/^from /, '');
		const secret = isSecretName(e.name);
		out.push({
			name: e.name,
			default: e.default ?? '',
			why: `read by ${where}${secret ? (e.default ? "; without it the code's own fallback applies: set a real value in .env" : '; set it in .env') : ''}`,
			...(secret ? {secret} : {}),
		});
	}
	for (const [name, url] of Object.entries(urls)) {
		if (services.includes(url.service))
			out.push({name, default: url.value, why: `the ${url.service} service in this compose file (its host name is the service name)`});
	}
	if (!out.some((v) => v.name === 'TZ')) out.push({name: 'TZ', default: 'UTC', why: 'time zone for log timestamps and local times'});
	return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** --scripts: build, run, test, logs and stop as small shell scripts, and a README with the commands. */
function helperScripts(image: string, port: number | null, hasServices: boolean): PlannedFile[] {
	const head = '#!/bin/sh\n# Generated by docker-helper init --scripts.\nset -eu\ncd "$(dirname "$0")/.."\n';
	const compose = 'if docker compose version >/dev/null 2>&1; then dc="docker compose"; else dc="docker-compose"; fi\n';
	const files: PlannedFile[] = [
		{path: 'docker/build.sh', purpose: 'builds the image', executable: true, content: `${head}${compose}$dc build "$@"\n`},
		{
			path: 'docker/run.sh',
			purpose: 'starts the service (and its databases) in the background',
			executable: true,
			content: `${head}${compose}$dc up -d "$@"\n$dc ps\n`,
		},
		{
			path: 'docker/test.sh',
			purpose: 'builds, starts, waits until healthy, then stops',
			executable: true,
			content: `${head}${compose}$dc up -d --build\ntrap '$dc down' EXIT\ncid=$($dc ps -q app)\ni=0\nwhile [ $i -lt 60 ]; do\n  status=$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$cid")\n  case $status in\n    healthy) echo "app is healthy"; exit 0 ;;\n    unhealthy|exited|dead) echo "app is $status" >&2; $dc logs --tail 50 app >&2; exit 1 ;;\n  esac\n  i=$((i + 1)); sleep 2\ndone\necho "app did not become healthy in 120 s" >&2\n$dc logs --tail 50 app >&2\nexit 1\n`,
		},
		{path: 'docker/logs.sh', purpose: 'follows the logs', executable: true, content: `${head}${compose}$dc logs -f --tail 100 "$@"\n`},
		{path: 'docker/stop.sh', purpose: 'stops and removes the containers (volumes are kept)', executable: true, content: `${head}${compose}$dc down "$@"\n`},
	];
	const readme = [
		'# Running with Docker',
		'',
		'Generated by `docker-helper init --scripts`. Each script runs from any directory.',
		'',
		'| command | what it does |',
		'| --- | --- |',
		...files.map((f) => `| \`${f.path}\` | ${f.purpose} |`),
		'',
		`The image is \`${image}\`${port !== null ? `; the service listens on http://localhost:${port}` : ''}.${hasServices ? ' The databases start with it and keep their data in named volumes (`docker/stop.sh -v` removes them).' : ''}`,
		'Settings come from `.env` (copy `.env.example`); without it the defaults apply.',
		'',
	].join('\n');
	return [...files, {path: 'docker/README.md', purpose: 'the commands, for the project README', content: readme}];
}
