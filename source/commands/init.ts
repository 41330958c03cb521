import {promises as fs} from 'node:fs';
import path from 'node:path';
import {checkWriteTarget, readFileBounded, writeFileSafe} from '../adapters/files.js';
import {configTemplateDir, loadShippedTemplates, loadTemplateDir} from '../adapters/init-templates.js';
import {listProject, readProjectFiles} from '../adapters/project.js';
import {EXIT, HelperError} from '../core/errors.js';
import type {InitAnswers} from '../core/project/plan.js';
import type {InitFile, InitResult} from '../core/project/result.js';
import {mergeTemplateSets, type TemplateSet} from '../core/project/templates.js';
import type {ServiceId} from '../core/project/types.js';
import {recommend} from '../core/setup/recommend.js';
import {WORKLOADS} from '../core/setup/workloads.js';
import {initText} from '../output/init.js';
import {gatherSetupFacts} from './setup-facts.js';
import {flagBool, flagNumber, flagString, type Command, type Context, type Input} from './types.js';

const SERVICES: readonly ServiceId[] = ['postgres', 'redis'];
const VERSION_FLAGS = ['python', 'node', 'go', 'java'] as const;

function servicesFlag(input: Input): ServiceId[] | undefined {
	const raw = flagString(input, 'with');
	if (raw === undefined) return undefined;
	if (raw.trim() === 'none') return [];
	const names = raw
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter(Boolean);
	for (const n of names)
		if (!SERVICES.includes(n as ServiceId))
			throw new HelperError('USAGE', `--with ${n}: not a service init can add.`, `Use --with ${SERVICES.join(',')} (any of them), or --with none.`);
	return [...new Set(names)] as ServiceId[];
}

function answersFrom(input: Input): InitAnswers {
	const versions = VERSION_FLAGS.map((f) => flagString(input, f)).filter((v): v is string => v !== undefined);
	if (new Set(versions).size > 1)
		throw new HelperError(
			'USAGE',
			`Two runtime versions given: ${versions.join(' and ')}.`,
			'Give the version of the stack you build: --python, --node, --go or --java.',
		);
	const services = servicesFlag(input);
	const port = flagNumber(input, 'port');
	return {
		...(flagString(input, 'stack') ? {stack: flagString(input, 'stack')!.toLowerCase()} : {}),
		...(port !== undefined ? {port} : {}),
		...(flagString(input, 'entry') ? {entry: flagString(input, 'entry')!} : {}),
		...(versions[0] ? {runtime: versions[0]} : {}),
		gpu: flagBool(input, 'gpu'),
		...(services ? {services} : {}),
		...(flagString(input, 'base') ? {base: flagString(input, 'base')!} : {}),
		scripts: flagBool(input, 'scripts'),
		...(flagString(input, 'api') !== undefined ? {api: flagString(input, 'api')!} : {}),
	};
}

async function templateSet(ctx: Context, input: Input, directory: string): Promise<TemplateSet> {
	const shipped = await loadShippedTemplates();
	const explicit = flagString(input, 'templateDir');
	const dir = explicit ? path.resolve(ctx.cwd, explicit) : await configTemplateDir(directory);
	return dir ? mergeTemplateSets(shipped, await loadTemplateDir(dir, 'custom')) : shipped;
}

async function current(file: string, shown: string): Promise<string | null> {
	// Links and special files are refused before anything is read (FILE_UNSAFE).
	const stat = await checkWriteTarget(file);
	if (!stat) return null;
	return (await readFileBounded(file, {display: shown})).toString('utf8');
}

