/**
 * The module graph of source/, read from the files themselves: every static import and re-export
 * (type-only ones included: a type cycle is still a tangle), and dynamic import() calls separately.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

export const SOURCE = path.resolve(import.meta.dirname, '../../source');

export interface ModuleImports {
	readonly file: string;
	/** Resolved project files, relative to source/. */
	readonly local: readonly string[];
	readonly lazy: readonly string[];
	/** Package and node: specifiers. */
	readonly external: readonly string[];
}

function walk(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return walk(full);
		return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
	});
}

function resolveLocal(from: string, spec: string): string {
	const base = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
	for (const ext of ['.ts', '.tsx']) {
		try {
			readFileSync(base + ext);
			return path.relative(SOURCE, base + ext);
		} catch {
			// try the next extension
		}
	}
	return path.relative(SOURCE, base);
}

export function importGraph(): ModuleImports[] {
	return walk(SOURCE).map((full) => {
		const text = readFileSync(full, 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.replace(/^\s*\/\/.*$/gm, '');
		const statics = [...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2])!);
		const dynamics = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
		const local = (specs: string[]) => specs.filter((s) => s.startsWith('.')).map((s) => resolveLocal(full, s));
		return {
			file: path.relative(SOURCE, full),
			local: local(statics),
			lazy: local(dynamics),
			external: [...statics, ...dynamics].filter((s) => !s.startsWith('.')),
		};
	});
}

/** Strongly connected components with more than one module (or a module importing itself). */
export function cycles(graph: readonly ModuleImports[], edges: (m: ModuleImports) => readonly string[]): string[][] {
	const adj = new Map(graph.map((m) => [m.file, edges(m)]));
	let index = 0;
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const on = new Set<string>();
	const out: string[][] = [];
	const visit = (v: string) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		on.add(v);
		for (const w of adj.get(v) ?? []) {
			if (!adj.has(w)) continue;
			if (!idx.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
		}
		if (low.get(v) === idx.get(v)) {
			const scc: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				on.delete(w);
				scc.push(w);
			} while (w !== v);
			if (scc.length > 1 || (adj.get(v) ?? []).includes(v)) out.push(scc.sort());
		}
	};
	for (const v of adj.keys()) if (!idx.has(v)) visit(v);
	return out;
}
