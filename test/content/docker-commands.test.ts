/**
 * Every `docker …` command shown in the knowledge content must be real syntax: the subcommand
 * exists and every option it uses is one the installed Docker CLI accepts, checked against
 * `docker <subcommand> --help`. Commands of CLI plugins that are not installed (buildx, compose)
 * are reported and skipped.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {Lexer, type Token, type Tokens} from 'marked';
import {describe, expect, it} from 'vitest';
import {readRawDocs} from '../../source/adapters/knowledge.js';
import {buildCatalog} from '../../source/core/knowledge/catalog.js';
import {ROOT} from '../support/cli.js';

const dockerCli = spawnSync('docker', ['--version'], {encoding: 'utf8'});
const haveDocker = dockerCli.status === 0;

const MANAGEMENT = new Set(['builder', 'buildx', 'checkpoint', 'compose', 'config', 'container', 'context', 'image', 'manifest', 'network', 'node', 'plugin', 'secret', 'service', 'stack', 'swarm', 'system', 'trust', 'volume']);
/** Options after the first argument belong to the container's command, not to docker. */
const STOPS_AT_ARGUMENT = new Set(['run', 'create', 'exec', 'container run', 'container create', 'container exec']);

/**
 * BuildKit options of `docker build`. A CLI without the buildx plugin (like Debian's 20.10 CLI)
 * hides them from `docker build --help`; with buildx they are listed. Accepted, and reported.
 */
const BUILDKIT_BUILD_OPTIONS = new Set(['secret', 'ssh', 'progress', 'cache-to', 'output', 'load', 'push', 'builder', 'attest', 'sbom', 'provenance', 'build-context']);

const plugins = new Map<string, boolean>();
function pluginInstalled(name: string): boolean {
	if (!plugins.has(name)) plugins.set(name, spawnSync('docker', [name, 'version'], {encoding: 'utf8'}).status === 0);
	return plugins.get(name)!;
}

interface FlagInfo {
	readonly long: Map<string, boolean>;
	readonly short: Map<string, boolean>;
}

