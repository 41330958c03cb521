import React from 'react';
import type {ExplainResult} from '../../core/knowledge/catalog.js';
import {explainText} from '../../output/knowledge.js';
import type {ViewProps} from '../view-types.js';
import {DocPane} from '../components/DocPane.js';
import {ScrollText} from '../components/ScrollText.js';
import {useLayout} from '../layout.js';

/** optimize-guide and debug-guide: the guide in the scroll view; Esc back to the menu. */
export default function GuideView({result, theme, onBack}: ViewProps<ExplainResult>) {
	const {columns} = useLayout();
	if (result.mode === 'docs' && result.docs.length === 1) return <DocPane doc={result.docs[0]!} theme={theme} onBack={onBack} />;
	return <ScrollText lines={explainText(result, theme, Math.min(100, columns - 1)).split('\n')} onBack={onBack} />;
}
