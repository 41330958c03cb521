import React from 'react';
import {Box, Text, useStdout} from 'ink';
import type {VerifyResult} from '../../core/images/verify.js';
import {ScrollText} from '../components/ScrollText.js';
import type {ViewProps} from '../view-types.js';
import {verifyText} from '../../output/verify.js';

/**
 * verify in the app: the verdict first, one line per check (✔ pass, ✖ fail, - not verified),
 * then the failures' evidence and fixes, scrollable. While it runs, the app shows each check's
 * progress line.
 */
export default function VerifyView({result, theme, onBack}: ViewProps<VerifyResult>) {
	const {stdout} = useStdout();
	const s = result.summary;
	const lines = verifyText(result, theme, Math.max(60, (stdout?.columns ?? 100) - 1)).split('\n');
	return (
		<Box flexDirection="column">
			<Text>
				<Text bold>{`verify ${result.image.ref}: `}</Text>
				<Text color={s.failed > 0 ? 'red' : 'green'}>{`${s.passed} passed, ${s.failed} failed, ${s.skipped} not verified`}</Text>
				<Text dimColor>{result.container?.removed ? ' · container removed' : ''}</Text>
			</Text>
			<ScrollText title="checks" lines={lines} onBack={onBack} />
		</Box>
	);
}
