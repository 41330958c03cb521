import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {covers, generateDockerignore, mergeDockerignore, normalizePattern, parsePatterns} from '../../../source/core/dockerignore/generate.js';
import {isExcluded, matches, witness} from '../../../source/core/dockerignore/match.js';
import {LANGUAGES} from '../../../source/core/dockerignore/rules.js';
import {ROOT} from '../../support/cli.js';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'dockerignore', name), 'utf8');

describe('normalizePattern', () => {
	it.each([
		['node_modules', 'node_modules'],
		['/node_modules', 'node_modules'],
		['node_modules/', 'node_modules'],
		['./node_modules/', 'node_modules'],
		['  .git  ', '.git'],
		['\uFEFF**/.env', '**/.env'],
		['!/dist/x', '!dist/x'],
		['a//b', 'a/b'],
	])('%j → %j', (input, out) => {
		expect(normalizePattern(input)).toBe(out);
	});
});

describe('Docker pattern matching (moby/patternmatcher semantics)', () => {
	it.each([
		['node_modules', 'node_modules', true],
		['node_modules', 'node_modules/x/y.js', true], // everything below a matching directory
		['node_modules', 'web/node_modules', false], // root-relative without **
		['**/node_modules', 'web/node_modules', true],
		['**/node_modules', 'node_modules', true], // ** matches zero directories
		['*.pyc', 'a.pyc', true],
		['*.pyc', 'pkg/a.pyc', false],
		['**/*.py[cod]', 'pkg/a.pyo', true],
		['.env.*', '.env.local', true],
		['.env.*', '.env', false],
		['.env*', '.env.example', true],
		['Dockerfile*', 'Dockerfile.dev', true],
		['a?c', 'abc', true],
		['a?c', 'a/c', false],
	])('%s matches %s: %s', (pattern, file, expected) => {
		expect(matches(pattern, file)).toBe(expected);
	});

	it('applies the last matching pattern (exceptions)', () => {
		expect(isExcluded(['.env*', '!.env.example'], '.env.example')).toBe(false);
		expect(isExcluded(['!.env.example', '.env*'], '.env.example')).toBe(true);
		expect(isExcluded(['/dist', '!/dist/dive_linux_amd64'], 'dist/dive_linux_amd64')).toBe(false);
		expect(isExcluded(['/dist', '!/dist/dive_linux_amd64'], 'dist/other')).toBe(true);
	});

	it('builds witnesses that a pattern matches', () => {
		for (const p of ['**/node_modules', '.env.*', '**/*.py[cod]', 'id_rsa*', 'a?c']) {
			const w = witness(p)!;
			expect(matches(p, w), `${p} ~ ${w}`).toBe(true);
		}
		expect(witness('**/node_modules')).toBe('x/node_modules');
		expect(witness('[!a]b')).toBeNull();
	});
});

describe('generateDockerignore', () => {
	const common = generateDockerignore([]);

	it('always excludes .git, env files with secrets (but keeps examples), and nothing language-specific without languages', () => {
		for (const p of ['.git', '.env', '.env.*', '!**/.env.example']) expect(common.patterns).toContain(p);
		expect(isExcluded(common.patterns, 'sub/.env.example')).toBe(false);
		expect(isExcluded(common.patterns, 'a/b/.env.sample')).toBe(false);
		expect(isExcluded(common.patterns, 'sub/.env.local')).toBe(true);
		expect(isExcluded(common.patterns, '.env')).toBe(true);
		expect(isExcluded(common.patterns, '.env.production')).toBe(true);
		expect(isExcluded(common.patterns, 'config/.env')).toBe(true);
		expect(isExcluded(common.patterns, '.env.example')).toBe(false);
		expect(isExcluded(common.patterns, '.git/config')).toBe(true);
		expect(common.patterns).not.toContain('node_modules');
	});

	it.each([
		['python', ['.venv/bin/python', 'venv/lib/x', 'pkg/__pycache__/a.pyc', '.pytest_cache/v']],
		['node', ['node_modules/left-pad/index.js', 'web/node_modules/x', 'npm-debug.log']],
		['go', ['pkg/x.test', 'cover.out']],
		['java', ['target/app.jar', 'build/libs/app.jar', '.gradle/caches']],
		['rust', ['target/release/app', 'crates/a/target/debug/x']],
		['ruby', ['.bundle/config', 'vendor/bundle/ruby']],
		['php', ['vendor/autoload.php']],
		['dotnet', ['src/Api/bin/Debug/Api.dll', 'src/Api/obj/project.assets.json']],
	] as const)('%s: excludes its local dependency and build directories', (lang, excluded) => {
		const g = generateDockerignore([lang]);
		for (const f of excluded) expect(isExcluded(g.patterns, f), f).toBe(true);
		// never the source or the manifests the Dockerfile needs
		for (const keep of [
			'src/main.py',
			'package.json',
			'package-lock.json',
			'requirements.txt',
			'go.mod',
			'go.sum',
			'Cargo.toml',
			'Cargo.lock',
			'Gemfile.lock',
			'composer.lock',
			'pom.xml',
			'app.csproj',
			'.env.example',
		]) {
			expect(isExcluded(g.patterns, keep), `${lang} must keep ${keep}`).toBe(false);
		}
	});

	it('combines languages in a stable order without duplicates, each block with a comment', () => {
		const g = generateDockerignore(['rust', 'java']);
		expect(g.patterns.filter((p) => p === 'target')).toHaveLength(1);
		expect(g.text.indexOf('# Java')).toBeLessThan(g.text.indexOf('# Rust') === -1 ? Infinity : g.text.indexOf('# Rust'));
		expect(new Set(g.patterns.map(normalizePattern)).size).toBe(g.patterns.length);
		expect(parsePatterns(g.text)).toEqual(g.patterns);
		expect(g.text.endsWith('\n')).toBe(true);
	});

	it('every language has markers and patterns', () => {
		for (const l of LANGUAGES) {
			expect(l.markers.length + l.markerSuffixes.length).toBeGreaterThan(0);
			expect(l.patterns.length).toBeGreaterThan(0);
		}
	});
});

