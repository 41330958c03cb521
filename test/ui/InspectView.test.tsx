import {readFileSync} from 'node:fs';
import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import type {InspectResult} from '../../source/core/container-summary.js';
import {summarizeContainer, type ContainerDoc, type ImageDoc} from '../../source/core/container-summary.js';
import {redactContainerDocument} from '../../source/core/redact.js';
import {makeTheme} from '../../source/output/theme.js';
import InspectView from '../../source/ui/views/InspectView.js';
import {settle} from '../support/ink.js';

const load = <T,>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/inspect/${name}`, import.meta.url), 'utf8')) as T;
const doc = load<ContainerDoc>('running-unhealthy-secrets.json');
const image = load<ImageDoc>('image.json');
const result: InspectResult = {
	summary: summarizeContainer(doc, image),
	document: redactContainerDocument(doc as Record<string, unknown>),
	image: {id: image.Id ?? '', architecture: image.Architecture ?? null, os: image.Os ?? null, variant: null, tags: []},
};
const tick = () => new Promise((r) => setTimeout(r, 120));

describe('InspectView', () => {
	it('shows one section at a time and switches with →, Tab and digits', async () => {
		const onBack = vi.fn();
		const {lastFrame, stdin} = render(<InspectView result={result} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={onBack} />);
		expect(lastFrame()).toContain('1 State');
		expect(lastFrame()).toContain('restart policy: on-failure (max 3 retries)');
		await settle();
		stdin.write('\u001B[C'); // →
		await tick();
		expect(lastFrame()).toContain('unhealthy');
		expect(lastFrame()).toContain('last probes');
		stdin.write('7'); // Environment
		await tick();
		expect(lastFrame()).toContain('DB_PASSWORD=[redacted]');
		expect(lastFrame()).not.toContain('hunter2');
		stdin.write('\u001B'); // Esc: back (q quits the app)
		await tick();
		expect(onBack).toHaveBeenCalled();
	});

	it('opens logs and a shell for the same container with single keys', async () => {
		const onOpen = vi.fn();
		const {stdin} = render(<InspectView result={result} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={() => undefined} onOpen={onOpen} />);
		await settle();
		stdin.write('l');
		await tick();
		expect(onOpen).toHaveBeenCalledWith('logs', {args: [result.summary.name], flags: {tail: 200}});
		stdin.write('s');
		await tick();
		expect(onOpen).toHaveBeenCalledWith('exec', {args: [result.summary.name], flags: {}});
	});
});
