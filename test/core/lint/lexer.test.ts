/**
 * The lexer against dockerfile-ast (a dev dependency kept for this test) on every corpus file:
 * instruction ranges, keywords, flags, argument words, heredocs and directives must be equal,
 * except where BuildKit's parser decides otherwise (each such difference has a case below and a
 * line in source/core/lint/README.md).
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {DockerfileParser} from 'dockerfile-ast';
import {describe, expect, test} from 'vitest';
import {lexDockerfile, positionAt} from '../../../source/core/lint/lexer.js';
import {parseDockerfile} from '../../../source/core/lint/parse.js';
import {corpusDir} from '../../support/corpus.js';

const dir = corpusDir();

/** dockerfile-ast removes every backslash from argument values (even `\\` and under `# escape=\``); compare without them. */
const noEscapes = (v: string) => v.replace(/[\\`]/g, '');
const unquote = (v: string | null) => (v !== null && v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0]!) ? v.slice(1, -1) : v);
/** BuildKit (not dockerfile-ast): a line ending in an escaped escape character (`foo\\`) does not continue. */
const escapedEscapeAtEnd = (src: string) => /(^|[^\\])\\\\[ \t]*\r?$/m.test(src);

describe.skipIf(!dir && !process.env.CI)('lexer = dockerfile-ast on the corpus', () => {
	test('ranges, keywords, flags, words, heredocs, directives', () => {
		expect(dir, 'corpus not found beside the repo (../shared/corpus)').toBeDefined();
		const files = readdirSync(dir!)
			.filter((f) => !f.startsWith('.'))
			.sort();
		expect(files.length).toBeGreaterThan(500);
		const differences: string[] = [];
		let compared = 0;
		for (const f of files) {
			const src = readFileSync(path.join(dir!, f), 'utf8');
			const ast = DockerfileParser.parse(src);
			const lexed = lexDockerfile(src);
			const model = parseDockerfile(src, f);
			// directives: BuildKit's form only (dockerfile-ast also takes `# vim: set ft=dockerfile` for one)
			const astDirectives = ast
				.getDirectives()
				.filter((d) => /^[a-z][a-z0-9_]*$/i.test(d.getName()))
				.map((d) => [d.getName().toLowerCase(), d.getValue()]);
			if (JSON.stringify(astDirectives) !== JSON.stringify(lexed.directives.map((d) => [d.name, d.value]))) differences.push(`${f}: directives`);
			if (escapedEscapeAtEnd(src)) continue;
			const theirs = ast.getInstructions();
			const ours = lexed.instructions;
			if (theirs.length !== ours.length) {
				differences.push(`${f}: ${theirs.length} instructions vs ${ours.length}`);
				continue;
			}
			for (let i = 0; i < theirs.length; i++) {
				compared++;
				const a = theirs[i]!;
				const b = ours[i]!;
				const where = `${f}:${b.line}`;
				const range = a.getRange();
				// dockerfile-ast runs a continuation that reaches the end of the file into the trailing blank lines
				let end = range.end.line + 1;
				while (end > b.endLine && (lexed.lines[end - 1] ?? '').trim() === '') end--;
				if (range.start.line + 1 !== b.line || a.getInstructionRange().start.character + 1 !== b.column || end !== b.endLine)
					differences.push(`${where}: range ${range.start.line + 1}-${end} vs ${b.line}-${b.endLine}`);
				if (a.getKeyword().toUpperCase() !== b.keyword.toUpperCase()) differences.push(`${where}: keyword ${a.getKeyword()} vs ${b.keyword}`);
				const ins = model.instructions.find((x) => x.line === b.line);
				if (!ins) continue; // an unknown keyword: a DH0000 problem, not an instruction
				const flagged = a as unknown as {getFlags?: () => Array<{getName(): string; getValue(): string | null}>};
				if (flagged.getFlags) {
					// BuildKit unquotes flag values (--chown="a:b" is a:b); dockerfile-ast keeps the quotes
					const fa = flagged.getFlags().map((x) => [x.getName().toLowerCase(), unquote(x.getValue())]);
					const fb = ins.flags.map((x) => [x.name, x.value]);
					if (JSON.stringify(fa) !== JSON.stringify(fb)) differences.push(`${where}: flags ${JSON.stringify(fa)} vs ${JSON.stringify(fb)}`);
				}
				// dockerfile-ast counts heredoc body words as arguments; ours are the instruction line's words
				const wa = a
					.getArguments()
					.filter((x) => x.getRange().start.line + 1 <= b.lastLine)
					.map((x) => noEscapes(x.getValue()));
				const wb = ins.words.map((w) => noEscapes(w.value));
				if (JSON.stringify(wa) !== JSON.stringify(wb))
					differences.push(`${where}: words ${JSON.stringify(wa).slice(0, 120)} vs ${JSON.stringify(wb).slice(0, 120)}`);
				const withHeredocs = a as unknown as {getHeredocs?: () => Array<{getName(): string; getDelimiterRange(): {start: {line: number}} | null}>};
				if (withHeredocs.getHeredocs) {
					const ha = withHeredocs.getHeredocs().map((h) => [h.getName(), (h.getDelimiterRange()?.start.line ?? -2) + 1]);
					const hb = b.heredocs.map((h) => [h.name, h.closed ? h.endLine : -1]);
					if (JSON.stringify(ha) !== JSON.stringify(hb)) differences.push(`${where}: heredocs ${JSON.stringify(ha)} vs ${JSON.stringify(hb)}`);
				}
			}
		}
		expect(differences).toEqual([]);
		expect(compared).toBeGreaterThan(8000);
	});
});

