import {describe, expect, test} from 'vitest';
import {parseDockerfile} from '../../../source/core/lint/parse.js';
import {lintSource} from '../../../source/core/lint/engine.js';

const kw = (src: string) => parseDockerfile(src).instructions.map((i) => [i.keyword, i.line, i.endLine]);

describe('parseDockerfile', () => {
	test('directives, stages, names, final stage', () => {
		const m = parseDockerfile('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM node:20 AS Build\nRUN npm ci\nFROM build\nCMD ["node"]\n');
		expect(m.directives.map((d) => [d.name, d.value, d.line])).toEqual([
			['syntax', 'docker/dockerfile:1', 1],
			['check', 'skip=JSONArgsRecommended', 2],
		]);
		expect(m.stages.map((s) => [s.index, s.name, s.nameOriginal, s.line, s.endLine, s.final, s.base.stageIndex])).toEqual([
			[0, 'build', 'Build', 3, 4, false, undefined],
			[1, undefined, undefined, 5, 6, true, 0],
		]);
		expect(m.stages[0]!.base).toMatchObject({registry: 'docker.io', repository: 'node', tag: '20'});
		expect(m.problems).toEqual([]);
	});

	test('image references: registry, port, digest, library/', () => {
		const m = parseDockerfile('FROM localhost:5000/team/app:1.2@sha256:abc\nFROM docker.io/library/alpine\nFROM scratch\n');
		expect(m.stages.map((s) => [s.base.registry, s.base.repository, s.base.tag, s.base.digest, s.base.scratch])).toEqual([
			['localhost:5000', 'team/app', '1.2', 'sha256:abc', false],
			['docker.io', 'alpine', undefined, undefined, false],
			['docker.io', 'scratch', undefined, undefined, true],
		]);
	});

	test('continuations with comment and blank lines, exact command lines', () => {
		const m = parseDockerfile(
			'FROM debian\nRUN apt-get update \\\n  # install things\n\n  && apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/*\nUSER app\n',
		);
		const run = m.byKeyword('RUN')[0]!;
		expect([run.line, run.endLine]).toEqual([2, 6]);
		expect(run.shell!.commands.map((c) => [c.name, c.subcommand, c.line, c.column])).toEqual([
			['apt-get', 'update', 2, 5],
			['apt-get', 'install', 5, 6],
			['rm', '/var/lib/apt/lists/*', 6, 6],
		]);
		expect(m.comments).toEqual([{line: 3, text: 'install things', inContinuation: true}]);
		expect(m.byKeyword('USER')[0]!.line).toBe(7);
	});

	test('CRLF gives the same model as LF', () => {
		const lf = 'FROM a\nRUN echo 1 \\\n  # c\n  && echo 2\nCMD ["x"]\n';
		const a = parseDockerfile(lf);
		const b = parseDockerfile(lf.replace(/\n/g, '\r\n'));
		expect(kw(lf)).toEqual([
			['FROM', 1, 1],
			['RUN', 2, 4],
			['CMD', 5, 5],
		]);
		expect(b.instructions.map((i) => [i.keyword, i.line, i.endLine, i.args])).toEqual(a.instructions.map((i) => [i.keyword, i.line, i.endLine, i.args]));
		expect(b.byKeyword('RUN')[0]!.shell!.commands.map((c) => c.line)).toEqual([2, 4]);
		expect(b.byKeyword('CMD')[0]!.json).toEqual(['x']);
	});

	test('escape directive: backtick continuations, backslashes are literal', () => {
		const m = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore\nCOPY app C:\\app\\\nRUN echo 1 `\n  && echo 2\n');
		expect(m.escape).toBe('`');
		expect(kw('# escape=`\nFROM x\nCOPY app C:\\app\\\nRUN echo 1 `\n  && echo 2\n')).toEqual([
			['FROM', 2, 2],
			['COPY', 3, 3],
			['RUN', 4, 5],
		]);
		expect(m.byKeyword('COPY')[0]!.words.map((w) => w.value)).toEqual(['app', 'C:\\app\\']);
	});

	test('heredocs: RUN script with real lines, several heredocs, COPY heredoc, <<- and quoted', () => {
		const src =
			'FROM alpine\nRUN <<EOF\nset -e\napk add curl\nEOF\nRUN <<A cat > /a && <<-"B" cat > /b\nalpha\nA\n\tbeta $X\n\tB\nCOPY <<EOF /etc/motd\nhello\nEOF\nUSER 1000\n';
		const m = parseDockerfile(src);
		expect(m.problems).toEqual([]);
		const [r1, r2] = m.byKeyword('RUN');
		expect(r1!.heredocs.map((h) => [h.name, h.body, h.line, h.endLine])).toEqual([['EOF', 'set -e\napk add curl', 3, 5]]);
		expect(r1!.shell!.commands.map((c) => [c.name, c.line])).toEqual([
			['set', 3],
			['apk', 4],
		]);
		expect(r2!.heredocs.map((h) => [h.name, h.body, h.stripTabs, h.quoted])).toEqual([
			['A', 'alpha', false, false],
			['B', 'beta $X', true, true],
		]);
		expect(r2!.shell!.commands.map((c) => c.name)).toEqual(['cat', 'cat']); // bodies fed to cat are not shell
		expect(m.byKeyword('COPY')[0]!.heredocs[0]!.body).toBe('hello');
		expect(m.byKeyword('USER')[0]!.line).toBe(14);
		const py = parseDockerfile('FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nimport os | 1\nEOF\nRUN <<EOF\n#!/bin/bash\nset -e\nEOF\n');
		expect(py.byKeyword('RUN').map((r) => r.shell!.commands.map((c) => c.name))).toEqual([[], ['set']]);
	});

	test('JSON and shell forms, RUN flags and mounts', () => {
		const m = parseDockerfile(
			'FROM a\nRUN --mount=type=cache,target=/root/.cache/pip,sharing=locked --network=none pip install x\nCMD ["a", "b"]\nENTRYPOINT [\'bad\']\nRUN ["/bin/sh", "-c", "apt-get install -y x"]\n',
		);
		const [r1, r2] = m.byKeyword('RUN');
		expect(r1!.flags.map((f) => [f.name, f.value, f.line, f.column])).toEqual([
			['mount', 'type=cache,target=/root/.cache/pip,sharing=locked', 2, 5],
			['network', 'none', 2, 63],
		]);
		expect(r1!.mounts).toEqual([{type: 'cache', target: '/root/.cache/pip', options: {type: 'cache', target: '/root/.cache/pip', sharing: 'locked'}, line: 2}]);
		expect(r1!.args).toBe('pip install x');
		expect(m.byKeyword('CMD')[0]!.form).toBe('json');
		expect(m.byKeyword('ENTRYPOINT')[0]!.form).toBe('shell');
		expect(r2!.shell!.commands.map((c) => [c.name, c.subcommand, c.flags])).toEqual([['apt-get', 'install', ['-y']]]);
	});

	test('ONBUILD trigger is an instruction of its own', () => {
		const m = parseDockerfile('FROM a\nONBUILD RUN apt-get install -y x\nONBUILD COPY . /app\n');
		const [o1, o2] = m.byKeyword('ONBUILD');
		expect(o1!.onbuild!.keyword).toBe('RUN');
		expect(o1!.onbuild!.shell!.commands[0]).toMatchObject({name: 'apt-get', line: 2, column: 13});
		expect(o2!.onbuild!.keyword).toBe('COPY');
		expect(m.byKeyword('RUN')).toEqual([]);
	});

	test('ARG and ENV scoping across stages', () => {
		const m = parseDockerfile(
			'ARG VERSION=3.19\nARG UNSET\nFROM alpine:${VERSION} AS a\nRUN echo $VERSION\nARG VERSION\nENV APP=/srv/${VERSION}\nRUN echo $VERSION $APP\nFROM a\nRUN echo $APP\nFROM alpine\nRUN echo $APP\n',
		);
		expect(m.stages[0]!.base.expanded).toBe('alpine:3.19');
		const runs = m.byKeyword('RUN');
		expect(runs[0]!.scope.has('VERSION')).toBe(false); // a global ARG is not visible until re-declared
		expect(runs[1]!.scope.expand('$VERSION $APP').value).toBe('3.19 /srv/3.19');
		expect(runs[2]!.scope.expand('$APP').value).toBe('/srv/3.19'); // ENV inherited through FROM a
		expect(runs[3]!.scope.expand('$APP')).toEqual({value: '', unresolved: ['APP']});
		expect(parseDockerfile('ARG TAG\nFROM alpine:$TAG').stages[0]!.base.unresolved).toEqual(['TAG']);
		expect(parseDockerfile('FROM alpine:${TAG:-3}').stages[0]!.base.expanded).toBe('alpine:3');
	});

	test('SHELL with -o pipefail applies to later RUNs of the stage', () => {
		const m = parseDockerfile('FROM debian\nRUN a | b\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n');
		expect(m.byKeyword('RUN').map((r) => r.shell!.pipefail)).toEqual([false, true]);
	});

	test('problems are findings with the reserved ids, never a crash', () => {
		const bad = lintSource('FROM alpine\nRUNN echo hi\nRUN <<EOF\necho never closed\n', 'Dockerfile', {rules: []});
		expect(bad.findings.map((f) => [f.id, f.slug, f.line])).toEqual([
			['DH0000', 'parse-error', 2],
			['DH0000', 'parse-error', 3],
		]);
		expect(bad.findings[0]!.message).toContain('unknown instruction: RUNN');
		const structure = lintSource('CMD ["x"]\n', 'Dockerfile', {rules: []});
		expect(structure.findings.map((f) => f.id)).toContain('DH0001');
		expect(lintSource('', 'Dockerfile', {rules: []}).findings.map((f) => [f.id, f.line])).toEqual([['DH0001', 1]]);
		expect(() => lintSource('\u0000\uFFFF[[[\\\n', 'x', {rules: []})).not.toThrow();
	});
});
