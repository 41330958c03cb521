/**
 * Finding and reading Dockerfiles and lint config for `lint` (the I/O half; the rest is pure).
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {HelperError} from '../core/errors.js';
import {isIgnored, parseDockerignore, type IgnoreRule} from '../core/lint/dockerignore.js';
import {mergeConfigs, readConfig, type LintConfig} from '../core/lint/config.js';

export interface LintInput {
	/** Path shown in findings (relative to cwd when inside it), or '-' for stdin. */
	readonly display: string;
	readonly source: string;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);

export function isDockerfileName(name: string): boolean {
	if (/\.dockerignore$/i.test(name)) return false;
	return /^(Dockerfile|Containerfile)(\..+)?$/i.test(name) || /\.(Dockerfile|Containerfile)$/i.test(name);
}

interface IgnoreScope {
	readonly dir: string;
	readonly rules: readonly IgnoreRule[];
}

function walk(dir: string, scopes: IgnoreScope[], out: string[]): void {
	let here = scopes;
	const ignoreFile = path.join(dir, '.dockerignore');
	if (existsSync(ignoreFile)) {
		try {
			here = [...scopes, {dir, rules: parseDockerignore(readFileSync(ignoreFile, 'utf8'))}];
		} catch {
			// unreadable .dockerignore: walk as if absent
		}
	}
	let entries;
	try {
		entries = readdirSync(dir, {withFileTypes: true});
	} catch {
		return;
	}
	entries.sort((a, b) => a.name.localeCompare(b.name));
	for (const e of entries) {
		const full = path.join(dir, e.name);
		if (here.some((s) => isIgnored(s.rules, path.relative(s.dir, full).split(path.sep).join('/')))) continue;
		if (e.isDirectory()) {
			if (!SKIP_DIRS.has(e.name)) walk(full, here, out);
		} else if ((e.isFile() || e.isSymbolicLink()) && isDockerfileName(e.name)) out.push(full);
	}
}

function display(cwd: string, file: string): string {
	const rel = path.relative(cwd, file);
	return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Expand the paths given on the command line into Dockerfiles, in a stable order. */
export function findDockerfiles(cwd: string, paths: readonly string[]): string[] {
	const wanted = paths.length === 0 ? ['Dockerfile'] : paths;
	const out: string[] = [];
	for (const p of wanted) {
		if (p === '-') {
			out.push('-');
			continue;
		}
		const full = path.resolve(cwd, p);
		let st;
		try {
			st = statSync(full);
		} catch {
			throw new HelperError(
				'FILE_UNREADABLE',
				paths.length === 0 ? `No Dockerfile in ${cwd}` : `No such file or directory: ${p}`,
				paths.length === 0 ? 'Pass a Dockerfile or a directory: docker-helper lint path/to/Dockerfile (or lint . to search recursively)' : 'Check the path; a directory is searched recursively for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile',
				{path: p},
			);
		}
		if (st.isDirectory()) {
			const found: string[] = [];
			walk(full, [], found);
			out.push(...found);
		} else out.push(full);
	}
	if (out.length === 0)
		throw new HelperError('FILE_UNREADABLE', `No Dockerfile found under ${wanted.join(', ')}`, 'lint looks for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile (skipping .dockerignore\'d paths, .git and node_modules)', {paths: wanted});
	return [...new Set(out)];
}

export function readDockerfiles(cwd: string, files: readonly string[], stdin: () => string): LintInput[] {
	return files.map((f) => {
		if (f === '-') return {display: '-', source: stdin()};
		try {
			return {display: display(cwd, f), source: readFileSync(f, 'utf8')};
		} catch (error) {
			throw new HelperError('FILE_UNREADABLE', `Cannot read ${display(cwd, f)}: ${(error as Error).message}`, 'Check the file permissions', {path: f});
		}
	});
}

export function readStdin(): string {
	try {
		return readFileSync(0, 'utf8');
	} catch {
		return '';
	}
}

/**
 * Config: .hadolint.yaml/.yml then .docker-helper.yaml/.yml in cwd (docker-helper wins), or the file
 * given with --config. A YAML syntax error is a usage error with the file and line.
 */
export async function loadLintConfig(cwd: string, explicit: string | undefined): Promise<LintConfig> {
	const candidates: Array<{file: string; kind: 'hadolint' | 'docker-helper'}> = [];
	if (explicit) {
		const file = path.resolve(cwd, explicit);
		if (!existsSync(file)) throw new HelperError('USAGE', `No such config file: ${explicit}`, 'Pass a .hadolint.yaml or .docker-helper.yaml', {path: explicit});
		candidates.push({file, kind: /hadolint/i.test(path.basename(file)) ? 'hadolint' : 'docker-helper'});
	} else {
		for (const name of ['.hadolint.yaml', '.hadolint.yml']) if (existsSync(path.join(cwd, name))) {
			candidates.push({file: path.join(cwd, name), kind: 'hadolint'});
			break;
		}
		for (const name of ['.docker-helper.yaml', '.docker-helper.yml']) if (existsSync(path.join(cwd, name))) {
			candidates.push({file: path.join(cwd, name), kind: 'docker-helper'});
			break;
		}
	}
	if (candidates.length === 0) return mergeConfigs();
	// yaml is loaded only when there is a config file: lint's start-up stays small.
	const {parse: parseYaml} = await import('yaml');
	const configs = candidates.map(({file, kind}) => {
		let doc: unknown;
		try {
			doc = parseYaml(readFileSync(file, 'utf8'));
		} catch (error) {
			throw new HelperError('USAGE', `Cannot read ${display(cwd, file)}: ${(error as Error).message.split('\n')[0]}`, 'Fix the YAML, or move the file away to lint without it', {path: file});
		}
		return readConfig(doc, display(cwd, file), kind);
	});
	return mergeConfigs(...configs);
}
