import {readFileSync} from 'node:fs';
import path from 'node:path';
import {Ajv} from 'ajv';
import {describe, expect, it} from 'vitest';
import {ROOT, runJson} from '../support/cli.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'schema', 'explain.schema.json'), 'utf8')) as object;
const validate = new Ajv({allErrors: true, strict: false}).compile(schema);

describe('--json of explain and the guides follows the published schema', () => {
	const cases: string[][] = [
		['explain', '--list'],
		['explain', '--list', '--rules'],
		['explain', 'cow'],
		['explain', 'layers', 'oom'],
		['explain', 'all'],
		['optimize-guide'],
		['debug-guide'],
	];
	for (const args of cases) {
		it(args.join(' '), () => {
			const {code, doc} = runJson(args);
			expect(code).toBe(0);
			expect(validate(doc.result), JSON.stringify(validate.errors)).toBe(true);
		});
	}

	it('the schema rejects a document without its plain text (it is not vacuous)', () => {
		const {doc} = runJson(['explain', 'cow']);
		const {text: _text, ...withoutText} = doc.result.docs[0];
		expect(validate({mode: 'docs', docs: [withoutText]})).toBe(false);
		expect(
			validate({mode: 'list', collection: 'topics', entries: [{id: 'Not Kebab', title: 't', summary: 's', aliases: [], collection: 'topics'}], guides: []}),
		).toBe(false);
	});
});
