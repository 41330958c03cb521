/** hadolint's options under their own names, end to end through the built CLI; the default threshold policy. */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {runCli, runJson} from '../support/cli.js';

function project(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-li-flags-'));
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
		writeFileSync(path.join(dir, name), content);
	}
	return dir;
}

// A careful Dockerfile: pinned slim base (tag, no digest), non-root USER, HEALTHCHECK, exec-form CMD.
const WELL_WRITTEN = [
	'FROM python:3.12-slim',
	'WORKDIR /app',
	'COPY requirements.txt .',
	'RUN pip install --no-cache-dir -r requirements.txt',
	'COPY . .',
	'USER 10001',
	'EXPOSE 8000',
	'HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]',
	'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
	'',
].join('\n');
const BAD = 'FROM debian:bookworm\nRUN apt-get update && apt-get install curl\n';

function slugs(doc: {result: {files: Array<{findings: Array<{slug: string}>}>}}): string[] {
	return doc.result.files.flatMap((f) => f.findings.map((x) => x.slug));
}

describe('lint: hadolint-compatible options', () => {
	test("the default threshold is warning: a well-written Dockerfile passes with its info advice shown; hadolint's info default on request", () => {
		const dir = project({Dockerfile: WELL_WRITTEN});
		const {code, doc} = runJson(['lint', '--no-engine'], {cwd: dir});
		expect(doc.result.threshold).toBe('warning');
		expect(doc.result.summary.bySeverity.info).toBeGreaterThan(0); // the digest pin advice is still reported
		expect(doc.result.summary.bySeverity.warning + doc.result.summary.bySeverity.error).toBe(0);
		expect(code).toBe(0);
		expect(runCli(['lint', '--no-engine', '-t', 'info'], {cwd: dir}).code).toBe(1);
		writeFileSync(path.join(dir, '.hadolint.yaml'), 'failure-threshold: info\n');
		expect(runCli(['lint', '--no-engine'], {cwd: dir}).code).toBe(1);
		expect(runCli(['lint', '--no-engine', '--no-fail'], {cwd: dir}).code).toBe(0);
		expect(runCli(['lint', '--no-engine'], {cwd: project({Dockerfile: BAD})}).code).toBe(1); // warnings still fail
	});

	test('--ignore (repeatable, any code form) drops rules; -f picks the format', () => {
		const dir = project({Dockerfile: BAD});
		const all = slugs(runJson(['lint', '--no-engine'], {cwd: dir}).doc);
		expect(all).toEqual(expect.arrayContaining(['apt-get-yes', 'apt-get-pin', 'from-digest-pin']));
		const fewer = slugs(runJson(['lint', '--no-engine', '--ignore', 'DL3014', '--ignore', 'apt-get-pin', '--ignore', 'DH1003,DL3009'], {cwd: dir}).doc);
		expect(fewer).not.toContain('apt-get-yes');
		expect(fewer).not.toContain('apt-get-pin');
		expect(fewer).not.toContain('from-digest-pin');
		expect(fewer).not.toContain('apt-lists-cleanup');
		expect(fewer.length).toBeGreaterThan(0);
		const gnu = runCli(['lint', '--no-engine', '-f', 'gnu'], {cwd: dir});
		expect(gnu.stdout).toMatch(/^Dockerfile:2:\d+: warning: .*\[DH4001\/apt-get-yes\]$/m);
		expect(runCli(['lint', '--no-engine', '-f', 'tty'], {cwd: dir}).stdout).toContain('    2 | RUN apt-get update');
		expect(runCli(['lint', '--no-engine', '-f', 'xml'], {cwd: dir}).code).toBe(2);
	});

	test('--trusted-registry, --require-label key:format and --strict-labels', () => {
		const dir = project({Dockerfile: 'FROM quay.io/org/app:1.0\nLABEL org.opencontainers.image.source=notaurl extra=1\nUSER 1\n'});
		expect(slugs(runJson(['lint', '--no-engine', '--trusted-registry', 'docker.io'], {cwd: dir}).doc)).toContain('registry-allowlist');
		expect(slugs(runJson(['lint', '--no-engine', '--trusted-registry', 'quay.io', '--trusted-registry', 'docker.io'], {cwd: dir}).doc)).not.toContain(
			'registry-allowlist',
		);
		const labels = runJson(['lint', '--no-engine', '--require-label', 'org.opencontainers.image.source:url', '--require-label', 'maintainer:text'], {
			cwd: dir,
		}).doc;
		const messages = labels.result.files[0].findings
			.filter((f: {slug: string}) => f.slug === 'label-schema')
			.map((f: {message: string}) => f.message)
			.join('\n');
		expect(messages).toContain('maintainer');
		expect(messages).toContain('org.opencontainers.image.source');
		expect(messages).not.toContain('extra');
		const strict = runJson(['lint', '--no-engine', '--require-label', 'maintainer:text', '--strict-labels'], {cwd: dir}).doc;
		expect(
			strict.result.files[0].findings
				.filter((f: {slug: string}) => f.slug === 'label-schema')
				.map((f: {message: string}) => f.message)
				.join('\n'),
		).toContain('extra');
		const bad = runCli(['lint', '--no-engine', '--require-label', 'maintainer:colour'], {cwd: dir});
		expect(bad.code).toBe(2);
		expect(bad.stderr + bad.stdout).toContain('key:format');
	});

	test('--file-path-in-report names stdin; --disable-ignore-pragma; config format:', () => {
		const r = runCli(['lint', '-', '--no-engine', '-f', 'gnu', '--file-path-in-report', 'services/api/Dockerfile'], {input: BAD});
		expect(r.stdout).toMatch(/^services\/api\/Dockerfile:2:/m);
		const dir = project({Dockerfile: 'FROM debian:bookworm\n# hadolint ignore=DL3014\nRUN apt-get install curl\n'});
		expect(slugs(runJson(['lint', '--no-engine'], {cwd: dir}).doc)).not.toContain('apt-get-yes');
		expect(slugs(runJson(['lint', '--no-engine', '--disable-ignore-pragma'], {cwd: dir}).doc)).toContain('apt-get-yes');
		writeFileSync(path.join(dir, '.hadolint.yaml'), 'format: gnu\n');
		expect(runCli(['lint', '--no-engine'], {cwd: dir}).stdout).toMatch(/^Dockerfile:1:1: info: /m);
	});
});
