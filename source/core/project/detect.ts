/**
 * The project detector: which stack a directory holds, and what the Docker setup must know about it
 * (runtime version, entry point, port, system packages, AI/ML libraries, databases, variables read).
 * Pure: a listing of the project's files and the contents of the few that `wantedFiles` names.
 */
import {AI_LIBRARIES, NATIVE_DEPENDENCIES, SERVICE_DEPENDENCIES, SERVICE_TEXT} from './knowledge.js';
import {findLine, parsePackageJson, parsePipfile, parsePyproject, parseRequirements, pypiName, versionIn, type PackageJson} from './manifests.js';
import type {Dependency, EnvRead, Evidence, Found, Language, PackageManager, ProjectDetection, ServiceId, StackId, SystemPackages} from './types.js';

export interface ProjectInput {
	/** Paths relative to the project root, `/` separators; directories end in `/`. */
	readonly files: readonly string[];
	/** Contents of (some of) the files `wantedFiles` asked for; a missing one was unreadable. */
	readonly contents: Readonly<Record<string, string>>;
	/** The walk stopped early: detection saw only part of the tree. */
	readonly truncated?: boolean;
}

const MANIFESTS = new Set([
	'pyproject.toml',
	'Pipfile',
	'setup.py',
	'setup.cfg',
	'.python-version',
	'runtime.txt',
	'manage.py',
	'Procfile',
	'gunicorn.conf.py',
	'package.json',
	'.nvmrc',
	'.node-version',
	'nest-cli.json',
	'go.mod',
	'pom.xml',
	'build.gradle',
	'build.gradle.kts',
	'index.html',
	'.env.example',
	'.env.sample',
	'.streamlit/config.toml',
	'src/main/resources/application.properties',
	'src/main/resources/application.yml',
	'src/main/resources/application.yaml',
]);
const SOURCE = /\.(py|js|mjs|cjs|ts|go)$/;
const SKIP_DIRS = /(^|\/)(node_modules|\.venv|venv|\.git|dist|build|\.next|tests?|__pycache__|migrations|static|public|vendor)\//;
const MAX_SOURCES = 48;
/** Files init itself writes (--api's wrapper): read back on a re-run, they would change what is detected. */
const WRITTEN_BY_INIT = new Set(['http_api.py', 'test_http_api.py']);

/** The files whose contents detection reads: manifests, then up to 48 source files near the root. */
export function wantedFiles(files: readonly string[]): string[] {
	const plain = files.filter((f) => !f.endsWith('/'));
	const out = plain.filter(
		(f) => MANIFESTS.has(f) || /^requirements[\w.-]*\.txt$/.test(f) || /^requirements\/[\w.-]+\.txt$/.test(f) || /^next\.config\.(js|mjs|cjs|ts)$/.test(f),
	);
	const depth = (f: string) => f.split('/').length;
	const sources = plain
		.filter(
			(f) =>
				SOURCE.test(f) &&
				depth(f) <= 3 &&
				!SKIP_DIRS.test(f) &&
				!WRITTEN_BY_INIT.has(f) &&
				!/\.(test|spec|d)\.[jt]s$/.test(f) &&
				!/(^|\/)test_[^/]*\.py$/.test(f),
		)
		.sort((a, b) => depth(a) - depth(b) || priority(a) - priority(b) || a.localeCompare(b));
	return [...out, ...sources.slice(0, MAX_SOURCES)];
}

const PREFERRED = [
	'main.py',
	'app.py',
	'app/main.py',
	'wsgi.py',
	'asgi.py',
	'server.py',
	'api.py',
	'server.js',
	'index.js',
	'app.js',
	'main.go',
	'src/main.ts',
	'src/index.ts',
	'src/index.js',
	'src/server.js',
	'src/app.js',
];
function priority(f: string): number {
	const i = PREFERRED.indexOf(f);
	if (i !== -1) return i;
	return /settings\.py$|wsgi\.py$|asgi\.py$/.test(f) ? PREFERRED.length : PREFERRED.length + 1;
}

// ---------------------------------------------------------------------------------------------
// helpers

function ev(file: string, line?: number, text?: string): Evidence {
	return {file, ...(line !== undefined ? {line} : {}), ...(text !== undefined ? {text: text.length > 120 ? `${text.slice(0, 117)}...` : text} : {})};
}

function depEvidence(d: Dependency): Evidence {
	return ev(d.file, d.line, d.text);
}

/** "requirements.txt line 3", "manage.py". */
export function describeEvidence(e: Evidence): string {
	return e.line !== undefined ? `${e.file} line ${e.line}` : e.file;
}

/** "from requirements.txt line 3 and manage.py"; lines of the same file are grouped. */
export function fromEvidence(evidence: readonly Evidence[]): string {
	if (evidence.length === 0) return '';
	const byFile = new Map<string, number[]>();
	for (const e of evidence) {
		const lines = byFile.get(e.file) ?? [];
		if (e.line !== undefined && !lines.includes(e.line)) lines.push(e.line);
		byFile.set(e.file, lines);
	}
	const parts = [...byFile].map(([file, lines]) =>
		lines.length === 0 ? file : lines.length === 1 ? `${file} line ${lines[0]}` : `${file} lines ${lines.sort((a, b) => a - b).join(', ')}`,
	);
	const joined = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
	return `from ${joined}`;
}

function has(files: ReadonlySet<string>, name: string): boolean {
	return files.has(name);
}

/** "app/main.py" → "app.main". */
function moduleOf(file: string): string {
	return file
		.replace(/\.py$/, '')
		.replace(/\/__init__$/, '')
		.split('/')
		.join('.');
}

