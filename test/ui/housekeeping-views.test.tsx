import React from 'react';
import {describe, expect, it, vi} from 'vitest';
import {cleanupPlan} from '../../source/core/housekeeping/cleanup.js';
import {imagesReport} from '../../source/core/housekeeping/images.js';
import {inventoryFrom} from '../../source/core/engine/inventory.js';
import {makeTheme} from '../../source/output/theme.js';
import CleanupView from '../../source/ui/views/CleanupView.js';
import ImagesView from '../../source/ui/views/ImagesView.js';
import {KEY, mount, until} from '../support/ink.js';

const NOW = 2_000_000_000;
const inventory = inventoryFrom({
	LayersSize: 900,
	Images: [
		{Id: 'sha256:' + 'a'.repeat(64), RepoTags: ['app:1.0.0'], Created: NOW - 10, Size: 500, SharedSize: 100, Containers: 1},
		{Id: 'sha256:' + 'b'.repeat(64), RepoTags: ['<none>:<none>'], Created: NOW - 20, Size: 300, SharedSize: 100, Containers: 0},
	],
	Containers: [{Id: 'c1', Names: ['/web'], ImageID: 'sha256:' + 'a'.repeat(64), State: 'exited', Status: 'Exited (0)'}],
});
const theme = makeTheme(false);

describe('ImagesView', () => {
	it('shows the columns, moves the selection and opens the history of the selected image', async () => {
		const onOpen = vi.fn();
		const result = imagesReport(inventory, {trustedRegistries: []});
		const {lastFrame, stdin} = await mount(<ImagesView result={result} input={{args: [], flags: {}}} theme={theme} onBack={() => {}} onOpen={onOpen} />);
		expect(lastFrame()).toMatch(/IMAGE ID\s+TAGS/);
		expect(lastFrame()).toContain('app:1.0.0');
		stdin.write(KEY.down); // ↓ to the dangling image
		stdin.write(KEY.enter);
		await until(() => onOpen.mock.calls.length > 0, 'the history opened');
		expect(onOpen).toHaveBeenCalledWith('images', {args: [], flags: {history: 'sha256:' + 'b'.repeat(64)}});
	});

	it('a opens the analysis of the selected image', async () => {
		const onOpen = vi.fn();
		const result = imagesReport(inventory, {trustedRegistries: []});
		const {lastFrame, stdin} = await mount(<ImagesView result={result} input={{args: [], flags: {}}} theme={theme} onBack={() => {}} onOpen={onOpen} />);
		expect(lastFrame()).toContain('a analyze');
		stdin.write('a');
		await until(() => onOpen.mock.calls.length > 0, 'the analysis opened');
		expect(onOpen).toHaveBeenCalledWith('analyze', {args: ['app:1.0.0'], flags: {}});
	});
});

describe('CleanupView', () => {
	it('shows the plan; y runs the same plan with --yes; Esc goes back without it', async () => {
		const onOpen = vi.fn();
		const onBack = vi.fn();
		const plan = cleanupPlan(inventory, {olderThanSeconds: null, volumes: false, buildCache: true, labels: [], now: NOW});
		const input = {args: [], flags: {volumes: true}};
		const {lastFrame, stdin} = await mount(
			<CleanupView result={{plan, outcome: null, confirmed: false}} input={input} theme={theme} onBack={onBack} onOpen={onOpen} />,
		);
		expect(lastFrame()).toContain('Cleanup plan (nothing removed yet)');
		expect(lastFrame()).toContain('y remove these 2');
		stdin.write(KEY.escape); // Esc: back (q quits the whole app, in App)
		await until(() => onBack.mock.calls.length > 0, 'onBack');
		expect(onOpen).not.toHaveBeenCalled();
		stdin.write('y');
		await until(() => onOpen.mock.calls.length > 0, 'the cleanup run');
		expect(onOpen).toHaveBeenCalledWith('cleanup', {args: [], flags: {volumes: true, yes: true}});
	});
});
