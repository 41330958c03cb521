/**
 * At 40 columns and at 80×24, plain text and the app fit the width, and nothing the user is meant to
 * read or copy is cut: every fix command, evidence line and hint is there whole, only broken across
 * rows. Plain text goes through the built CLI with COLUMNS; the app runs in tmux.
 */
import {randomBytes} from 'node:crypto';
import stringWidth from 'string-width';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {CLI, runCli, runJson} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers} from '../support/engine.js';
import {Tmux, tmuxAvailable} from '../support/tmux.js';

/** A long name, as compose gives (project-service-1): the fix commands carry it. */
const name = `dh-ux-narrow-${randomBytes(3).toString('hex')}-a-rather-long-service-name-1`;

/** Whitespace carries no meaning across a row break (a word too long for a row is split inside). */
const squeeze = (text: string) => text.replace(/\s+/g, '');

function tooWide(text: string, width: number): string[] {
	return text.split('\n').filter((line) => stringWidth(line) > width);
}

interface Fix {
	readonly description: string;
	readonly command?: string;
}
interface Finding {
	readonly title: string;
	readonly explanation: string;
	readonly fixes: readonly Fix[];
}

describeEngine('plain text and the app at 40 and 80 columns', () => {
	let findings: readonly Finding[] = [];
	beforeAll(() => {
		docker(['run', '-d', '--name', name, FIXTURE_IMAGE, 'sh', '-c', 'echo "Error: connect ECONNREFUSED 127.0.0.1:5432" >&2; exit 1']);
		docker(['wait', name]);
		findings = (runJson(['diagnose', name]).doc.result as {reports: Array<{findings: Finding[]}>}).reports[0]!.findings;
		expect(findings.some((f) => f.fixes.some((x) => x.command?.includes(name)))).toBe(true);
	});
	afterAll(() => removeContainers(name));

	for (const width of [40, 80]) {
		describe(`COLUMNS=${width} in a pipe`, () => {
			const env = {COLUMNS: String(width)};

			it('diagnose: every row fits, every fix command, description and explanation is whole', () => {
				const r = runCli(['diagnose', name], {env});
				expect(tooWide(r.stdout, width)).toEqual([]);
				expect(tooWide(r.stderr, width)).toEqual([]);
				expect(r.stdout).not.toContain('…');
				const text = squeeze(r.stdout);
				for (const f of findings) {
					expect(text).toContain(squeeze(f.title));
					expect(text).toContain(squeeze(f.explanation));
					for (const fix of f.fixes) {
						expect(text).toContain(squeeze(fix.description));
						if (fix.command) expect(text).toContain(squeeze(fix.command));
					}
				}
			});

			it('validate: every row fits and every hint (they hold the commands to run) is whole', () => {
				const r = runCli(['validate'], {env});
				const checks = (runJson(['validate']).doc.result as {checks: Array<{title: string; status: string; hint: string}>}).checks;
				expect(tooWide(r.stdout, width)).toEqual([]);
				const text = squeeze(r.stdout);
				for (const c of checks) {
					expect(text).toContain(squeeze(c.title));
					if (c.hint && c.status !== 'ok' && c.status !== 'skip') expect(text).toContain(squeeze(c.hint));
				}
			});

			it('help, recommend, configure, explain and a usage error fit the width', () => {
				for (const args of [
					['--help'],
					['help', 'diagnose'],
					['recommend'],
					['configure'],
					['explain', 'networking'],
					['debug-guide'],
					['lint', 'no-such-dir'],
				]) {
					const r = runCli(args, {env});
					expect(tooWide(r.stdout, width), args.join(' ')).toEqual([]);
					expect(tooWide(r.stderr, width), args.join(' ')).toEqual([]);
				}
				const failure = runCli(['lint', 'no-such-dir'], {env});
				expect(squeeze(failure.stderr)).toContain(squeeze('a directory is searched recursively for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile'));
			});
		});
	}

	describe.skipIf(!tmuxAvailable)('the diagnose view in a terminal', () => {
		let term: Tmux | undefined;
		afterEach(() => term?.kill());

		/** Page through a scroll view, placing each shown row at its line number (the footer says which). */
		async function wholeText(t: Tmux, height: number): Promise<{rows: string[]; screens: string[]}> {
			const lines: string[] = [];
			const screens: string[] = [];
			for (let page = 0; page < 50; page++) {
				const screen = await t.waitFor((s) => /lines \d+–\d+ of \d+/.test(s), 'a scroll position');
				screens.push(screen);
				const rows = screen.split('\n').slice(0, height);
				const footerAt = rows.findIndex((row) => /^lines \d+–\d+ of \d+/.test(row));
				const [, from, to, total] = /^lines (\d+)–(\d+) of (\d+)/.exec(rows[footerAt]!)!.map(Number) as [number, number, number, number];
				rows.slice(footerAt - (to - from + 1), footerAt).forEach((row, i) => (lines[from - 1 + i] = row));
				if (to === total) return {rows: lines, screens};
				t.keys('PageDown');
				await t.waitFor((s) => !s.includes(`lines ${from}–${to} of`), 'the next page');
			}
			throw new Error('the view did not reach its end');
		}

		for (const [width, height] of [
			[40, 24],
			[80, 24],
		] as const) {
			it(`${width}×${height}: the title on the first row, a one-row footer, every fix command whole`, async () => {
				const t = new Tmux({width, height});
				term = t;
				await t.waitFor((s) => s.includes('READY$'), 'the shell prompt');
				// Without a name diagnose opens the app at its container picker; / filters it to ours.
				t.type(`clear; node ${CLI} diagnose; echo "EXIT=$?"`);
				t.keys('Enter');
				await t.waitFor((s) => s.includes('choose container'), 'the container picker', 40_000);
				t.type(`/${name}\r\r`);
				const first = await t.waitFor((s) => /lines \d+–/.test(s), 'the diagnose view', 40_000);
				expect(first.split('\n')[0]).toMatch(/^dh-ux-narrow/); // the title starts on the first row
				const {rows, screens} = await wholeText(t, height);
				for (const screen of screens) {
					expect(screen).not.toMatch(/…$/m); // nothing truncated at the right edge
					const footer = screen.split('\n').find((row) => /^lines \d+–/.test(row))!;
					expect(stringWidth(footer)).toBeLessThan(width);
				}
				const text = squeeze(rows.join('\n'));
				for (const f of findings) {
					expect(text).toContain(squeeze(f.explanation));
					for (const fix of f.fixes) if (fix.command) expect(text).toContain(squeeze(fix.command));
				}
				t.keys('q');
				await t.waitFor((s) => s.includes('EXIT='), 'the app to quit');
			});
		}
	});
});
