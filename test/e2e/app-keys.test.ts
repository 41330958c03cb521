/**
 * The built app in a real terminal (tmux, 80×24): keys that arrive together, filtering, the keys
 * overlay, the navigation stack, Ctrl-C's exit status, exec and logs -f handing the terminal over
 * and getting it back. Every key sequence here is sent in one write, as fast typing or a paste does.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {randomBytes} from 'node:crypto';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import {CLI} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers} from '../support/engine.js';
import {Tmux, tmuxAvailable} from '../support/tmux.js';

const describeTmux = tmuxAvailable ? describe : describe.skip;
let term: Tmux | undefined;
afterEach(() => term?.kill());

const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-ux-keys-'));
writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:latest\nRUN apt-get update\nRUN apt-get install curl\nADD app.py /app/\nCMD python /app/app.py\n');
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The app at 80×24 in `dir`; the shell prints the exit status when it ends. */
async function openApp(options: {width?: number; height?: number} = {}): Promise<Tmux> {
	const t = new Tmux({width: options.width ?? 80, height: options.height ?? 24});
	term = t;
	await t.waitFor((s) => s.includes('READY$'), 'the shell prompt');
	t.type(`cd ${dir} && node ${CLI}; echo "EXIT=$?"`);
	t.keys('Enter');
	await t.waitFor((s) => s.includes('Enter run'), 'the main menu');
	return t;
}

const selected = (screen: string) => /^❯ (\S+)/m.exec(screen)?.[1];
const index = (name: string) => commands.findIndex((c) => c.name === name);

describeTmux('keys in the app (tmux, 80×24)', () => {
	it('keys that arrive together each count: jjj moves three rows, Down×3 in one write too, and g, j… and Enter in one chunk open the entry they lead to', async () => {
		const t = await openApp();
		t.type('jjj');
		await t.waitFor((s) => selected(s) === commands[3]!.name, `${commands[3]!.name} selected after jjj`);
		t.keys('Down', 'Down', 'Down');
		await t.waitFor((s) => selected(s) === commands[6]!.name, `${commands[6]!.name} selected after Down Down Down`);
		t.type(`g${'j'.repeat(index('explain'))}\r`); // top, down to explain, Enter: all in one chunk
		const view = await t.waitFor((s) => s.includes('explain: choose topic'), 'the explain topic list');
		expect(view).not.toContain('Enter run');
	});

	it('Esc in the main menu does not quit, ? lists the keys, / filters, q quits with status 0', async () => {
		const t = await openApp();
		// Keys are handled in order: had Esc quit, the ? after it would show nothing.
		t.keys('Escape');
		t.type('?');
		const keys = await t.waitFor((s) => s.includes('Keys') && s.includes('Ctrl-C'), 'the keys overlay');
		expect(keys).toMatch(/\/\s+filter the list/);
		expect(keys).toMatch(/q\s+quit/);
		t.keys('Escape');
		await t.waitFor((s) => s.includes('Enter run'), 'the menu again');
		t.type('/IGNORE');
		const filtered = await t.waitFor((s) => s.includes('filter: IGNORE'), 'the filter');
		expect(filtered).toContain('generate-dockerignore');
		expect(filtered).not.toContain('copy-dockerfile');
		expect(filtered).not.toMatch(/validate\s+Check/);
		t.keys('Escape');
		await t.waitFor((s) => !s.includes('filter:') && /validate\s+Check/.test(s), 'the filter cleared');
		t.type('q');
		await t.waitFor((s) => s.includes('EXIT=0'), 'exit status 0');
	});

	it('Ctrl-C exits with status 130', async () => {
		const t = await openApp();
		t.type('jj');
		await t.waitFor((s) => selected(s) === commands[2]!.name, 'moved');
		t.keys('C-c');
		await t.waitFor((s) => s.includes('EXIT=130'), 'exit status 130');
	});

	it('lint → explain → Esc comes back to lint with the same finding selected; Esc again to the menu, where the cursor stayed', async () => {
		const t = await openApp();
		const lint = index('lint');
		t.type('j'.repeat(lint));
		await t.waitFor((s) => selected(s) === 'lint', 'lint selected');
		t.keys('Enter');
		const first = await t.waitFor((s) => /findings? in 1 file/.test(s), 'the lint view', 60_000);
		t.type('jj');
		const moved = await t.waitFor((s) => selectedFinding(s) !== undefined && selectedFinding(s) !== selectedFinding(first), 'a finding two down');
		const chosen = selectedFinding(moved);
		expect(chosen).toBeTruthy();
		t.keys('Enter');
		await t.waitFor((s) => / — /.test(s.split('\n')[0] ?? '') && !s.includes('findings in'), 'the rule explanation');
		t.keys('Escape');
		const back = await t.waitFor((s) => /findings? in 1 file/.test(s), 'back in lint');
		expect(selectedFinding(back)).toBe(chosen);
		t.keys('Escape');
		const menu = await t.waitFor((s) => s.includes('Enter run'), 'the menu');
		expect(selected(menu)).toBe('lint');
	});
});

