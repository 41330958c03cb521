/**
 * Table-driven rule specs: snippets that must trigger a rule (with the exact finding lines) and
 * snippets that must not. Each case also runs with CRLF line endings unless `crlf: false`.
 * The rule's check runs directly on the parsed model (no suppressions, no config), so a spec
 * tests the rule alone; parse problems in a snippet fail the case (fix the snippet).
 */
import {describe, expect, test} from 'vitest';
import {parseDockerfile} from '../../../../source/core/lint/parse.js';
import type {BaseImageInfo, LintOptions, Rule, RuleFinding} from '../../../../source/core/lint/types.js';

export interface Case {
	readonly name?: string;
	readonly src: string;
	/** Partial options (trustedRegistries, labelSchema, settings). */
	readonly options?: Partial<LintOptions>;
	/** Base image config for every stage: BaseImageInfo (checked), null (engine has no such image), undefined (no engine). */
	readonly base?: BaseImageInfo | null;
	/** Run the CRLF variant too (default true). */
	readonly crlf?: boolean;
	/** Allow parse problems in the snippet (for rules about odd input). */
	readonly allowParseProblems?: boolean;
}

export interface Trigger extends Case {
	/** Sorted finding lines the rule must report, exactly. */
	readonly lines: readonly number[];
	/** Substrings the messages must contain, in finding order. */
	readonly messages?: readonly string[];
	/** Expected severity of every finding when the rule lowers it for a case. */
	readonly severity?: string;
	readonly origin?: 'file' | 'inherited';
}

export interface Spec {
	readonly triggers: readonly Trigger[];
	readonly passes: ReadonlyArray<string | Case>;
}

export function runRule(rule: Rule, c: Case, crlf = false): RuleFinding[] {
	const src = crlf ? c.src.replace(/\r?\n/g, '\r\n') : c.src;
	const model = parseDockerfile(src, 'Dockerfile');
	if (!c.allowParseProblems) expect(model.problems, `snippet has parse problems:\n${c.src}`).toEqual([]);
	const options: LintOptions = {trustedRegistries: [], labelSchema: {}, settings: {}, ...c.options};
	return rule.check({file: model, options, base: () => c.base});
}

function label(c: Case, i: number): string {
	return (
		c.name ??
		`#${i + 1}: ${
			c.src
				.split(/\r?\n/)
				.filter((l) => !/^\s*$/.test(l))
				.slice(-1)[0]
				?.slice(0, 60) ?? ''
		}`
	);
}

export const BASE: BaseImageInfo = {
	ref: 'example/base:1',
	id: 'sha256:0',
	user: '',
	healthcheck: undefined,
	entrypoint: undefined,
	cmd: ['sh'],
	exposedPorts: [],
	architecture: 'amd64',
	os: 'linux',
	env: ['PATH=/usr/bin:/bin'],
	workingDir: '',
};

export function ruleSpec(rule: Rule, spec: Spec): void {
	describe(`${rule.id} ${rule.slug}`, () => {
		test('has triggers and passes', () => {
			expect(spec.triggers.length).toBeGreaterThan(0);
			expect(spec.passes.length).toBeGreaterThan(0);
		});
		spec.triggers.forEach((t, i) => {
			for (const crlf of t.crlf === false ? [false] : [false, true]) {
				test(`triggers ${label(t, i)}${crlf ? ' (CRLF)' : ''}`, () => {
					const found = runRule(rule, t, crlf);
					expect(found.map((f) => f.line).sort((a, b) => a - b)).toEqual([...t.lines]);
					for (const f of found) {
						expect(typeof f.message).toBe('string');
						expect(f.message.length).toBeGreaterThan(0);
						if (t.severity) expect(f.severity ?? rule.severity).toBe(t.severity);
						if (t.origin) expect(f.origin ?? 'file').toBe(t.origin);
					}
					if (t.messages) {
						const sorted = [...found].sort((a, b) => a.line - b.line);
						t.messages.forEach((m, k) => expect(sorted[k]?.message ?? '').toContain(m));
					}
				});
			}
		});
		spec.passes.forEach((p, i) => {
			const c: Case = typeof p === 'string' ? {src: p} : p;
			for (const crlf of c.crlf === false ? [false] : [false, true]) {
				test(`passes ${label(c, i)}${crlf ? ' (CRLF)' : ''}`, () => {
					expect(runRule(rule, c, crlf)).toEqual([]);
				});
			}
		});
	});
}
