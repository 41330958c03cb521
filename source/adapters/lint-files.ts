/**
 * Finding and reading Dockerfiles and lint config for `lint` (the I/O half; the rest is pure).
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {HelperError} from '../core/errors.js';
import {DEFAULT_READ_LIMIT, readFileBoundedSync, readStreamBounded} from './files.js';
import {isIgnored, parseDockerignore, type IgnoreRule} from '../core/lint/dockerignore.js';
import {mergeConfigs, readConfig, type LintConfig} from '../core/lint/config.js';

export interface LintInput {
	/** Path shown in findings (relative to cwd when inside it), or '-' for stdin. */
	readonly display: string;
	readonly source: string;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * The largest Dockerfile lint reads unless --max-file-size says otherwise. The corpus's largest is a few
 * hundred KiB; the cap keeps /dev/zero, a log named Dockerfile.log or a 100 MB file from exhausting memory.
 */
export const DEFAULT_LINT_MAX_BYTES = 16 * 1024 * 1024;

export interface LintReadOptions {
	/** Refuse a Dockerfile (or stdin) larger than this (default DEFAULT_LINT_MAX_BYTES). */
	readonly maxBytes?: number;
}

function limitHint(maxBytes: number): string {
	return `Lint it with a higher limit: --max-file-size ${Math.ceil((maxBytes * 4) / (1024 * 1024))}MiB (the default is ${DEFAULT_LINT_MAX_BYTES / (1024 * 1024)}MiB).`;
}

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
			here = [...scopes, {dir, rules: parseDockerignore(readFileBoundedSync(ignoreFile, {maxBytes: DEFAULT_READ_LIMIT}).toString('utf8'))}];
		} catch {
			// unreadable, too large or not a regular file: walk as if absent
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
				paths.length === 0
					? 'Pass a Dockerfile or a directory: docker-helper lint path/to/Dockerfile (or lint . to search recursively)'
					: 'Check the path; a directory is searched recursively for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile',
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
		throw new HelperError(
			'FILE_UNREADABLE',
			`No Dockerfile found under ${wanted.join(', ')}`,
			"lint looks for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile (skipping .dockerignore'd paths, .git and node_modules)",
			{paths: wanted},
		);
	return [...new Set(out)];
}

/**
 * Read each Dockerfile: regular files only (links are followed to one; a FIFO, a device or a directory is
 * refused without being opened for reading), at most `maxBytes` each, stdin with the same bound.
 */
export async function readDockerfiles(
	cwd: string,
	files: readonly string[],
	stdin: (maxBytes: number) => Promise<string>,
	options: LintReadOptions = {},
): Promise<LintInput[]> {
	const maxBytes = options.maxBytes ?? DEFAULT_LINT_MAX_BYTES;
	const out: LintInput[] = [];
	for (const f of files) {
		if (f === '-') out.push({display: '-', source: await stdin(maxBytes)});
		else
			out.push({
				display: display(cwd, f),
				source: readFileBoundedSync(f, {maxBytes, display: display(cwd, f), limitHint: limitHint(maxBytes)}).toString('utf8'),
			});
	}
	return out;
}

export async function readStdin(maxBytes: number = DEFAULT_LINT_MAX_BYTES): Promise<string> {
	return (await readStreamBounded(process.stdin, {maxBytes, display: 'stdin', limitHint: limitHint(maxBytes)})).toString('utf8');
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
		for (const name of ['.hadolint.yaml', '.hadolint.yml'])
			if (existsSync(path.join(cwd, name))) {
				candidates.push({file: path.join(cwd, name), kind: 'hadolint'});
				break;
			}
		for (const name of ['.docker-helper.yaml', '.docker-helper.yml'])
			if (existsSync(path.join(cwd, name))) {
				candidates.push({file: path.join(cwd, name), kind: 'docker-helper'});
				break;
			}
	}
	if (candidates.length === 0) return mergeConfigs();
	// yaml is loaded only when there is a config file: lint's start-up stays small.
	const {parse: parseYaml} = await import('yaml');
	const configs = candidates.map(({file, kind}) => {
		// Read first (a directory, FIFO or huge file is its own error), then parse: only YAML errors say "Fix the YAML".
		const text = readFileBoundedSync(file, {maxBytes: DEFAULT_READ_LIMIT, display: display(cwd, file)}).toString('utf8');
		let doc: unknown;
		try {
			doc = parseYaml(text);
		} catch (error) {
			throw new HelperError(
				'USAGE',
				`Cannot read ${display(cwd, file)}: ${(error as Error).message.split('\n')[0]}`,
				'Fix the YAML, or move the file away to lint without it',
				{path: file},
			);
		}
		return readConfig(doc, display(cwd, file), kind);
	});
	return mergeConfigs(...configs);
}
