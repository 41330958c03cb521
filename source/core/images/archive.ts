/**
 * The image export (`GET /images/{name}/get`) as plain data: what each layer tar holds, and the
 * JSON documents that say which blobs are the config and the layers, in order. Pure: the adapter
 * (adapters/image-archive.ts) streams the tar and hands every piece here.
 *
 * Two layouts come out of the engine:
 * - docker-archive: `manifest.json` [{Config, RepoTags, Layers: ["<id>/layer.tar", ...]}], the
 *   config as `<hex>.json`, layers as `<id>/layer.tar` (Docker 25+ also writes blobs/sha256/ and
 *   makes layer.tar a symlink to its blob);
 * - OCI image layout (the containerd image store): `index.json` -> manifest (or an index of
 *   manifests, one per platform) -> config and layer blobs, each gzip, zstd or uncompressed.
 */

/** One entry of a layer tar, its path normalised to an absolute path without a trailing slash. */
export interface LayerEntry {
	readonly path: string;
	readonly kind: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
	readonly size: number;
	readonly mode: number;
	readonly uid: number;
	readonly gid: number;
	/** Set for whiteouts: 'file' deletes `path` from lower layers, 'opaque' hides everything below the directory `path`. */
	readonly whiteout?: 'file' | 'opaque';
	/** Symlink or hardlink target. */
	readonly linkname?: string;
}

/** What the adapter learnt about one blob that was a tar (a layer). */
export interface LayerBlob {
	readonly entries: readonly LayerEntry[];
	/** Bytes of the uncompressed tar stream. */
	readonly tarBytes: number;
	readonly compression: 'none' | 'gzip' | 'zstd';
	/** Small text files whose content a check asked for (secret-looking config files), by path. */
	readonly contents: Readonly<Record<string, string>>;
}

/** The whole export, gathered in one pass: layers by archive path, JSON documents by archive path, symlinks. */
export interface ArchiveParts {
	readonly layers: ReadonlyMap<string, LayerBlob>;
	readonly json: ReadonlyMap<string, unknown>;
	/** Archive path -> archive path it points to (Docker 25+: `<id>/layer.tar` -> `blobs/sha256/<hex>`). */
	readonly links: ReadonlyMap<string, string>;
}

export interface ImageConfigDoc {
	readonly architecture?: string;
	readonly os?: string;
	readonly created?: string;
	readonly config?: {
		readonly User?: string;
		readonly Env?: readonly string[] | null;
		readonly Healthcheck?: {readonly Test?: readonly string[] | null} | null;
		readonly ExposedPorts?: Readonly<Record<string, unknown>> | null;
		readonly Cmd?: readonly string[] | null;
		readonly Entrypoint?: readonly string[] | null;
	} | null;
	readonly history?: ReadonlyArray<{readonly created?: string; readonly created_by?: string; readonly comment?: string; readonly empty_layer?: boolean}> | null;
	readonly rootfs?: {readonly diff_ids?: readonly string[] | null} | null;
}

export interface ResolvedImage {
	readonly layout: 'docker-archive' | 'oci';
	readonly config: ImageConfigDoc;
	/** The config blob's digest (the image id). */
	readonly configDigest: string | null;
	readonly repoTags: readonly string[];
	/** Layers bottom first. */
	readonly layers: ReadonlyArray<{readonly key: string; readonly digest: string | null; readonly blob: LayerBlob}>;
}

export type Resolution = {readonly ok: true; readonly image: ResolvedImage} | {readonly ok: false; readonly reason: string};

/**
 * Normalise a layer tar path: "./usr/bin/" -> "/usr/bin", and recognise whiteouts
 * ("dir/.wh.name" deletes dir/name; "dir/.wh..wh..opq" makes dir opaque).
 */
export function normaliseEntryPath(raw: string): {path: string; whiteout?: 'file' | 'opaque'} {
	let p = raw.replace(/\\/g, '/');
	p = p
		.replace(/^(\.\/)+/, '')
		.replace(/^\/+/, '')
		.replace(/\/+$/, '');
	if (p === '.' || p === '') return {path: '/'};
	const slash = p.lastIndexOf('/');
	const dir = slash >= 0 ? p.slice(0, slash) : '';
	const base = slash >= 0 ? p.slice(slash + 1) : p;
	const abs = (rel: string) => (rel === '' ? '/' : `/${rel}`);
	if (base === '.wh..wh..opq') return {path: abs(dir), whiteout: 'opaque'};
	if (base.startsWith('.wh.')) return {path: abs(dir === '' ? base.slice(4) : `${dir}/${base.slice(4)}`), whiteout: 'file'};
	return {path: abs(p)};
}

/** Resolve a path inside the archive relative to the directory of `from` ("../blobs/sha256/x"). */
export function resolveArchivePath(from: string, target: string): string {
	const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
	for (const part of target.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') base.pop();
		else base.push(part);
	}
	return base.join('/');
}

const blobPath = (digest: string) => `blobs/${digest.replace(':', '/')}`;

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
	return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