export const init: Command<InitResult> = {
	name: 'init',
	summary: 'Detect the project and write a hardened Dockerfile, .dockerignore, compose.yaml and .env.example',
	description:
		'Looks at the project (manifests, lockfiles, a few source files) and recognises Python (pip, uv, Poetry, PDM,\n' +
		'Pipenv; Django, Flask, FastAPI, gunicorn, Streamlit, Gradio, scripts), Node.js (npm, pnpm, yarn; Express,\n' +
		'Next.js, NestJS, built front ends), Go, Java (Maven, Gradle) and static sites, with the evidence for each\n' +
		"fact. It then writes a multi-stage Dockerfile from the stack's template (non-root UID 1000, cache-ordered\n" +
		'layers, BuildKit cache mounts, a HEALTHCHECK the runtime image can run, exec-form CMD), a .dockerignore,\n' +
		'compose.yaml (healthcheck, depends_on the databases it found, limits from recommend, ${VAR:-default}\n' +
		'so a missing .env is not an error) and .env.example. Nothing is written when a file exists, unless --force\n' +
		'(numbered backups); --dry-run shows every file and its diff. In a terminal a wizard opens; --yes answers\n' +
		'from the flags and the detection. --build builds the image on the engine afterwards.',
	usage:
		'docker-helper init [--dir <path>] [--yes | --dry-run] [--stack <name>] [--port <n>] [--entry <x>] [--python|--node|--go|--java <version>] [--gpu] [--with postgres,redis] [--force] [--scripts] [--api <module:function>|cli] [--template-dir <path>] [--build]',
	examples: [
		'docker-helper init --dry-run',
		'docker-helper init --yes',
		'docker-helper init --yes --stack fastapi --python 3.12 --port 8080 --with redis',
		'docker-helper init --yes --force --scripts',
		'docker-helper init --yes --api textstats.core:summarize',
		'docker-helper init --list --template-dir ~/team-templates',
		'docker-helper init --yes --stack static-busybox --build',
	],
	group: 'templates',
	args: [],
	flags: {
		dir: {type: 'string', placeholder: 'path', description: 'Project directory (default: the current directory)'},
		yes: {type: 'boolean', shortFlag: 'y', description: 'No questions: use the detection and the flags, and write'},
		dryRun: {type: 'boolean', description: 'Show every file init would write, with diffs against what is there; write nothing'},
		list: {type: 'boolean', description: 'List the templates (shipped and from --template-dir)'},
		stack: {type: 'string', placeholder: 'name', description: 'Template to use instead of the detected one (see --list)'},
		port: {type: 'number', placeholder: 'n', description: 'Port the app listens on'},
		entry: {type: 'string', placeholder: 'x', description: 'Entry point: module:app, a script, a file, a Go package'},
		python: {type: 'string', placeholder: 'version', description: 'Python version (default: .python-version, requires-python, else 3.13)'},
		node: {type: 'string', placeholder: 'version', description: 'Node.js major version (default: .nvmrc, engines.node, else 24)'},
		go: {type: 'string', placeholder: 'version', description: 'Go version (default: go.mod, else 1.24)'},
		java: {type: 'string', placeholder: 'version', description: 'Java version (default: pom.xml / build.gradle, else 21)'},
		gpu: {type: 'boolean', description: 'Reserve NVIDIA GPUs in compose.yaml (needs the NVIDIA Container Toolkit)'},
		with: {type: 'string', placeholder: 'list', description: 'Backing services: postgres,redis (default: the ones detected), or none'},
		base: {type: 'string', placeholder: 'image', description: "Runtime stage's base image instead of the template's (a mirror or internal registry)"},
		force: {type: 'boolean', description: 'Replace existing files, keeping each as a numbered backup (<file>.bak, .bak.2 ...)'},
		scripts: {type: 'boolean', description: 'Also write docker/build.sh, run.sh, test.sh, logs.sh, stop.sh and docker/README.md'},
		api: {
			type: 'string',
			placeholder: 'target',
			description:
				'Serve Python code that has no server over HTTP: module:function (POST /call), a module, a .py file or cli (POST /run); writes http_api.py with GET /health, and its test',
		},
		templateDir: {
			type: 'string',
			placeholder: 'path',
			description: 'Your own templates: override or add to the shipped ones (also init.templateDir in .docker-helper.yaml)',
		},
		build: {type: 'boolean', description: 'After writing, build the image on the engine (tagged <dir>:local) and run verify on it'},
		timeout: {type: 'number', placeholder: 's', description: 'With --build: seconds the image gets to become healthy (default 60)'},
	},
	opensApp: (input) => !flagBool(input, 'yes') && !flagBool(input, 'dryRun') && !flagBool(input, 'list'),
	async run(ctx, input) {
		const directory = path.resolve(ctx.cwd, flagString(input, 'dir') ?? '.');
		const stat = await fs.stat(directory).catch(() => null);
		if (!stat?.isDirectory())
			throw new HelperError('FILE_UNREADABLE', `${directory} is not a directory.`, 'Pass the project directory with --dir, or run init inside it.');
		const set = await templateSet(ctx, input, directory);
		const templates = set.templates.map((t) => ({
			id: t.id,
			title: t.title,
			summary: t.summary,
			stack: t.stack,
			source: t.source,
			runtimeFlag: t.runtime?.flag ?? null,
		}));
		const empty = {
			directory,
			detection: null,
			template: null,
			answers: null,
			templates,
			files: [],
			env: [],
			notes: [],
			findings: [],
			build: null,
			nextSteps: [],
		};
		if (flagBool(input, 'list')) return {...empty, mode: 'list'};
		if (flagBool(input, 'yes') && flagBool(input, 'dryRun'))
			throw new HelperError('USAGE', '--yes and --dry-run contradict each other.', 'Use --dry-run to see the files, then --yes to write them.');

		ctx.progress('Looking at the project…');
		const listing = await listProject(directory);
		// Loaded here, not at start-up: the detector and the Dockerfile parser are for init only.
		const [{detectProject, wantedFiles}, {planInit}] = await Promise.all([import('../core/project/detect.js'), import('../core/project/plan.js')]);
		const contents = await readProjectFiles(directory, wantedFiles(listing.files));
		const detection = detectProject({files: listing.files, contents, truncated: listing.truncated});
		const answers = answersFrom(input);

		const ai = detection.ai !== null || answers.gpu === true;
		const workload = WORKLOADS[ai ? 'ai-inference' : 'web'];
		const facts = await gatherSetupFacts(ctx, {diskUsage: false});
		const rec = recommend(facts, workload);
		const settings = rec.feasible && rec.settings ? rec.settings : null;
		const plan = planInit({
			detection,
			files: listing.files,
			answers,
			templates: set,
			directoryName: path.basename(directory),
			settings,
			workload,
			machine: rec.machine.description,
		});
		const findings = rec.findings.filter((f) => f.severity !== 'info');
		if (!settings)
			findings.push({
				id: 'init.no-limits',
				severity: 'warn',
				message: `This machine is below the ${workload.title} minimum: compose.yaml has no resource limits.`,
				hint: 'Run docker-helper recommend on the machine you deploy to, and regenerate there.',
			});

		const force = flagBool(input, 'force');
		const {createTwoFilesPatch} = await import('diff');
		const files: InitFile[] = [];
		for (const f of plan.files) {
			const target = path.join(directory, ...f.path.split('/'));
			const before = await current(target, f.path);
			const status: InitFile['status'] =
				before === null ? 'create' : before === f.content ? 'unchanged' : f.keepExisting ? 'kept' : force ? 'replace' : 'exists';
			const diff =
				status === 'unchanged' || status === 'kept'
					? null
					: createTwoFilesPatch(before === null ? '/dev/null' : `a/${f.path}`, `b/${f.path}`, before ?? '', f.content, undefined, undefined, {context: 3});
			files.push({path: f.path, purpose: f.purpose, status, bytes: Buffer.byteLength(f.content), content: f.content, diff, backup: null});
		}
		const base = {
			directory,
			detection,
			template: plan.template,
			answers: plan.answers,
			templates,
			env: plan.env,
			notes: [...detection.notes, ...plan.notes],
			findings,
			build: null,
		};
		const again = (extra: string) =>
			`docker-helper init${flagString(input, 'dir') ? ` --dir ${flagString(input, 'dir')}` : ''} --yes${extra}${answers.stack ? ` --stack ${plan.answers.template}` : ''}`;

		// Preview: inside the app before the user confirms, --dry-run, or no terminal and no --yes.
		const yes = flagBool(input, 'yes');
		if (!yes) {
			const mode = ctx.interactive && !flagBool(input, 'dryRun') ? 'preview' : 'dry-run';
			const blocked = files.filter((f) => f.status === 'exists');
			return {
				...base,
				mode,
				files,
				nextSteps: [blocked.length ? `${again(' --force')}   # writes; replaced files are kept as numbered .bak` : `${again('')}   # writes these files`],
			};
		}
		const blocked = files.filter((f) => f.status === 'exists');
		if (blocked.length) {
			return {
				...base,
				mode: 'blocked',
				files,
				nextSteps: [`docker-helper init --dry-run   # see the differences`, `${again(' --force')}   # replaces them, keeping each as a numbered .bak`],
			};
		}
		ctx.progress('Writing…');
		const written: InitFile[] = [];
		for (const f of files) {
			if (f.status !== 'create' && f.status !== 'replace') {
				written.push(f);
				continue;
			}
			const planned = plan.files.find((p) => p.path === f.path)!;
			const target = path.join(directory, ...f.path.split('/'));
			await fs.mkdir(path.dirname(target), {recursive: true});
			const outcome = await writeFileSafe(target, f.content, {force: f.status === 'replace', ...(planned.executable ? {mode: 0o755} : {})});
			written.push({...f, backup: outcome.backup ? path.relative(directory, outcome.backup) : null});
		}
		const rel = path.relative(ctx.cwd, directory) || '.';
		const inDir = rel === '.' ? '' : `cd ${rel} && `;
		const nextSteps = [
			...(plan.notes.length ? [] : []),
			`${inDir}docker-helper lint Dockerfile   # the generated Dockerfile, checked`,
			`${inDir}docker compose config -q   # validate compose.yaml (no .env needed)`,
			`${inDir}docker compose up -d --build`,
			`${inDir}docker compose ps   # STATUS turns (healthy) once the healthcheck passes`,
		];
		let build: InitResult['build'] = null;
		if (flagBool(input, 'build')) {
			const {buildAndVerify} = await import('./init-build.js');
			build = await buildAndVerify(ctx, directory, plan.answers.image, {timeout: flagNumber(input, 'timeout') ?? 60});
		}
		return {...base, mode: 'written', files: written, build, nextSteps};
	},
	exitCode: (result) => (result.mode === 'blocked' || (result.build !== null && !result.build.ok) ? EXIT.failure : EXIT.ok),
	text: (result, theme) => initText(result, theme),
};
