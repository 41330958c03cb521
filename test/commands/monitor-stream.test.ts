/**
 * monitor without a terminal yields its lines (Command.stream) and main.ts writes them: a reader that
 * goes away ends it quietly instead of leaving it watching the engine for nobody.
 */
import {spawn} from 'node:child_process';
import {expect, it} from 'vitest';
import {CLI, ROOT} from '../support/cli.js';
import {describeEngine} from '../support/engine.js';

describeEngine('monitor streams through main.ts (real engine, built CLI)', () => {
	it('a reader that goes away after the first lines ends it: exit 0, nothing on stderr', async () => {
		const child = spawn(process.execPath, [CLI, 'monitor', '--interval', '1'], {
			cwd: ROOT,
			env: {...process.env, NO_COLOR: '1'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('exit', (code, signal) => resolve({code, signal})));
		child.stdout.once('data', () => child.stdout.destroy());
		const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
		const how = await exited;
		clearTimeout(timer);
		expect(how).toEqual({code: 0, signal: null});
		expect(stderr).toBe('');
	}, 60_000);
});
