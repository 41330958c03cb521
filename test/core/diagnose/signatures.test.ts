import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/core/diagnose/diagnose.js';
import {RULES} from '../../../source/core/diagnose/rules/index.js';
import {signatureRule} from '../../../source/core/diagnose/signatures/engine.js';
import {FAMILIES, SIGNATURE_RULES} from '../../../source/core/diagnose/signatures/index.js';
import {caseFacts} from './case-facts.js';
import {variant} from './fixtures.js';

describe('signature families: each signature beside its own cases', () => {
	for (const family of FAMILIES) {
		describe(family.id, () => {
			for (const s of family.signatures) {
				const rule = signatureRule(s);
				it(`${s.id}: fires on its ${s.cases.fires.length} case(s) and is the top finding`, () => {
					expect(s.cases.fires.length).toBeGreaterThan(0);
					for (const c of s.cases.fires) {
						const facts = caseFacts(c);
						expect(rule.diagnose(facts), c.log.join('\n') || c.facts?.stateError).not.toBeNull();
						expect(diagnose(facts).findings[0]?.id, c.log.join('\n') || c.facts?.stateError).toBe(s.id);
					}
				});
				it(`${s.id}: stays silent on its ${s.cases.silent.length} near miss(es)`, () => {
					expect(s.cases.silent.length).toBeGreaterThan(0);
					for (const c of s.cases.silent) expect(rule.diagnose(caseFacts(c)), c.log.join('\n') || c.facts?.stateError).toBeNull();
				});
			}
		});
	}

	it('ids are unique across families and rules, kebab-case, and texts are filled', () => {
		const ids = RULES.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const family of FAMILIES) {
			expect(existsIn(family.id), family.id).toBe(true);
			for (const s of family.signatures) {
				expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
				expect(s.explanation.length, s.id).toBeGreaterThan(60);
				expect(s.fixes.length, s.id).toBeGreaterThan(0);
			}
		}
	});

	it('at least 150 distinct signatures and rules', () => expect(RULES.length).toBeGreaterThanOrEqual(150));
});

function existsIn(id: string): boolean {
	return readdirSync(path.resolve('source/core/diagnose/signatures')).includes(`${id}.ts`);
}

/** Healthy and benign logs of real programs (test/fixtures/diagnose/benign): no signature may fire on them. */
const BENIGN = path.resolve('test/fixtures/diagnose/benign');
const corpora = readdirSync(BENIGN).filter((f) => f.endsWith('.log'));

describe('no signature fires on healthy or benign logs', () => {
	it('has a corpus', () => expect(corpora.length).toBeGreaterThanOrEqual(10));
	for (const file of corpora) {
		const lines = readFileSync(path.join(BENIGN, file), 'utf8')
			.split('\n')
			.filter((l) => !l.startsWith('# ') && l !== '');
		it(file, () => {
			for (const running of [true, false]) {
				const facts = variant('healthy-running', (f) => {
					f.logs.lines = lines.map((text) => ({stream: 'stdout', time: null, text}));
					f.ports = [{containerPort: '8080/tcp', hostIp: '', hostPort: '8080'}];
					if (!running) Object.assign(f.state, {running: false, status: 'exited', exitCode: 0});
				});
				const fired = SIGNATURE_RULES.filter((r) => r.diagnose(facts) !== null).map((r) => r.id);
				expect(fired, `${file} (${running ? 'running' : 'exited 0'})`).toEqual([]);
				expect(
					diagnose(facts)
						.findings.filter((x) => x.severity === 'error')
						.map((x) => x.id),
					file,
				).toEqual([]);
			}
		});
	}
});
