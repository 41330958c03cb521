import {readFileSync} from 'node:fs';
import path from 'node:path';
import {Ajv} from 'ajv';
import {describe, expect, it} from 'vitest';
import {ROOT, runJson} from '../support/cli.js';

const load = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'docs', 'schema', name), 'utf8')) as object;
const ajv = new Ajv({allErrors: true, strict: false});
const envelope = ajv.compile(load('envelope.schema.json'));
const validateResult = ajv.compile(load('validate.schema.json'));

describe('--json documents follow the published schemas', () => {
	it('validate --json (also with an unreachable engine)', () => {
		for (const env of [{}, {DOCKER_HOST: 'unix:///nonexistent/docker.sock'}]) {
			const {doc} = runJson(['validate'], {env});
			expect(envelope(doc), JSON.stringify(envelope.errors)).toBe(true);
			expect(validateResult((doc as {result: unknown}).result), JSON.stringify(validateResult.errors)).toBe(true);
		}
	});

	it('error documents', () => {
		for (const args of [['nope'], ['validate', '--bogus'], ['validate', '--profile', 'x']]) {
			const {doc} = runJson(args);
			expect(envelope(doc), JSON.stringify(envelope.errors)).toBe(true);
			expect((doc as {error?: unknown}).error).toBeDefined();
		}
	});

	it('the schema really rejects a wrong document', () => {
		expect(validateResult({profile: 'ai'})).toBe(false);
		expect(envelope({schema: 'docker-helper/v1', command: 'x', exitCode: 0})).toBe(false);
	});
});