const MANIFEST_TYPES = /manifest\.v1\+json|manifest\.v2\+json/;
const INDEX_TYPES = /image\.index\.v1\+json|manifest\.list\.v2\+json/;

/**
 * Which config and layers make the image. `platform` picks one manifest from a multi-platform
 * index ("linux/amd64"); without it the first image manifest is taken.
 */
export function resolveImage(parts: ArchiveParts, options: {platform?: string} = {}): Resolution {
	const follow = (key: string): string => {
		let k = key;
		for (let i = 0; i < 8 && parts.links.has(k); i++) k = parts.links.get(k)!;
		return k;
	};
	const layerAt = (key: string) => parts.layers.get(follow(key));
	const jsonAt = (key: string) => parts.json.get(follow(key));

	const manifest = parts.json.get('manifest.json');
	if (Array.isArray(manifest) && manifest.length > 0 && isObject(manifest[0])) {
		const m = manifest[0];
		const configKey = typeof m.Config === 'string' ? m.Config : '';
		const config = jsonAt(configKey);
		if (!isObject(config)) return {ok: false, reason: `manifest.json names the config ${configKey}, which the archive does not hold`};
		const layers = [];
		const diffIds = strings((config as ImageConfigDoc).rootfs?.diff_ids);
		for (const [i, key] of strings(m.Layers).entries()) {
			const blob = layerAt(key);
			if (!blob) return {ok: false, reason: `manifest.json names the layer ${key}, which the archive does not hold as a tar`};
			layers.push({key, digest: diffIds[i] ?? null, blob});
		}
		const hex = /([0-9a-f]{64})/.exec(configKey)?.[1];
		return {
			ok: true,
			image: {layout: 'docker-archive', config: config as ImageConfigDoc, configDigest: hex ? `sha256:${hex}` : null, repoTags: strings(m.RepoTags), layers},
		};
	}

	const index = parts.json.get('index.json');
	if (!isObject(index)) return {ok: false, reason: 'the export holds neither manifest.json (docker-archive) nor index.json (OCI image layout)'};
	// Walk index -> (nested index) -> manifest, choosing the platform asked for.
	let descriptors = Array.isArray(index.manifests) ? index.manifests.filter(isObject) : [];
	const tags: string[] = [];
	for (const d of descriptors) {
		const name = isObject(d.annotations) ? (d.annotations['io.containerd.image.name'] ?? d.annotations['org.opencontainers.image.ref.name']) : undefined;
		if (typeof name === 'string') tags.push(name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, ''));
	}
	for (let depth = 0; depth < 4; depth++) {
		const wanted = descriptors.filter((d) => {
			const p = isObject(d.platform) ? d.platform : null;
			if (p && p.architecture === 'unknown') return false; // attestation manifests
			if (!options.platform || !p) return true;
			return `${String(p.os)}/${String(p.architecture)}${typeof p.variant === 'string' ? `/${p.variant}` : ''}`.startsWith(options.platform);
		});
		// Prefer a descriptor whose blob is in the archive (a multi-platform save may hold only some).
		const present = wanted.find((d) => typeof d.digest === 'string' && jsonAt(blobPath(d.digest)) !== undefined);
		if (!present)
			return {
				ok: false,
				reason: options.platform ? `no manifest for ${options.platform} in the exported index` : 'index.json points at no manifest the archive holds',
			};
		const doc = jsonAt(blobPath(present.digest as string));
		if (!isObject(doc)) return {ok: false, reason: 'an index entry is not a JSON document'};
		const mediaType = typeof doc.mediaType === 'string' ? doc.mediaType : typeof present.mediaType === 'string' ? present.mediaType : '';
		if (Array.isArray(doc.manifests) && (INDEX_TYPES.test(mediaType) || !isObject(doc.config))) {
			descriptors = doc.manifests.filter(isObject);
			continue;
		}
		if (!isObject(doc.config) || !Array.isArray(doc.layers) || (mediaType && !MANIFEST_TYPES.test(mediaType) && !isObject(doc.config)))
			return {ok: false, reason: 'the manifest has no config or layers'};
		const configDigest = typeof doc.config.digest === 'string' ? doc.config.digest : '';
		const config = jsonAt(blobPath(configDigest));
		if (!isObject(config)) return {ok: false, reason: `the manifest's config ${configDigest} is not in the archive`};
		const diffIds = strings((config as ImageConfigDoc).rootfs?.diff_ids);
		const layers = [];
		for (const [i, l] of doc.layers.filter(isObject).entries()) {
			const digest = typeof l.digest === 'string' ? l.digest : '';
			const blob = layerAt(blobPath(digest));
			if (!blob) return {ok: false, reason: `the layer ${digest} is not in the archive as a tar`};
			layers.push({key: blobPath(digest), digest: diffIds[i] ?? digest, blob});
		}
		return {ok: true, image: {layout: 'oci', config: config as ImageConfigDoc, configDigest, repoTags: tags, layers}};
	}
	return {ok: false, reason: 'index.json nests indexes too deeply'};
}
