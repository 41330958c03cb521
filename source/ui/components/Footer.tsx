import React from 'react';
import {Text} from 'ink';
import {visibleWidth} from '../../output/wrap.js';

/**
 * The key hints under a screen, always one row: the parts are in order of importance and those that
 * do not fit the width are left out (`?` lists every key), so the footer never wraps onto a second row.
 */
export function Footer({parts, width}: {readonly parts: readonly string[]; readonly width: number}) {
	const kept: string[] = [];
	for (const part of parts) {
		const next = [...kept, part].join(' · ');
		if (visibleWidth(next) <= width - 1) kept.push(part);
	}
	return <Text dimColor>{kept.join(' · ') || ' '}</Text>;
}
