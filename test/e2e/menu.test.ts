import {afterEach, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import {CLI} from '../support/cli.js';
import {describeEngine} from '../support/engine.js';
import {Tmux, tmuxAvailable} from '../support/tmux.js';

let term: Tmux | undefined;
afterEach(() => term?.kill());

describeEngine('the built CLI in a real terminal (tmux)', () => {
	it('menu → validate → back → quit, and the terminal is left in normal mode', async () => {
		if (!tmuxAvailable) {
			if (process.env['CI'] === 'true') throw new Error('tmux is required for the end-to-end test (scripts/engine.sh installs it)');
			console.warn('[docker-helper tests] SKIPPING the tmux end-to-end test: tmux not installed');
			return;
		}
		term = new Tmux();
		await term.waitFor((s) => s.includes('READY$'), 'the shell prompt');
		term.type(`node ${CLI}`);
		term.keys('Enter');
		await term.waitFor((s) => s.includes('Enter run'), 'the main menu');
		const index = commands.findIndex((c) => c.name === 'validate');
		for (let i = 0; i < index; i++) term.keys('Down');
		await term.waitFor((s) => /❯ validate/.test(s), 'validate highlighted');
		term.keys('Enter');
		const results = await term.waitFor((s) => s.includes('Docker Engine reachable'), 'the validate results', 60_000);
		expect(results).toContain('Host memory');
		expect(results).toMatch(/Esc back/);
		term.keys('Escape');
		await term.waitFor((s) => s.includes('Enter run') && !s.includes('Docker Engine reachable'), 'back at the menu');
		term.type('q');
		await expectCookedTerminal(term);
	});

	it('Ctrl-C leaves the app cleanly and restores the terminal', async () => {
		if (!tmuxAvailable) return;
		term = new Tmux();
		await term.waitFor((s) => s.includes('READY$'), 'the shell prompt');
		term.type(`node ${CLI}`);
		term.keys('Enter');
		await term.waitFor((s) => s.includes('Enter run'), 'the main menu');
		term.keys('C-c');
		await expectCookedTerminal(term);
	});
});

/** Back at the shell prompt, in cooked mode with echo on. */
async function expectCookedTerminal(t: Tmux): Promise<void> {
	await t.waitFor((s) => /READY\$\s*$/.test(s.trimEnd()), 'the shell prompt after leaving the app');
	t.type('stty -a | tr " " "\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo END');
	t.keys('Enter');
	const stty = await t.waitFor((s) => /(icanon|echo) (icanon|echo) END/.test(s), 'stty output');
	expect(stty).toMatch(/(?<!-)icanon (?<!-)echo END|(?<!-)echo (?<!-)icanon END/);
	expect(stty).not.toMatch(/-icanon|-echo\b/);
}
