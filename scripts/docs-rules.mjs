#!/usr/bin/env node
// Regenerate the lint rule table in README.md (between <!-- rules:start --> and <!-- rules:end -->)
// and the `equivalents:` front matter of content/rules/<slug>.md
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

/** A rule's hadolint codes and BuildKit check name, as one list. */
export function equivalentCodes(equivalents) {
	const h = equivalents.hadolint;
	return [...(h === undefined ? [] : Array.isArray(h) ? h : [h]), ...(equivalents.buildkit ? [equivalents.buildkit] : [])];
}

/**
 * The doc page with its front matter's `equivalents:` line set to the rule's codes (after `aliases:`),
 * so `explain DL3008` finds the page; the line is dropped when the rule has none.
 */
export function withEquivalents(page, codes) {
	const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(page);
	if (!m) return page;
	const lines = m[1].split(/\r?\n/).filter((l) => !l.startsWith('equivalents:'));
	if (codes.length > 0) {
		const at = lines.findIndex((l) => l.startsWith('aliases:'));
		lines.splice(at < 0 ? lines.length : at + 1, 0, `equivalents: [${codes.join(', ')}]`);
	}
	return `---\n${lines.join('\n')}\n---${page.slice(m[0].length)}`;
}

export function listRules(cli) {
	const r = spawnSync(process.execPath, [cli, 'lint', '--rules', '--json'], {encoding: 'utf8'});
	if (r.status !== 0) throw new Error(`lint --rules failed: ${r.stderr}`);
	return JSON.parse(r.stdout).result.rules;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const readmeUrl = new URL('../README.md', import.meta.url);
	const readme = readFileSync(readmeUrl, 'utf8');
	const rules = listRules(fileURLToPath(new URL('../dist/cli.js', import.meta.url)));
	const next = replaceBlock(readme, rulesTable(rules));
	const check = process.argv.includes('--check');
	let stale = false;
	for (const r of rules) {
		const pageUrl = new URL(`../content/rules/${r.slug}.md`, import.meta.url);
		const page = readFileSync(pageUrl, 'utf8');
		const updated = withEquivalents(page, equivalentCodes(r.equivalents));
		if (updated === page) continue;
		stale = true;
		if (check) console.error(`content/rules/${r.slug}.md: equivalents are stale`);
		else writeFileSync(pageUrl, updated);
	}
	if (check) {
		if (next !== readme) console.error('README.md rule table is stale: run npm run docs:rules');
		if (next !== readme || stale) process.exit(1);
	} else {
		if (next !== readme) writeFileSync(readmeUrl, next);
		console.log(next !== readme || stale ? 'README.md rule table and doc pages updated' : 'README.md rule table and doc pages are up to date');
	}
}
