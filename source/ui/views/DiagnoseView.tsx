import React from 'react';
import {Box, Text} from 'ink';
import type {DiagnoseResult} from '../../core/diagnose/report.js';
import {diagnoseText} from '../../output/diagnose.js';
import {fitLine} from '../../output/wrap.js';
import type {ViewProps} from '../view-types.js';
import {ScrollText} from '../components/ScrollText.js';
import {useLayout} from '../layout.js';

/**
 * diagnose in the app: the findings with their evidence, and single keys that open
 * logs (l), inspect (i) and a shell (s) for the same container.
 */
export default function DiagnoseView({result, theme, onBack, onOpen}: ViewProps<DiagnoseResult>) {
	const {columns} = useLayout();
	const lines = diagnoseText(result, {...theme, width: columns}).split('\n');
	const target = result.reports.find((r) => r.failed) ?? result.reports[0];
	const failed = result.reports.filter((r) => r.failed).length;
	const name = target?.container.name;
	const actions: Record<string, {label: string; run: () => void}> = {};
	if (name && onOpen) {
		actions['l'] = {label: `logs ${name}`, run: () => onOpen('logs', {args: [name], flags: {tail: 200}})};
		actions['i'] = {label: 'inspect', run: () => onOpen('inspect', {args: [name], flags: {}})};
		if (target.facts.state.running) actions['s'] = {label: 'shell', run: () => onOpen('exec', {args: [name], flags: {}})};
	}
	const headline =
		result.mode === 'project'
			? `compose project ${result.project?.name}: ${failed} of ${result.reports.length} failing${result.project?.relations[0] ? ` · ${result.project.relations[0].title}` : ''}`
			: result.mode === 'all'
				? result.reports.length === 0
					? 'No container needs attention'
					: `${failed} of ${result.reports.length} container${result.reports.length === 1 ? '' : 's'} failing`
				: target?.failed
					? `${target.container.name}: ${target.findings[0]?.title ?? 'failing, no known cause matched'}`
					: `${target?.container.name}: ${target?.findings[0]?.title ?? 'nothing wrong found'}`;
	const head = fitLine(headline, columns);
	return (
		<Box flexDirection="column">
			{head.map((row, i) => (
				<Text key={i} color={failed > 0 ? 'red' : 'green'}>
					{row}
				</Text>
			))}
			<ScrollText lines={lines} reserve={head.length} onBack={onBack} actions={actions} />
		</Box>
	);
}
