/**
 * The image analysis: per-layer contents and changes, wasted bytes and efficiency as dive defines
 * them, what caused each waste with its fix, secret-looking files in any layer, setuid/setgid files
 * and world-writable directories, tag rules, and the CI gates. Pure: it takes the resolved export
 * (core/images/archive.ts) and the engine's inspect facts.
 *
 * dive's definitions (filetree/efficiency.go): every leaf of every layer's tree is an occurrence
 * of its path; a path seen in two or more layers is an inefficiency whose cumulative size (the sum
 * of all its occurrences) is wasted; efficiency = sum over paths of the smallest occurrence / sum of
 * all occurrences; user wasted percent = wasted / (image size less the first layer). One deliberate
 * difference: when a later layer deletes a whole directory (or makes it opaque), each file under it
 * gets its own deletion, so those files count as wasted; dive matches the deletion by the
 * directory's path only and does not count them.
 */
import {formatBytes} from '../units.js';
import type {ImageConfigDoc, LayerEntry, ResolvedImage} from './archive.js';
import {changeTree, getNode, newRoot, removeNode, setNode, walkAll, walkFiles, type ChangeEntry, type FsNode, type TreeNode} from './fs-tree.js';
import {evaluateGates, type GateResult, type Gates} from './gates.js';
import {secretKind} from './secret-files.js';
import {checkTags} from './tags.js';
import {WASTE_RULES, type WasteCandidate} from './wastes/index.js';
import {instruction} from './wastes/types.js';

export type Severity = 'error' | 'warning' | 'info';

export interface ImageFinding {
	readonly id: string;
	readonly severity: Severity;
	readonly title: string;
	readonly message: string;
	/** Where: paths, layers, fields. Never a secret's value. */
	readonly evidence: readonly string[];
	readonly fix: string;
	readonly layer?: number;
}

export interface LayerSummary {
	readonly index: number;
	/** The history step: the instruction that made the layer. */
	readonly command: string;
	readonly created: string | null;
	/** True for steps that change no files (ENV, CMD, ...): shown, with no blob. */
	readonly empty: boolean;
	readonly digest: string | null;
	/** Sum of the file sizes in the layer (dive's layer size). */
	readonly size: number;
	readonly tarBytes: number;
	readonly compression: 'none' | 'gzip' | 'zstd' | null;
	readonly files: {readonly added: number; readonly changed: number; readonly deleted: number};
	readonly largest: ReadonlyArray<{readonly path: string; readonly size: number}>;
	/** Every added, changed and deleted path (directories only when new). */
	readonly changes: readonly ChangeEntry[];
}

export interface Inefficiency {
	readonly path: string;
	/** How many layers hold it (a deletion counts). */
	readonly count: number;
	readonly cumulativeSize: number;
	readonly layers: readonly number[];
}

export interface WasteGroup {
	readonly rule: string;
	readonly title: string;
	readonly message: string;
	readonly fix: string;
	/** Bytes of these files: wasted when a later layer deleted or overwrote them, left otherwise. */
	readonly bytes: number;
	readonly files: number;
	readonly wasted: boolean;
	readonly addedBy: {readonly index: number; readonly command: string};
	readonly laterBy: {readonly index: number; readonly command: string; readonly how: 'deleted' | 'overwritten'} | null;
	readonly examples: readonly string[];
}

export interface AnalyzeResult {
	readonly image: {
		readonly ref: string;
		readonly id: string;
		readonly tags: readonly string[];
		readonly layout: ResolvedImage['layout'];
		readonly architecture: string | null;
		readonly os: string | null;
		readonly created: string | null;
		readonly user: string;
		/** The size `docker images` shows (the engine's), or the sum of layer sizes when the engine gave none. */
		readonly size: number;
	};
	readonly summary: {
		readonly layers: number;
		readonly nonEmptyLayers: number;
		/** Sum of the layers' file sizes. */
		readonly contentSize: number;
		readonly userSize: number;
		readonly wastedBytes: number;
		/** 0..1 of userSize. */
		readonly userWastedPercent: number;
		/** 0..1, dive's score. */
		readonly efficiency: number;
		readonly files: number;
	};
	readonly layers: readonly LayerSummary[];
	readonly inefficiencies: readonly Inefficiency[];
	readonly wastes: readonly WasteGroup[];
	readonly findings: readonly ImageFinding[];
	readonly gates: readonly GateResult[];
	/** The docker commands that show the same facts. */
	readonly equivalents: readonly string[];
	/** Notes on the input (config problems, an unreadable part). */
	readonly notes: readonly string[];
}

