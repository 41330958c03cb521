import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {Ajv} from 'ajv';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT, runJson} from '../support/cli.js';

const load = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'docs', 'schema', name), 'utf8')) as object;
const ajv = new Ajv({allErrors: true, strict: false});
const copySchema = ajv.compile(load('copy-dockerfile.schema.json'));
const ignoreSchema = ajv.compile(load('generate-dockerignore.schema.json'));
const dirs: string[] = [];
const tmp = () => {
	const d = mkdtempSync(path.join(os.tmpdir(), 'dh-schema-'));
	dirs.push(d);
	return d;
};
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

describe('--json of the template commands follows the published schemas', () => {
	it('copy-dockerfile: list, stdout, written (and written with a backup)', () => {
		const dir = tmp();
		for (const args of [['--list'], ['--variant', 'slim', '--stdout'], ['--variant', 'slim'], ['--variant', 'node', '--force']]) {
			const {code, doc} = runJson(['copy-dockerfile', ...args], {cwd: dir});
			expect(code).toBe(0);
			expect(copySchema(doc.result), `${args.join(' ')}: ${JSON.stringify(copySchema.errors)}`).toBe(true);
		}
	});

	it('generate-dockerignore: created, merged, unchanged, replaced, stdout', () => {
		const dir = tmp();
		writeFileSync(path.join(dir, 'package.json'), '{}');
		writeFileSync(path.join(dir, 'Dockerfile'), 'FROM x\nCOPY .env .\n');
		writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n');
		const modes: string[] = [];
		for (const args of [['--merge'], ['--merge'], ['--force'], ['--stdout']]) {
			const {code, doc} = runJson(['generate-dockerignore', ...args], {cwd: dir});
			expect(code).toBe(0);
			modes.push(doc.result.mode);
			expect(ignoreSchema(doc.result), `${args.join(' ')}: ${JSON.stringify(ignoreSchema.errors)}`).toBe(true);
		}
		rmSync(path.join(dir, '.dockerignore'));
		const created = runJson(['generate-dockerignore'], {cwd: dir});
		modes.push(created.doc.result.mode);
		expect(ignoreSchema(created.doc.result)).toBe(true);
		expect(modes).toEqual(['merged', 'unchanged', 'replaced', 'stdout', 'created']);
	});

	it('the schemas reject wrong documents', () => {
		expect(copySchema({kind: 'written', variant: 'slim'})).toBe(false);
		expect(copySchema({kind: 'list', variants: []})).toBe(false);
		expect(ignoreSchema({mode: 'created'})).toBe(false);
	});
});
