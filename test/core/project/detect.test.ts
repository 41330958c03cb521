/**
 * The detector on the fixture projects (test/fixtures/init/<name>: small, real-shaped projects), read the
 * way init reads them (bounded walk, then the files the detector asks for). Each row: what must be found,
 * and the evidence that must be cited for it.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {listProject, readProjectFiles} from '../../../source/adapters/project.js';
import {detectProject, envReads, fromEvidence, wantedFiles} from '../../../source/core/project/detect.js';
import type {ProjectDetection} from '../../../source/core/project/types.js';
import {ROOT} from '../../support/cli.js';

export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'init');

export async function detectFixture(name: string): Promise<ProjectDetection> {
	const dir = path.join(FIXTURES, name);
	const listing = await listProject(dir);
	return detectProject({files: listing.files, contents: await readProjectFiles(dir, wantedFiles(listing.files)), truncated: listing.truncated});
}

interface Row {
	readonly project: string;
	readonly stack: string;
	readonly pm: string | null;
	readonly runtime: string | null;
	readonly entry: string | null;
	readonly port: number | null;
	readonly services?: readonly string[];
	readonly ai?: readonly string[];
	readonly build?: readonly string[];
	/** Lines of the summary that must appear exactly. */
	readonly summary: readonly string[];
}

const ROWS: readonly Row[] = [
	{
		project: 'django-postgres',
		stack: 'django',
		pm: 'pip',
		runtime: '3.12',
		entry: 'mysite.wsgi:application',
		port: 8000,
		services: ['postgres', 'redis'],
		build: ['gcc', 'libc6-dev', 'libpq-dev', 'libjpeg62-turbo-dev', 'zlib1g-dev'],
		summary: [
			'Django 5.0.6, from requirements.txt line 3 and manage.py line 9',
			'Python 3.12, from .python-version line 1',
			'Entry point mysite.wsgi:application, from manage.py line 9 and mysite/wsgi.py',
		],
	},
	{
		project: 'flask-redis',
		stack: 'flask',
		pm: 'pip',
		runtime: null,
		entry: 'app:app',
		port: 5000,
		services: ['redis'],
		summary: ['Flask 3.0.3, from requirements.txt line 1', 'Port 5000, from app.py line 17'],
	},
	{
		project: 'gunicorn-falcon',
		stack: 'gunicorn',
		pm: 'pip',
		runtime: null,
		entry: 'things.app:app',
		port: 8080,
		summary: ['Entry point things.app:app, from Procfile line 1', 'Port 8080, from gunicorn.conf.py line 1'],
	},
	{
		project: 'fastapi-ai',
		stack: 'fastapi',
		pm: 'uv',
		runtime: '3.11',
		entry: 'app.main:app',
		port: 8000,
		ai: ['sentence-transformers', 'torch'],
		summary: [
			'FastAPI 0.111, from pyproject.toml line 6',
			'Package manager uv, from uv.lock',
			'AI/ML service (sentence-transformers, torch), from pyproject.toml lines 8, 9',
		],
	},
	{
		project: 'fastapi-poetry',
		stack: 'fastapi',
		pm: 'poetry',
		runtime: '3.10',
		entry: 'main:api',
		port: 9000,
		services: ['postgres'],
		summary: ['Entry point main:api, from main.py line 6', 'Port 9000, from main.py line 21'],
	},
	{
		project: 'streamlit-app',
		stack: 'streamlit',
		pm: 'pip',
		runtime: null,
		entry: 'dashboard.py',
		port: 8501,
		summary: ["Port 8501 (Streamlit's default 8501)"],
	},
	{
		project: 'gradio-pdm',
		stack: 'gradio',
		pm: 'pdm',
		runtime: '3.10',
		entry: 'app.py',
		port: 7861,
		ai: ['transformers'],
		summary: ['Package manager pdm, from pdm.lock', 'Port 7861, from app.py line 14'],
	},
	{
		project: 'python-cli',
		stack: 'python-script',
		pm: 'pip',
		runtime: '3.12',
		entry: 'csvtool.cli:main',
		port: null,
		summary: ['Python (a script or CLI tool)', 'Entry point csvtool.cli:main, from pyproject.toml line 8'],
	},
	{
		project: 'express-api',
		stack: 'express',
		pm: 'npm',
		runtime: '20',
		entry: 'src/server.js',
		port: 4000,
		services: ['postgres', 'redis'],
		summary: ['Express 4.19.2, from package.json line 10', 'Node.js 20, from .nvmrc line 1', 'Port 4000, from src/server.js line 6'],
	},
	{project: 'node-http', stack: 'node', pm: 'npm', runtime: '22', entry: 'index.js', port: 8081, summary: ['Node.js 22, from package.json line 5']},
	{
		project: 'nestjs-pnpm',
		stack: 'nestjs',
		pm: 'pnpm',
		runtime: null,
		entry: 'dist/main.js',
		port: 3001,
		summary: ['NestJS 10.3.8, from package.json line 11 and nest-cli.json', 'Package manager pnpm, from pnpm-lock.yaml'],
	},
	{
		project: 'nextjs-yarn',
		stack: 'nextjs',
		pm: 'yarn',
		runtime: null,
		entry: 'server.js',
		port: 3000,
		summary: ['Next.js 14.2.3, from package.json line 11 and next.config.mjs line 3'],
	},
	{project: 'vite-app', stack: 'node-static', pm: 'npm', runtime: null, entry: 'dist', port: 8080, summary: []},
	{
		project: 'go-service',
		stack: 'go',
		pm: 'go',
		runtime: '1.22',
		entry: './cmd/pinger',
		port: 9090,
		summary: ['Go 1.22, from go.mod line 3', 'Port 9090, from cmd/pinger/main.go line 16'],
	},
	{
		project: 'spring-maven',
		stack: 'java-maven',
		pm: 'maven',
		runtime: '17',
		entry: 'app.jar',
		port: 8081,
		summary: ['Spring Boot 3.3.0, from pom.xml line 6', 'Port 8081, from src/main/resources/application.properties line 2'],
	},
	{
		project: 'spring-gradle',
		stack: 'java-gradle',
		pm: 'gradle',
		runtime: '21',
		entry: 'app.jar',
		port: 8080,
		summary: ['Java 21, from build.gradle.kts line 9'],
	},
	{project: 'static-site', stack: 'static', pm: null, runtime: null, entry: 'index.html', port: 8080, summary: ['Static site (index.html, no build)']},
];

