#!/usr/bin/env node
// Regenerate the lint rule table in README.md (between <!-- rules:start --> and <!-- rules:end -->)
// from the registry, as the built CLI lists it (`docker-helper lint --rules --json`).
// Usage: npm run docs:rules   (builds first).  --check: exit 1 when README.md is stale.
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

function cell(text) {
	return String(text).replace(/\|/g, '\\|');
}

/** The markdown table for a rule list ({id, slug, severity, description, equivalents}). */
export function rulesTable(rules) {
	const rows = ['| id | rule | severity | description | hadolint | BuildKit |', '|---|---|---|---|---|---|'];
	for (const r of rules) {
		const h = r.equivalents.hadolint;
		const hadolint = h === undefined ? '' : Array.isArray(h) ? h.join(', ') : h;
		rows.push(`| ${r.id} | [${r.slug}](content/rules/${r.slug}.md) | ${r.severity} | ${cell(r.description)} | ${hadolint} | ${r.equivalents.buildkit ?? ''} |`);
	}
	return rows.join('\n');
}

export function replaceBlock(readme, table) {
	const a = readme.indexOf(START);
	const b = readme.indexOf(END);
	if (a < 0 || b < a) throw new Error(`README.md has no ${START} ... ${END} block`);
	return `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
}

export function listRules(cli) {
	const r = spawnSync(process.execPath, [cli, 'lint', '--rules', '--json'], {encoding: 'utf8'});
	if (r.status !== 0) throw new Error(`lint --rules failed: ${r.stderr}`);
	return JSON.parse(r.stdout).result.rules;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const readmeUrl = new URL('../README.md', import.meta.url);
	const readme = readFileSync(readmeUrl, 'utf8');
	const next = replaceBlock(readme, rulesTable(listRules(fileURLToPath(new URL('../dist/cli.js', import.meta.url)))));
	if (process.argv.includes('--check')) {
		if (next !== readme) {
			console.error('README.md rule table is stale: run npm run docs:rules');
			process.exit(1);
		}
	} else if (next !== readme) {
		writeFileSync(readmeUrl, next);
		console.log('README.md rule table updated');
	} else console.log('README.md rule table is up to date');
}
