import React from 'react';
import type {CleanupResult} from '../../core/housekeeping/cleanup.js';
import {cleanupText} from '../../output/images.js';
import type {ViewProps} from '../view-types.js';
import {ScrollText} from '../components/ScrollText.js';

/** cleanup in the app: the plan, and y to carry out exactly that plan (the command again with --yes). */
export default function CleanupView({result, input, theme, onBack, onOpen}: ViewProps<CleanupResult>) {
	const lines = cleanupText(result, theme).split('\n');
	const pending = !result.outcome && result.plan.itemCount > 0;
	const actions =
		pending && onOpen
			? {y: {label: `remove these ${result.plan.itemCount}`, run: () => onOpen('cleanup', {args: [], flags: {...input.flags, yes: true}})}}
			: undefined;
	return <ScrollText lines={lines} onBack={onBack} {...(actions ? {actions} : {})} />;
}
