import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import {cleanupPlan} from '../../source/core/housekeeping/cleanup.js';
import {imagesReport} from '../../source/core/housekeeping/images.js';
import {inventoryFrom} from '../../source/core/engine/inventory.js';
import {makeTheme} from '../../source/output/theme.js';
import CleanupView from '../../source/ui/views/CleanupView.js';
import ImagesView from '../../source/ui/views/ImagesView.js';
import {settle} from '../support/ink.js';

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
const tick = () => new Promise((r) => setTimeout(r, 120));

describe('ImagesView', () => {
	it('shows the columns, moves the selection and opens the history of the selected image', async () => {
		const onOpen = vi.fn();
		const result = imagesReport(inventory, {trustedRegistries: []});
		const {lastFrame, stdin} = render(<ImagesView result={result} input={{args: [], flags: {}}} theme={theme} onBack={() => {}} onOpen={onOpen} />);
		expect(lastFrame()).toMatch(/IMAGE ID\s+TAGS/);
		expect(lastFrame()).toContain('app:1.0.0');
		await settle();
		stdin.write('\u001B[B'); // ↓ to the dangling image
		await tick();
		stdin.write('\r');
		await tick();
		expect(onOpen).toHaveBeenCalledWith('images', {args: [], flags: {history: 'sha256:' + 'b'.repeat(64)}});
	});
});

describe('CleanupView', () => {
	it('shows the plan; y runs the same plan with --yes; Esc goes back without it', async () => {
		const onOpen = vi.fn();
		const onBack = vi.fn();
		const plan = cleanupPlan(inventory, {olderThanSeconds: null, volumes: false, buildCache: true, labels: [], now: NOW});
		const input = {args: [], flags: {volumes: true}};
		const {lastFrame, stdin} = render(<CleanupView result={{plan, outcome: null, confirmed: false}} input={input} theme={theme} onBack={onBack} onOpen={onOpen} />);
		expect(lastFrame()).toContain('Cleanup plan (nothing removed yet)');
		expect(lastFrame()).toContain('y remove these 2');
		await settle();
		stdin.write('\u001B'); // Esc: back (q quits the whole app, in App)
		await tick();
		expect(onBack).toHaveBeenCalled();
		expect(onOpen).not.toHaveBeenCalled();
		stdin.write('y');
		await tick();
		expect(onOpen).toHaveBeenCalledWith('cleanup', {args: [], flags: {volumes: true, yes: true}});
	});
});
