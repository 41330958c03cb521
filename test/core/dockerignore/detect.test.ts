import {describe, expect, it} from 'vitest';
import {detectLanguages} from '../../../source/core/dockerignore/detect.js';

const ids = (files: string[]) => detectLanguages(files).map((d) => d.language);

describe('detectLanguages', () => {
	it.each([
		['a Python project by requirements.txt', ['requirements.txt', 'app/main.py'], ['python']],
		['a Python project by pyproject.toml alone', ['pyproject.toml'], ['python']],
		['Python from source files when there is no manifest', ['train.py', 'README.md'], ['python']],
		['Node by package.json', ['package.json', 'index.js'], ['node']],
		['Go by go.mod', ['go.mod', 'cmd/app/main.go'], ['go']],
		['Java by pom.xml', ['pom.xml', 'src/main/java/App.java'], ['java']],
		['Kotlin/Gradle by build.gradle.kts', ['build.gradle.kts'], ['java']],
		['Rust by Cargo.toml', ['Cargo.toml', 'src/main.rs'], ['rust']],
		['Ruby by Gemfile', ['Gemfile', 'config.ru'], ['ruby']],
		['Ruby by a *.gemspec suffix', ['mygem.gemspec'], ['ruby']],
		['PHP by composer.json', ['composer.json', 'public/index.php'], ['php']],
		['.NET by a *.csproj suffix', ['src/Api/Api.csproj', 'src/Api/Program.cs'], ['dotnet']],
		['.NET by a solution file', ['App.sln'], ['dotnet']],
		['a monorepo: markers in subdirectories count', ['services/api/go.mod', 'web/package.json', 'ml/requirements.txt'], ['python', 'node', 'go']],
		['nothing recognisable', ['README.md', 'LICENSE', 'docs/'], []],
		['directories are not files', ['package.json/'], []],
	])('%s', (_name, files, expected) => {
		expect(ids(files)).toEqual(expected);
	});

	it('gives the shallowest marker as evidence, marker files before source files', () => {
		const d = detectLanguages(['deep/a/b/package.json', 'package.json', 'x.js']);
		expect(d[0]).toMatchObject({language: 'node', strength: 'marker', evidence: ['package.json', 'deep/a/b/package.json']});
		expect(detectLanguages(['src/a.py'])[0]).toMatchObject({strength: 'source', evidence: ['src/a.py']});
	});

	it('can require more than one source file as weak evidence', () => {
		expect(detectLanguages(['tools/one.py'], {minSources: 2})).toEqual([]);
	});
});