describe('project detection on the fixture projects', () => {
	it.each(ROWS.map((r) => [r.project, r] as const))('%s', async (_name, row) => {
		const d = await detectFixture(row.project);
		expect(d.stack).toBe(row.stack);
		expect(d.packageManager?.value ?? null).toBe(row.pm);
		expect(d.runtime?.value ?? null).toBe(row.runtime);
		expect(d.entry?.value ?? null).toBe(row.entry);
		expect(d.port?.value ?? null).toBe(row.port);
		expect(d.services.map((s) => s.value)).toEqual(row.services ?? []);
		expect(d.ai?.value ?? []).toEqual(row.ai ?? []);
		expect([...new Set(d.systemPackages.flatMap((s) => s.build))].sort()).toEqual([...new Set(row.build ?? [])].sort());
		for (const line of row.summary) expect(d.summary).toContain(line);
	});

	it('psycopg2 needs libpq-dev and gcc in the build stage only, libpq5 at run time; psycopg2-binary needs nothing', () => {
		const files = ['requirements.txt'];
		const d = detectProject({files, contents: {'requirements.txt': 'django==5.0\npsycopg2==2.9.9\n'}});
		const pg = d.systemPackages.find((s) => s.build.includes('libpq-dev'))!;
		expect(pg.build).toContain('gcc');
		expect(pg.runtime).toEqual(['libpq5']);
		expect(pg.evidence).toMatchObject({file: 'requirements.txt', line: 2});
		expect(detectProject({files, contents: {'requirements.txt': 'django==5.0\npsycopg2-binary==2.9.9\n'}}).systemPackages).toEqual([]);
	});

	it('dev-only requirements do not decide the stack, the services or the build packages', () => {
		const d = detectProject({
			files: ['requirements.txt', 'requirements-dev.txt', 'main.py'],
			contents: {
				'requirements.txt': 'click==8.1\n',
				'requirements-dev.txt': 'psycopg2==2.9\nredis==5\ntorch==2.3\n',
				'main.py': "if __name__ == '__main__':\n    pass\n",
			},
		});
		expect(d.stack).toBe('python-script');
		expect(d.services).toEqual([]);
		expect(d.systemPackages).toEqual([]);
		expect(d.ai).toBeNull();
	});

	it('the lockfile decides the Node package manager, and no lockfile is said', () => {
		const pkg = '{"name":"x","scripts":{"start":"node server.js"},"dependencies":{"express":"^4"}}';
		expect(detectProject({files: ['package.json', 'yarn.lock', 'server.js'], contents: {'package.json': pkg}}).packageManager?.value).toBe('yarn');
		expect(detectProject({files: ['package.json', 'pnpm-lock.yaml', 'server.js'], contents: {'package.json': pkg}}).packageManager?.value).toBe('pnpm');
		const none = detectProject({files: ['package.json', 'server.js'], contents: {'package.json': pkg}});
		expect(none.packageManager?.value).toBe('npm');
		expect(none.notes.join('\n')).toMatch(/No lockfile/);
	});

	it('a Next.js app without standalone output says what to add', () => {
		const d = detectProject({
			files: ['package.json', 'next.config.js'],
			contents: {'package.json': '{"dependencies":{"next":"14.2.0"},"scripts":{"build":"next build"}}', 'next.config.js': 'module.exports = {}\n'},
		});
		expect(d.stack).toBe('nextjs');
		expect(d.notes.join('\n')).toContain("output: 'standalone'");
	});

	it('variables the code reads, with the defaults it names, from Python, Node and Go', () => {
		const env = envReads({
			'app.py': 'import os\nA = os.environ.get("ALPHA", "1")\nB = os.getenv(\'BETA\')\nC = os.environ["GAMMA"]\n',
			'server.js': "const p = process.env.PORT || 3000;\nconst u = process.env['DB_URL'];\n",
			'main.go': 'x := os.Getenv("TOKEN")\n',
			'.env.example': 'FROM_EXAMPLE=yes\n',
		});
		expect(env.map((e) => [e.name, e.default])).toEqual([
			['ALPHA', '1'],
			['BETA', null],
			['DB_URL', null],
			['FROM_EXAMPLE', 'yes'],
			['GAMMA', null],
			['PORT', '3000'],
			['TOKEN', null],
		]);
		expect(env.find((e) => e.name === 'GAMMA')!.evidence[0]).toMatchObject({file: 'app.py', line: 4});
	});

	it('evidence reads as a sentence, lines of one file grouped', () => {
		expect(fromEvidence([{file: 'requirements.txt', line: 3}, {file: 'manage.py'}])).toBe('from requirements.txt line 3 and manage.py');
		expect(
			fromEvidence([
				{file: 'pyproject.toml', line: 9},
				{file: 'pyproject.toml', line: 8},
			]),
		).toBe('from pyproject.toml lines 8, 9');
	});

	it('an empty directory is no stack, said plainly', () => {
		const d = detectProject({files: ['README.md'], contents: {}});
		expect(d.stack).toBeNull();
		expect(d.summary[0]).toMatch(/No stack recognised/);
	});

	it('existing Docker files are reported', async () => {
		const d = detectProject({files: ['index.html', 'Dockerfile', 'compose.yaml'], contents: {}});
		expect(d.existing).toEqual(['Dockerfile', 'compose.yaml']);
		expect(d.notes.join('\n')).toMatch(/--force/);
	});
});