describe('mergeDockerignore', () => {
	const generated = generateDockerignore(['node', 'python']).patterns;

	it('keeps every user line, in order, and appends only what is missing', () => {
		const user = '# mine\nnode_modules/\n/.git\ncustom-dir\n';
		const m = mergeDockerignore(user, generated);
		expect(m.text.startsWith(user)).toBe(true);
		expect(m.added).not.toContain('node_modules'); // spelled node_modules/ by the user
		expect(m.added).not.toContain('.git'); // spelled /.git
		expect(m.added).toContain('**/node_modules'); // root-only node_modules/ does not cover nested ones
		expect(m.alreadyPresent).toEqual(expect.arrayContaining(['node_modules', '.git']));
		expect(parsePatterns(m.text).slice(0, 3)).toEqual(['node_modules/', '/.git', 'custom-dir']);
	});

	it('is idempotent: a second merge adds nothing and returns the text unchanged', () => {
		const once = mergeDockerignore('dist\n', generated).text;
		const twice = mergeDockerignore(once, generated);
		expect(twice.added).toEqual([]);
		expect(twice.text).toBe(once);
	});

	it('treats semantic duplicates as present: .env* already covers .env and .env.*', () => {
		const m = mergeDockerignore('.env*\n', generated);
		expect(m.added).not.toContain('.env');
		expect(m.added).not.toContain('.env.*');
		// the user excludes .env.example on purpose: no exception is appended against their choice
		expect(m.added).not.toContain('!**/.env.example');
		expect(isExcluded(parsePatterns(m.text), '.env.example')).toBe(true);
	});

	it('appends the example exception only to carve it out of an entry it appends itself', () => {
		const m = mergeDockerignore('dist\n', generated);
		expect(m.added).toContain('.env.*');
		expect(m.added).toContain('!**/.env.example');
		expect(isExcluded(parsePatterns(m.text), 'sub/.env.example')).toBe(false);
		expect(isExcluded(parsePatterns(m.text), '.env.example')).toBe(false);
		expect(isExcluded(parsePatterns(m.text), '.env.local')).toBe(true);
	});

	it("repeats a user's exception after the block when an appended entry would override it", () => {
		const user = '!.venv/keep.txt\n';
		const m = mergeDockerignore(user, generated);
		expect(m.added).toContain('.venv');
		expect(m.restated).toEqual(['!.venv/keep.txt']);
		const final = parsePatterns(m.text);
		expect(isExcluded(final, '.venv/keep.txt')).toBe(false); // the user's intent survives
		expect(isExcluded(final, '.venv/bin/python')).toBe(true);
		// an exception no appended entry touches is not repeated
		expect(mergeDockerignore('*\n!src\n', generated).restated).toEqual([]);
	});

	it('handles real files: a UTF-8 BOM and a missing final newline (corpus: TechEmpower)', () => {
		const user = fixture('dotnet-bom-no-eol.dockerignore');
		expect(user.endsWith('\n')).toBe(false);
		const m = mergeDockerignore(user, generateDockerignore(['dotnet']).patterns);
		expect(m.text.startsWith(user)).toBe(true);
		expect(m.text.slice(user.length, user.length + 1)).toBe('\n'); // the last user line is not glued to ours
		expect(m.alreadyPresent).toEqual(expect.arrayContaining(['**/bin', '**/obj', '.env']));
		expect(m.added).not.toContain('**/bin');
	});

	it('keeps an exception under a root-anchored directory working (corpus: dive)', () => {
		const user = fixture('go-dive-negation.dockerignore');
		const m = mergeDockerignore(user, generateDockerignore(['go']).patterns);
		expect(m.text.startsWith(user)).toBe(true);
		expect(m.added).not.toContain('.git');
		expect(isExcluded(parsePatterns(m.text), 'dist/dive_linux_amd64')).toBe(false);
		expect(isExcluded(parsePatterns(m.text), 'dist/other')).toBe(true);
	});

	it('an empty file gets the entries without a leading blank line', () => {
		const m = mergeDockerignore('', ['.git']);
		expect(m.text).toBe('# Added by docker-helper generate-dockerignore --merge\n.git\n');
	});

	it('covers() knows **/x covers a root-level x but not the reverse', () => {
		expect(covers(new Set(['**/node_modules']), 'node_modules')).toBe(true);
		expect(covers(new Set(['node_modules']), '**/node_modules')).toBe(false);
	});
});