function firstLine(text: string | undefined): string | null {
	const l = text
		?.split(/\r?\n/)
		.map((x) => x.trim())
		.find((x) => x !== '' && !x.startsWith('#'));
	return l ?? null;
}

/** "3.12.4" → "3.12"; ">=3.11,<4" → "3.11"; "^3.10" → "3.10"; "python-3.11.2" → "3.11". */
function pythonMinor(spec: string): string | null {
	const m = /(3)\.(\d+)/.exec(spec);
	return m ? `${m[1]}.${m[2]}` : null;
}

/** ">=20", "v20.11.1", "lts/iron", "^18 || ^20" → the major named first ("20", "18"); lts names are not versions. */
function nodeMajor(spec: string): string | null {
	const m = /(\d+)/.exec(spec);
	return m ? m[1]! : null;
}

const OS_VARS = new Set(['PATH', 'HOME', 'USER', 'PWD', 'SHELL', 'TERM', 'HOSTNAME', 'LANG', 'TMPDIR', 'NODE_ENV', 'PYTHONPATH', 'CI']);

/** Variables the code reads: os.environ / os.getenv / environ.get (Python), process.env (Node), os.Getenv (Go). */
export function envReads(contents: Readonly<Record<string, string>>): EnvRead[] {
	const found = new Map<string, {default: string | null; evidence: Evidence[]}>();
	const patterns: RegExp[] = [
		/os\.environ\.get\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*(?:,\s*(?:["']([^"'\n]*)["']|(-?\d+(?:\.\d+)?)|(True|False)))?/g,
		/os\.getenv\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*(?:,\s*(?:["']([^"'\n]*)["']|(-?\d+(?:\.\d+)?)|(True|False)))?/g,
		/os\.environ\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]/g,
		/\benv(?:\.str|\.int|\.bool)?\(\s*["']([A-Z_][A-Z0-9_]*)["']\s*(?:,\s*default\s*=\s*(?:["']([^"'\n]*)["']|(-?\d+)|(True|False)))?/g,
		/process\.env\.([A-Za-z_][A-Za-z0-9_]*)(?:\s*(?:\|\||\?\?)\s*(?:["'`]([^"'`\n]*)["'`]|(\d+)))?/g,
		/process\.env\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\](?:\s*(?:\|\||\?\?)\s*(?:["'`]([^"'`\n]*)["'`]|(\d+)))?/g,
		/os\.Getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g,
	];
	for (const [file, text] of Object.entries(contents).sort(([a], [b]) => a.localeCompare(b))) {
		if (!SOURCE.test(file) && !/application\.(properties|ya?ml)$/.test(file)) continue;
		const lines = text.split(/\r?\n/);
		lines.forEach((line, i) => {
			const scan = (name: string, dflt: string | null) => {
				if (OS_VARS.has(name)) return;
				const entry = found.get(name) ?? {default: null, evidence: []};
				if (entry.default === null && dflt !== null) entry.default = dflt;
				if (entry.evidence.length < 3) entry.evidence.push(ev(file, i + 1, line.trim()));
				found.set(name, entry);
			};
			for (const re of patterns) {
				re.lastIndex = 0;
				for (const m of line.matchAll(re)) scan(m[1]!, m[2] ?? m[3] ?? m[4] ?? null);
			}
			// Spring: ${NAME:default} in application.properties / .yml
			if (/application\.(properties|ya?ml)$/.test(file)) for (const m of line.matchAll(/\$\{([A-Z_][A-Z0-9_]*)(?::([^}]*))?\}/g)) scan(m[1]!, m[2] ?? null);
		});
	}
	// Names a project's own .env.example lists are read too (by the framework or a library).
	for (const file of ['.env.example', '.env.sample']) {
		const text = contents[file];
		// One that init wrote lists what init found: reading it back would feed init its own output.
		if (text === undefined || text.startsWith(GENERATED_ENV_HEADER)) continue;
		text.split(/\r?\n/).forEach((line, i) => {
			const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
			if (!m || OS_VARS.has(m[1]!)) return;
			const entry = found.get(m[1]!) ?? {default: null, evidence: []};
			const value = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
			if (entry.default === null && value !== '' && !SECRETISH.test(m[1]!)) entry.default = value;
			if (entry.evidence.length < 3) entry.evidence.push(ev(file, i + 1));
			found.set(m[1]!, entry);
		});
	}
	return [...found].map(([name, v]) => ({name, default: v.default, evidence: v.evidence})).sort((a, b) => a.name.localeCompare(b.name));
}

/** The first line of the .env.example that init and generate-compose write. */
export const GENERATED_ENV_HEADER = '# Variables the compose file passes to the service';

export const SECRETISH = /SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE|CREDENTIAL|_KEY$|^KEY$/i;

function aiFrom(deps: readonly Dependency[]): Found<readonly string[]> | null {
	const hits = deps.filter((d) => !d.dev && AI_LIBRARIES.includes(d.name));
	return hits.length ? {value: [...new Set(hits.map((d) => d.name))], evidence: hits.map(depEvidence)} : null;
}

function servicesFrom(deps: readonly Dependency[], contents: Readonly<Record<string, string>>): Found<ServiceId>[] {
	const out: Found<ServiceId>[] = [];
	for (const id of ['postgres', 'redis'] as const) {
		const evidence: Evidence[] = deps.filter((d) => !d.dev && SERVICE_DEPENDENCIES[id].includes(d.name)).map(depEvidence);
		for (const [file, text] of Object.entries(contents)) {
			if (!SOURCE.test(file) && !/application\.(properties|ya?ml)$|\.env\.(example|sample)$/.test(file)) continue;
			const hit = findLine(text, SERVICE_TEXT[id]);
			if (hit) evidence.push(ev(file, hit.line, hit.text));
		}
		if (evidence.length) out.push({value: id, evidence: evidence.slice(0, 3)});
	}
	return out;
}

function systemPackagesFrom(deps: readonly Dependency[]): SystemPackages[] {
	const out: SystemPackages[] = [];
	for (const native of NATIVE_DEPENDENCIES) {
		const d = deps.find((x) => !x.dev && native.names.includes(x.name));
		if (d) out.push({because: native.why, build: native.build, runtime: native.runtime, evidence: depEvidence(d)});
	}
	return out;
}

/** The first port a line of code names: listen(3000), port=5000, ":8080", PORT || 3000. */
function portIn(contents: Readonly<Record<string, string>>, files: readonly string[], patterns: readonly RegExp[]): Found<number> | null {
	for (const file of files) {
		const text = contents[file];
		if (text === undefined) continue;
		for (const re of patterns) {
			const hit = findLine(text, re);
			if (!hit) continue;
			const n = Number(hit.match[1]);
			if (Number.isInteger(n) && n > 0 && n < 65536) return {value: n, evidence: [ev(file, hit.line, hit.text)]};
		}
	}
	return null;
}

interface Partial {
	stack: StackId | null;
	language: Language;
	framework: ProjectDetection['framework'];
	packageManager: ProjectDetection['packageManager'];
	lockfiles: string[];
	runtime: ProjectDetection['runtime'];
	entry: ProjectDetection['entry'];
	port: ProjectDetection['port'];
	dependencies: Dependency[];
	notes: string[];
	features?: string[];
	/** Why the port is what it is when no file says so. */
	portDefault?: string;
}

// ---------------------------------------------------------------------------------------------
// Python

const PY_DEV = /(^|[-_/])(dev|test|tests|lint|docs|ci)([-_.]|\.txt$)/;

function detectPython(files: ReadonlySet<string>, contents: Readonly<Record<string, string>>): Partial {
	const deps: Dependency[] = [];
	const notes: string[] = [];
	const reqFiles = [...files].filter((f) => /^requirements[\w.-]*\.txt$/.test(f) || /^requirements\/[\w.-]+\.txt$/.test(f)).sort();
	for (const f of reqFiles) {
		const dev = PY_DEV.test(f.replace(/^requirements/, ''));
		for (const d of parseRequirements(f, contents[f] ?? '')) deps.push(dev ? {...d, dev} : d);
	}
	let pyproject: ReturnType<typeof parsePyproject> | null = null;
	if (contents['pyproject.toml'] !== undefined) {
		pyproject = parsePyproject('pyproject.toml', contents['pyproject.toml']);
		deps.push(...pyproject.dependencies);
	}
	let pipfile: ReturnType<typeof parsePipfile> | null = null;
	if (contents['Pipfile'] !== undefined) {
		pipfile = parsePipfile('Pipfile', contents['Pipfile']);
		deps.push(...pipfile.dependencies);
	}

	const lockfiles = ['uv.lock', 'poetry.lock', 'pdm.lock', 'Pipfile.lock'].filter((f) => has(files, f));
	let packageManager: Found<PackageManager>;
	if (has(files, 'uv.lock')) packageManager = {value: 'uv', evidence: [ev('uv.lock')]};
	else if (has(files, 'poetry.lock') || pyproject?.poetry)
		packageManager = {value: 'poetry', evidence: [ev(has(files, 'poetry.lock') ? 'poetry.lock' : 'pyproject.toml')]};
	else if (has(files, 'pdm.lock') || pyproject?.pdm) packageManager = {value: 'pdm', evidence: [ev(has(files, 'pdm.lock') ? 'pdm.lock' : 'pyproject.toml')]};
	else if (has(files, 'Pipfile')) packageManager = {value: 'pipenv', evidence: [ev('Pipfile')]};
	else if (reqFiles.length) packageManager = {value: 'pip', evidence: [ev(reqFiles.find((f) => f === 'requirements.txt') ?? reqFiles[0]!)]};
	else packageManager = {value: 'pip', evidence: [ev(has(files, 'pyproject.toml') ? 'pyproject.toml' : 'setup.py')]};
	if (packageManager.value === 'pip' && !reqFiles.includes('requirements.txt') && !has(files, 'pyproject.toml') && !has(files, 'setup.py'))
		notes.push('No requirements.txt at the project root: the Dockerfile installs from requirements.txt, so create one (pip freeze > requirements.txt).');

	// Runtime version
	let runtime: Found<string> | null = null;
	const pv = firstLine(contents['.python-version']);
	if (pv && pythonMinor(pv)) runtime = {value: pythonMinor(pv)!, evidence: [ev('.python-version', 1, pv)]};
	else if (pyproject?.requiresPython && pythonMinor(pyproject.requiresPython.value))
		runtime = {
			value: pythonMinor(pyproject.requiresPython.value)!,
			evidence: [ev('pyproject.toml', pyproject.requiresPython.line, `requires-python = "${pyproject.requiresPython.value}"`)],
		};
	else if (pipfile?.python && pythonMinor(pipfile.python.value))
		runtime = {value: pythonMinor(pipfile.python.value)!, evidence: [ev('Pipfile', pipfile.python.line)]};
	else {
		const rt = firstLine(contents['runtime.txt']);
		if (rt && pythonMinor(rt)) runtime = {value: pythonMinor(rt)!, evidence: [ev('runtime.txt', 1, rt)]};
	}

	const dep = (name: string) => deps.find((d) => d.name === name && !d.dev);
	const pySources = Object.keys(contents)
		.filter((f) => f.endsWith('.py'))
		.sort((a, b) => priority(a) - priority(b) || a.localeCompare(b));
	const grep = (re: RegExp): {file: string; line: number; text: string; match: RegExpExecArray} | null => {
		for (const f of pySources) {
			const hit = findLine(contents[f]!, re);
			if (hit) return {file: f, ...hit};
		}
		return null;
	};
	const fw = (name: string, d: Dependency | undefined, extra: Evidence[] = []): Found<{name: string; version: string | null}> => ({
		value: {name, version: d ? versionIn(d.spec) : null},
		evidence: [...(d ? [depEvidence(d)] : []), ...extra],
	});
	const base = {language: 'python' as const, packageManager, lockfiles, runtime, dependencies: deps, notes};
	const envPort = portIn(contents, pySources, [/(?:environ\.get|getenv)\(\s*["']PORT["']\s*,\s*["']?(\d+)/]);

	// Django
	const django = dep('django');
	if (django || has(files, 'manage.py')) {
		const manage = contents['manage.py'] ?? '';
		const settings = findLine(manage, /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/);
		const pkg = settings
			? settings.match[1]!.replace(/\.settings(\.\w+)?$/, '')
			: ([...files].find((f) => /^[\w-]+\/wsgi\.py$/.test(f))?.split('/')[0] ?? null);
		const extra = [settings ? ev('manage.py', settings.line, settings.text) : ev('manage.py')];
		const wsgiFile = pkg ? `${pkg.split('.').join('/')}/wsgi.py` : null;
		const entry: Found<string> | null = pkg
			? {
					value: `${pkg}.wsgi:application`,
					evidence: [...(settings ? [ev('manage.py', settings.line, settings.text)] : []), ...(wsgiFile && has(files, wsgiFile) ? [ev(wsgiFile)] : [])],
				}
			: null;
		const settingsFile = pkg ? `${settings ? settings.match[1]!.split('.').join('/') : `${pkg}/settings`}.py` : null;
		const features = settingsFile && /^\s*STATIC_ROOT\s*=/m.test(contents[settingsFile] ?? '') ? ['django-static-root'] : [];
		if (settingsFile && features.length === 0)
			notes.push(`No STATIC_ROOT in ${settingsFile}: collectstatic is skipped (set STATIC_ROOT and serve it, e.g. with WhiteNoise, to ship static files).`);
		if (!entry) notes.push('No settings module found in manage.py: pass the WSGI application with --entry <package>.wsgi:application.');
		if (!dep('gunicorn'))
			notes.push('gunicorn is not in the dependencies: the Dockerfile installs it in the image (add it to your requirements to pin its version).');
		return {
			...base,
			features,
			stack: 'django',
			framework: fw('Django', django, has(files, 'manage.py') ? extra : []),
			entry,
			port: portIn(contents, ['gunicorn.conf.py'], [/bind\s*=\s*["'][^"']*:(\d+)/]) ?? envPort,
			portDefault: "Django's usual 8000",
		};
	}
	// Streamlit and Gradio: the script that imports them is the entry.
	const streamlit = dep('streamlit');
	if (streamlit) {
		const hit = grep(/^\s*import streamlit|^\s*from streamlit/);
		const conf = contents['.streamlit/config.toml'];
		const confPort = conf ? findLine(conf, /^\s*port\s*=\s*(\d+)/) : null;
		return {
			...base,
			stack: 'streamlit',
			framework: fw('Streamlit', streamlit),
			entry: hit ? {value: hit.file, evidence: [ev(hit.file, hit.line, hit.text)]} : null,
			port: confPort ? {value: Number(confPort.match[1]), evidence: [ev('.streamlit/config.toml', confPort.line, confPort.text)]} : null,
			portDefault: "Streamlit's default 8501",
		};
	}
	const gradio = dep('gradio');
	if (gradio) {
		const hit = grep(/^\s*import gradio|^\s*from gradio/);
		return {
			...base,
			stack: 'gradio',
			framework: fw('Gradio', gradio),
			entry: hit ? {value: hit.file, evidence: [ev(hit.file, hit.line, hit.text)]} : null,
			port: portIn(contents, pySources, [/server_port\s*=\s*(\d+)/]),
			portDefault: "Gradio's default 7860",
		};
	}
	// FastAPI / Starlette: an ASGI app object.
	const fastapi = dep('fastapi') ?? dep('starlette');
	if (fastapi) {
		const hit = grep(/^(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:fastapi\.)?(?:FastAPI|Starlette)\(/);
		const entry = hit ? {value: `${moduleOf(hit.file)}:${hit.match[1]}`, evidence: [ev(hit.file, hit.line, hit.text)]} : null;
		if (!entry) notes.push('No `app = FastAPI()` found: pass the ASGI application with --entry <module>:<name>.');
		return {
			...base,
			stack: 'fastapi',
			framework: fw(fastapi.name === 'starlette' ? 'Starlette' : 'FastAPI', fastapi),
			entry,
			port: portIn(contents, pySources, [/uvicorn\.run\([^)]*port\s*=\s*(\d+)/]) ?? envPort,
			portDefault: 'the usual 8000 for uvicorn',
		};
	}
	// Flask: a WSGI app object or an application factory, served by gunicorn.
	const flask = dep('flask');
	if (flask) {
		const obj = grep(/^(\w+)\s*=\s*Flask\(/);
		const factory = obj ? null : grep(/^def (create_app)\(/);
		const hit = obj ?? factory;
		const entry = hit ? {value: `${moduleOf(hit.file)}:${factory ? 'create_app()' : hit.match[1]}`, evidence: [ev(hit.file, hit.line, hit.text)]} : null;
		if (!entry) notes.push('No `app = Flask(__name__)` found: pass the WSGI application with --entry <module>:<name>.');
		return {
			...base,
			stack: 'flask',
			framework: fw('Flask', flask),
			entry,
			port: portIn(contents, pySources, [/\.run\([^)]*port\s*=\s*(\d+)/]) ?? envPort,
			portDefault: 'the usual 8000 for gunicorn',
		};
	}
	// Another WSGI app run by gunicorn (Procfile, gunicorn.conf.py).
	const gunicorn = dep('gunicorn');
	if (gunicorn) {
		const proc = contents['Procfile'] ? findLine(contents['Procfile'], /gunicorn\s+(?:.*\s)?([\w.]+:[\w()]+)/) : null;
		const conf = contents['gunicorn.conf.py'];
		const confApp = conf ? findLine(conf, /wsgi_app\s*=\s*["']([\w.]+:[\w()]+)["']/) : null;
		const entry = proc
			? {value: proc.match[1]!, evidence: [ev('Procfile', proc.line, proc.text)]}
			: confApp
				? {value: confApp.match[1]!, evidence: [ev('gunicorn.conf.py', confApp.line, confApp.text)]}
				: null;
		return {
			...base,
			stack: 'gunicorn',
			framework: fw('gunicorn', gunicorn),
			entry,
			port: portIn(contents, ['gunicorn.conf.py', 'Procfile'], [/bind\s*=\s*["'][^"']*:(\d+)/, /--bind[= ][^\s:]*:(\d+)/]) ?? envPort,
			portDefault: 'the usual 8000 for gunicorn',
		};
	}
	// A plain script or CLI tool.
	let entry: Found<string> | null = null;
	const script = pyproject?.scripts[0];
	// The console script's module:function: `python -m module` would only import it, never call the function.
	if (script) entry = {value: script.target, evidence: [ev('pyproject.toml', script.line, `${script.name} = "${script.target}"`)]};
	else {
		const pkgMain = [...files].find((f) => /^[\w-]+\/__main__\.py$/.test(f));
		const mainFile =
			['main.py', 'app.py', 'cli.py', '__main__.py'].find((f) => has(files, f)) ??
			pySources.find((f) => !f.includes('/') && contents[f]!.includes("__name__ == '__main__'"));
		if (pkgMain) entry = {value: pkgMain.split('/')[0]!, evidence: [ev(pkgMain)]};
		else if (mainFile) {
			const guard = findLine(contents[mainFile] ?? '', /__name__\s*==\s*["']__main__["']/);
			entry = {value: mainFile, evidence: [guard ? ev(mainFile, guard.line, guard.text) : ev(mainFile)]};
		}
	}
	return {
		...base,
		stack: 'python-script',
		framework: null,
		entry,
		port: envPort,
		notes: [...notes, ...(entry ? [] : ['No entry script found (main.py, a package __main__.py or [project.scripts]): pass it with --entry.'])],
	};
}

// ---------------------------------------------------------------------------------------------
// Node

const STATIC_BUILDERS = [
	'vite',
	'react-scripts',
	'@vue/cli-service',
	'parcel',
	'@angular/cli',
	'@angular/core',
	'@sveltejs/vite-plugin-svelte',
	'astro',
	'webpack',
];
const SERVER_FRAMEWORKS: ReadonlyArray<[string, string]> = [
	['express', 'Express'],
	['fastify', 'Fastify'],
	['koa', 'Koa'],
	['@hapi/hapi', 'hapi'],
	['hono', 'Hono'],
];

function detectNode(files: ReadonlySet<string>, contents: Readonly<Record<string, string>>): Partial {
	const pkg: PackageJson = parsePackageJson('package.json', contents['package.json'] ?? '{}') ?? {scripts: {}, dependencies: []};
	const notes: string[] = [];
	if (parsePackageJson('package.json', contents['package.json'] ?? '') === null)
		notes.push('package.json is not valid JSON: detection used the file names only.');
	const deps = pkg.dependencies;
	const dep = (name: string) => deps.find((d) => d.name === name);
	const prodDep = (name: string) => deps.find((d) => d.name === name && !d.dev);
	const lockfiles = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lockb'].filter((f) => has(files, f));
	let packageManager: Found<PackageManager>;
	const declared = pkg.packageManager ? /^(npm|pnpm|yarn)@/.exec(pkg.packageManager) : null;
	if (has(files, 'pnpm-lock.yaml')) packageManager = {value: 'pnpm', evidence: [ev('pnpm-lock.yaml')]};
	else if (has(files, 'yarn.lock')) packageManager = {value: 'yarn', evidence: [ev('yarn.lock')]};
	else if (has(files, 'package-lock.json')) packageManager = {value: 'npm', evidence: [ev('package-lock.json')]};
	else if (declared)
		packageManager = {
			value: declared[1] as PackageManager,
			evidence: [ev('package.json', findLine(contents['package.json'] ?? '', /"packageManager"/)?.line, `"packageManager": "${pkg.packageManager}"`)],
		};
	else {
		packageManager = {value: 'npm', evidence: [ev('package.json')]};
		notes.push(
			'No lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock): the build installs whatever versions resolve today. Commit one (npm install writes package-lock.json) so builds repeat.',
		);
	}
	if (has(files, 'bun.lockb')) notes.push('bun.lockb is not used: the image installs with npm.');

	let runtime: Found<string> | null = null;
	const nvm = firstLine(contents['.nvmrc']) ?? firstLine(contents['.node-version']);
	const nvmFile = contents['.nvmrc'] !== undefined ? '.nvmrc' : '.node-version';
	if (nvm && nodeMajor(nvm)) runtime = {value: nodeMajor(nvm)!, evidence: [ev(nvmFile, 1, nvm)]};
	else if (pkg.engines?.node && nodeMajor(pkg.engines.node)) {
		const l = findLine(contents['package.json'] ?? '', /"node"\s*:/);
		runtime = {value: nodeMajor(pkg.engines.node)!, evidence: [ev('package.json', l?.line, l?.text)]};
	}

	const base = {
		language: 'node' as const,
		packageManager,
		lockfiles,
		runtime,
		dependencies: deps,
		notes,
		features: pkg.scripts['build'] ? ['build-script'] : [],
	};
	const fw = (name: string, d: Dependency, extra: Evidence[] = []) => ({value: {name, version: versionIn(d.spec)}, evidence: [depEvidence(d), ...extra]});
	const jsSources = Object.keys(contents)
		.filter((f) => /\.(js|mjs|cjs|ts)$/.test(f))
		.sort((a, b) => priority(a) - priority(b) || a.localeCompare(b));
	const listenPort = [/\.listen\(\s*(\d{2,5})\b/, /PORT\s*(?:\|\||\?\?)\s*["']?(\d{2,5})/, /port:\s*(\d{2,5})\b/];

	const next = dep('next');
	if (next) {
		const config = [...files].find((f) => /^next\.config\.(js|mjs|cjs|ts)$/.test(f));
		const standalone = config ? findLine(contents[config] ?? '', /output\s*:\s*["']standalone["']/) : null;
		const features = [...base.features, ...(standalone ? ['next-standalone'] : []), ...([...files].some((f) => f.startsWith('public/')) ? ['public-dir'] : [])];
		if (!standalone)
			notes.push(
				`Next.js standalone output is not enabled: add output: 'standalone' to ${config ?? 'next.config.js'} (the Dockerfile copies .next/standalone).`,
			);
		return {
			...base,
			features,
			stack: 'nextjs',
			framework: fw('Next.js', next, standalone && config ? [ev(config, standalone.line, standalone.text)] : []),
			entry: {value: 'server.js', evidence: standalone && config ? [ev(config, standalone.line, standalone.text)] : []},
			port: null,
			portDefault: "Next.js's default 3000",
		};
	}
	const nest = dep('@nestjs/core');
	if (nest) {
		const main = ['src/main.ts', 'src/main.js'].find((f) => has(files, f));
		const startProd = pkg.scripts['start:prod'];
		const out = startProd ? /node\s+([\w./-]+)/.exec(startProd)?.[1] : undefined;
		const entryValue = (out ?? 'dist/main').replace(/(\.js)?$/, '.js');
		return {
			...base,
			stack: 'nestjs',
			framework: fw('NestJS', nest, has(files, 'nest-cli.json') ? [ev('nest-cli.json')] : []),
			entry: {
				value: entryValue,
				evidence: startProd ? [ev('package.json', findLine(contents['package.json'] ?? '', /"start:prod"/)?.line, `"start:prod": "${startProd}"`)] : [],
			},
			port: portIn(contents, main ? [main] : jsSources, listenPort),
			portDefault: "NestJS's default 3000",
		};
	}
	// The entry: scripts.start ("node server.js"), then main, then the usual names.
	const start = pkg.scripts['start'];
	const startFile = start ? /^\s*node\s+(?:--[\w-]+(?:=\S+)?\s+)*([\w./-]+)/.exec(start)?.[1] : undefined;
	const pkgLine = (re: RegExp) => findLine(contents['package.json'] ?? '', re);
	let entry: Found<string> | null = null;
	if (startFile) entry = {value: startFile, evidence: [ev('package.json', pkgLine(/"start"\s*:/)?.line, `"start": "${start}"`)]};
	else if (pkg.main && has(files, pkg.main)) entry = {value: pkg.main, evidence: [ev('package.json', pkgLine(/"main"\s*:/)?.line, `"main": "${pkg.main}"`)]};
	else {
		const f = ['server.js', 'index.js', 'app.js', 'src/server.js', 'src/index.js'].find((x) => has(files, x));
		if (f) entry = {value: f, evidence: [ev(f)]};
	}
	const server = SERVER_FRAMEWORKS.find(([name]) => prodDep(name));
	if (server) {
		const d = prodDep(server[0])!;
		return {
			...base,
			stack: 'express',
			framework: fw(server[1], d),
			entry,
			port: portIn(contents, entry ? [entry.value, ...jsSources] : jsSources, listenPort),
			portDefault: 'the usual 3000',
		};
	}
	const builder = STATIC_BUILDERS.map((n) => dep(n)).find(Boolean);
	if (builder && pkg.scripts['build']) {
		const outDir = builder.name === 'react-scripts' ? 'build' : builder.name.startsWith('@angular') ? `dist/${pkg.name ?? 'app'}/browser` : 'dist';
		return {
			...base,
			stack: 'node-static',
			framework: {
				value: {
					name: builder.name === 'react-scripts' ? 'Create React App' : builder.name === 'vite' ? 'Vite' : builder.name,
					version: versionIn(builder.spec),
				},
				evidence: [depEvidence(builder), ev('package.json', pkgLine(/"build"\s*:/)?.line, `"build": "${pkg.scripts['build']}"`)],
			},
			entry: {value: outDir, evidence: []},
			port: null,
			portDefault: 'nginx-unprivileged serves on 8080',
		};
	}
	if (!entry) notes.push('No start script, main or server.js: pass the file that starts the server with --entry.');
	return {
		...base,
		stack: 'node',
		framework: null,
		entry,
		port: portIn(contents, entry ? [entry.value, ...jsSources] : jsSources, listenPort),
		portDefault: 'the usual 3000',
	};
}

// ---------------------------------------------------------------------------------------------
// Go, Java, static

function detectGo(files: ReadonlySet<string>, contents: Readonly<Record<string, string>>): Partial {
	const mod = contents['go.mod'] ?? '';
	const goLine = findLine(mod, /^go\s+(\d+\.\d+)/);
	const deps: Dependency[] = [];
	mod.split(/\r?\n/).forEach((line, i) => {
		const m = /^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]{2,}\/[^\s]+)\s+(v[\w.+-]+)/.exec(line);
		if (m) deps.push({name: m[1]!, spec: m[2]!, file: 'go.mod', line: i + 1, text: line.trim()});
	});
	const mains = [...files].filter((f) => /^(main\.go|cmd\/[\w-]+\/main\.go)$/.test(f)).sort();
	const main = mains.find((f) => f === 'main.go') ?? mains[0];
	const entry = main ? {value: main === 'main.go' ? '.' : `./${main.replace(/\/main\.go$/, '')}`, evidence: [ev(main)]} : null;
	const notes = entry ? [] : ['No main.go or cmd/<name>/main.go: pass the main package with --entry ./path/to/cmd.'];
	if (!has(files, 'go.sum') && deps.length) notes.push('No go.sum: `go mod download` will fail in the build; run go mod tidy and commit go.sum.');
	const goSources = Object.keys(contents).filter((f) => f.endsWith('.go'));
	const web = ['github.com/gin-gonic/gin', 'github.com/labstack/echo/v4', 'github.com/gofiber/fiber/v2', 'github.com/go-chi/chi/v5']
		.map((n) => deps.find((d) => d.name === n))
		.find(Boolean);
	return {
		stack: 'go',
		language: 'go',
		framework: web ? {value: {name: web.name.split('/')[2]!, version: versionIn(web.spec)}, evidence: [depEvidence(web)]} : null,
		packageManager: {value: 'go', evidence: [ev('go.mod')]},
		lockfiles: has(files, 'go.sum') ? ['go.sum'] : [],
		runtime: goLine ? {value: goLine.match[1]!, evidence: [ev('go.mod', goLine.line, goLine.text)]} : null,
		entry,
		port: portIn(contents, main ? [main, ...goSources] : goSources, [
			/ListenAndServe\(\s*"[^":]*:(\d+)"/,
			/\.Run\(\s*"[^":]*:(\d+)"/,
			/Listen\(\s*"[^":]*:(\d+)"/,
			/Getenv\("PORT"\)[\s\S]{0,40}?"(\d{2,5})"/,
			/"(?:0\.0\.0\.0)?:(\d{4,5})"/,
		]),
		dependencies: deps,
		notes,
		features: has(files, 'go.sum') ? ['go-sum'] : [],
		portDefault: 'the usual 8080',
	};
}

function detectJava(files: ReadonlySet<string>, contents: Readonly<Record<string, string>>): Partial {
	const maven = has(files, 'pom.xml');
	const file = maven ? 'pom.xml' : has(files, 'build.gradle.kts') ? 'build.gradle.kts' : 'build.gradle';
	const text = contents[file] ?? '';
	const deps: Dependency[] = [];
	const version = maven
		? (findLine(text, /<java\.version>\s*(\d+)\s*</) ??
			findLine(text, /<maven\.compiler\.release>\s*(\d+)\s*</) ??
			findLine(text, /<release>\s*(\d+)\s*</) ??
			findLine(text, /<maven\.compiler\.source>\s*(?:1\.)?(\d+)\s*</))
		: (findLine(text, /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/) ??
			findLine(text, /JavaVersion\.VERSION_(?:1_)?(\d+)/) ??
			findLine(text, /sourceCompatibility\s*=\s*['"]?(?:1\.)?(\d+)/));
	const boot = maven
		? findLine(text, /<artifactId>spring-boot-starter-parent<\/artifactId>|spring-boot-starter/)
		: findLine(text, /org\.springframework\.boot/);
	const bootVersion = maven
		? findLine(text, /<version>(\d+\.\d+\.\d+)<\/version>/)
		: findLine(text, /org\.springframework\.boot['"]?\)?\s*version\s*['"](\d+\.\d+\.\d+)/);
	const props = ['src/main/resources/application.properties', 'src/main/resources/application.yml', 'src/main/resources/application.yaml'];
	const notes: string[] = [];
	const wrapper = maven ? has(files, 'mvnw') : has(files, 'gradlew');
	if (!wrapper) notes.push(`No ${maven ? 'mvnw' : 'gradlew'} wrapper: the build stage uses the ${maven ? 'maven' : 'gradle'} image's own tool.`);
	return {
		stack: maven ? 'java-maven' : 'java-gradle',
		language: 'java',
		framework: boot ? {value: {name: 'Spring Boot', version: bootVersion?.match[1] ?? null}, evidence: [ev(file, boot.line, boot.text)]} : null,
		packageManager: {value: maven ? 'maven' : 'gradle', evidence: [ev(file)]},
		lockfiles: ['gradle.lockfile'].filter((f) => has(files, f)),
		runtime: version ? {value: version.match[1]!, evidence: [ev(file, version.line, version.text)]} : null,
		entry: {value: 'app.jar', evidence: []},
		port: portIn(contents, props, [/^\s*server\.port\s*[=:]\s*\$?\{?(?:[A-Z_]+:)?(\d+)/, /^\s*port:\s*\$?\{?(?:[A-Z_]+:)?(\d+)/]),
		dependencies: deps,
		notes,
		portDefault: "Spring Boot's default 8080",
	};
}

function detectStatic(): Partial {
	return {
		stack: 'static',
		language: 'static',
		framework: null,
		packageManager: null,
		lockfiles: [],
		runtime: null,
		entry: {value: 'index.html', evidence: [ev('index.html')]},
		port: null,
		dependencies: [],
		notes: [],
		portDefault: 'nginx-unprivileged serves on 8080',
	};
}

// ---------------------------------------------------------------------------------------------

const EXISTING = /^(Dockerfile|Containerfile|compose\.ya?ml|docker-compose\.ya?ml|\.dockerignore)$/;

const STACK_PORT: Readonly<Record<StackId, number | null>> = {
	django: 8000,
	flask: 8000,
	fastapi: 8000,
	gunicorn: 8000,
	streamlit: 8501,
	gradio: 7860,
	'python-script': null,
	express: 3000,
	nextjs: 3000,
	nestjs: 3000,
	'node-static': 8080,
	node: 3000,
	go: 8080,
	static: 8080,
	'java-maven': 8080,
	'java-gradle': 8080,
};

const LANGUAGE_TITLE: Readonly<Record<Language, string>> = {python: 'Python', node: 'Node.js', go: 'Go', java: 'Java', static: 'Static site'};

/** Detect the project. Pure and deterministic: the same listing and contents give the same answer. */
export function detectProject(input: ProjectInput): ProjectDetection {
	const files = new Set(input.files.filter((f) => !f.endsWith('/')));
	const contents = input.contents;
	const existing = [...files].filter((f) => EXISTING.test(f)).sort();
	const isPython =
		[...files].some((f) => /^requirements[\w.-]*\.txt$/.test(f) || /^requirements\/[\w.-]+\.txt$/.test(f)) ||
		['pyproject.toml', 'Pipfile', 'setup.py', 'manage.py'].some((f) => files.has(f));
	const isJava = ['pom.xml', 'build.gradle', 'build.gradle.kts'].some((f) => files.has(f));
	const isGo = files.has('go.mod');
	const isNode = files.has('package.json');
	const isStatic = files.has('index.html');

	const part: Partial | null = isPython
		? detectPython(files, contents)
		: isJava
			? detectJava(files, contents)
			: isGo
				? detectGo(files, contents)
				: isNode
					? detectNode(files, contents)
					: isStatic
						? detectStatic()
						: null;
	const notes = [...(part?.notes ?? [])];
	if (input.truncated) notes.push('The project is large: detection looked at the first 5000 entries only.');
	if (existing.length) notes.push(`Already here: ${existing.join(', ')}. They are kept unless you pass --force (then each is kept as a numbered .bak).`);
	if (!part) {
		return {
			stack: null,
			language: null,
			framework: null,
			packageManager: null,
			lockfiles: [],
			runtime: null,
			entry: null,
			port: null,
			systemPackages: [],
			ai: null,
			services: [],
			env: envReads(contents),
			existing,
			dependencies: [],
			features: [],
			notes,
			summary: ['No stack recognised: no requirements.txt, pyproject.toml, package.json, go.mod, pom.xml, build.gradle or index.html at the root.'],
		};
	}
	const deps = part.dependencies;
	const ai = aiFrom(deps);
	const services = servicesFrom(deps, contents);
	const systemPackages = part.language === 'python' ? systemPackagesFrom(deps) : [];
	const env = envReads(contents);
	const port = part.port ?? (STACK_PORT[part.stack!] !== null ? {value: STACK_PORT[part.stack!]!, evidence: []} : null);

	const summary: string[] = [];
	const tail = (evidence: readonly Evidence[]) => (evidence.length ? `, ${fromEvidence(evidence)}` : '');
	if (part.framework)
		summary.push(`${part.framework.value.name}${part.framework.value.version ? ` ${part.framework.value.version}` : ''}${tail(part.framework.evidence)}`);
	else
		summary.push(
			`${LANGUAGE_TITLE[part.language]} (${part.stack === 'python-script' ? 'a script or CLI tool' : part.stack === 'node' ? 'a plain Node.js server' : part.stack === 'static' ? 'index.html, no build' : part.stack})`,
		);
	if (part.runtime) summary.push(`${LANGUAGE_TITLE[part.language]} ${part.runtime.value}${tail(part.runtime.evidence)}`);
	if (part.packageManager) summary.push(`Package manager ${part.packageManager.value}${tail(part.packageManager.evidence)}`);
	if (part.entry) summary.push(`Entry point ${part.entry.value}${tail(part.entry.evidence)}`);
	if (port) summary.push(`Port ${port.value}${port.evidence.length ? tail(port.evidence) : part.portDefault ? ` (${part.portDefault})` : ''}`);
	for (const s of systemPackages)
		summary.push(
			`Build packages ${s.build.join(', ')}${s.runtime.length ? `, runtime ${s.runtime.join(', ')}` : ''}: ${s.because}, ${fromEvidence([s.evidence])}`,
		);
	if (ai) summary.push(`AI/ML service (${ai.value.join(', ')})${tail(ai.evidence)}`);
	for (const s of services) summary.push(`${s.value === 'postgres' ? 'PostgreSQL' : 'Redis'}${tail(s.evidence)}`);
	if (env.length) summary.push(`Reads ${env.map((e) => e.name).join(', ')}`);
	return {
		stack: part.stack,
		language: part.language,
		framework: part.framework,
		packageManager: part.packageManager,
		lockfiles: part.lockfiles,
		runtime: part.runtime,
		entry: part.entry,
		port,
		systemPackages,
		ai,
		services,
		env,
		existing,
		dependencies: deps,
		features: part.features ?? [],
		notes,
		summary,
	};
}

export {pypiName};
