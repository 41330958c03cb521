import {describe, expect, it} from 'vitest';
import {cleanupPlan, type CleanupOptions} from '../../../source/core/housekeeping/cleanup.js';
import {imageTotals, imagesReport} from '../../../source/core/housekeeping/images.js';
import {inventoryFrom} from '../../../source/core/engine/inventory.js';

const NOW = 2_000_000_000;
const DAY = 86_400;
// The shape GET /system/df answers with (API 1.41), trimmed to a few objects.
const df = inventoryFrom({
	LayersSize: 1000,
	Images: [
		{
			Id: 'sha256:aaa',
			ParentId: '',
			RepoTags: ['app:1.0.0'],
			RepoDigests: [],
			Created: NOW - 40 * DAY,
			Size: 500,
			SharedSize: 100,
			Containers: 1,
			Labels: {team: 'a'},
		},
		{
			Id: 'sha256:bbb',
			ParentId: '',
			RepoTags: ['app:dev', 'app:old'],
			RepoDigests: [],
			Created: NOW - 40 * DAY,
			Size: 300,
			SharedSize: 100,
			Containers: 0,
			Labels: {team: 'a'},
		},
		{
			Id: 'sha256:ccc',
			ParentId: '',
			RepoTags: ['<none>:<none>'],
			RepoDigests: ['<none>@<none>'],
			Created: NOW - 2 * DAY,
			Size: 200,
			SharedSize: 100,
			Containers: 0,
			Labels: null,
		},
		{Id: 'sha256:ddd', ParentId: '', RepoTags: ['tool:latest'], RepoDigests: [], Created: NOW - 1 * DAY, Size: 250, SharedSize: -1, Containers: 0, Labels: {}},
		{Id: 'sha256:eee', ParentId: '', RepoTags: ['base:2.0.0'], RepoDigests: [], Created: NOW - 90 * DAY, Size: 150, SharedSize: 100, Containers: 1, Labels: {}},
	],
	Containers: [
		{Id: 'c1', Names: ['/web'], Image: 'app:1.0.0', ImageID: 'sha256:aaa', State: 'running', Status: 'Up', Created: NOW, SizeRw: 10, Labels: {team: 'a'}},
		{Id: 'c2', Names: ['/job'], Image: 'base:2.0.0', ImageID: 'sha256:eee', State: 'exited', Status: 'Exited (0)', Created: NOW, SizeRw: 7, Labels: {}},
	],
	Volumes: [
		{Name: 'data', Driver: 'local', Labels: null, UsageData: {Size: 64, RefCount: 0}},
		{Name: 'db', Driver: 'local', Labels: null, UsageData: {Size: 99, RefCount: 1}},
	],
	BuildCache: [
		{ID: 'k1', Type: 'regular', Size: 40, InUse: false, Shared: false},
		{ID: 'k2', Type: 'regular', Size: 30, InUse: true, Shared: false},
	],
});
const base: CleanupOptions = {olderThanSeconds: null, volumes: false, buildCache: true, labels: [], now: NOW};
const ids = (plan: ReturnType<typeof cleanupPlan>, kind: string) => plan.steps.find((s) => s.kind === kind)!.items.map((i) => i.id);

describe('cleanup plan', () => {
	it('by default: stopped containers, dangling images, build cache not in use; no unused images, no volumes', () => {
		const plan = cleanupPlan(df, base);
		expect(ids(plan, 'stopped-containers')).toEqual(['c2']);
		expect(ids(plan, 'dangling-images')).toEqual(['sha256:ccc']);
		expect(ids(plan, 'unused-images')).toEqual([]);
		expect(plan.steps.find((s) => s.kind === 'unused-images')!.skipped).toMatch(/--older-than/);
		expect(plan.steps.find((s) => s.kind === 'unused-volumes')!.skipped).toMatch(/--volumes/);
		expect(ids(plan, 'build-cache')).toEqual(['k1']);
		expect(plan.total).toBe(7 + 100 + 40);
	});

	it('never an image a container uses, not even one whose stopped container the plan removes', () => {
		const plan = cleanupPlan(df, {...base, olderThanSeconds: 0});
		expect(ids(plan, 'unused-images').sort()).toEqual(['sha256:bbb', 'sha256:ddd']);
		expect(plan.keptInUse.count).toBe(2);
		expect(plan.keptInUse.sample.map((k) => k.why)).toEqual(['used by web', 'used by job']);
	});

	it('--older-than keeps younger images; an unknown shared size frees nothing counted', () => {
		const plan = cleanupPlan(df, {...base, olderThanSeconds: 30 * DAY});
		expect(ids(plan, 'unused-images')).toEqual(['sha256:bbb']);
		const all = cleanupPlan(df, {...base, olderThanSeconds: 0});
		expect(all.steps.find((s) => s.kind === 'unused-images')!.frees).toBe(200);
		expect(all.steps.find((s) => s.kind === 'unused-images')!.items.find((i) => i.id === 'sha256:bbb')!.tags).toEqual(['app:dev', 'app:old']);
	});

	it('--volumes: only volumes no container references; --label scopes every step and leaves the build cache', () => {
		expect(ids(cleanupPlan(df, {...base, volumes: true}), 'unused-volumes')).toEqual(['data']);
		const scoped = cleanupPlan(df, {...base, olderThanSeconds: 0, labels: ['team=a']});
		expect(ids(scoped, 'unused-images')).toEqual(['sha256:bbb']);
		expect(ids(scoped, 'stopped-containers')).toEqual([]);
		expect(scoped.steps.find((s) => s.kind === 'build-cache')!.skipped).toMatch(/labels/);
		expect(ids(cleanupPlan(df, {...base, labels: ['team']}), 'dangling-images')).toEqual([]);
	});
});

describe('images report', () => {
	it('states and the docker system df totals', () => {
		const r = imagesReport(df, {trustedRegistries: []});
		const state = Object.fromEntries(r.images.map((i) => [i.id, i.state]));
		expect(state).toEqual({'sha256:aaa': 'in-use', 'sha256:bbb': 'unused', 'sha256:ccc': 'dangling', 'sha256:ddd': 'unused', 'sha256:eee': 'in-use'});
		// docker: LayersSize − Σ(Size − SharedSize) of images with containers = 1000 − (400 + 50)
		expect(imageTotals(df)).toEqual({count: 5, active: 2, size: 1000, reclaimable: 550, reclaimablePercent: 55});
		expect(r.images.find((i) => i.id === 'sha256:ddd')!.uniqueSize).toBeNull();
		expect(r.images.find((i) => i.id === 'sha256:bbb')!.hygiene.map((h) => h.rule)).toEqual(['tag-not-semver', 'tag-not-semver']);
	});
});
