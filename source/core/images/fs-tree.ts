/**
 * Filesystem trees for image analysis: the stacked filesystem a layer sees (what lower layers left),
 * and the per-layer tree of changes the view shows (added, changed, deleted marked, sizes rolled up
 * to directories, collapse and expand). Pure.
 */

export interface FsNode {
	kind: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
	size: number;
	mode: number;
	/** The layer that last wrote it. */
	layer: number;
	children?: Map<string, FsNode>;
}

export function newRoot(): FsNode {
	return {kind: 'dir', size: 0, mode: 0o755, layer: -1, children: new Map()};
}

function parts(path: string): string[] {
	return path.split('/').filter(Boolean);
}

export function getNode(root: FsNode, path: string): FsNode | undefined {
	let node: FsNode | undefined = root;
	for (const p of parts(path)) {
		node = node.children?.get(p);
		if (!node) return undefined;
	}
	return node;
}

/** Set a node, creating missing parent directories; a directory keeps the children it had. */
export function setNode(root: FsNode, path: string, value: Omit<FsNode, 'children'>): void {
	const ps = parts(path);
	if (ps.length === 0) return;
	let node = root;
	for (const p of ps.slice(0, -1)) {
		let next = node.children!.get(p);
		if (!next || !next.children) {
			next = {kind: 'dir', size: 0, mode: 0o755, layer: value.layer, children: next?.children ?? new Map()};
			node.children!.set(p, next);
		}
		node = next;
	}
	const name = ps[ps.length - 1]!;
	const old = node.children!.get(name);
	node.children!.set(name, value.kind === 'dir' ? {...value, children: old?.children ?? new Map()} : {...value});
}

export function removeNode(root: FsNode, path: string): FsNode | undefined {
	const ps = parts(path);
	if (ps.length === 0) return undefined;
	const parent = getNode(root, `/${ps.slice(0, -1).join('/')}`);
	const name = ps[ps.length - 1]!;
	const node = parent?.children?.get(name);
	if (node) parent!.children!.delete(name);
	return node;
}

/** Every non-directory below (and including) a node, with its absolute path. */
export function* walkFiles(node: FsNode, path: string): Generator<[string, FsNode]> {
	if (!node.children) {
		yield [path, node];
		return;
	}
	for (const [name, child] of node.children) yield* walkFiles(child, path === '/' ? `/${name}` : `${path}/${name}`);
}

export function* walkAll(node: FsNode, path: string): Generator<[string, FsNode]> {
	yield [path, node];
	if (node.children) for (const [name, child] of node.children) yield* walkAll(child, path === '/' ? `/${name}` : `${path}/${name}`);
}

// --- the per-layer change tree, for the view

export type Change = 'added' | 'changed' | 'deleted';

export interface ChangeEntry {
	readonly path: string;
	readonly change: Change;
	readonly size: number;
	readonly kind: FsNode['kind'];
}

export interface TreeNode {
	readonly name: string;
	readonly path: string;
	/** Own size for a file, the sum below for a directory. */
	size: number;
	/** The change of this path itself; a directory that only holds changes has none. */
	change: Change | null;
	readonly kind: FsNode['kind'];
	readonly children: TreeNode[];
}

/** Build a tree from a layer's changes; directories are sorted before files, then by name. */
export function changeTree(changes: readonly ChangeEntry[]): TreeNode {
	const root: TreeNode = {name: '/', path: '/', size: 0, change: null, kind: 'dir', children: []};
	const index = new Map<string, TreeNode>([['/', root]]);
	const ensure = (path: string): TreeNode => {
		const found = index.get(path);
		if (found) return found;
		const slash = path.lastIndexOf('/');
		const parent = ensure(slash <= 0 ? '/' : path.slice(0, slash));
		const node: TreeNode = {name: path.slice(slash + 1), path, size: 0, change: null, kind: 'dir', children: []};
		parent.children.push(node);
		index.set(path, node);
		return node;
	};
	for (const c of changes) {
		if (c.path === '/') continue;
		const existing = index.get(c.path);
		if (existing) {
			existing.change = c.change;
			continue;
		}
		const slash = c.path.lastIndexOf('/');
		const parent = ensure(slash <= 0 ? '/' : c.path.slice(0, slash));
		const node: TreeNode = {name: c.path.slice(slash + 1), path: c.path, size: c.size, change: c.change, kind: c.kind, children: []};
		parent.children.push(node);
		index.set(c.path, node);
	}
	const total = (n: TreeNode): number => {
		if (n.children.length === 0) return n.size;
		n.size = n.children.reduce((s, c) => s + total(c), 0);
		n.children.sort((a, b) => Number(b.children.length > 0) - Number(a.children.length > 0) || a.name.localeCompare(b.name));
		return n.size;
	};
	total(root);
	return root;
}

export interface VisibleRow {
	readonly node: TreeNode;
	readonly depth: number;
	readonly expanded: boolean;
}

/** The rows a tree shows, given which directory paths are collapsed. */
export function visibleRows(root: TreeNode, collapsed: ReadonlySet<string>): VisibleRow[] {
	const rows: VisibleRow[] = [];
	const visit = (n: TreeNode, depth: number) => {
		const expanded = !collapsed.has(n.path);
		rows.push({node: n, depth, expanded});
		if (expanded) for (const c of n.children) visit(c, depth + 1);
	};
	for (const c of root.children) visit(c, 0);
	return rows;
}

/** The final filesystem of a stack of layers (whiteouts and opaque directories applied), bottom layer first. */
export function stackLayers(
	layers: ReadonlyArray<
		ReadonlyArray<{readonly path: string; readonly kind: FsNode['kind']; readonly size: number; readonly mode: number; readonly whiteout?: 'file' | 'opaque'}>
	>,
): FsNode {
	const root = newRoot();
	for (const [li, entries] of layers.entries()) {
		for (const e of entries) if (e.whiteout === 'opaque') getNode(root, e.path)?.children?.clear();
		for (const e of entries) {
			if (e.whiteout === 'opaque') continue;
			if (e.whiteout === 'file') removeNode(root, e.path);
			else {
				const before = getNode(root, e.path);
				if (before?.children && e.kind !== 'dir') removeNode(root, e.path);
				setNode(root, e.path, {kind: e.kind, size: e.size, mode: e.mode, layer: li});
			}
		}
	}
	return root;
}
