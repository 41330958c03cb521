import React, {useRef} from 'react';
import {Box, Text, useStdout} from 'ink';
import {useKeyInput, useMirror} from '../keys.js';
import {layerTree, type AnalyzeResult} from '../../core/images/analysis.js';
import {visibleRows} from '../../core/images/fs-tree.js';
import {formatBytes} from '../../core/units.js';
import {pct} from '../../output/analyze.js';
import type {ViewProps} from '../view-types.js';

const MARK = {added: '+', changed: '~', deleted: '-'} as const;
const COLOR = {added: 'green', changed: 'yellow', deleted: 'red'} as const;

function cut(text: string, width: number): string {
	return text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1))}…`;
}

/**
 * analyze in the app, as dive users expect: the layer list, and the file tree of the selected
 * layer with added (+), changed (~) and deleted (-) paths, sizes rolled up to directories,
 * directories collapsed and expanded with Enter/Space or ←/→. Tab switches the pane.
 */
export default function AnalyzeView({result, onBack}: ViewProps<AnalyzeResult>) {
	const {stdout} = useStdout();
	const rows = Math.max(12, (stdout?.rows ?? 30) - 1);
	const width = Math.max(60, (stdout?.columns ?? 100) - 1);
	// Mirrored: keys that arrive together (typing ahead, a paste) each see what the one before did.
	const [layer, setLayer, getLayer] = useMirror(() =>
		Math.max(
			0,
			result.layers.findIndex((l) => !l.empty && l.index > 0),
		),
	);
	const [pane, setPane, getPane] = useMirror<'layers' | 'tree'>('layers');
	const [cursor, setCursor, getCursor] = useMirror(0);
	const [collapsed, setCollapsed, getCollapsed] = useMirror<ReadonlySet<string>>(() => new Set());
	const current = result.layers[layer]!;
	// One tree per layer, built when first shown: the key handler reads it too.
	const trees = useRef(new Map<number, ReturnType<typeof layerTree>>());
	const treeOf = (index: number) => {
		let tree = trees.current.get(index);
		if (!tree) trees.current.set(index, (tree = layerTree(result.layers[index]!)));
		return tree;
	};
	const tree = treeOf(layer);
	const visible = visibleRows(tree, collapsed);
	const layerRows = Math.min(result.layers.length, Math.max(4, Math.floor((rows - 6) / 3)));
	const treeRows = Math.max(3, rows - layerRows - 7);

	useKeyInput((input, key) => {
		if (key.escape || input === 'q') return onBack();
		if (key.tab) {
			setPane((p) => (p === 'layers' ? 'tree' : 'layers'));
			return;
		}
		if (getPane() === 'layers') {
			const move = key.downArrow ? 1 : key.upArrow ? -1 : 0;
			if (move !== 0) {
				setLayer((i) => Math.min(result.layers.length - 1, Math.max(0, i + move)));
				setCursor(0);
				setCollapsed(new Set());
			}
			return;
		}
		const visible = visibleRows(treeOf(getLayer()), getCollapsed());
		if (key.downArrow) setCursor((c) => Math.min(visible.length - 1, c + 1));
		else if (key.upArrow) setCursor((c) => Math.max(0, c - 1));
		else if (key.pageDown) setCursor((c) => Math.min(visible.length - 1, c + treeRows));
		else if (key.pageUp) setCursor((c) => Math.max(0, c - treeRows));
		else {
			const row = visible[getCursor()];
			if (!row || row.node.children.length === 0) return;
			const path = row.node.path;
			const toggle = key.return || input === ' ';
			const close = key.leftArrow || (toggle && row.expanded);
			const open = key.rightArrow || (toggle && !row.expanded);
			if (!close && !open) return;
			setCollapsed((s) => {
				const next = new Set(s);
				if (close) next.add(path);
				else next.delete(path);
				return next;
			});
		}
	});

	const s = result.summary;
	const firstLayer = Math.min(Math.max(0, layer - Math.floor(layerRows / 2)), Math.max(0, result.layers.length - layerRows));
	const firstRow = Math.min(Math.max(0, cursor - Math.floor(treeRows / 2)), Math.max(0, visible.length - treeRows));
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold>{result.image.ref}</Text>
				<Text
					dimColor
				>{` ${formatBytes(result.image.size)} · efficiency ${pct(s.efficiency)} · wasted ${formatBytes(s.wastedBytes)} (${pct(s.userWastedPercent)})`}</Text>
				{result.gates.some((g) => !g.pass) ? (
					<Text color="red">{` · gate failed: ${result.gates
						.filter((g) => !g.pass)
						.map((g) => g.name)
						.join(', ')}`}</Text>
				) : null}
			</Text>
			<Text bold={pane === 'layers'} dimColor={pane !== 'layers'}>{`${pane === 'layers' ? '▶' : ' '} Layers (${result.layers.length})`}</Text>
			{result.layers.slice(firstLayer, firstLayer + layerRows).map((l) => (
				<Text
					key={l.index}
					wrap="truncate-end"
					inverse={l.index === layer && pane === 'layers'}
					color={l.index === layer ? 'cyan' : undefined}
					dimColor={l.empty && l.index !== layer}
				>
					{`${l.index === layer ? '❯' : ' '}${String(l.index).padStart(3)} ${(l.empty ? 'empty' : formatBytes(l.size)).padStart(9)}  ${cut(l.command, width - 17)}`}
				</Text>
			))}
			<Text bold={pane === 'tree'} dimColor={pane !== 'tree'} wrap="truncate-end">
				{`${pane === 'tree' ? '▶' : ' '} Layer ${current.index}: +${current.files.added} ~${current.files.changed} -${current.files.deleted}${current.empty ? ' (no files: a config step)' : ''}`}
			</Text>
			{visible.length === 0 ? <Text dimColor> (no changes)</Text> : null}
			{visible.slice(firstRow, firstRow + treeRows).map((r, i) => {
				const n = r.node;
				const dir = n.children.length > 0;
				const at = firstRow + i === cursor && pane === 'tree';
				const label = `${'  '.repeat(r.depth)}${dir ? (r.expanded ? '▾ ' : '▸ ') : '  '}${n.name}${dir ? '/' : ''}`;
				return (
					<Text key={n.path} wrap="truncate-end" inverse={at}>
						<Text color={n.change ? COLOR[n.change] : undefined}>{n.change ? MARK[n.change] : ' '}</Text>
						{` ${formatBytes(n.size).padStart(9)}  `}
						<Text color={n.change ? COLOR[n.change] : undefined} dimColor={!n.change}>
							{cut(label, width - 14)}
						</Text>
					</Text>
				);
			})}
			<Text dimColor wrap="truncate-end">{`Tab pane · ↑↓ move · Enter/Space/←→ collapse/expand · Esc back   $ ${result.equivalents[0] ?? ''}`}</Text>
		</Box>
	);
}
