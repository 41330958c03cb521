/**
 * Generated worst cases of a few MB, each one a shape that used to make lint super-linear
 * (a rule rescanning its stage per RUN, a heredoc body located line by line for each word, the
 * variable map copied per instruction, comments matched against every stage, CRLF). Each test
 * asserts the output is right; how long they take is measured in bench/lint-scale.mjs, never here.
 */
import {describe, expect, test} from 'vitest';
import {lintSource} from '../../../source/core/lint/engine.js';
import {parseDockerfile} from '../../../source/core/lint/parse.js';
import {rules} from '../../../source/core/lint/rules/index.js';

const lint = (src: string) => lintSource(src, 'Dockerfile', {rules});
const bySlug = (findings: ReadonlyArray<{slug: string; line: number}>, slug: string) => findings.filter((f) => f.slug === slug).map((f) => f.line);

describe('lint stays right on inputs of a few MB', () => {
	test('40k RUN lines then one USER: pip --user is judged once per RUN, at the right line', () => {
		const n = 40_000;
		const body = Array.from({length: n}, (_, i) => (i === n - 7 ? 'RUN pip install --user --no-cache-dir flask==3.0.0' : `RUN echo step-${i}`));
		const src = `FROM python:3.12-slim\n${body.join('\n')}\nUSER app\nCMD ["python", "-m", "app"]\n`;
		expect(src.length).toBeGreaterThan(500_000);
		const r = lint(src);
		expect(r.crashes).toEqual([]);
		expect(r.model.instructions).toHaveLength(n + 3);
		expect(bySlug(r.findings, 'pip-user')).toEqual([n - 7 + 2]);
	});

	test('an 80k-line heredoc: every command is split, with its own line', () => {
		const n = 80_000;
		const lines = Array.from({length: n}, (_, i) => (i % 10_000 === 5 ? 'apt-get install curl' : `echo line ${i} "$HOME" > /dev/null`));
		const src = `FROM debian:12\nRUN <<EOF\n${lines.join('\n')}\nEOF\nUSER 1000\n`;
		const r = lint(src);
		expect(r.crashes).toEqual([]);
		const run = r.model.byKeyword('RUN')[0]!;
		expect(run.shell!.commands).toHaveLength(n);
		expect(run.shell!.commands[n - 1]!.line).toBe(n + 2);
		expect(bySlug(r.findings, 'apt-get-yes')).toEqual(Array.from({length: 8}, (_, k) => k * 10_000 + 5 + 3));
	});

	test('a 3 MB file of every kind of instruction, and its CRLF copy: the same findings at the same lines', () => {
		const unit = (i: number) =>
			[
				`# step ${i}`,
				`ENV V${i}=${i} PATH=$PATH:/opt/v${i}/bin`,
				`ARG A${i}=1`,
				`RUN apt-get install -y curl && cd /tmp && wget http://example.com/${i}.tgz`,
				`COPY a${i} /srv/b${i}/`,
				`LABEL k${i}=v${i}`,
				`EXPOSE ${1000 + (i % 60000)}`,
				`LABEL u${i}=$v${i}`,
				i % 100 === 99 ? `FROM debian:12 AS s${i}` : `WORKDIR /w${i}`,
			].join('\n');
		const n = 13_500;
		const lf = `FROM debian:12 AS s0\n${Array.from({length: n}, (_, i) => unit(i)).join('\n')}\nUSER app\n`;
		expect(lf.length).toBeGreaterThan(3_000_000);
		const a = lint(lf);
		expect(a.crashes).toEqual([]);
		expect(a.model.instructions).toHaveLength(1 + n * 8 + 1);
		expect(a.model.stages).toHaveLength(1 + Math.floor(n / 100));
		// one misspelt variable per unit ($v1 for $V1), and scopes still see every earlier ENV of the stage
		expect(bySlug(a.findings, 'undefined-var')).toHaveLength(n);
		const lastEnv = a.model.byKeyword('ENV').at(-1)!;
		expect(lastEnv.scope.get('V' + (n - 2))).toBe(String(n - 2));
		expect(bySlug(a.findings, 'apt-get-no-install-recommends')).toHaveLength(n);
		const crlf = lint(lf.replace(/\n/g, '\r\n'));
		expect(crlf.findings.map((f) => [f.line, f.id])).toEqual(a.findings.map((f) => [f.line, f.id]));
	});

	test('20k comments between 20k ENVs, with a pragma at the end that still applies', () => {
		const n = 20_000;
		const parts = Array.from({length: n}, (_, i) => `# note ${i}\nENV K${i}=${i}`);
		const src = `FROM debian:12\n${parts.join('\n')}\n# hadolint ignore=DL3008\nRUN apt-get install -y --no-install-recommends curl\nRUN apt-get install -y --no-install-recommends wget\n`;
		const model = parseDockerfile(src);
		expect(model.comments).toHaveLength(n + 1);
		expect(model.byKeyword('RUN')[1]!.scope.get('K0')).toBe('0');
		const r = lint(src);
		expect(bySlug(r.findings, 'apt-get-pin')).toEqual([2 * n + 4]);
		expect(r.suppressed).toBe(1);
	});
});
