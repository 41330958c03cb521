import React from 'react';
import type {DocResult} from '../../core/knowledge/catalog.js';
import {renderDoc} from '../../output/knowledge.js';
import type {Theme} from '../../output/theme.js';
import {useLayout} from '../layout.js';
import {ScrollText} from './ScrollText.js';

/** One knowledge document in the scroll view, wrapped to the terminal width; the title (wrapped too) stays on top. */
export function DocPane({doc, theme, onBack}: {readonly doc: DocResult; readonly theme: Theme; readonly onBack: () => void}) {
	const {columns} = useLayout();
	const width = Math.max(20, Math.min(100, columns - 1));
	const lines = renderDoc(doc, theme, {width, withTitle: false}).split('\n');
	return <ScrollText lines={lines} title={`${doc.title} — ${doc.summary}`} onBack={onBack} />;
}
