import React from 'react';
import type {Input} from '../../core/input.js';
import type {Theme} from '../../output/theme.js';
import {ScrollText} from '../components/ScrollText.js';
import {useLayout} from '../layout.js';
import type {ViewProps} from '../view-types.js';

/** The fallback view for a command without its own: its text rendering, wrapped to the width and scrollable. */
export function makeTextView(render: (result: unknown, theme: Theme, input: Input) => string) {
	return function TextView({result, input, theme, onBack}: ViewProps<unknown>) {
		const {columns} = useLayout();
		const lines = render(result, {...theme, width: columns}, input).split('\n');
		return <ScrollText lines={lines} onBack={onBack} />;
	};
}
