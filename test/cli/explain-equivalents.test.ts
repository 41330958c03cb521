/** `explain DL3008` / `explain JSONArgsRecommended`: every hadolint code and BuildKit name a rule declares opens that rule's page. */
import {describe, expect, it} from 'vitest';
import {rules} from '../../source/core/lint/rules/index.js';
import {runCli, runJson} from '../support/cli.js';

function codes(r: (typeof rules)[number]): string[] {
	const h = r.equivalents.hadolint;
	return [...(h === undefined ? [] : typeof h === 'string' ? [h] : h), ...(r.equivalents.buildkit ? [r.equivalents.buildkit] : [])];
}

describe('explain <hadolint code | BuildKit check name>', () => {
	const owners = new Map<string, string[]>();
	for (const r of rules) for (const c of codes(r)) owners.set(c, [...(owners.get(c) ?? []), r.slug]);

	it('resolves every declared equivalent to the pages of the rules that declare it (one process for all)', () => {
		expect(owners.size).toBeGreaterThan(70);
		const all = [...owners.keys()];
		const {code, doc} = runJson(['explain', ...all]);
		expect(code).toBe(0);
		const ids: string[] = doc.result.docs.map((d: {id: string}) => d.id);
		// one query after the other; the pages of a shared code come in the catalog's order
		expect(ids.length).toBe(all.reduce((n, c) => n + owners.get(c)!.length, 0));
		let at = 0;
		for (const c of all) {
			const n = owners.get(c)!.length;
			expect(ids.slice(at, at + n).sort(), c).toEqual([...owners.get(c)!].sort());
			at += n;
		}
	});

	it('is case-insensitive, and a code shared by several rules shows each of them', () => {
		const one = runJson(['explain', 'dl3008']);
		expect(one.doc.result.docs.map((d: {id: string}) => d.id)).toEqual(['apt-get-pin']);
		const shared = runJson(['explain', 'MultipleInstructionsDisallowed']);
		expect(shared.doc.result.docs.map((d: {id: string}) => d.id).sort()).toEqual(['multiple-cmd', 'multiple-entrypoint', 'multiple-healthcheck']);
	});

	it('the plain text names the rule page; an unknown code still exits 2', () => {
		const r = runCli(['explain', 'DL3057']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('missing-healthcheck');
		expect(runCli(['explain', 'DL9999']).code).toBe(2);
	});
});
