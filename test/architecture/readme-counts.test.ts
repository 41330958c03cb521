/**
 * The README's counts and its commands table are checked against the registries they describe, so a
 * new rule, topic, signature or command that leaves the README behind fails here instead of drifting.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import {CODE_RULES, RULES} from '../../source/core/diagnose/rules/index.js';
import {SIGNATURE_RULES} from '../../source/core/diagnose/signatures/index.js';
import {rules} from '../../source/core/lint/rules/index.js';
import {ROOT} from '../support/cli.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README's row for a command in the commands table. */
function row(command: string): string {
	const line = readme.split('\n').find((l) => l.startsWith(`| \`${command}\``));
	if (!line) throw new Error(`README.md has no row for ${command} in the commands table`);
	return line;
}

/** The number written before `words` in the text, e.g. count(row, 'rules') for "80 rules". */
function count(text: string, words: string): number {
	const m = new RegExp(`(\\d+) ${words}`).exec(text);
	if (!m) throw new Error(`no "<n> ${words}" in: ${text.slice(0, 200)}`);
	return Number(m[1]);
}

describe('README counts', () => {
	it('lint: the number of rules is the registry size', () => {
		expect(count(row('lint'), 'rules')).toBe(rules.length);
	});

	it('explain: the number of topics is the number of topic files', () => {
		const topics = readdirSync(path.join(ROOT, 'content', 'topics')).filter((f) => f.endsWith('.md'));
		expect(count(row('explain'), 'topics')).toBe(topics.length);
	});

	it('diagnose: findings, code rules and log signatures are the registry sizes', () => {
		const text = row('diagnose');
		expect(count(text, 'findings')).toBe(RULES.length);
		expect(count(text, 'code rules')).toBe(CODE_RULES.length);
		expect(count(text, 'log signatures')).toBe(SIGNATURE_RULES.length);
	});

	it('the commands table lists every command of the registry, and nothing else', () => {
		const start = readme.indexOf('<!-- commands:start -->');
		const end = readme.indexOf('<!-- commands:end -->');
		expect(start).toBeGreaterThan(-1);
		const listed = readme
			.slice(start, end)
			.split('\n')
			.filter((l) => l.startsWith('| `'))
			.flatMap((l) => [...l.split('|')[1]!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!));
		expect([...listed].sort()).toEqual(commands.map((c) => c.name).sort());
	});
});
