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

test('patterns are cleaned as Docker cleans them (./ and ..)', () => {
	const rules = parseDockerignore('./docs/./drafts\nsrc/../tmp\n');
	expect(isIgnored(rules, 'docs/drafts/Dockerfile')).toBe(true);
	expect(isIgnored(rules, 'tmp/Dockerfile')).toBe(true);
	expect(isIgnored(rules, 'src/tmp/Dockerfile')).toBe(false);
});
