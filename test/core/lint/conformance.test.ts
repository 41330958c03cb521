/**
 * Agreement with the peers' own specs: every case in test/fixtures/lint/conformance/<tool>.yaml (the
 * snippets hadolint's Hspec files and BuildKit's lint tests feed their rules, with what they expect) is
 * linted with all our rules, and a case agrees when a rule declaring the code in `equivalents` reports
 * it exactly when the peer does. A case marked `deliberate` is one where we keep our behaviour (the
 * rule's doc says why): it counts as a disagreement, and it must really disagree.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {codeMatches, lintSource} from '../../../source/core/lint/engine.js';
import {rules} from '../../../source/core/lint/rules/index.js';
import {EMPTY_CONFIG} from '../../../source/core/lint/config.js';
import {ROOT} from '../../support/cli.js';

interface Case {
	readonly name: string;
	readonly src: string;
	readonly expect: 'trigger' | 'pass';
	readonly onbuild?: boolean;
	readonly deliberate?: string;
	/** An open defect of ours (a disagreement to fix): counted as one, and it must really disagree. */
	readonly known?: string;
	readonly options?: Record<string, unknown>;
}
interface Suite {
	readonly tool: 'hadolint' | 'buildkit';
	readonly codes: Record<string, {commit: string; path?: string; cases: Case[]}>;
}

function load(tool: string): Suite {
	return parseYaml(readFileSync(path.join(ROOT, 'test/fixtures/lint/conformance', `${tool}.yaml`), 'utf8')) as Suite;
}

/** hadolint lints lone instructions; ours needs a stage to put them in. */
function withFrom(src: string): string {
	return /^\s*(FROM|ARG)\b/im.test(src) ? src : `FROM debian:12\n${src}`;
}

/** hadolint's ONBUILD variant: every instruction after the first FROM becomes an ONBUILD trigger. */
function asOnbuild(src: string): string {
	const lines = src.split('\n');
	let seenFrom = false;
	let continued = false;
	return lines
		.map((l) => {
			const wasContinued = continued;
			continued = /\\$/.test(l);
			if (wasContinued || l.trim() === '' || l.trimStart().startsWith('#')) return l;
			if (/^\s*FROM\b/i.test(l)) {
				seenFrom = true;
				return l;
			}
			return seenFrom ? `ONBUILD ${l}` : l;
		})
		.join('\n');
}

function fires(tool: Suite['tool'], code: string, src: string, options: Record<string, unknown> | undefined): boolean {
	const owners = rules.filter((r) =>
		tool === 'hadolint' ? codeMatches({...r, equivalents: {hadolint: r.equivalents.hadolint}}, code) : r.equivalents.buildkit === code,
	);
	const config = {...EMPTY_CONFIG, ...options};
	const r = lintSource(src, 'Dockerfile', {rules: owners, config});
	return r.findings.some((f) => owners.some((o) => o.id === f.id));
}

// A listed suite without its data file fails (a skip would pass unseen).
for (const tool of ['hadolint', 'buildkit'] as const) {
	describe(`conformance with ${tool}'s specs`, () => {
		const suite: Suite = load(tool);
		const rows: {code: string; name: string; agrees: boolean; excused: boolean}[] = [];
		for (const [code, group] of Object.entries(suite.codes)) {
			test(`${code}: every declared code has a rule`, () => {
				expect(
					rules.some((r) =>
						tool === 'hadolint' ? codeMatches({...r, equivalents: {hadolint: r.equivalents.hadolint}}, code) : r.equivalents.buildkit === code,
					),
					code,
				).toBe(true);
			});
			for (const c of group.cases) {
				const variants: [string, string][] = [['', tool === 'hadolint' ? withFrom(c.src) : c.src]];
				if (c.onbuild) variants.push([' (ONBUILD)', asOnbuild(withFrom(c.src))]);
				for (const [suffix, src] of variants) {
					const got = fires(tool, code, src, c.options);
					const agrees = got === (c.expect === 'trigger');
					rows.push({code, name: c.name + suffix, agrees, excused: Boolean(c.deliberate ?? c.known)});
					const note = c.deliberate ? ' (we differ on purpose)' : c.known ? ' (open defect)' : '';
					test(`${code} ${c.name}${suffix}: ${c.expect}${note}`, () => {
						if (c.deliberate ?? c.known) expect(agrees, `marked ${c.deliberate ? 'deliberate' : 'known'} but agrees now: drop the mark\n${src}`).toBe(false);
						else expect(got, src).toBe(c.expect === 'trigger');
					});
				}
			}
		}
		// The figure recorded in bench/RESULTS.md (the targets: 97% hadolint, 95% BuildKit).
		test('every disagreement is marked deliberate or known', () => {
			const agreed = rows.filter((r) => r.agrees).length;
			console.log(`conformance ${tool}: ${agreed}/${rows.length} cases agree (${((agreed / rows.length) * 100).toFixed(1)}%), ${rows.length - agreed} differ`);
			expect(rows.filter((r) => !r.agrees && !r.excused)).toEqual([]);
		});
	});
}
