import React from 'react';
import type {ExplainResult} from '../../core/knowledge/catalog.js';
import {explainText} from '../../output/knowledge.js';
import type {ViewProps} from '../view-types.js';
import {DocPane} from '../components/DocPane.js';
import {ScrollText} from '../components/ScrollText.js';

/** A topic opened from the explain menu: q/Esc goes back to the topic list, not to the main menu. */
export default function ExplainView({result, theme, onBack, onOpen}: ViewProps<ExplainResult>) {
	const back = onOpen ? () => onOpen('explain', {args: [], flags: {}}) : onBack;
	if (result.mode === 'docs' && result.docs.length === 1) return <DocPane doc={result.docs[0]!} theme={theme} onBack={back} />;
	return <ScrollText lines={explainText(result, theme, 78).split('\n')} onBack={back} />;
}
