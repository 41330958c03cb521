import React from 'react';
import type {AnyCommand, ViewProps} from '../../commands/types.js';
import {ScrollText} from '../components/ScrollText.js';

/** The fallback view for a command without its own: its text rendering, scrollable. */
export function makeTextView(command: AnyCommand) {
	return function TextView({result, input, theme, onBack}: ViewProps<unknown>) {
		const lines = command.text(result, theme, input).split('\n');
		return <ScrollText lines={lines} onBack={onBack} />;
	};
}
