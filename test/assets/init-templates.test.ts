/**
 * Every shipped init template, on each of its cases (fixture projects under test/fixtures/init/): init
 * detects the project and picks the template, and what it writes is clean under docker-helper's own lint
 * at the warning threshold, and compose.yaml passes `docker-compose config -q` with no .env present.
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT, runCli, runJson} from '../support/cli.js';
import {composeConfig, describeCompose} from '../support/compose.js';

const ASSETS = path.join(ROOT, 'assets', 'init');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'init');
const templates = readdirSync(ASSETS, {withFileTypes: true})
	.filter((d) => d.isDirectory() && !d.name.startsWith('_'))
	.map((d) => JSON.parse(readFileSync(path.join(ASSETS, d.name, 'template.json'), 'utf8')) as {id: string; cases: Array<string | {project: string; flags?: Record<string, string>}>});
const cases = templates.flatMap((t) => t.cases.map((c) => ({template: t.id, ...(typeof c === 'string' ? {project: c, flags: {}} : {project: c.project, flags: c.flags ?? {}})})));

const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

function initialised(project: string, flags: Record<string, string>): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-in-tpl-'));
	dirs.push(dir);
	const target = path.join(dir, project);
	cpSync(path.join(FIXTURES, project), target, {recursive: true});
	const args = ['init', '--yes', ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v])];
	const {code, doc, stderr} = runJson(args, {cwd: target});
	expect(code, stderr).toBe(0);
	expect(doc.result.mode).toBe('written');
	return target;
}

describe('shipped init templates', () => {
	it('every template has a case, and every case is a fixture project', () => {
		for (const t of templates) expect(t.cases.length, t.id).toBeGreaterThan(0);
		for (const c of cases) expect(existsSync(path.join(FIXTURES, c.project)), c.project).toBe(true);
	});

	it.each(cases.map((c) => [`${c.template} on ${c.project}`, c] as const))('%s: chosen, lint-clean at the warning threshold', (_n, c) => {
		const dir = initialised(c.project, c.flags);
		const plan = runJson(['init', '--dry-run', ...Object.entries(c.flags).flatMap(([k, v]) => [`--${k}`, v])], {cwd: dir}).doc.result;
		expect(plan.template.id).toBe(c.template);
		expect(plan.files.length).toBeGreaterThanOrEqual(4);
		expect(plan.files.filter((f: {status: string}) => f.status !== 'unchanged')).toEqual([]);
		const lint = runJson(['lint', path.join(dir, 'Dockerfile'), '--no-engine', '--failure-threshold', 'warning']);
		const findings = (lint.doc.result?.files ?? []).flatMap((f: {findings: Array<{severity: string}>}) => f.findings);
		expect(findings.filter((f: {severity: string}) => f.severity === 'warning' || f.severity === 'error')).toEqual([]);
		expect(lint.code).toBe(0);
	});
});

describeCompose('init compose files against docker-compose (v1) without a .env', () => {
	it.each(cases.map((c) => [`${c.template} on ${c.project}`, c] as const))('%s', (_n, c) => {
		const dir = initialised(c.project, c.flags);
		rmSync(path.join(dir, '.env'), {force: true});
		const r = composeConfig('compose.yaml', {cwd: dir, project: 'dh-in-cfg'});
		expect(r.stderr).not.toMatch(/is not set|invalid/i);
		expect(r.code, r.stderr).toBe(0);
		expect(runCli(['init', '--dry-run'], {cwd: dir}).code).toBe(0);
	});
});
