/** The analyze view: layer list, the selected layer's file tree with change marks, collapse and expand. */
import React from 'react';
import {afterEach, expect, it} from 'vitest';
import {analyzeImage} from '../../source/core/images/analysis.js';
import type {LayerEntry, ResolvedImage} from '../../source/core/images/archive.js';
import {makeTheme} from '../../source/output/theme.js';
import AnalyzeView from '../../source/ui/views/AnalyzeView.js';
import {frameWith, KEY, mount, press, until} from '../support/ink.js';

const f = (path: string, size: number): LayerEntry => ({path, kind: 'file', size, mode: 0o644, uid: 0, gid: 0});
const d = (path: string): LayerEntry => ({path, kind: 'dir', size: 0, mode: 0o755, uid: 0, gid: 0});
const wh = (path: string): LayerEntry => ({path, kind: 'file', size: 0, mode: 0, uid: 0, gid: 0, whiteout: 'file'});
const layers = [
	[d('/bin'), f('/bin/sh', 1000), d('/etc'), f('/etc/passwd', 100)],
	[d('/app'), f('/app/a.js', 2048), f('/app/b.js', 10), d('/app/lib'), f('/app/lib/x.js', 5), f('/etc/passwd', 120)],
	[wh('/app/b.js')],
];
const resolved: ResolvedImage = {
	layout: 'docker-archive',
	config: {history: [{created_by: 'ADD rootfs /'}, {created_by: 'COPY . /app'}, {created_by: 'RUN rm /app/b.js'}]},
	configDigest: null,
	repoTags: ['app:1'],
	layers: layers.map((entries, i) => ({key: `l${i}`, digest: null, blob: {entries, tarBytes: 0, compression: 'none' as const, contents: {}}})),
};
const result = analyzeImage({ref: 'app:1', resolved, engineImage: {id: 'sha256:abc', repoTags: ['app:1'], size: 4000}, gates: {}});

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

it("shows the layers and the first user layer's tree, marks changes, collapses and expands", async () => {
	let back = 0;
	const app = await mount(<AnalyzeView result={result} input={{args: ['app:1'], flags: {}}} theme={makeTheme(false)} onBack={() => back++} />);
	unmount = app.unmount;
	let frame = await frameWith(app, 'Layers (3)');
	expect(frame).toMatch(/❯ {2}1 +2\.13 KiB {2}COPY \. \/app/);
	expect(frame).toContain('Layer 1: +3 ~1 -0');
	expect(frame).toMatch(/^\+ +2 KiB {6}a\.js$/m);
	expect(frame).toMatch(/^\+ +2\.01 KiB {2}▾ app\/$/m);
	expect(frame).toMatch(/~ +120 B .*passwd/);
	// Into the tree: the first row is the /app directory; Enter collapses it.
	await press(app, KEY.tab, '▶ Layer 1');
	frame = await press(app, KEY.enter, '▸ app/');
	expect(frame).not.toContain('a.js');
	await press(app, KEY.right, 'a.js');
	// Back to the layers: the next layer shows the deletion.
	await press(app, KEY.tab, '▶ Layers');
	frame = await press(app, KEY.down, 'Layer 2:');
	expect(frame).toContain('Layer 2: +0 ~0 -1');
	expect(frame).toMatch(/- +10 B .*b\.js/);
	app.stdin.write(KEY.escape);
	await until(() => back > 0, 'onBack');
	expect(back).toBe(1);
});

it('keys typed together each see what the one before did: Tab then Enter collapses in the tree', async () => {
	const app = await mount(<AnalyzeView result={result} input={{args: ['app:1'], flags: {}}} theme={makeTheme(false)} onBack={() => undefined} />);
	unmount = app.unmount;
	await frameWith(app, '▾ app/');
	app.stdin.write(KEY.tab);
	app.stdin.write(KEY.enter);
	const frame = await frameWith(app, '▸ app/', 'the directory collapsed');
	expect(frame).toContain('▶ Layer 1');
});
