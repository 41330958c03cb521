/** lint on compose files: latest, untagged and registry allowlist on the services' images, with lines. */
import {parseDocument} from 'yaml';
import {describe, expect, it} from 'vitest';
import {isComposeFileName, lintCompose} from '../../../source/core/lint/compose.js';
import {EMPTY_CONFIG} from '../../../source/core/lint/config.js';
import {runJson} from '../../support/cli.js';

const COMPOSE = [
	'services:',
	'  web:',
	'    image: myorg/web',
	'  api:',
	'    build: .',
	'    image: myorg/api:latest',
	'  db:',
	'    image: postgres:16.4',
	'  pinned:',
	'    image: alpine@sha256:' + 'a'.repeat(64),
	'  cache:',
	'    image: quay.io/x/redis:7',
	'  env:',
	'    image: ${IMAGE:-app}:1',
	'',
].join('\n');
const parse = (s: string) => parseDocument(s);

describe('compose images', () => {
	it('recognises compose file names', () => {
		for (const n of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.prod.yaml', 'compose.override.yml'])
			expect(isComposeFileName(n), n).toBe(true);
		for (const n of ['Dockerfile', 'compose.json', 'my-compose.yaml', 'values.yaml']) expect(isComposeFileName(n), n).toBe(false);
	});
	it('latest and untagged, with the line of each image:', () => {
		const r = lintCompose(COMPOSE, 'compose.yaml', EMPTY_CONFIG, parse);
		expect(r.findings.map((f) => [f.line, f.slug, f.id])).toEqual([
			[3, 'from-untagged', 'DH1001'],
			[6, 'from-latest', 'DH1002'],
		]);
		expect(r.findings[0]!.message).toMatch(/^service web: image myorg\/web has no tag/);
	});
	it('registry allowlist from trustedRegistries; ignored and severity overrides apply', () => {
		const r = lintCompose(
			COMPOSE,
			'compose.yaml',
			{...EMPTY_CONFIG, trustedRegistries: ['docker.io'], ignored: ['DL3006'], overrides: {'from-latest': 'error'}},
			parse,
		);
		expect(r.findings.map((f) => [f.line, f.slug, f.severity])).toEqual([
			[6, 'from-latest', 'error'],
			[12, 'registry-allowlist', 'warning'],
		]);
	});
	it('broken YAML is a parse error finding, not a crash', () => {
		const r = lintCompose('services:\n  web: [\n', 'compose.yaml', EMPTY_CONFIG, parse);
		expect(r.parseErrors).toBe(1);
		expect(r.findings[0]!.slug).toBe('parse-error');
	});
	it('through the CLI: lint compose.yaml exits 1 with the findings', async () => {
		const {mkdtempSync, writeFileSync, rmSync} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const dir = mkdtempSync(`${tmpdir()}/dh-im-compose-`);
		try {
			writeFileSync(`${dir}/compose.yaml`, COMPOSE);
			const r = runJson(['lint', 'compose.yaml', '--no-engine'], {cwd: dir});
			expect(r.code).toBe(1);
			expect(r.doc.result.files[0].findings.map((f: {slug: string}) => f.slug)).toEqual(['from-untagged', 'from-latest']);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
