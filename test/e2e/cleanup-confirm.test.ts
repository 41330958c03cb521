/** cleanup in a real terminal (tmux): it asks, "n" removes nothing, "y" removes exactly the plan. */
import {afterAll, beforeAll, expect, it} from 'vitest';
import {CLI} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers} from '../support/engine.js';
import {opName} from '../support/ops.js';
import {Tmux, tmuxAvailable} from '../support/tmux.js';

const run = opName('clc');
const label = `dh-op-run=${run}`;
const stopped = `${run}-stopped`;
const kept = `${run}-running`;
let term: Tmux | undefined;
const exists = (name: string) => docker(['container', 'inspect', name], {allowFail: true}) !== '';

afterAll(() => {
	term?.kill();
	removeContainers(stopped, kept);
});

describeEngine('cleanup asks in a terminal (tmux, real engine)', () => {
	beforeAll(() => {
		docker(['run', '--name', stopped, '--network', 'none', '--label', label, FIXTURE_IMAGE, 'true']);
		docker(['run', '-d', '--name', kept, '--network', 'none', '--label', label, FIXTURE_IMAGE, 'sleep', '600']);
	});

	it.runIf(tmuxAvailable)(
		'n keeps everything; y removes the stopped container and never the running one',
		async () => {
			term = new Tmux({width: 120, height: 40});
			const command = `${process.execPath} ${CLI} cleanup --label ${label} --no-build-cache`;
			term.type(command);
			term.keys('Enter');
			const asked = await term.waitFor((s) => s.includes('[y/N]'), 'the question');
			expect(asked).toContain(stopped);
			expect(asked).not.toMatch(new RegExp(`^\\s+${kept}\\s`, 'm'));
			expect(asked).toContain('Remove these 1 item(s)');
			term.type('n');
			term.keys('Enter');
			await term.waitFor((s) => s.includes('Nothing removed.'), 'the refusal');
			expect(exists(stopped)).toBe(true);
			term.type('clear');
			term.keys('Enter');
			term.type(command);
			term.keys('Enter');
			await term.waitFor((s) => s.includes('[y/N]'), 'the question again');
			term.type('y');
			term.keys('Enter');
			await term.waitFor((s) => s.includes('Done: removed 1 of 1'), 'the outcome');
			expect(exists(stopped)).toBe(false);
			expect(exists(kept)).toBe(true);
		},
		60_000,
	);
});
