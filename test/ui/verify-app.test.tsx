/**
 * verify in the app on a real engine: while it runs, the progress line says the step under way and
 * the verdicts so far (the file checks before the container starts, then start, health, SIGTERM);
 * then the verify view. The throwaway container is gone afterwards.
 */
import React from 'react';
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {verify} from '../../source/commands/verify.js';
import {createContext} from '../../source/context.js';
import {makeTheme} from '../../source/output/theme.js';
import {App} from '../../source/ui/App.js';
import {describeEngine, docker} from '../support/engine.js';
import {buildFixture, imageName, removeImages} from '../support/images.js';

const PREFIX = 'dh-im-vapp-';

describeEngine('verify in the app', () => {
	const image = `${imageName('vapp')}:1`;
	beforeAll(
		() =>
			buildFixture(
				image,
				`USER 1000\nHEALTHCHECK --interval=30s --retries=2 CMD test -d /home/app\nCMD ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`,
			),
		180_000,
	);
	afterAll(() => removeImages(image));

	it('shows live progress with the verdicts so far, then the result', async () => {
		const ctx = () =>
			createContext(
				{env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdinIsTTY: false},
				{},
				{interactive: true, progress: false},
			);
		const app = render(
			<App
				commands={[verify]}
				theme={makeTheme(false)}
				makeContext={ctx}
				start={{command: 'verify', input: {args: [image], flags: {timeout: 30, grace: 5, namePrefix: PREFIX}}}}
			/>,
		);
		try {
			const start = Date.now();
			while (!(app.lastFrame() ?? '').includes('container removed')) {
				if (Date.now() - start > 90_000) throw new Error(`timed out; last frame:\n${app.lastFrame()}`);
				await new Promise((r) => setTimeout(r, 100));
			}
			const progress = app.frames.map((f) => /verify: (.*)/.exec(f)?.[1]).filter((l): l is string => l !== undefined);
			// The file checks are judged before the container starts; the health wait shows start passed too.
			expect(progress.find((l) => l.startsWith('starting the container…'))).toMatch(/· so far \d+ ok$/);
			const waiting = progress.find((l) => l.startsWith('waiting for the health check…'));
			const before = Number(/so far (\d+) ok/.exec(progress.find((l) => l.startsWith('starting the container…'))!)![1]);
			expect(waiting).toBe(`waiting for the health check… · so far ${before + 1} ok`);
			expect(progress.find((l) => l.startsWith('sending SIGTERM…'))).toBe(`sending SIGTERM… · so far ${before + 2} ok`);
			expect(app.lastFrame()).toMatch(/verify .*: \d+ passed, 0 failed/);
		} finally {
			app.unmount();
		}
		expect(docker(['ps', '-a', '--filter', `name=${PREFIX}`, '--format', '{{.Names}}'])).toBe('');
	}, 120_000);
});