const helpCache = new Map<string, FlagInfo | null>();
function flagsOf(sub: string[]): FlagInfo | null {
	const key = sub.join(' ');
	if (helpCache.has(key)) return helpCache.get(key)!;
	const r = spawnSync('docker', [...sub, '--help'], {encoding: 'utf8'});
	let info: FlagInfo | null = null;
	// An unknown subcommand prints the top-level help (exit 0): the usage or alias lines must name it.
	const names = /^Usage:\s+(docker [^\n[]*?)\s*(?:\[|$)/m.exec(r.stdout)?.[1] ?? '';
	const aliases = /^Aliases:\n\s+(.*)$/m.exec(r.stdout)?.[1] ?? '';
	const known = [names, ...aliases.split(',')].map((n) => n.trim().replace(/\s+(IMAGE|CONTAINER|NAME|PATH|URL|COMMAND)\b.*$/, ''));
	if (r.status === 0 && known.includes(`docker ${key}`)) {
		info = {long: new Map(), short: new Map()};
		for (const m of r.stdout.matchAll(/^\s+(?:-(\w), )?--([\w-]+)(?: ([\w-]+))?\s{2,}/gm)) {
			const takesValue = m[3] !== undefined;
			info.long.set(m[2]!, takesValue);
			if (m[1]) info.short.set(m[1], takesValue);
		}
		info.long.set('help', false);
	}
	helpCache.set(key, info);
	return info;
}

/** Quote-aware split into words and the operators that separate commands. */
function shellTokens(input: string): string[] {
	// "$(cmd)" → $(cmd): the substitution's words matter, its quoting does not.
	const line = input.replace(/"\$\(([^)]*)\)"/g, '$($1)');
	const out: string[] = [];
	let word = '';
	let quote: string | null = null;
	const push = () => {
		if (word !== '') out.push(word);
		word = '';
	};
	for (let i = 0; i < line.length; i++) {
		const ch = line[i]!;
		if (quote) {
			if (ch === quote) quote = null;
			else word += ch;
		} else if (ch === '"' || ch === "'") quote = ch;
		else if (/\s/.test(ch)) push();
		else if (ch === '$' && line[i + 1] === '(') {
			push();
			out.push('$(');
			i++;
		} else if (ch === '|' || ch === ';' || ch === ')' || (ch === '&' && line[i + 1] === '&')) {
			push();
			out.push(ch === '&' ? '&&' : ch);
			if (ch === '&') i++;
		} else word += ch;
	}
	push();
	return out;
}

const OPERATORS = new Set(['|', ';', '&&', '$(', ')']);

function dockerInvocations(command: string): string[][] {
	const tokens = shellTokens(command);
	const out: string[][] = [];
	for (let i = 0; i < tokens.length; i++) {
		const prev = tokens[i - 1];
		if (tokens[i] !== 'docker' || !(prev === undefined || OPERATORS.has(prev) || prev === 'sudo' || prev === 'time')) continue;
		const args: string[] = [];
		for (let j = i + 1; j < tokens.length && !OPERATORS.has(tokens[j]!); j++) args.push(tokens[j]!);
		out.push(args);
	}
	return out;
}

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
	for (const t of tokens) {
		visit(t);
		const anyT = t as Token & {tokens?: Token[]; items?: Tokens.ListItem[]};
		if (anyT.tokens) walk(anyT.tokens, visit);
		if (anyT.items) walk(anyT.items, visit);
		if (t.type === 'table') for (const cell of [...(t as Tokens.Table).header, ...(t as Tokens.Table).rows.flat()]) walk(cell.tokens, visit);
	}
}

/** The shell commands a document shows: console lines after `$ `, sh blocks, and inline `docker …` code. */
function commandsIn(markdown: string): string[] {
	const out: string[] = [];
	walk(new Lexer().lex(markdown), (t) => {
		if (t.type === 'code') {
			const code = t as Tokens.Code;
			if (!['console', 'sh'].includes(code.lang ?? '')) return;
			const lines = code.text.replace(/\\\n\s*/g, ' ').split('\n');
			for (const line of lines) {
				if (code.lang === 'console') {
					if (line.startsWith('$ ')) out.push(line.slice(2));
				} else if (!/^\s*#/.test(line) && line.trim()) out.push(line);
			}
		} else if (t.type === 'codespan') {
			const text = (t as Tokens.Codespan).text.replace(/\\\|/g, '|');
			if (/^(sudo )?docker /.test(text)) out.push(text);
		}
	});
	return out;
}

interface Problem {
	readonly file: string;
	readonly command: string;
	readonly problem: string;
}

function check(file: string, command: string, args: string[], skipped: Set<string>): Problem[] {
	const problems: Problem[] = [];
	const sub: string[] = [];
	let i = 0;
	while (i < args.length && sub.length < 2) {
		const a = args[i]!;
		if (a.startsWith('-')) break;
		if (sub.length === 1 && !MANAGEMENT.has(sub[0]!)) break;
		sub.push(a);
		i++;
	}
	if (sub.length === 0) return [{file, command, problem: 'no subcommand'}];
	if ((sub[0] === 'buildx' || sub[0] === 'compose') && !pluginInstalled(sub[0])) {
		skipped.add(`docker ${sub.join(' ')}`);
		return [];
	}
	const info = flagsOf(sub);
	if (!info) return [{file, command, problem: `'docker ${sub.join(' ')}' is not a docker command`}];
	const stopsAtArgument = STOPS_AT_ARGUMENT.has(sub.join(' '));
	for (; i < args.length; i++) {
		const a = args[i]!;
		if (a === '--') break;
		if (a.startsWith('--')) {
			const name = a.slice(2).split('=')[0]!;
			if (!info.long.has(name) && sub.join(' ') === 'build' && BUILDKIT_BUILD_OPTIONS.has(name)) skipped.add(`docker build --${name} (BuildKit option; this CLI has no buildx)`);
			else if (!info.long.has(name)) problems.push({file, command, problem: `unknown option --${name} for docker ${sub.join(' ')}`});
			else if (info.long.get(name) && !a.includes('=')) i++;
		} else if (/^-[A-Za-z]/.test(a)) {
			for (let k = 1; k < a.length; k++) {
				const ch = a[k]!;
				if (!info.short.has(ch)) {
					problems.push({file, command, problem: `unknown option -${ch} for docker ${sub.join(' ')}`});
					break;
				}
				if (info.short.get(ch)) {
					if (k === a.length - 1) i++;
					break;
				}
			}
		} else if (stopsAtArgument) break;
	}
	return problems;
}

describe.skipIf(!haveDocker)('docker commands in the knowledge content are real syntax', async () => {
	const catalog = buildCatalog(await readRawDocs(path.join(ROOT, 'content')));

	it('the extractor finds docker invocations, including ones inside $( ) and after pipes', () => {
		expect(dockerInvocations(`sudo du -h "$(docker inspect -f '{{.LogPath}}' api)"`)).toEqual([['inspect', '-f', '{{.LogPath}}', 'api']]);
		expect(dockerInvocations(`echo "$T" | docker login ghcr.io -u me --password-stdin`)).toEqual([['login', 'ghcr.io', '-u', 'me', '--password-stdin']]);
		expect(dockerInvocations('docker commit api x && docker run --rm x')).toHaveLength(2);
	});

	it('the checker catches a wrong option, a wrong subcommand and options of the container command are left alone', () => {
		const skipped = new Set<string>();
		expect(check('f', 'c', ['run', '--rm', '--memroy', '1g', 'busybox:1.36'], skipped)).toHaveLength(1);
		expect(check('f', 'c', ['contianer', 'ls'], skipped)[0]?.problem).toMatch(/not a docker command/);
		expect(check('f', 'c', ['run', '--rm', 'busybox:1.36', 'ping', '-c1', 'db'], skipped)).toEqual([]);
		expect(check('f', 'c', ['build', '-t', 'x', '-f-', '.'], skipped)).toEqual([]);
	});

	for (const doc of catalog.docs) {
		it(`${doc.file}`, () => {
			const problems: Problem[] = [];
			const skipped = new Set<string>();
			let count = 0;
			for (const command of commandsIn(doc.markdown)) {
				for (const args of dockerInvocations(command)) {
					count++;
					problems.push(...check(doc.file, command, args, skipped));
				}
			}
			if (skipped.size > 0) console.info(`${doc.file}: not checked (plugin not installed): ${[...skipped].join(', ')}`);
			expect(problems).toEqual([]);
			if (doc.collection !== 'rules') expect(count).toBeGreaterThan(0);
		});
	}
});
