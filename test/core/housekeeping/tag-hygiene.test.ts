import {describe, expect, it} from 'vitest';
import {isSemver, parseTag, semverRepositories, tagHygiene} from '../../../source/core/housekeeping/tag-hygiene.js';

const rules = (tags: string[], all: string[] = tags, trusted: string[] = []) =>
	tagHygiene(tags, {semverRepos: semverRepositories(all), trusted}).map((f) => f.rule);

describe('tag hygiene', () => {
	it.each([
		['nginx:1.27', {registry: 'docker.io', repository: 'nginx', tag: '1.27'}],
		['nginx', {registry: 'docker.io', repository: 'nginx', tag: 'latest'}],
		['ghcr.io/org/app:2.0.1', {registry: 'ghcr.io', repository: 'org/app', tag: '2.0.1'}],
		['localhost:5000/app', {registry: 'localhost:5000', repository: 'app', tag: 'latest'}],
		['localhost:5000/app:v1.2.3', {registry: 'localhost:5000', repository: 'app', tag: 'v1.2.3'}],
	])('parses %s', (ref, want) => expect(parseTag(ref)).toEqual(want));

	it.each([
		['1.2.3', true],
		['v1.2.3', true],
		['1.2.3-rc.1', true],
		['1.2', false],
		['latest', false],
		['dev', false],
	])('semver %s → %s', (tag, want) => expect(isSemver(tag)).toBe(want));

	it('no tag → DH1001; latest only → DH1002; latest beside a version → nothing', () => {
		expect(rules([])).toEqual(['DH1001']);
		expect(rules(['app:latest'])).toEqual(['DH1002']);
		expect(rules(['app:latest', 'app:1.0.0'])).toEqual([]);
	});

	it('not semver only where the repository uses semver', () => {
		expect(rules(['app:dev'], ['app:dev', 'app:1.0.0'])).toEqual(['tag-not-semver']);
		expect(rules(['app:dev'], ['app:dev', 'other:1.0.0'])).toEqual([]);
		expect(rules(['app:1.0.1'], ['app:1.0.0', 'app:1.0.1'])).toEqual([]);
	});

	it('registry allowlist as the linter applies it (DH1004), only when configured', () => {
		expect(rules(['quay.io/x/app:1.0.0'], undefined, ['ghcr.io'])).toEqual(['DH1004']);
		expect(rules(['ghcr.io/x/app:1.0.0'], undefined, ['ghcr.io'])).toEqual([]);
		expect(rules(['nginx:1.0.0'], undefined, ['docker.io'])).toEqual([]);
		expect(rules(['quay.io/x/app:1.0.0'])).toEqual([]);
	});
});
