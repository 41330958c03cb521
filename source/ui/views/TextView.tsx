import React from 'react';
import type {Input} from '../../core/input.js';
import type {Theme} from '../../output/theme.js';
import {ScrollText} from '../components/ScrollText.js';
import type {ViewProps} from '../view-types.js';

/** The fallback view for a command without its own: its text rendering, scrollable. */
export function makeTextView(render: (result: unknown, theme: Theme, input: Input) => string) {
	return function TextView({result, input, theme, onBack}: ViewProps<unknown>) {
		const lines = render(result, theme, input).split('\n');
		return <ScrollText lines={lines} onBack={onBack} />;
	};
}
