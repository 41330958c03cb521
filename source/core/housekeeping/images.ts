/**
 * `images`: the local images with their sizes, users, state and tag hygiene, and the totals that
 * `docker system df` shows for images, computed the same way from the same engine answer. Pure.
 */
import type {Inventory, LocalImage} from '../engine/inventory.js';
import type {ImageHistoryEntry} from '../engine/types.js';
import {semverRepositories, tagHygiene, type TagFinding} from './tag-hygiene.js';

export type ImageState = 'dangling' | 'unused' | 'in-use';

export interface ImageUser {
	readonly name: string;
	readonly state: string;
}

export interface ImageRow {
	readonly id: string;
	readonly shortId: string;
	readonly tags: readonly string[];
	readonly digests: readonly string[];
	/** Unix seconds. */
	readonly created: number;
	/** Bytes, with every layer. */
	readonly size: number;
	/** Bytes shared with other local images; null when the engine did not compute it. */
	readonly sharedSize: number | null;
	/** size − sharedSize: what removing this image alone frees; null when sharedSize is unknown. */
	readonly uniqueSize: number | null;
	readonly containers: readonly ImageUser[];
	readonly state: ImageState;
	readonly hygiene: readonly TagFinding[];
}

/** The Images row of `docker system df`, as the docker CLI computes it from the same answer. */
export interface ImageTotals {
	readonly count: number;
	/** Images used by at least one container. */
	readonly active: number;
	/** Every layer on disk, counted once (LayersSize). */
	readonly size: number;
	/** size minus the unique size of images in use. */
	readonly reclaimable: number;
	/** Integer percent, as docker prints it. */
	readonly reclaimablePercent: number;
}

export interface ImagesResult {
	readonly images: readonly ImageRow[];
	readonly totals: ImageTotals;
	readonly counts: Readonly<Record<ImageState, number>>;
	/** The registry allowlist the hygiene check used (from the lint config); empty: not checked. */
	readonly trustedRegistries: readonly string[];
	/** With --history <image>: that image's layers (docker history), newest first. */
	readonly history?: {readonly image: string; readonly layers: readonly ImageHistoryEntry[]};
}

export function imageState(image: LocalImage, users: number): ImageState {
	if (users > 0 || (image.containers ?? 0) > 0) return 'in-use';
	return image.repoTags.length === 0 ? 'dangling' : 'unused';
}

/** docker CLI (cli/command/formatter/disk_usage.go): reclaimable = LayersSize − Σ(size − shared) over images in use. */
export function imageTotals(inventory: Inventory): ImageTotals {
	let used = 0;
	let active = 0;
	for (const i of inventory.images) {
		if (i.containers !== null && i.containers > 0) active++;
		if (i.containers !== 0 && i.containers !== null && i.sharedSize !== null) used += i.size - i.sharedSize;
	}
	const size = inventory.layersSize;
	const reclaimable = size - used;
	return {count: inventory.images.length, active, size, reclaimable, reclaimablePercent: size > 0 ? Math.trunc((reclaimable * 100) / size) : 0};
}

export function imagesReport(inventory: Inventory, options: {readonly trustedRegistries: readonly string[]}): ImagesResult {
	const semverRepos = semverRepositories(inventory.images.flatMap((i) => i.repoTags));
	const usersOf = new Map<string, ImageUser[]>();
	for (const c of inventory.containers) {
		const list = usersOf.get(c.imageId) ?? [];
		list.push({name: c.name, state: c.state});
		usersOf.set(c.imageId, list);
	}
	const images = inventory.images
		.map((i): ImageRow => {
			const users = usersOf.get(i.id) ?? [];
			return {
				id: i.id,
				shortId: i.id.replace(/^sha256:/, '').slice(0, 12),
				tags: i.repoTags,
				digests: i.repoDigests,
				created: i.created,
				size: i.size,
				sharedSize: i.sharedSize,
				uniqueSize: i.sharedSize === null ? null : i.size - i.sharedSize,
				containers: users,
				state: imageState(i, users.length),
				hygiene: tagHygiene(i.repoTags, {semverRepos, trusted: options.trustedRegistries}),
			};
		})
		.sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
	const counts: Record<ImageState, number> = {dangling: 0, unused: 0, 'in-use': 0};
	for (const i of images) counts[i.state]++;
	return {images, totals: imageTotals(inventory), counts, trustedRegistries: options.trustedRegistries};
}
