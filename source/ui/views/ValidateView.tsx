import React from 'react';
import {Box, Text} from 'ink';
import type {ValidateResult} from '../../core/setup/validate.js';
import {validateText} from '../../output/validate.js';
import type {ViewProps} from '../view-types.js';
import {ScrollText} from '../components/ScrollText.js';

/** validate in the app: the same lines as the text rendering, with a header and scrolling. */
export default function ValidateView({result, theme, onBack}: ViewProps<ValidateResult>) {
	const lines = validateText(result, theme).split('\n');
	const s = result.summary;
	return (
		<Box flexDirection="column">
			<Text color={s.fail > 0 ? 'red' : s.warn > 0 ? 'yellow' : 'green'} wrap="truncate-end">
				{s.fail > 0
					? `${s.fail} check${s.fail === 1 ? '' : 's'} failed`
					: s.warn > 0
						? `All required checks passed, ${s.warn} warning${s.warn === 1 ? '' : 's'}`
						: 'All checks passed'}
			</Text>
			<ScrollText lines={lines} reserve={1} onBack={onBack} />
		</Box>
	);
}
