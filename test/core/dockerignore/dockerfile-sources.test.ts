import {describe, expect, it} from 'vitest';
import {contextSources} from '../../../source/core/dockerignore/dockerfile-sources.js';
import {excludesSource, generateDockerignore, secretCopies} from '../../../source/core/dockerignore/generate.js';
import {isExcluded} from '../../../source/core/dockerignore/match.js';

const DF = [
	'FROM eclipse-temurin:21-jre AS base',
	'COPY --from=build /src/out /app',
	'COPY target/*.jar app.jar',
	'COPY ["config/app.yml", "/etc/app/"]',
	'ADD https://example.com/x.tgz /tmp/',
	'COPY --chown=1000:1000 ./scripts/ /scripts/',
	'COPY . .',
	'COPY <<EOT /etc/motd',
	'hello',
	'EOT',
	'',
].join('\n');

describe('contextSources', () => {
	it('lists COPY/ADD sources from the context, not --from stages, URLs, heredocs or the whole context', () => {
		expect(contextSources('Dockerfile', DF).map((s) => [s.path, s.line])).toEqual([
			['target/*.jar', 3],
			['config/app.yml', 4],
			['scripts/', 6],
		]);
	});

	it('never throws on an odd file', () => {
		expect(contextSources('Dockerfile', 'COPY\nFROM\n[')).toEqual([]);
	});
});

describe('generation protects what a Dockerfile copies', () => {
	it.each([
		['target', 'target/*.jar', true],
		['**/target', 'target/app.jar', true],
		['build', 'build/libs/app.jar', true],
		['**/bin', 'bin/Release/net8.0/publish/', true],
		['**/__pycache__', 'src/', false], // a cache inside a copied directory may go
		['node_modules', 'package.json', false],
	])('%s excludes the source %s: %s', (pattern, source, expected) => {
		expect(excludesSource(pattern, source)).toBe(expected);
	});

	it('leaves out entries that would break a COPY, and says which', () => {
		const protect = contextSources('Dockerfile', 'FROM x\nCOPY target/*.jar app.jar\n');
		const g = generateDockerignore(['java'], {protect});
		expect(g.patterns).not.toContain('target');
		expect(g.patterns).not.toContain('**/target');
		expect(g.patterns).toContain('.gradle');
		expect(g.kept.map((k) => k.pattern)).toEqual(['target', '**/target']);
		expect(g.kept[0]).toMatchObject({source: 'target/*.jar', at: 'Dockerfile:2'});
		expect(isExcluded(g.patterns, 'target/app-1.0.jar')).toBe(false);
		expect(g.text).toContain('# Not excluded because a Dockerfile copies them:');
	});

	it('keeps excluding secrets even when a Dockerfile copies them, and reports that copy', () => {
		const protect = contextSources('Dockerfile', 'FROM x\nCOPY .env /app/.env\nCOPY .env.example /app/\n');
		const g = generateDockerignore([], {protect});
		expect(g.patterns).toContain('.env');
		expect(secretCopies(protect).map((s) => s.path)).toEqual(['.env']);
	});
});
