/**
 * The whole real-world corpus lints with no crash, no rule failure and no parse error
 * (every corpus file is a valid Dockerfile). Counts per rule go to bench/RESULTS.md (bench/lint.mjs).
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {lintSource} from '../../../source/core/lint/engine.js';
import {rules} from '../../../source/core/lint/rules/index.js';
import {corpusDir} from '../../support/corpus.js';

const dir = corpusDir();

describe.skipIf(!dir && !process.env.CI)('lint over the corpus', () => {
	test('every file lints without a crash or a parse error', () => {
		expect(dir, 'corpus not found beside the repo (../shared/corpus)').toBeDefined();
		const files = readdirSync(dir!)
			.filter((f) => !f.startsWith('.'))
			.sort();
		expect(files.length).toBeGreaterThan(500);
		const problems: string[] = [];
		for (const f of files) {
			const source = readFileSync(path.join(dir!, f), 'utf8');
			let r;
			try {
				r = lintSource(source, f, {rules});
			} catch (error) {
				problems.push(`${f}: crashed: ${(error as Error).stack}`);
				continue;
			}
			for (const c of r.crashes) problems.push(`${f}: rule ${c.rule} threw: ${c.message}`);
			for (const p of r.findings.filter((x) => x.id === 'DH0000')) problems.push(`${f}:${p.line}: parse error: ${p.message}`);
		}
		expect(problems).toEqual([]);
	});

	test('CRLF copies of every file give the same findings at the same places', () => {
		const files = readdirSync(dir!)
			.filter((f) => !f.startsWith('.'))
			.sort();
		const diffs: string[] = [];
		const key = (x: {id: string; line: number; column?: number}) => `${x.id}@${x.line}:${x.column ?? ''}`;
		for (const f of files) {
			const source = readFileSync(path.join(dir!, f), 'utf8').replace(/\r\n/g, '\n');
			const lf = lintSource(source, f, {rules}).findings.map(key);
			const crlf = lintSource(source.replace(/\n/g, '\r\n'), f, {rules}).findings.map(key);
			if (lf.join() !== crlf.join()) diffs.push(`${f}: ${lf.filter((x) => !crlf.includes(x)).join(' ')} | ${crlf.filter((x) => !lf.includes(x)).join(' ')}`);
		}
		expect(diffs).toEqual([]);
	});
});
