#!/usr/bin/env node
/**
 * A whole-process run of an npm Dockerfile linter over many files, for bench/lint-scale.mjs:
 * `node bench/lint-peer.cjs dockerfilelint|dockerfile-utils FILE...` loads the package, lints every
 * file and prints the findings as JSON lines. dockerfilelint's own CLI stops at the first file it
 * crashes on, so a crash is caught here, counted and the run goes on (the count is printed on stderr).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [tool, ...files] = process.argv.slice(2);
let lint;
if (tool === 'dockerfilelint') {
	const dfl = require('dockerfilelint');
	lint = (file, source) => dfl.run(path.dirname(file), source);
} else if (tool === 'dockerfile-utils') {
	const {validate} = require('dockerfile-utils');
	lint = (_file, source) => validate(source);
} else {
	process.stderr.write(`unknown tool ${tool}\n`);
	process.exit(2);
}
let crashes = 0;
const out = [];
for (const file of files) {
	const source = fs.readFileSync(file, 'utf8');
	try {
		out.push(JSON.stringify({file, findings: lint(file, source)}));
	} catch {
		crashes++;
	}
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`crashes=${crashes}\n`);