/** The finding in the lint view's detail box (its message is the first line inside the box). */
function selectedFinding(screen: string): string | undefined {
	return /╭[─]+╮\n│ (.+?)\s*│/.exec(screen)?.[1];
}

describeEngine('the app hands the terminal over and takes it back (tmux, 80×24)', () => {
	const name = `dh-ux-${randomBytes(4).toString('hex')}`;
	const restarting = `${name}-restarting`;
	beforeAll(() => {
		docker(['run', '-d', '--name', name, FIXTURE_IMAGE, 'sh', '-c', 'while true; do echo tick $(date +%s); sleep 1; done']);
	});
	afterAll(() => removeContainers(name, restarting));

	it('exec: the picker lists running containers only, the shell gets the terminal, and its exit status 3 is reported, not success', async () => {
		if (!tmuxAvailable) return;
		docker(['run', '-d', '--name', restarting, '--restart', 'always', FIXTURE_IMAGE, 'sh', '-c', 'exit 1']);
		// Past its fifth restart the engine waits seconds between attempts: the container is then restarting, not briefly running.
		for (let i = 0; i < 300 && docker(['inspect', '-f', '{{.State.Restarting}} {{.RestartCount}}', restarting]).match(/^true ([5-9]|\d\d)/) === null; i++)
			await new Promise((r) => setTimeout(r, 100));
		const t = await openApp();
		t.type(`/exec\r\r`);
		const picker = await t.waitFor((s) => s.includes('exec: choose container') && s.includes(name), 'the container picker', 30_000);
		expect(docker(['ps', '--filter', `name=${restarting}`, '--format', '{{.Status}}'])).toMatch(/^Restarting/);
		expect(picker).not.toContain(restarting);
		t.type(`/${name}\r`);
		await t.waitFor((s) => s.includes('filter: ') && selected(s) === name, 'the container chosen by filter');
		t.keys('Enter');
		await t.waitFor((s) => /\/ #\s*$/m.test(s), 'the shell prompt in the container', 30_000);
		t.type('exit 3');
		t.keys('Enter');
		const back = await t.waitFor(
			(s) => s.includes('exit') && s.includes('exec: choose container') && /status 3/.test(s),
			'back at the picker with the exit status',
			30_000,
		);
		expect(back).toContain(`The shell in ${name} exited with status 3.`);
		expect(back).not.toMatch(/status 0/);
		t.type('q');
		await t.waitFor((s) => s.includes('EXIT=0'), 'quit');
	});

	it('logs: f follows live; q stops following and comes back to the logs view with no log lines left on the screen; Esc back to the picker', async () => {
		if (!tmuxAvailable) return;
		const t = await openApp();
		t.type(`/logs\r\r`);
		await t.waitFor((s) => s.includes('logs: choose container'), 'the logs picker', 30_000);
		t.type(`/${name}\r\r`);
		await t.waitFor((s) => s.includes(`logs ${name}`) && /f follow/.test(s), 'the logs view');
		t.type('f');
		await t.waitFor((s) => s.includes(`Following the log of ${name}`) && /tick \d+/.test(s), 'following', 30_000);
		t.type('q');
		const back = await t.waitFor((s) => s.includes(`logs ${name}`) && s.includes(`Stopped following ${name}`), 'back in the logs view');
		expect(back).not.toContain('Following the log of');
		t.keys('Escape');
		await t.waitFor((s) => s.includes('logs: choose container') && s.includes(`filter: ${name}`), 'back at the picker, its filter kept');
		t.keys('Escape'); // clears the filter
		await t.waitFor((s) => s.includes('logs: choose container') && !s.includes('filter:'), 'the filter cleared');
		t.keys('Escape');
		await t.waitFor((s) => s.includes('Enter run'), 'the menu');
		t.type('q');
		await t.waitFor((s) => s.includes('EXIT=0'), 'quit');
	});
});