describe('lexer: BuildKit semantics', () => {
	const lines = (src: string) => lexDockerfile(src).instructions.map((i) => [i.keyword, i.line, i.lastLine, i.endLine]);

	test('continuations join without a space (as BuildKit and the shell do), skipping comment and blank lines', () => {
		const l = lexDockerfile('FROM a\nRUN echo light\\\nning \\\n  # note\n\n  && true\n');
		expect(l.instructions[1]!.text).toBe('RUN echo lightning   && true');
		expect(l.comments).toEqual([{line: 4, text: 'note', inContinuation: true}]);
		const run = parseDockerfile('FROM a\nRUN echo light\\\nning \\\n  # note\n\n  && true\n').byKeyword('RUN')[0]!;
		expect(run.words.map((w) => [w.value, w.line, w.column])).toEqual([
			['echo', 2, 5],
			['lightning', 2, 10],
			['&&', 6, 3],
			['true', 6, 6],
		]);
		expect([run.line, run.endLine]).toEqual([2, 6]);
	});

	test('a line ending in an escaped escape character does not continue', () => {
		expect(lines('FROM a\nENV C trailing\\\\\nENV D x\n')).toEqual([
			['FROM', 1, 1, 1],
			['ENV', 2, 2, 2],
			['ENV', 3, 3, 3],
		]);
		expect(lines('# escape=`\nFROM a\nRUN dir C:\\ `\n  /b\nRUN x ``\nRUN y\n')).toEqual([
			['FROM', 2, 2, 2],
			['RUN', 3, 4, 4],
			['RUN', 5, 5, 5],
			['RUN', 6, 6, 6],
		]);
	});

	test('heredocs: words that start with <<, optional fd, <<- per heredoc, exact delimiter, ONBUILD trigger', () => {
		const l = lexDockerfile(
			'FROM a\nRUN 3<<A cat /dev/fd/3 && <<-"B" sh\nx\nA\n\ty\n\tB\nRUN cat<<EOF\nRUN echo <<<notheredoc\nONBUILD RUN <<EOF\necho hi\nEOF\nRUN <<EOF\nEOF \nEOF\n',
		);
		expect(l.instructions.map((i) => [i.keyword, i.line, i.endLine, i.heredocs.map((h) => [h.name, h.line, h.endLine, h.stripTabs, h.quoted])])).toEqual([
			['FROM', 1, 1, []],
			[
				'RUN',
				2,
				6,
				[
					['A', 3, 4, false, false],
					['B', 5, 6, true, true],
				],
			],
			['RUN', 7, 7, []], // `cat<<EOF` is one word that does not start with <<
			['RUN', 8, 8, []],
			['ONBUILD', 9, 11, [['EOF', 10, 11, false, false]]],
			['RUN', 12, 14, [['EOF', 13, 14, false, false]]], // `EOF ` (trailing space) is not the delimiter
		]);
	});

	test('an unclosed heredoc runs to the end of the file and is a parse problem', () => {
		const l = lexDockerfile('FROM a\nRUN <<EOF\necho\n');
		expect(l.instructions[1]!.heredocs[0]).toMatchObject({closed: false, line: 3, endLine: 4});
		expect(parseDockerfile('FROM a\nRUN <<EOF\necho\n').problems.map((p) => p.line)).toEqual([2]);
	});

	test('CRLF, lone CR and a BOM give the same lines', () => {
		const lf = lines('FROM a\nRUN a \\\n  b\nUSER x\n');
		expect(lines('\uFEFFFROM a\r\nRUN a \\\r\n  b\r\nUSER x\r\n')).toEqual(lf);
		expect(lines('FROM a\rRUN a \\\r  b\rUSER x\r')).toEqual(lf);
	});

	test('directives stop at the first line that is not one; escape must be \\ or `', () => {
		const l = lexDockerfile('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\n\n# escape=\\\nFROM a\n');
		expect(l.directives.map((d) => [d.name, d.value, d.line])).toEqual([
			['syntax', 'docker/dockerfile:1', 1],
			['escape', '`', 2],
			['check', 'skip=all', 3],
		]);
		expect(l.escape).toBe('`');
		expect(l.comments.map((c) => c.line)).toEqual([5]);
		expect(lexDockerfile('# escape=x\nFROM a\n').badEscape?.value).toBe('x');
	});

	test('positions: binary search over segments maps every offset to its source line and column', () => {
		const l = lexDockerfile('FROM a\n  RUN one \\\n\n # c\n     two\\\n\\\nthree\n');
		const run = l.instructions[1]!;
		expect(run.text).toBe('RUN one      twothree');
		expect(positionAt(run, 0)).toEqual([2, 3]);
		expect(positionAt(run, run.text.indexOf('two'))).toEqual([5, 6]);
		expect(positionAt(run, run.text.indexOf('three'))).toEqual([7, 1]);
	});
});
