/**
 * `cleanup`: a plan of what can go, step by step, with what each step frees as the engine reports
 * it and the docker command that does the same. Pure: the command shows the plan, and only with
 * confirmation (or --yes) hands its exact items to the adapter.
 *
 * Safety rules, checked here once:
 * - an image used by any container (running or stopped) is never in the plan, nor is an image
 *   used by a stopped container this same plan removes: run cleanup again afterwards for those;
 * - volumes only with --volumes, and only those no container references;
 * - with --label, only objects carrying those labels (the build cache has none: it is left out).
 */
import type {Inventory, LocalImage} from '../engine/inventory.js';

export type StepKind = 'stopped-containers' | 'dangling-images' | 'unused-images' | 'unused-volumes' | 'build-cache';

export interface PlanItem {
	/** What the adapter removes: a container id, an image id, a volume name. */
	readonly id: string;
	/** For people: a name, the tags, or the short id. */
	readonly name: string;
	/** Bytes this item frees by itself, as the engine reports it; null when the engine did not say. */
	readonly size: number | null;
	readonly detail: string;
	/** Image tags (removed one by one; the last one removes the image). */
	readonly tags?: readonly string[];
}

export interface PlanStep {
	readonly kind: StepKind;
	readonly title: string;
	readonly items: readonly PlanItem[];
	/** Bytes: the sum of the items' sizes (for images: their unique sizes, so at least this much). */
	readonly frees: number;
	/** The docker command that removes exactly these items. */
	readonly command: string;
	/** The docker prune command with the same meaning, for reference. */
	readonly pruneCommand: string;
	/** Why the step is not in the plan (a flag not given, or nothing to do); null when it is. */
	readonly skipped: string | null;
}

export interface CleanupOptions {
	/** Unused images only when given: created at least this many seconds ago (0: every unused image). */
	readonly olderThanSeconds: number | null;
	readonly volumes: boolean;
	readonly buildCache: boolean;
	/** key or key=value: only objects with every one of these labels. */
	readonly labels: readonly string[];
	/** Unix seconds. */
	readonly now: number;
}

export interface KeptImage {
	readonly id: string;
	readonly name: string;
	readonly why: string;
}

export interface CleanupPlan {
	readonly steps: readonly PlanStep[];
	/** Bytes over the steps in the plan. */
	readonly total: number;
	readonly itemCount: number;
	/** Images the plan keeps because a container uses them (a sample of at most 20, and the count). */
	readonly keptInUse: {readonly count: number; readonly sample: readonly KeptImage[]};
	readonly options: CleanupOptions;
}

const STOPPED = new Set(['exited', 'created', 'dead']);

export function hasLabels(labels: Readonly<Record<string, string>>, wanted: readonly string[]): boolean {
	return wanted.every((w) => {
		const eq = w.indexOf('=');
		return eq === -1 ? Object.hasOwn(labels, w) : labels[w.slice(0, eq)] === w.slice(eq + 1);
	});
}

