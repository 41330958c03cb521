import React from 'react';
import {useStdout} from 'ink';
import type {DocResult} from '../../core/knowledge/catalog.js';
import {renderDoc} from '../../output/knowledge.js';
import type {Theme} from '../../output/theme.js';
import {ScrollText} from './ScrollText.js';

/** One knowledge document in the scroll view, wrapped to the terminal width; the title stays on top. */
export function DocPane({doc, theme, onBack}: {readonly doc: DocResult; readonly theme: Theme; readonly onBack: () => void}) {
	const {stdout} = useStdout();
	const width = Math.max(40, Math.min(100, (stdout?.columns ?? 80) - 2));
	const lines = renderDoc(doc, theme, {width, withTitle: false}).split('\n');
	const full = `${doc.title} — ${doc.summary}`;
	const title = full.length <= width ? full : `${full.slice(0, width - 1)}…`;
	return <ScrollText lines={lines} title={title} onBack={onBack} />;
}
