/** analyze and verify --json follow their published schemas (real engine, fixture images). */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {Ajv} from 'ajv';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {ROOT, runJson} from '../support/cli.js';
import {describeEngine} from '../support/engine.js';
import {buildFixture, imageName, removeImages} from '../support/images.js';

const load = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'docs', 'schema', name), 'utf8')) as object;
const ajv = new Ajv({allErrors: true, strict: false});
const envelope = ajv.compile(load('envelope.schema.json'));
const analyzeSchema = ajv.compile(load('analyze.schema.json'));
const verifySchema = ajv.compile(load('verify.schema.json'));

describeEngine('analyze and verify --json schemas', () => {
	const tag = `${imageName('schema')}:1`;
	beforeAll(
		() =>
			buildFixture(
				tag,
				[
					'RUN dd if=/dev/zero of=/x bs=1024 count=8 && chmod 4755 /x',
					'RUN rm /x',
					'USER 1000',
					`CMD ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`,
				].join('\n'),
			),
		120_000,
	);
	afterAll(() => removeImages(tag));

	it('analyze --json (with a failing gate)', () => {
		const {code, doc} = runJson(['analyze', tag, '--max-size', '1KB']);
		expect(code).toBe(1);
		expect(envelope(doc), JSON.stringify(envelope.errors)).toBe(true);
		expect(analyzeSchema(doc.result), JSON.stringify(analyzeSchema.errors)).toBe(true);
	});

	it('verify --json', () => {
		const {doc} = runJson(['verify', tag, '--grace', '3', '--name-prefix', 'dh-im-schema-'], {timeout: 120_000});
		expect(envelope(doc), JSON.stringify(envelope.errors)).toBe(true);
		expect(verifySchema(doc.result), JSON.stringify(verifySchema.errors)).toBe(true);
	});

	it('the schemas reject a wrong document', () => {
		expect(analyzeSchema({image: {}})).toBe(false);
		expect(verifySchema({checks: [{id: 'x', status: 'maybe'}]})).toBe(false);
	});
});
