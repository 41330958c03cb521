/**
 * Every template must be clean under the project's own Dockerfile linter (issue 3, issue 5).
 * The linter is built on another branch; until it is merged here this suite skips visibly.
 * Suppressions in the templates are explicit pragmas with a reason (DH1003: digest pinning).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {findCommand} from '../../source/commands/index.js';
import {parseTemplateIndex} from '../../source/core/templates.js';
import {ROOT, runJson} from '../support/cli.js';

const DIR = path.join(ROOT, 'assets', 'dockerfiles');
const variants = parseTemplateIndex(JSON.parse(readFileSync(path.join(DIR, 'index.json'), 'utf8')));
const hasLint = findCommand('lint') !== undefined;
if (!hasLint) console.warn('[docker-helper tests] SKIPPING template lint: the lint command is not in this build yet');

describe.skipIf(!hasLint)('templates are lint-clean under docker-helper lint', () => {
	it.each(variants.map((v) => [v.id, v.file] as const))('%s', (_id, file) => {
		const {code, doc} = runJson(['lint', path.join(DIR, file), '--no-engine']);
		const findings = (doc.result?.files ?? []).flatMap((f: {findings: unknown[]}) => f.findings);
		expect(findings).toEqual([]);
		expect(code).toBe(0);
	});
});
