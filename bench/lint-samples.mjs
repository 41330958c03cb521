#!/usr/bin/env node
/**
 * False-positive review helper: print sample findings of one rule over the corpus with the source
 * lines they point at, spread across the corpus.  Usage: node bench/lint-samples.mjs <slug> [count]
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {bundleLintCore} from './support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = [path.resolve(root, '..', 'shared', 'corpus', 'dockerfiles'), '/work/shared/corpus/dockerfiles'].find((d) => existsSync(d));
const want = process.argv[2];
const n = Number(process.argv[3] ?? 15);
if (!dir || !want) {
	console.error('usage: node bench/lint-samples.mjs <rule slug> [count]   (needs ../shared/corpus)');
	process.exit(2);
}
const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'dh-samples-')), 'lint.mjs');
await bundleLintCore(out);
const {lintSource, rules} = await import(pathToFileURL(out).href);
const names = readdirSync(dir).sort();
let shown = 0;
for (let k = 0; k < names.length && shown < n; k++) {
	const name = names[(k * 37) % names.length]; // 37 is coprime with the corpus size: visits every file
	const src = readFileSync(path.join(dir, name), 'utf8');
	const lines = src.split(/\r?\n/);
	for (const f of lintSource(src, name, {rules}).findings) {
		if (f.slug !== want || shown >= n) continue;
		shown++;
		console.log(`--- ${name}:${f.line} ${f.message}\n    ${lines.slice(f.line - 1, f.line + 1).join('\n    ')}`);
	}
}
