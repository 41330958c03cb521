/**
 * The monitor dashboard in a real terminal (tmux): rows from the engine, the / filter, the ? overlay,
 * a confirmed stop that really stops the container, a cancelled remove that leaves it alone, and the
 * logs of the selected container followed through a filter typed after l.
 */
import {afterAll, beforeAll, expect, it} from 'vitest';
import {CLI} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers} from '../support/engine.js';
import {opName} from '../support/ops.js';
import {Tmux, tmuxAvailable} from '../support/tmux.js';

const run = opName('dash');
const a = `${run}-alpha`;
const b = `${run}-bravo`;
const c = `${run}-charlie`;
let term: Tmux | undefined;

afterAll(() => {
	term?.kill();
	removeContainers(a, b, c);
});

describeEngine('monitor dashboard (tmux, real engine)', () => {
	beforeAll(() => {
		// PID 1 that honours SIGTERM, so docker stop is quick
		for (const name of [a, b])
			docker(['run', '-d', '--name', name, '--network', 'none', FIXTURE_IMAGE, 'sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done']);
		docker([
			'run',
			'-d',
			'--name',
			c,
			'--network',
			'none',
			FIXTURE_IMAGE,
			'sh',
			'-c',
			'trap "exit 0" TERM; i=0; while :; do i=$((i+1)); echo "tick-ok $i"; echo "tick-ERR $i"; sleep 5; done',
		]);
	});

	it.runIf(tmuxAvailable)(
		'filters, shows the keys, stops after confirmation and does not remove when cancelled',
		async () => {
			term = new Tmux({width: 160, height: 40});
			term.type(`${process.execPath} ${CLI} monitor`);
			term.keys('Enter');
			await term.waitFor((s) => s.includes(a) && s.includes(b), 'both containers in the dashboard');
			term.type('?');
			await term.waitFor((s) => s.includes('monitor keys') && s.includes('stop (asks first)'), 'the key overlay');
			term.type('x');
			await term.waitFor((s) => s.includes('? keys') && !s.includes('monitor keys'), 'back from the overlay');
			term.type(`/${a}`);
			term.keys('Enter');
			await term.waitFor((s) => new RegExp(`^  ${a} `, 'm').test(s) && !new RegExp(`^  ${b} `, 'm').test(s), 'only the filtered container');
			term.type('S');
			const asked = await term.waitFor((s) => s.includes('[y/N]'), 'the stop question');
			expect(asked).toContain(`Stop ${a}? It runs: docker stop ${a}`);
			expect(docker(['inspect', '-f', '{{.State.Status}}', a])).toBe('running');
			term.type('y');
			await term.waitFor((s) => s.includes(`✔ ${a} stopped (docker stop ${a})`), 'the stop outcome', 40_000);
			expect(docker(['inspect', '-f', '{{.State.Status}}', a])).toBe('exited');
			await term.waitFor((s) => new RegExp(`^  ${a} .*exited\\s+0\\s+exited`, 'm').test(s), 'the row showing exited');
			term.type(`/${b}`);
			term.keys('Enter');
			await term.waitFor((s) => new RegExp(`^  ${b} `, 'm').test(s) && !new RegExp(`^  ${a} `, 'm').test(s), 'only the second container');
			term.type('d');
			const remove = await term.waitFor((s) => s.includes('[y/N]'), 'the remove question');
			expect(remove).toContain(`Remove ${b}? It runs: docker rm -f ${b}`);
			term.type('n');
			await term.waitFor((s) => s.includes(`Cancelled: docker rm -f ${b} was not run.`), 'the cancel message');
			expect(docker(['inspect', '-f', '{{.State.Status}}', b])).toBe('running');
			term.type('q');
			await term.waitFor((s) => s.includes('Enter run'), 'the menu after leaving the monitor');
			term.type('q');
		},
		120_000,
	);

	it.runIf(tmuxAvailable)(
		'l asks for a filter, then follows only the matching log lines; q goes back to the dashboard',
		async () => {
			const t = new Tmux({width: 160, height: 40});
			try {
				t.type(`${process.execPath} ${CLI} monitor`);
				t.keys('Enter');
				await t.waitFor((s) => s.includes(c), 'the container in the dashboard');
				t.type(`/${c}`);
				t.keys('Enter');
				await t.waitFor((s) => new RegExp(`^  ${c} `, 'm').test(s) && !new RegExp(`^  ${a} `, 'm').test(s), 'only that container');
				t.type('l');
				await t.waitFor((s) => s.includes(`Logs of ${c}, only lines matching:`), 'the filter question');
				t.type('ERR');
				await t.waitFor((s) => s.includes('only lines matching: ERR'), 'the typed filter');
				t.keys('Enter');
				const shown = await t.waitFor((s) => s.includes(`Following the log of ${c} (only lines matching /ERR/)`) && /tick-ERR \d+/.test(s), 'the filtered log');
				expect(shown).not.toMatch(/tick-ok \d+/);
				t.type('q');
				await t.waitFor((s) => s.includes('? keys') && s.includes(`Stopped following ${c}`), 'back in the dashboard');
				// Esc at the question opens nothing.
				t.type('l');
				await t.waitFor((s) => s.includes(`Logs of ${c}, only lines matching:`), 'the filter question again');
				t.keys('Escape');
				await t.waitFor((s) => s.includes('Logs not opened.'), 'the cancel message');
				t.type('q');
				await t.waitFor((s) => s.includes('Enter run'), 'the menu after leaving the monitor');
				t.type('q');
			} finally {
				t.kill();
			}
		},
		120_000,
	);
});
