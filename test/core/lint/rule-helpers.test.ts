import {describe, expect, test} from 'vitest';
import {parseDockerfile} from '../../../source/core/lint/parse.js';
import {
	firstOperand,
	hasCacheMount,
	isDynamic,
	isShipped,
	operandsOf,
	runCommands,
	stageChain,
	toolInvocation,
	variableRefs,
} from '../../../source/core/lint/rule-helpers.js';

const run = (src: string) => parseDockerfile(src).instructions.filter((i) => i.keyword === 'RUN');

describe('rule helpers', () => {
	test.each([
		['/var/cache/apt', ['/var/cache/apt/archives'], true],
		['/var/lib/apt/lists/', ['/var/lib/apt/lists'], true],
		['~/.cache/pip', ['/root/.cache/pip'], true],
		['/root/.npm', ['/root/.cache/pip'], false],
	])('cache mount %s satisfies %j: %s', (target, paths, want) => {
		const [r] = run(`FROM debian:12\nRUN --mount=type=cache,target=${target} true`);
		expect(hasCacheMount(r!, paths)).toBe(want);
	});

	test('a bind mount is not a cache', () => {
		const [r] = run('FROM debian:12\nRUN --mount=type=bind,target=/var/cache/apt true');
		expect(hasCacheMount(r!, ['/var/cache/apt'])).toBe(false);
	});

	test.each([
		['${PY_VER}', true],
		['$VERSION', true],
		['$(cat v)', true],
		['1.2.3', false],
		['a=b', false],
	])('isDynamic(%s) = %s', (v, want) => {
		expect(isDynamic(v)).toBe(want);
	});

	test('runCommands includes ONBUILD RUN', () => {
		const f = parseDockerfile('FROM debian:12\nRUN a\nONBUILD RUN b');
		expect(runCommands(f).map((c) => c.command.name)).toEqual(['a', 'b']);
	});

	test('toolInvocation normalises pip spellings', () => {
		const f = parseDockerfile('FROM python:3\nRUN python3 -m pip install x && pip3 install y && uv pip install z && python app.py');
		expect(runCommands(f).map((c) => toolInvocation(c.command))).toEqual([
			{tool: 'pip', args: ['install', 'x']},
			{tool: 'pip', args: ['install', 'y']},
			{tool: 'uv-pip', args: ['install', 'z']},
			undefined,
		]);
	});

	test('operandsOf skips the subcommand and values of value flags', () => {
		expect(operandsOf(['add', '--virtual', '.deps', '-t', 'x', 'gcc', '--no-cache', 'make'], new Set(['--virtual', '-t']))).toEqual(['gcc', 'make']);
	});

	test('firstOperand ignores options', () => {
		const f = parseDockerfile('FROM opensuse/leap:15\nRUN zypper -n install curl');
		expect(firstOperand(runCommands(f)[0]!.command)).toBe('install');
	});

	test('shipped stages follow FROM <stage> chains', () => {
		const f = parseDockerfile('FROM debian:12 AS base\nRUN a\nFROM golang:1 AS build\nRUN b\nFROM base\nRUN c');
		const runs = f.instructions.filter((i) => i.keyword === 'RUN');
		expect(runs.map((r) => isShipped(f, r))).toEqual([true, false, true]);
		expect(stageChain(f, f.stages[2]!).map((s) => s.index)).toEqual([2, 0]);
	});

	test('variableRefs sees defaults and skips escaped dollars', () => {
		expect(variableRefs('${A:-x} $B \\$C ${D}')).toEqual([
			{name: 'A', withDefault: true, index: 0},
			{name: 'B', withDefault: false, index: 8},
			{name: 'D', withDefault: false, index: 15},
		]);
	});
});
