/** `docker-helper init` in a real terminal: the wizard opens, an answer is changed, and Write writes the files. */
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CLI, ROOT} from '../support/cli.js';
import {Tmux, tmuxAvailable} from '../support/tmux.js';

const dirs: string[] = [];
const sessions: Tmux[] = [];
afterAll(() => {
	for (const t of sessions) t.kill();
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

describe.skipIf(!tmuxAvailable)('init wizard in a terminal', () => {
	it('opens on the detection, re-plans a changed port, writes on confirmation', async () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-in-wizard-'));
		dirs.push(dir);
		cpSync(path.join(ROOT, 'test', 'fixtures', 'init', 'express-api'), dir, {recursive: true});
		const t = new Tmux({width: 120, height: 40});
		sessions.push(t);
		// All at once, as a user typing ahead does: the wizard takes the keys of a chunk one by one.
		const press = (...keys: string[]) => t.keys(...keys);
		t.type(`cd ${dir} && node ${CLI} init; echo EXIT=$?`);
		t.keys('Enter');
		await t.waitFor((s) => s.includes('Express 4.19.2, from package.json line 10') && /Port\s+4000/.test(s), 'the wizard');
		press('Down', 'Down', 'Enter', 'BSpace', 'BSpace', 'BSpace', 'BSpace', '4', '1', '0', '0', 'Enter');
		await t.waitFor((s) => /Port\s+4100/.test(s) && s.includes('Apply the changes'), 'the changed port');
		press('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter');
		await t.waitFor((s) => /Port\s+4100/.test(s) && s.includes('Write 4 files'), 're-planned with port 4100');
		expect(existsSync(path.join(dir, 'Dockerfile'))).toBe(false);
		press('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter');
		await t.waitFor((s) => s.includes('init: written'), 'the written files');
		expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toContain('EXPOSE 4100');
		expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toContain('"4100:4100"');
		// Esc and q apart: a terminal sends Esc followed at once by a key as Alt+key.
		press('Escape');
		await t.waitFor((s) => s.includes('Enter run'), 'the menu');
		press('q');
		await t.waitFor((s) => s.includes('EXIT=0'), 'the app to quit');
	}, 90_000);
});
