import {readFileSync} from 'node:fs';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';
import type {InspectResult} from '../../source/core/container-summary.js';
import {summarizeContainer, type ContainerDoc, type ImageDoc} from '../../source/core/container-summary.js';
import {redactContainerDocument} from '../../source/core/redact.js';
import {makeTheme} from '../../source/output/theme.js';
import InspectView from '../../source/ui/views/InspectView.js';
import {KEY, mount, press, until} from '../support/ink.js';

const load = <T,>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/inspect/${name}`, import.meta.url), 'utf8')) as T;
const doc = load<ContainerDoc>('running-unhealthy-secrets.json');
const image = load<ImageDoc>('image.json');
const result: InspectResult = {
	summary: summarizeContainer(doc, image),
	document: redactContainerDocument(doc as Record<string, unknown>),
	image: {id: image.Id ?? '', architecture: image.Architecture ?? null, os: image.Os ?? null, variant: null, tags: []},
};

describe('InspectView', () => {
	it('shows one section at a time and switches with →, Tab and digits', async () => {
		const onBack = vi.fn();
		const app = await mount(<InspectView result={result} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={onBack} />);
		expect(app.lastFrame()).toContain('1 State');
		expect(app.lastFrame()).toContain('restart policy: on-failure (max 3 retries)');
		const health = await press(app, KEY.right, 'last probes', 'the health section');
		expect(health).toContain('unhealthy');
		const env = await press(app, '7', 'DB_PASSWORD=', 'the environment section');
		expect(env).toContain('DB_PASSWORD=[redacted]');
		expect(env).not.toContain('hunter2');
		app.stdin.write(KEY.escape); // Esc: back (q quits the app)
		await until(() => onBack.mock.calls.length > 0, 'onBack');
	});

	it('opens logs and a shell for the same container with single keys', async () => {
		const onOpen = vi.fn();
		const {stdin} = await mount(
			<InspectView result={result} input={{args: [], flags: {}}} theme={makeTheme(false)} onBack={() => undefined} onOpen={onOpen} />,
		);
		stdin.write('l');
		stdin.write('s');
		await until(() => onOpen.mock.calls.length === 2, 'two screens opened');
		expect(onOpen.mock.calls).toEqual([
			['logs', {args: [result.summary.name], flags: {tail: 200}}],
			['exec', {args: [result.summary.name], flags: {}}],
		]);
	});
});
