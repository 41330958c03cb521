import {afterAll, beforeAll, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers} from '../support/engine.js';
import {buildImage, humanSize, opName, removeImages} from '../support/ops.js';

const run = opName('img');
const label = `dh-op-run=${run}`;
const repo = `${run}/app`;
const ids = {used: '', unused: '', dangling: '', latest: '', running: ''};
const names = {stopped: `${run}-stopped`, user: `${run}-user`, running: `${run}-running`, volumeUser: `${run}-voluser`};
const volumes = {unused: `${run}-unused-vol`, used: `${run}-used-vol`};
const exists = (kind: 'image' | 'container' | 'volume', ref: string) => docker([kind, 'inspect', ref], {allowFail: true}) !== '';

afterAll(() => {
	removeContainers(...Object.values(names));
	removeImages(...Object.values(ids).filter(Boolean));
	docker(['volume', 'rm', '-f', ...Object.values(volumes)], {allowFail: true});
});

describeEngine('images and cleanup (real engine, built CLI)', () => {
	beforeAll(() => {
		const from = (n: string) => `FROM ${FIXTURE_IMAGE}\nLABEL dh-op-run=${run}\nRUN head -c ${n} /dev/urandom > /blob\n`;
		// in use by a stopped container; semver-tagged, so :dev in the same repo is "not semver"
		ids.used = buildImage(`${repo}:1.0.0`, from('20000'));
		// unused, tagged :dev
		ids.unused = buildImage(`${repo}:dev`, from('30000'));
		// dangling: built under a tag that a later build takes over
		ids.dangling = buildImage(`${run}/scratchpad:latest`, from('40000'));
		ids.latest = buildImage(`${run}/scratchpad:latest`, from('50000'));
		// in use by a running container
		ids.running = buildImage(`${run}/svc:2.1.0`, from('10000'));
		docker(['create', '--name', names.user, '--label', label, `${repo}:1.0.0`, 'true']);
		docker(['run', '-d', '--name', names.running, '--label', label, `${run}/svc:2.1.0`, 'sleep', '600']);
		docker(['run', '--name', names.stopped, '--label', label, FIXTURE_IMAGE, 'true']);
		docker(['volume', 'create', '--label', label, volumes.unused]);
		docker(['volume', 'create', '--label', label, volumes.used]);
		docker(['create', '--name', names.volumeUser, '--label', label, '-v', `${volumes.used}:/data`, FIXTURE_IMAGE, 'true']);
	});

	it('images --json: state, users, shared and unique size, tag hygiene', () => {
		const {code, doc} = runJson(['images']);
		expect(code).toBe(0);
		const byId = (id: string) => doc.result.images.find((i: any) => i.id === id);
		const used = byId(ids.used);
		expect(used.state).toBe('in-use');
		expect(used.containers).toContainEqual({name: names.user, state: 'created'});
		expect(used.tags).toEqual([`${repo}:1.0.0`]);
		expect(used.hygiene).toEqual([]);
		expect(byId(ids.running).state).toBe('in-use');
		expect(byId(ids.running).containers).toContainEqual({name: names.running, state: 'running'});
		const unused = byId(ids.unused);
		expect(unused.state).toBe('unused');
		expect(unused.containers).toEqual([]);
		expect(unused.hygiene.map((h: any) => h.rule)).toEqual(['tag-not-semver']);
		const dangling = byId(ids.dangling);
		expect(dangling.state).toBe('dangling');
		expect(dangling.tags).toEqual([]);
		expect(dangling.hygiene.map((h: any) => h.rule)).toEqual(['DH1001']);
		expect(byId(ids.latest).hygiene.map((h: any) => h.rule)).toEqual(['DH1002']);
		// sizes as the engine reports them: docker image inspect's Size, and the unique part is what this image alone adds
		for (const id of Object.values(ids)) {
			const row = byId(id);
			expect(row.size).toBe(Number(docker(['image', 'inspect', '--format', '{{.Size}}', id])));
			expect(row.uniqueSize).toBe(row.size - row.sharedSize);
		}
		// each image adds one RUN layer of random bytes on top of the shared fixture: unique ≥ its blob
		expect(unused.uniqueSize).toBeGreaterThanOrEqual(30000);
		expect(unused.sharedSize).toBeGreaterThan(0);
	});

	it('images: totals and reclaimable equal `docker system df`', async () => {
		// Other test runs share this engine: compare when docker's own figures are stable around ours.
		let last = '';
		for (let attempt = 0; attempt < 10; attempt++) {
			const row = () =>
				docker(['system', 'df', '--format', '{{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}'])
					.split('\n')
					.find((l) => l.startsWith('Images'));
			const a = row();
			const {doc} = runJson(['images']);
			const b = row();
			if (a !== b) continue;
			const t = doc.result.totals;
			last = `Images\t${t.count}\t${t.active}\t${humanSize(t.size)}\t${humanSize(t.reclaimable)} (${t.reclaimablePercent}%)`;
			expect(last).toBe(a);
			return;
		}
		throw new Error(`docker system df never stable; last: ${last}`);
	});

	it('images text: one row per image, the totals line, hygiene notes', () => {
		const r = runCli(['images']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/IMAGE ID\s+TAGS\s+CREATED\s+SIZE\s+UNIQUE\s+STATE\s+USED BY/);
		expect(r.stdout).toContain(ids.unused.replace('sha256:', '').slice(0, 12));
		expect(r.stdout).toMatch(/reclaimable [\d.]+ [KMG]?i?B \(\d+%\)/);
		expect(r.stdout).toContain('[tag-not-semver]');
		for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
	});

	it('cleanup without --yes shows the plan and removes nothing', () => {
		const {code, doc} = runJson(['cleanup', '--label', label, '--older-than', '0s', '--volumes']);
		expect(code).toBe(0);
		expect(doc.result.outcome).toBeNull();
		const step = (kind: string) => doc.result.plan.steps.find((s: any) => s.kind === kind);
		expect(
			step('stopped-containers')
				.items.map((i: any) => i.name)
				.sort(),
		).toEqual([names.stopped, names.user, names.volumeUser].sort());
		expect(step('dangling-images').items.map((i: any) => i.id)).toEqual([ids.dangling]);
		expect(
			step('unused-images')
				.items.map((i: any) => i.id)
				.sort(),
		).toEqual([ids.unused, ids.latest].sort());
		expect(step('unused-volumes').items.map((i: any) => i.id)).toEqual([volumes.unused]);
		expect(step('build-cache').skipped).toMatch(/--label/);
		expect(step('dangling-images').command).toBe(`docker image rm ${ids.dangling.slice(7, 19)}`);
		// what a step frees is the engine's unique size of its items
		expect(step('dangling-images').frees).toBe(step('dangling-images').items[0].size);
		const plain = runCli(['cleanup', '--label', label, '--older-than', '0s']);
		expect(plain.code).toBe(0);
		expect(plain.stdout).toContain('Nothing was removed');
		expect(plain.stdout).toContain('$ docker container rm');
		for (const id of Object.values(ids)) expect(exists('image', id)).toBe(true);
		for (const n of Object.values(names)) expect(exists('container', n)).toBe(true);
		for (const v of Object.values(volumes)) expect(exists('volume', v)).toBe(true);
	});

	it('cleanup --yes removes exactly the plan, never an image a container uses', () => {
		const {code, doc} = runJson(['cleanup', '--label', label, '--older-than', '0s', '--volumes', '--yes']);
		expect(code).toBe(0);
		expect(doc.result.confirmed).toBe(true);
		const removed = doc.result.outcome.steps.flatMap((s: any) => s.removed);
		expect(doc.result.outcome.steps.flatMap((s: any) => s.failed)).toEqual([]);
		expect(exists('container', names.stopped)).toBe(false);
		expect(exists('image', ids.dangling)).toBe(false);
		expect(exists('image', ids.unused)).toBe(false);
		expect(exists('image', ids.latest)).toBe(false);
		expect(exists('volume', volumes.unused)).toBe(false);
		expect(removed).toContain(ids.dangling);
		// images used by containers, running or stopped, stay; so does the running container
		expect(exists('image', ids.used)).toBe(true);
		expect(exists('image', ids.running)).toBe(true);
		expect(exists('container', names.running)).toBe(true);
		// the volume a (now removed) stopped container referenced was in use when planned: kept
		expect(exists('volume', volumes.used)).toBe(true);
		expect(doc.result.outcome.freed).toBeGreaterThanOrEqual(30000 + 40000 + 50000);
	});

	it('a second run picks up the image the removed stopped container used', () => {
		const {doc} = runJson(['cleanup', '--label', label, '--older-than', '0s']);
		const unused = doc.result.plan.steps.find((s: any) => s.kind === 'unused-images');
		expect(unused.items.map((i: any) => i.id)).toEqual([ids.used]);
		expect(exists('image', ids.used)).toBe(true);
	});

	it('usage errors: a bad --older-than exits 2', () => {
		const r = runCli(['cleanup', '--older-than', 'soon']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--older-than needs an age');
	});
});
