import {expect, test} from 'vitest';
import {isIgnored, parseDockerignore} from '../../../source/core/lint/dockerignore.js';

test('.dockerignore patterns follow Docker rules', () => {
	const rules = parseDockerignore('# comment\n/vendor\n**/*.tmp\ndocs/*/Dockerfile\nbuild\n!build/keep\n');
	const cases: Array<[string, boolean]> = [
		['vendor/x/Dockerfile', true],
		['src/vendor/Dockerfile', false],
		['a/b/c.tmp', true],
		['docs/old/Dockerfile', true],
		['docs/Dockerfile', false],
		['build/Dockerfile', true],
		['build/keep', false],
		['Dockerfile', false],
	];
	for (const [p, want] of cases) expect([p, isIgnored(rules, p)]).toEqual([p, want]);
});