export interface AnalyzeInput {
	readonly ref: string;
	readonly resolved: ResolvedImage;
	readonly engineImage: {readonly id: string; readonly repoTags: readonly string[]; readonly size: number | null};
	readonly gates: Gates;
	readonly notes?: readonly string[];
	/** How many largest files per layer and inefficiencies to keep. */
	readonly top?: number;
}

interface Occurrence {
	cumulative: number;
	min: number;
	layers: number[];
}

function leafPaths(entries: readonly LayerEntry[]): Set<string> {
	const parents = new Set<string>();
	for (const e of entries) {
		let p = e.path;
		for (;;) {
			const slash = p.lastIndexOf('/');
			if (slash <= 0) break;
			p = p.slice(0, slash);
			if (parents.has(p)) break;
			parents.add(p);
		}
		if (e.path !== '/') parents.add('/');
	}
	return new Set(entries.filter((e) => !parents.has(e.path) && e.path !== '/').map((e) => e.path));
}

function historyOf(config: ImageConfigDoc, layerCount: number): Array<{command: string; created: string | null; empty: boolean}> {
	const history = (config.history ?? []).map((h) => ({command: h.created_by ?? h.comment ?? '', created: h.created ?? null, empty: h.empty_layer === true}));
	const nonEmpty = history.filter((h) => !h.empty).length;
	if (history.length === 0 || nonEmpty !== layerCount) {
		// No usable history (some importers write none): one unnamed step per layer.
		return Array.from({length: layerCount}, (_, i) => history.filter((h) => !h.empty)[i] ?? {command: '(no history)', created: null, empty: false});
	}
	return history;
}

export function analyzeImage(input: AnalyzeInput): AnalyzeResult {
	return analyzeImageWithTree(input).analysis;
}

