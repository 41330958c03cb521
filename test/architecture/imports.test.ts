/**
 * The module graph has no circles, type-only and lazy imports included, and views depend only on
 * core/, output/ and ui/. (The layer rules for packages are ESLint's: eslint.config.js.)
 */
import {describe, expect, test} from 'vitest';
import {cycles, importGraph} from './import-graph.js';

const graph = importGraph();

describe('source/ import graph', () => {
	test('the graph is read (sanity: the reader finds the imports it must)', () => {
		const main = graph.find((m) => m.file === 'main.ts');
		expect(main?.local).toContain('commands/lookup.ts');
		expect(graph.find((m) => m.file === 'commands/lookup.ts')?.lazy).toContain('commands/index.ts');
		expect(graph.find((m) => m.file === 'commands/lint.ts')?.lazy).toContain('commands/lint-run.ts');
		expect(graph.length).toBeGreaterThan(100);
	});

	test('the cycle finder finds a cycle (it can fail)', () => {
		const fake = [
			{file: 'a.ts', local: ['b.ts'], lazy: [], external: []},
			{file: 'b.ts', local: [], lazy: ['a.ts'], external: []},
		];
		expect(cycles(fake, (m) => m.local)).toEqual([]);
		expect(cycles(fake, (m) => [...m.local, ...m.lazy])).toEqual([['a.ts', 'b.ts']]);
	});

	test('zero import circles, counting type-only and lazy imports', () => {
		expect(cycles(graph, (m) => [...m.local, ...m.lazy])).toEqual([]);
	});

	test('views import only core/, output/ and ui/', () => {
		const offending = graph
			.filter((m) => m.file.startsWith('ui/views/'))
			.flatMap((m) => [...m.local, ...m.lazy].filter((to) => !/^(core|output|ui)\//.test(to)).map((to) => `${m.file} -> ${to}`));
		expect(offending).toEqual([]);
	});
});
