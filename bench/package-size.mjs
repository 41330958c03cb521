// The npm package's weight: `npm pack --dry-run --json` of the built tree, by top-level folder, with the
// number of files. Anchor: the same tree's largest single chunk, so the ratio says how much of the
// package is one bundle. Run after `npm run build`: node bench/package-size.mjs
import {spawnSync} from 'node:child_process';

const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {encoding: 'utf8'});
if (r.status !== 0) throw new Error(r.stderr);
const info = JSON.parse(r.stdout)[0];
const by = new Map();
for (const f of info.files) {
	const top = f.path.includes('/') ? f.path.split('/')[0] : '(root)';
	const e = by.get(top) ?? {files: 0, bytes: 0};
	e.files++;
	e.bytes += f.size;
	by.set(top, e);
}
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const largest = Math.max(...info.files.map((f) => f.size));
console.log(
	`packed ${kb(info.size)}, unpacked ${kb(info.unpackedSize)}, ${info.entryCount} files, ${info.files.filter((f) => f.path.endsWith('.map')).length} source maps`,
);
console.log(`unpacked / largest chunk: ${(info.unpackedSize / largest).toFixed(2)}x`);
for (const [top, e] of [...by].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`  ${top}: ${e.files} files, ${kb(e.bytes)}`);