/** The analysis and the final filesystem it stacked on the way, for callers (verify) that judge the final files too. */
export function analyzeImageWithTree(input: AnalyzeInput): {analysis: AnalyzeResult; finalTree: FsNode} {
	const {resolved} = input;
	const top = input.top ?? 10;
	const steps = historyOf(resolved.config, resolved.layers.length);
	const stacked = newRoot();
	const occurrences = new Map<string, Occurrence>();
	const layerSummaries: LayerSummary[] = [];
	const findings: ImageFinding[] = [];
	// Waste causes, grouped by rule and the layers involved, as each candidate appears (never all held at once).
	const groups = new Map<string, WasteGroup & {bytes: number; files: number; examples: string[]}>();
	const candidates = {
		push(c: WasteCandidate): void {
			const rule = WASTE_RULES.find((r) => r.match(c));
			if (!rule) return;
			const key = `${rule.id}|${c.addedBy.index}|${c.laterBy?.index ?? ''}|${c.laterBy?.how ?? ''}`;
			const g = groups.get(key);
			if (g) {
				g.bytes += c.size;
				g.files++;
				if (g.examples.length < 3) g.examples.push(c.path);
				return;
			}
			groups.set(key, {
				rule: rule.id,
				title: rule.title,
				message: rule.message(c),
				fix: rule.fix(c),
				bytes: c.size,
				files: 1,
				wasted: c.laterBy !== null,
				addedBy: {index: c.addedBy.index, command: instruction(c.addedBy.command)},
				laterBy: c.laterBy ? {index: c.laterBy.index, command: instruction(c.laterBy.command), how: c.laterBy.how} : null,
				examples: [c.path],
			});
		},
	};
	/** path -> the layer that last wrote it (for attributing waste). */
	const writtenBy = new Map<string, number>();
	const commandOf: string[] = [];

	const occur = (path: string, size: number, layer: number) => {
		const o = occurrences.get(path);
		if (!o) occurrences.set(path, {cumulative: size, min: size, layers: [layer]});
		else {
			o.cumulative += size;
			o.min = Math.min(o.min, size);
			o.layers.push(layer);
		}
	};

	let blobIndex = 0;
	for (const [stepIndex, step] of steps.entries()) {
		if (step.empty) {
			layerSummaries.push({
				index: stepIndex,
				command: instruction(step.command),
				created: step.created,
				empty: true,
				digest: null,
				size: 0,
				tarBytes: 0,
				compression: null,
				files: {added: 0, changed: 0, deleted: 0},
				largest: [],
				changes: [],
			});
			continue;
		}
		const layer = resolved.layers[blobIndex++]!;
		const li = stepIndex;
		commandOf[li] = step.command;
		const entries = layer.blob.entries;
		const leaves = leafPaths(entries);
		const changes: ChangeEntry[] = [];
		let size = 0;
		const deleteUnder = (path: string, node: FsNode) => {
			for (const [p, n] of walkFiles(node, path)) {
				occur(p, 0, li);
				changes.push({path: p, change: 'deleted', size: n.size, kind: n.kind});
				const by = writtenBy.get(p);
				if (by !== undefined && n.size > 0)
					candidates.push({
						path: p,
						size: n.size,
						addedBy: {index: by, command: commandOf[by] ?? ''},
						laterBy: {index: li, command: step.command, how: 'deleted'},
					});
				writtenBy.delete(p);
			}
		};
		// Opaque directories first: they hide what lower layers had there, before this layer's own entries land.
		for (const e of entries) {
			if (e.whiteout !== 'opaque') continue;
			const dir = getNode(stacked, e.path);
			if (dir?.children) {
				for (const [name, child] of [...dir.children]) {
					deleteUnder(e.path === '/' ? `/${name}` : `${e.path}/${name}`, child);
					dir.children.delete(name);
				}
			}
		}
		for (const e of entries) {
			if (e.whiteout === 'opaque') continue;
			if (e.whiteout === 'file') {
				const gone = removeNode(stacked, e.path);
				if (!gone) continue;
				if (gone.children) deleteUnder(e.path, gone);
				else {
					occur(e.path, 0, li);
					changes.push({path: e.path, change: 'deleted', size: gone.size, kind: gone.kind});
					const by = writtenBy.get(e.path);
					if (by !== undefined && gone.size > 0)
						candidates.push({
							path: e.path,
							size: gone.size,
							addedBy: {index: by, command: commandOf[by] ?? ''},
							laterBy: {index: li, command: step.command, how: 'deleted'},
						});
					writtenBy.delete(e.path);
				}
				continue;
			}
			size += e.size;
			const before = getNode(stacked, e.path);
			if (leaves.has(e.path)) occur(e.path, e.size, li);
			if (!before) changes.push({path: e.path, change: 'added', size: e.size, kind: e.kind});
			else if (!(before.children && e.kind === 'dir')) {
				changes.push({path: e.path, change: 'changed', size: e.size, kind: e.kind});
				const by = writtenBy.get(e.path);
				if (by !== undefined && before.size > 0)
					candidates.push({
						path: e.path,
						size: before.size,
						addedBy: {index: by, command: commandOf[by] ?? ''},
						laterBy: {index: li, command: step.command, how: 'overwritten'},
					});
			}
			if (before?.children && e.kind !== 'dir') deleteUnder(e.path, before);
			setNode(stacked, e.path, {kind: e.kind, size: e.size, mode: e.mode, layer: li});
			if (e.kind !== 'dir') writtenBy.set(e.path, li);

			if (e.kind === 'file') {
				const kind = secretKind(e.path, layer.blob.contents[e.path]);
				if (kind) {
					findings.push({
						id: `secret-${kind.id}`,
						severity: 'error',
						title: `A ${kind.title} is in layer ${li}`,
						message: `${e.path} (${kind.title}) was added by ${instruction(step.command).slice(0, 60)}.`,
						evidence: [`layer ${li}: ${e.path} (${formatBytes(e.size)})`],
						fix: kind.fix,
						layer: li,
					});
				}
			}
		}
		const files = {added: 0, changed: 0, deleted: 0};
		for (const c of changes) if (c.kind !== 'dir') files[c.change]++;
		const largest = entries
			.filter((e) => e.kind === 'file' && !e.whiteout)
			.sort((a, b) => b.size - a.size)
			.slice(0, top)
			.map((e) => ({path: e.path, size: e.size}));
		layerSummaries.push({
			index: li,
			command: instruction(step.command),
			created: step.created,
			empty: false,
			digest: layer.digest,
			size,
			tarBytes: layer.blob.tarBytes,
			compression: layer.blob.compression,
			files,
			largest,
			changes,
		});
	}

	// A secret deleted later is still in its layer: say so on its finding.
	for (const f of findings) {
		const path = f.evidence[0]!.replace(/^layer \d+: /, '').replace(/ \([^)]*\)$/, '');
		if (!getNode(stacked, path)) (f.evidence as string[]).push(`deleted by a later layer, but still shipped in layer ${f.layer}'s blob`);
	}

	// Files still in the final image that a rule explains (caches, apt lists, .git, node_modules).
	let finalFiles = 0;
	for (const [path, node] of walkFiles(stacked, '/')) {
		finalFiles++;
		if (node.kind !== 'file' || node.size === 0) continue;
		candidates.push({path, size: node.size, addedBy: {index: node.layer, command: commandOf[node.layer] ?? ''}, laterBy: null});
	}

	// Wasted bytes and efficiency, as dive computes them.
	let minimum = 0;
	let discovered = 0;
	let wastedBytes = 0;
	const inefficiencies: Inefficiency[] = [];
	for (const [path, o] of occurrences) {
		minimum += o.min;
		discovered += o.cumulative;
		if (o.layers.length >= 2) {
			wastedBytes += o.cumulative;
			if (o.cumulative > 0) inefficiencies.push({path, count: o.layers.length, cumulativeSize: o.cumulative, layers: o.layers});
		}
	}
	inefficiencies.sort((a, b) => b.cumulativeSize - a.cumulativeSize || a.path.localeCompare(b.path));
	const efficiency = discovered === 0 ? 1 : minimum / discovered;
	const nonEmpty = layerSummaries.filter((l) => !l.empty);
	const contentSize = nonEmpty.reduce((s, l) => s + l.size, 0);
	const userSize = nonEmpty.slice(1).reduce((s, l) => s + l.size, 0);
	const userWastedPercent = userSize === 0 ? 0 : wastedBytes / userSize;

	const wastes = [...groups.values()].sort((a, b) => Number(b.wasted) - Number(a.wasted) || b.bytes - a.bytes);

	// Permissions in the final filesystem.
	const setuid: string[] = [];
	const worldWritable: string[] = [];
	for (const [path, node] of walkAll(stacked, '/')) {
		if (node.kind === 'file' && (node.mode & 0o6000) !== 0)
			setuid.push(
				`${path} (${(node.mode & 0o4000) !== 0 ? 'setuid' : ''}${(node.mode & 0o6000) === 0o6000 ? '+' : ''}${(node.mode & 0o2000) !== 0 ? 'setgid' : ''}, mode ${(node.mode & 0o7777).toString(8)}, layer ${node.layer})`,
			);
		if (node.kind === 'dir' && path !== '/' && (node.mode & 0o002) !== 0 && (node.mode & 0o1000) === 0)
			worldWritable.push(`${path} (mode ${(node.mode & 0o7777).toString(8)}, layer ${node.layer})`);
	}
	if (setuid.length > 0) {
		findings.push({
			id: 'setuid-files',
			severity: 'warning',
			title: `${setuid.length} setuid/setgid file${setuid.length === 1 ? '' : 's'}`,
			message: "A setuid or setgid binary lets a process in the container gain that owner's rights (root, usually).",
			evidence: setuid.slice(0, 20),
			fix: 'Remove the bit where the image does not need it (RUN chmod u-s,g-s <file>, in the RUN that installs it), or run with --security-opt no-new-privileges.',
		});
	}
	if (worldWritable.length > 0) {
		findings.push({
			id: 'world-writable-dirs',
			severity: 'warning',
			title: `${worldWritable.length} world-writable director${worldWritable.length === 1 ? 'y' : 'ies'} without the sticky bit`,
			message: 'Any user in the container can replace files there.',
			evidence: worldWritable.slice(0, 20),
			fix: 'Give the directory to the user that needs it (COPY --chown / chown app:app, mode 755), or set the sticky bit like /tmp (chmod 1777).',
		});
	}
	for (const t of checkTags(input.ref, input.engineImage.repoTags))
		findings.push({
			id: t.id,
			severity: 'warning',
			title: t.id === 'image-latest' ? 'latest tag' : 'no tag',
			message: t.message,
			evidence: [`tags: ${input.engineImage.repoTags.join(', ') || 'none'}`],
			fix: t.fix,
		});
	const sizeShown = input.engineImage.size ?? contentSize;
	const gates = evaluateGates(input.gates, {efficiency, wastedBytes, userWastedPercent, size: sizeShown}, formatBytes);
	const cfg = resolved.config.config ?? {};
	const ref = input.ref;
	const analysis: AnalyzeResult = {
		image: {
			ref,
			id: input.engineImage.id,
			tags: input.engineImage.repoTags,
			layout: resolved.layout,
			architecture: resolved.config.architecture ?? null,
			os: resolved.config.os ?? null,
			created: resolved.config.created ?? null,
			user: cfg.User ?? '',
			size: sizeShown,
		},
		summary: {
			layers: layerSummaries.length,
			nonEmptyLayers: nonEmpty.length,
			contentSize,
			userSize,
			wastedBytes,
			userWastedPercent,
			efficiency,
			files: finalFiles,
		},
		layers: layerSummaries,
		inefficiencies: inefficiencies.slice(0, Math.max(top, 20)),
		wastes,
		findings,
		gates,
		equivalents: [`docker history --no-trunc ${ref}`, `docker image inspect ${ref}`],
		notes: input.notes ?? [],
	};
	return {analysis, finalTree: stacked};
}

/** The per-layer tree the view shows. */
export function layerTree(layer: LayerSummary): TreeNode {
	return changeTree(layer.changes);
}