function imageName(i: LocalImage): string {
	return i.repoTags.length > 0 ? i.repoTags.join(', ') : (i.repoDigests[0]?.replace(/@sha256:(.{12}).*/, '@sha256:$1…') ?? `<none> ${short(i.id)}`);
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const labelFilters = (labels: readonly string[]) => labels.map((l) => ` --filter label=${l}`).join('');

function listCommand(prefix: string, ids: readonly string[]): string {
	const shown = ids.slice(0, 6).join(' ');
	return `${prefix} ${shown}${ids.length > 6 ? ` … (${ids.length - 6} more)` : ''}`;
}

export function humanAge(seconds: number): string {
	if (seconds < 120) return `${Math.max(0, Math.round(seconds))} s`;
	if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
	if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
	return `${Math.round(seconds / 86_400)} days`;
}

export function cleanupPlan(inventory: Inventory, options: CleanupOptions): CleanupPlan {
	const labels = options.labels;
	const usedBy = new Map<string, string[]>();
	for (const c of inventory.containers) usedBy.set(c.imageId, [...(usedBy.get(c.imageId) ?? []), c.name]);

	// 1. stopped containers
	const stopped = inventory.containers.filter((c) => STOPPED.has(c.state) && hasLabels(c.labels, labels));
	const containerItems: PlanItem[] = stopped.map((c) => ({id: c.id, name: c.name, size: c.sizeRw, detail: `${c.state} · ${c.image} · ${c.status}`}));
	const steps: PlanStep[] = [
		step(
			'stopped-containers',
			'Stopped containers',
			containerItems,
			containerItems.length > 0
				? listCommand(
						'docker container rm',
						stopped.map((c) => c.name),
					)
				: 'docker container rm <container>…',
			`docker container prune${labelFilters(labels)}`,
			null,
		),
	];

	// 2 and 3. images no container uses, running or stopped
	const candidates = inventory.images.filter((i) => !usedBy.has(i.id) && (i.containers ?? 0) === 0 && hasLabels(i.labels, labels));
	const kept = inventory.images.filter((i) => usedBy.has(i.id) || (i.containers ?? 0) > 0);
	const imageItem = (i: LocalImage): PlanItem => ({
		id: i.id,
		name: imageName(i),
		size: i.sharedSize === null ? null : i.size - i.sharedSize,
		detail: `created ${humanAge(options.now - i.created)} ago`,
		...(i.repoTags.length > 0 ? {tags: i.repoTags} : {}),
	});
	const dangling = candidates.filter((i) => i.repoTags.length === 0).map(imageItem);
	steps.push(
		step(
			'dangling-images',
			'Dangling images (no tag)',
			dangling,
			dangling.length > 0
				? listCommand(
						'docker image rm',
						dangling.map((i) => short(i.id)),
					)
				: 'docker image rm <image>…',
			`docker image prune${labelFilters(labels)}`,
			null,
		),
	);
	const older = options.olderThanSeconds;
	const unused = older === null ? [] : candidates.filter((i) => i.repoTags.length > 0 && options.now - i.created >= older).map(imageItem);
	steps.push(
		step(
			'unused-images',
			older === null ? 'Unused images' : older === 0 ? 'Unused images (tagged, no container uses them)' : `Unused images older than ${humanAge(older)}`,
			unused,
			unused.length > 0
				? listCommand(
						'docker image rm',
						unused.flatMap((i) => i.tags ?? [short(i.id)]),
					)
				: 'docker image rm <image>…',
			`docker image prune -a${older ? ` --filter until=${older}s` : ''}${labelFilters(labels)}`,
			older === null ? 'not asked for: add --older-than <age> (e.g. 30d, or 0s for every unused image)' : null,
		),
	);

	// 4. volumes no container references
	const volumes = options.volumes ? inventory.volumes.filter((v) => v.refCount === 0 && hasLabels(v.labels, labels)) : [];
	const volumeItems: PlanItem[] = volumes.map((v) => ({
		id: v.name,
		name: v.name.length > 24 ? `${v.name.slice(0, 12)}…` : v.name,
		size: v.size,
		detail: `${v.driver || 'local'} volume, no container uses it`,
	}));
	steps.push(
		step(
			'unused-volumes',
			'Unused volumes',
			volumeItems,
			volumeItems.length > 0
				? listCommand(
						'docker volume rm',
						volumes.map((v) => v.name),
					)
				: 'docker volume rm <volume>…',
			`docker volume prune -a${labelFilters(labels)}`,
			options.volumes ? null : 'not asked for: volumes hold data; add --volumes to include the unused ones',
		),
	);

	// 5. build cache not in use
	const cacheSkip = !options.buildCache
		? 'not asked for (--no-build-cache)'
		: labels.length > 0
			? 'left out with --label: build cache records carry no labels'
			: null;
	const cache = cacheSkip ? [] : inventory.buildCache.filter((b) => !b.inUse && !b.shared);
	const cacheItems: PlanItem[] = cache.map((b) => ({
		id: b.id,
		name: b.id.slice(0, 12),
		size: b.size,
		detail: `${b.type}${b.description ? `: ${b.description.slice(0, 60)}` : ''}`,
	}));
	steps.push(step('build-cache', 'Build cache not in use', cacheItems, 'docker builder prune --force', 'docker builder prune', cacheSkip));

	const active = steps.filter((s) => s.skipped === null);
	return {
		steps,
		total: active.reduce((n, s) => n + s.frees, 0),
		itemCount: active.reduce((n, s) => n + s.items.length, 0),
		keptInUse: {
			count: kept.length,
			sample: kept
				.slice(0, 20)
				.map((i) => ({id: i.id, name: imageName(i), why: `used by ${(usedBy.get(i.id) ?? []).slice(0, 3).join(', ') || `${i.containers} container(s)`}`})),
		},
		options,
	};
}

function step(kind: StepKind, title: string, items: readonly PlanItem[], command: string, pruneCommand: string, skipped: string | null): PlanStep {
	return {
		kind,
		title,
		items,
		frees: items.reduce((n, i) => n + (i.size ?? 0), 0),
		command,
		pruneCommand,
		skipped: skipped ?? (items.length === 0 ? 'nothing to remove' : null),
	};
}

/** What `cleanup --yes` did, step by step. */
export interface StepOutcome {
	readonly kind: StepKind;
	readonly removed: readonly string[];
	readonly failed: ReadonlyArray<{readonly id: string; readonly name: string; readonly message: string}>;
	/** Bytes as the engine reports them: the build cache prune's SpaceReclaimed, else the items' sizes removed. */
	readonly freed: number;
}

export interface CleanupOutcome {
	readonly steps: readonly StepOutcome[];
	readonly freed: number;
	/** LayersSize before and after, from the engine: what image removal really freed. */
	readonly layersBefore: number;
	readonly layersAfter: number;
}

export interface CleanupResult {
	readonly plan: CleanupPlan;
	/** null: shown only (no --yes, or not confirmed). */
	readonly outcome: CleanupOutcome | null;
	readonly confirmed: boolean;
}
