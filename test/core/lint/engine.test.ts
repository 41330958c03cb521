import {describe, expect, test} from 'vitest';
import {lintSource} from '../../../source/core/lint/engine.js';
import {mergeConfigs, readConfig, fails} from '../../../source/core/lint/config.js';
import {defineRule, type Rule} from '../../../source/core/lint/types.js';

/** A test rule: one finding per RUN line. */
const everyRun: Rule = defineRule({
	id: 'DH9901',
	slug: 'every-run',
	severity: 'warning',
	description: 'test rule',
	equivalents: {hadolint: 'DL9901', buildkit: 'EveryRun'},
	message: () => 'a RUN',
	check: (ctx) => ctx.file.byKeyword('RUN').map((i) => ({line: i.line, message: 'a RUN'})),
});
const other: Rule = defineRule({
	...everyRun,
	id: 'DH9902',
	slug: 'other',
	equivalents: {},
	check: (ctx) => ctx.file.byKeyword('RUN').map((i) => ({line: i.line, message: 'other'})),
});
const crashes: Rule = defineRule({
	...everyRun,
	id: 'DH9903',
	slug: 'crashes',
	check: () => {
		throw new Error('boom');
	},
});

const lines = (src: string, config?: Parameters<typeof lintSource>[2]['config']) =>
	lintSource(src, 'Dockerfile', {rules: [everyRun, other], config}).findings.map((f) => `${f.line}:${f.id}:${f.severity}`);

describe('suppressions', () => {
	test('line-before pragma with reason, several ids, only the next instruction', () => {
		const src = 'FROM a\n# docker-helper ignore=DH9901,other -- vendored script\nRUN x \\\n  && y\nRUN z\n';
		expect(lines(src)).toEqual(['5:DH9901:warning', '5:DH9902:warning']);
		const r = lintSource(src, 'Dockerfile', {rules: [everyRun, other]});
		expect(r.suppressed).toBe(2);
		expect(r.suppressions[0]).toMatchObject({scope: 'line', codes: ['DH9901', 'other'], reason: 'vendored script', used: 2});
	});
	test('slug and hadolint code through equivalents; hadolint global', () => {
		expect(lines('FROM a\n# hadolint ignore=DL9901\nRUN x\n')).toEqual(['3:DH9902:warning']);
		expect(lines('FROM a\n# docker-helper ignore=every-run\nRUN x\n')).toEqual(['3:DH9902:warning']);
		expect(lines('FROM a\n#hadolint ignore=DL9901, DH9902 because legacy\nRUN x\n')).toEqual([]);
		expect(lines('# hadolint global ignore=DL9901\nFROM a\nRUN x\nRUN y\n')).toEqual(['3:DH9902:warning', '4:DH9902:warning']);
	});
	test('file-wide and stage-wide', () => {
		expect(lines('FROM a\nRUN x\n# docker-helper ignore-file=DH9901 -- legacy\nRUN y\n')).toEqual(['2:DH9902:warning', '4:DH9902:warning']);
		const src = 'FROM a AS build\n# docker-helper ignore-stage=DH9901 -- build stage only\nRUN x\nRUN y\nFROM b\nRUN z\n';
		expect(lines(src)).toEqual(['3:DH9902:warning', '4:DH9902:warning', '6:DH9901:warning', '6:DH9902:warning']);
	});
	test('BuildKit # check=skip= by BuildKit name', () => {
		expect(lines('# check=skip=EveryRun\nFROM a\nRUN x\n')).toEqual(['3:DH9902:warning']);
		expect(lines('# check=skip=all\nFROM a\nRUN x\n')).toEqual(['3:DH9902:warning']);
	});
	test('hadolint stage ignore: above a FROM that whole stage, mid-stage the rest of it; the next FROM ends it', () => {
		const src = 'FROM a AS build\nRUN w\n# hadolint stage ignore=DL9901\nFROM b AS app\nRUN x\nRUN y\nFROM c\nRUN z\n';
		expect(lines(src)).toEqual(['2:DH9901:warning', '2:DH9902:warning', '5:DH9902:warning', '6:DH9902:warning', '8:DH9901:warning', '8:DH9902:warning']);
		const mid = 'FROM a\nRUN w\n# hadolint stage ignore=DL9901 # vendored\nRUN x\nFROM c\nRUN z\n';
		expect(lines(mid)).toEqual(['2:DH9901:warning', '2:DH9902:warning', '4:DH9902:warning', '6:DH9901:warning', '6:DH9902:warning']);
		const r = lintSource(mid, 'Dockerfile', {rules: [everyRun, other]});
		expect(r.suppressions[0]).toMatchObject({scope: 'stage', source: 'hadolint', reason: 'vendored', used: 1});
	});
	test('# check=skip= as a comment above one instruction silences that instruction only', () => {
		const src = 'FROM a\n# check=skip=EveryRun\nRUN x\nRUN y\n';
		expect(lines(src)).toEqual(['3:DH9902:warning', '4:DH9901:warning', '4:DH9902:warning']);
		// a hadolint code is not a BuildKit name
		expect(lines('FROM a\n# check=skip=DL9901\nRUN x\n')).toEqual(['3:DH9901:warning', '3:DH9902:warning']);
	});
	test('a pragma for another rule suppresses nothing', () => {
		expect(lines('FROM a\n# docker-helper ignore=DH1234\nRUN x\n')).toEqual(['3:DH9901:warning', '3:DH9902:warning']);
	});
});

describe('config', () => {
	test('.hadolint.yaml: ignored, override, trustedRegistries, failure-threshold', () => {
		const c = readConfig(
			{ignored: ['DL9901'], override: {error: ['other']}, trustedRegistries: ['my.registry'], 'failure-threshold': 'warning'},
			'.hadolint.yaml',
			'hadolint',
		);
		expect(c.problems).toEqual([]);
		expect(lines('FROM a\nRUN x\n', c)).toEqual(['2:DH9902:error']);
		expect(c.trustedRegistries).toEqual(['my.registry']);
		expect(c.failureThreshold).toBe('warning');
	});
	test('.docker-helper.yaml lint section wins over .hadolint.yaml; off disables', () => {
		const h = readConfig({override: {error: ['DH9902']}}, '.hadolint.yaml', 'hadolint');
		const d = readConfig({lint: {severity: {other: 'style', 'every-run': 'off'}, 'failure-threshold': 'error'}}, '.docker-helper.yaml', 'docker-helper');
		const c = mergeConfigs(h, d);
		expect(lines('FROM a\nRUN x\n', c)).toEqual(['2:DH9902:style']);
		expect(c.failureThreshold).toBe('error');
		expect(c.sources).toEqual(['.hadolint.yaml', '.docker-helper.yaml']);
	});
	test('bad values are reported, never fatal', () => {
		const c = readConfig({override: {fatal: ['x']}, 'failure-threshold': 'loud', bogus: 1}, '.hadolint.yaml', 'hadolint');
		expect(c.problems).toHaveLength(3);
	});
	test('thresholds', () => {
		expect(fails('warning', 'warning')).toBe(true);
		expect(fails('info', 'warning')).toBe(false);
		expect(fails('error', 'none')).toBe(false);
		expect(fails('style', 'style')).toBe(true);
	});
});

test('a rule that throws is reported as a crash, the others still run', () => {
	const r = lintSource('FROM a\nRUN x\n', 'Dockerfile', {rules: [crashes, other]});
	expect(r.crashes).toEqual([{rule: 'DH9903', message: 'boom'}]);
	expect(r.findings.map((f) => f.id)).toEqual(['DH9902']);
});
