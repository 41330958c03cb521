/**
 * images, cleanup, monitor and debug --json follow their published schemas (docs/schema): the real
 * output of the built CLI on the real engine, over objects made for the test (dh-op- prefix), with a
 * dangling, an unused and an in-use image, a stopped and an unhealthy container, an OOM during the
 * monitor's stream, and a toolbox beside a running and a stopped target.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {Ajv} from 'ajv';
import addFormatsModule from 'ajv-formats';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {ROOT, runCli, runJson} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, runUnhealthy} from '../support/engine.js';
import {NdjsonRun} from '../support/ndjson.js';
import {buildImage, opName, removeImages} from '../support/ops.js';

const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as typeof addFormatsModule.default;
const load = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'docs', 'schema', name), 'utf8')) as object;
const ajv = new Ajv({allErrors: true, strict: false});
addFormats(ajv);
const envelope = ajv.compile(load('envelope.schema.json'));
const schemas = {
	images: ajv.compile(load('images.schema.json')),
	cleanup: ajv.compile(load('cleanup.schema.json')),
	monitor: ajv.compile(load('monitor.schema.json')),
	debug: ajv.compile(load('debug.schema.json')),
};
ajv.addSchema(load('monitor.schema.json'), 'monitor');
const streamLine = ajv.compile({$ref: 'monitor#/definitions/streamLine'});

const run = opName('schema');
const label = `dh-op.schema=${run}`;
const tag = `${run}/app:1.0.0`;
const names = {used: `${run}-used`, stopped: `${run}-stopped`, sick: `${run}-sick`, oom: `${run}-oom`, tb: `${run}-tb`, tb2: `${run}-tb-2`};
const volume = `${run}-vol`;
let dangling = '';
const children: NdjsonRun[] = [];

function valid(kind: keyof typeof schemas, doc: any): void {
	expect(envelope(doc), JSON.stringify(envelope.errors)).toBe(true);
	expect(schemas[kind](doc.result), JSON.stringify(schemas[kind].errors?.slice(0, 5))).toBe(true);
}

afterAll(() => {
	for (const c of children) c.kill('SIGKILL');
	removeContainers(...Object.values(names));
	docker(['volume', 'rm', '-f', volume], {allowFail: true});
	removeImages(tag, ...(dangling ? [dangling] : []));
});

describeEngine('images, cleanup, monitor and debug --json schemas (real engine)', () => {
	beforeAll(async () => {
		buildImage(tag, `FROM ${FIXTURE_IMAGE}\nLABEL dh-op.schema=${run}\nRUN echo one > /one\n`);
		// No tag: a dangling image, with the label that scopes cleanup to this test.
		dangling = execFileSync('docker', ['build', '-q', '-'], {
			input: `FROM ${FIXTURE_IMAGE}\nLABEL dh-op.schema=${run}\nRUN echo two > /two\n`,
			encoding: 'utf8',
			env: {...process.env, DOCKER_BUILDKIT: '0'},
		}).trim();
		docker(['run', '-d', '--name', names.used, '--label', label, tag, 'sleep', '600']);
		docker(['create', '--name', names.stopped, '--label', label, FIXTURE_IMAGE, 'true']);
		runUnhealthy(names.sick);
		docker(['volume', 'create', '--label', label, volume]);
		for (let i = 0; i < 100 && docker(['inspect', '-f', '{{.State.Health.Status}}', names.sick]) !== 'unhealthy'; i++)
			await new Promise((r) => setTimeout(r, 200));
	}, 180_000);

	it('images --json (with --history)', () => {
		const {code, doc} = runJson(['images', '--history', tag]);
		expect(code).toBe(0);
		valid('images', doc);
		const row = doc.result.images.find((i: any) => i.tags.includes(tag));
		expect(row.state).toBe('in-use');
		expect(row.containers).toContainEqual({name: names.used, state: 'running'});
		expect(doc.result.images.find((i: any) => i.id === dangling).state).toBe('dangling');
		expect(doc.result.history.layers.length).toBeGreaterThan(1);
	});

	it('cleanup --json: the plan, then with --yes the outcome (scoped to this test by --label)', () => {
		const args = ['cleanup', '--label', label, '--older-than', '0s', '--volumes'];
		const shown = runJson(args);
		expect(shown.code).toBe(0);
		valid('cleanup', shown.doc);
		expect(shown.doc.result.outcome).toBeNull();
		const planned = shown.doc.result.plan.steps.flatMap((s: any) => s.items.map((i: any) => i.id));
		expect(planned).toEqual(expect.arrayContaining([dangling, volume]));
		expect(planned.some((id: string) => id.startsWith(docker(['inspect', '-f', '{{.Id}}', names.stopped])))).toBe(true);

		const done = runJson([...args, '--yes']);
		expect(done.code).toBe(0);
		valid('cleanup', done.doc);
		expect(done.doc.result.confirmed).toBe(true);
		expect(done.doc.result.outcome.steps.flatMap((s: any) => s.removed)).toEqual(expect.arrayContaining([dangling, volume]));
		// the image in use stays
		expect(docker(['image', 'inspect', '-f', '{{.Id}}', tag])).toMatch(/^sha256:/);
	});

	it('monitor --once --json, also with --alert-exit over an unhealthy container', () => {
		const once = runJson(['monitor', '--once']);
		expect(once.code).toBe(0);
		valid('monitor', once.doc);
		expect(once.doc.result.alertExit).toBeNull();
		const sick = once.doc.result.snapshot.rows.find((r: any) => r.name === names.sick);
		expect(sick.health).toBe('unhealthy');
		const alarmed = runJson(['monitor', '--once', '--alert-exit']);
		expect(alarmed.code).toBe(1);
		valid('monitor', alarmed.doc);
		expect(alarmed.doc.result.alertExit.containers).toContain(names.sick);
	});

	it('monitor --json streams lines that each follow definitions/streamLine: snapshot, event, diagnosis, end', async () => {
		const m = new NdjsonRun(['monitor', '--json']);
		children.push(m);
		await m.waitFor((d) => d.type === 'snapshot', 'the snapshot');
		docker(['run', '-d', '--name', names.oom, '--memory', '16m', '--memory-swap', '16m', FIXTURE_IMAGE, 'sh', '-c', 'sleep 1; tail /dev/zero']);
		await m.waitFor((d) => d.type === 'event' && d.alert?.kind === 'oom' && d.alert.container === names.oom, 'the OOM event');
		await m.waitFor((d) => d.type === 'diagnosis' && d.alert.container === names.oom, 'the OOM diagnosis');
		m.kill('SIGINT');
		expect(await m.exited, m.stderr.slice(-500)).toBe(0);
		expect(m.docs.at(-1).type).toBe('end');
		expect(new Set(m.docs.map((d) => d.type))).toEqual(new Set(['snapshot', 'event', 'diagnosis', 'end']));
		const invalid = m.docs
			.filter((line) => !streamLine(line))
			.map((line) => `${JSON.stringify(line).slice(0, 400)} ${JSON.stringify(ajv.errorsText(streamLine.errors))}`);
		expect(invalid).toEqual([]);
	}, 90_000);

	it('debug --json -- command, beside a running and a stopped target', () => {
		// --json goes before `--`: after it, everything is the toolbox's command.
		const debugJson = (args: string[]) => {
			const r = runCli(['debug', ...args.slice(0, args.indexOf('--')), '--json', ...args.slice(args.indexOf('--'))]);
			return {code: r.code, doc: JSON.parse(r.stdout) as any};
		};
		const running = debugJson([names.used, '--image', FIXTURE_IMAGE, '--name', names.tb, '--', 'ls', '/proc/1/root/one']);
		expect(running.code).toBe(0);
		valid('debug', running.doc);
		expect(running.doc.result.stdout).toContain('/proc/1/root/one');
		expect(running.doc.result.removed).toBe(true);
		docker(['stop', '-t', '1', names.used]);
		const stopped = debugJson([names.used, '--image', FIXTURE_IMAGE, '--name', names.tb2, '--', 'true']);
		valid('debug', stopped.doc);
		expect(stopped.doc.result.limits.length).toBeGreaterThan(0);
	}, 60_000);

	it('the schemas reject wrong documents', () => {
		expect(schemas.images({images: [], totals: {}, counts: {}, trustedRegistries: []})).toBe(false);
		expect(schemas.cleanup({plan: {steps: [{kind: 'everything'}]}, outcome: null, confirmed: true})).toBe(false);
		expect(schemas.monitor({snapshot: {takenAt: 'yesterday', rows: [], alerts: []}, summary: '', alertExit: null})).toBe(false);
		expect(
			streamLine({
				type: 'event',
				event: {time: new Date().toISOString(), action: 'die', id: 'x', name: 'x', attributes: {'com.example.secret': 'x'}},
				alert: null,
			}),
		).toBe(false);
		expect(schemas.debug({target: 'x', toolbox: 'y', image: 'z', command: [], exitCode: -1, removed: 'yes', equivalent: 'docker rm', limits: []})).toBe(false);
	});
});
