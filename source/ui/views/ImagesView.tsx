import React from 'react';
import {Box, Text, useStdout} from 'ink';
import {useKeyInput, useMirror} from '../keys.js';
import type {ImagesResult} from '../../core/housekeeping/images.js';
import {historyLines, imagesText} from '../../output/images.js';
import type {ViewProps} from '../view-types.js';
import {ScrollText} from '../components/ScrollText.js';

/**
 * images in the app: the same columns as the text table, one selected row; Enter opens the
 * image's history (docker history), a its analysis (analyze). With a history in the result, it is shown instead.
 */
export default function ImagesView({result, input, theme, onBack, onOpen}: ViewProps<ImagesResult>) {
	const {stdout} = useStdout();
	const width = Math.max(60, (stdout?.columns ?? 100) - 1);
	// Mirrored: Down and Enter typed together open the image the Down moved to.
	const [selected, setSelected, getSelected] = useMirror(0);
	const history = result.history;
	const count = result.images.length;
	useKeyInput(
		(key, k) => {
			if (k.escape || key === 'q') onBack();
			else if (k.upArrow || key === 'k') setSelected((i) => Math.max(0, i - 1));
			else if (k.downArrow || key === 'j') setSelected((i) => Math.min(count - 1, i + 1));
			else if (k.return && result.images[getSelected()]) {
				const image = result.images[getSelected()]!;
				onOpen?.('images', {args: [], flags: {...input.flags, history: image.tags[0] ?? image.id}});
			} else if (key === 'a' && result.images[getSelected()]) {
				// The layers, wasted bytes and findings of analyze, for the selected image.
				const image = result.images[getSelected()]!;
				onOpen?.('analyze', {args: [image.tags[0] ?? image.id], flags: {}});
			} else if (key === 'c') onOpen?.('cleanup', {args: [], flags: {}});
		},
		{isActive: !history},
	);
	if (history) return <ScrollText lines={historyLines(history, theme, width)} onBack={onBack} />;
	// The text table, with the selected image's row (and its hygiene notes) highlighted.
	const lines = imagesText(result, theme, width).split('\n');
	const rowStarts: number[] = [];
	lines.forEach((line, i) => {
		if (i > 0 && result.images.some((img) => line.startsWith(img.shortId))) rowStarts.push(i);
	});
	const rows = Math.max(5, (stdout?.rows ?? 30) - 3);
	const at = rowStarts[selected] ?? 1;
	const top = Math.max(0, Math.min(at - Math.floor(rows / 2), lines.length - rows));
	return (
		<Box flexDirection="column">
			{lines.slice(top, top + rows).map((line, i) => (
				<Text key={top + i} inverse={top + i === at && count > 0} wrap="truncate-end">
					{line === '' ? ' ' : line}
				</Text>
			))}
			<Text dimColor>↑↓ select · Enter history · a analyze · c cleanup plan · Esc/q back</Text>
		</Box>
	);
}
