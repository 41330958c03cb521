import {promises as fs} from 'node:fs';
import path from 'node:path';
import {isUtf8} from 'node:buffer';
import {checkWriteTarget, readFileBounded, readText, writeFileSafe} from '../adapters/files.js';
import {listProject} from '../adapters/project.js';
import {detectLanguages, type Detection} from '../core/dockerignore/detect.js';
import type {CopySource} from '../core/dockerignore/dockerfile-sources.js';
import {generateDockerignore, mergeDockerignore, secretCopies, type KeptEntry} from '../core/dockerignore/generate.js';
import {HelperError} from '../core/errors.js';
import type {Theme} from '../output/theme.js';
import {flagBool, flagString, type Command} from './types.js';

/** Dockerfile, Containerfile, Dockerfile.dev, api.Dockerfile (not backups). */
const DOCKERFILE = /^(Dockerfile|Containerfile|Dockerfile\.[\w.-]+|[\w.-]+\.Dockerfile)$/;

export interface GenerateDockerignoreResult {
	readonly directory: string;
	readonly detected: readonly Detection[];
	/** The walk hit its entry limit: detection saw only part of the tree. */
	readonly truncated: boolean;
	readonly mode: 'created' | 'replaced' | 'merged' | 'unchanged' | 'stdout';
	readonly path: string | null;
	readonly backup: string | null;
	/** Patterns written (created/replaced/stdout) or appended (merged). */
	readonly added: readonly string[];
	/** With --merge: generated entries the file already had. */
	readonly alreadyPresent: readonly string[];
	/** With --merge: user exceptions repeated after the appended block so they keep winning. */
	readonly restated: readonly string[];
	/** Dockerfiles read to protect what they COPY. */
	readonly dockerfiles: readonly string[];
	/** Entries left out because a Dockerfile copies what they would exclude. */
	readonly kept: readonly KeptEntry[];
	/** COPY sources that are secrets (.env, keys): excluded anyway, so that build will fail until fixed. */
	readonly secretCopies: readonly CopySource[];
	readonly content: string;
}

export const generateDockerignoreCommand: Command<GenerateDockerignoreResult> = {
	name: 'generate-dockerignore',
	summary: "Write or merge a .dockerignore for this project's languages",
	description:
		'Detects the languages in the directory (Python, Node.js, Go, Java/Kotlin, Rust, Ruby, PHP, .NET) from\n' +
		'marker files such as package.json or go.mod and from source files, in a bounded walk (3 levels, 5000\n' +
		'entries). It combines a common base (.git, .env files with secrets but not .env.example, editor and CI\n' +
		'files) with each language\'s entries (virtualenvs, node_modules, target/, bin/obj ...).\n' +
		'An existing .dockerignore is never rewritten silently: --merge appends only the entries it lacks\n' +
		'(spelling variants such as /node_modules/ count as present), reports them and keeps the previous file as\n' +
		'a numbered backup (.dockerignore.bak, .bak.2 ...); --force replaces it, also keeping a backup. A symbolic\n' +
		'link is never written through.',
	usage: 'docker-helper generate-dockerignore [--dir <path>] [--output <path>] [--merge | --force] [--stdout]',
	examples: ['docker-helper generate-dockerignore', 'docker-helper generate-dockerignore --merge', 'docker-helper generate-dockerignore --stdout', 'docker-helper generate-dockerignore --dir services/api --json'],
	group: 'templates',
	args: [],
	flags: {
		dir: {type: 'string', placeholder: 'path', description: 'Project directory to scan (default: the current directory)'},
		output: {type: 'string', shortFlag: 'o', placeholder: 'path', description: 'Where to write (default <dir>/.dockerignore)'},
		merge: {type: 'boolean', description: 'Append only the missing entries to an existing file, keeping every line of yours'},
		force: {type: 'boolean', description: 'Replace an existing file, keeping it as a numbered backup (.dockerignore.bak, .bak.2 ...)'},
		stdout: {type: 'boolean', description: 'Print the generated file instead of writing it'},
	},
	async run(ctx, input) {
		const merge = flagBool(input, 'merge');
		const force = flagBool(input, 'force');
		if (merge && force) throw new HelperError('USAGE', '--merge and --force contradict each other.', 'Use --merge to keep your lines and add missing ones, or --force to replace the file (it is kept as a numbered .bak).');
		const directory = path.resolve(ctx.cwd, flagString(input, 'dir') ?? '.');
		const stat = await fs.stat(directory).catch(() => null);
		if (!stat?.isDirectory()) throw new HelperError('FILE_UNREADABLE', `${directory} is not a directory.`, 'Pass the project directory with --dir, or run the command inside it.');
		const listing = await listProject(directory);
		const detected = detectLanguages(listing.files);
		// What the project's Dockerfiles copy must stay in the context.
		const dockerfiles = listing.files.filter((f) => !f.includes('/') && DOCKERFILE.test(f) && !/\.(bak(\.\d+)?|orig|swp|dockerignore)$/.test(f));
		const sources: CopySource[] = [];
		if (dockerfiles.length > 0) {
			// Loaded only when there is a Dockerfile: the parser stays out of every command's start-up.
			const {contextSources} = await import('../core/dockerignore/dockerfile-sources.js');
			for (const f of dockerfiles) sources.push(...contextSources(f, await readText(path.join(directory, f))));
		}
		const header = [
			'Generated by docker-helper generate-dockerignore.',
			`Detected: ${detected.length ? detected.map((d) => d.title).join(', ') : 'no specific language (common entries only)'}.`,
			'Everything listed here is never sent to the builder: it cannot leak into a layer or invalidate the cache.',
			'Patterns are relative to the build context root; **/x matches x at any depth; !x re-includes x.',
		];
		const generated = generateDockerignore(
			detected.map((d) => d.language),
			{header, protect: sources},
		);
		const base = {directory, detected, truncated: listing.truncated, restated: [] as string[], dockerfiles, kept: generated.kept, secretCopies: secretCopies(sources)};
		if (flagBool(input, 'stdout') && !merge) {
			return {...base, mode: 'stdout', path: null, backup: null, added: generated.patterns, alreadyPresent: [], content: generated.text};
		}
		const target = path.resolve(ctx.cwd, flagString(input, 'output') ?? path.join(directory, '.dockerignore'));
		const shown = path.relative(ctx.cwd, target) || target;
		if (merge && (await checkWriteTarget(target))) {
			// Merge bytes, not decoded text: a file that is not UTF-8 (Latin-1 patterns) is read as Latin-1,
			// which maps every byte to one character and back, so the user's bytes are written back unchanged.
			const bytes = await readFileBounded(target, {display: shown});
			const encoding: BufferEncoding = isUtf8(bytes) ? 'utf8' : 'latin1';
			const current = bytes.toString(encoding);
			const merged = mergeDockerignore(current, generated.patterns);
			if (flagBool(input, 'stdout')) return {...base, mode: 'stdout', path: null, backup: null, added: merged.added, alreadyPresent: merged.alreadyPresent, restated: merged.restated, content: merged.text};
			if (merged.added.length === 0) return {...base, mode: 'unchanged', path: shown, backup: null, added: [], alreadyPresent: merged.alreadyPresent, content: current};
			const out = Buffer.concat([bytes, Buffer.from(merged.text.slice(current.length), encoding)]);
			const outcome = await writeFileSafe(target, out, {force: true});
			return {...base, mode: 'merged', path: shown, backup: outcome.backup ? path.relative(ctx.cwd, outcome.backup) || outcome.backup : null, added: merged.added, alreadyPresent: merged.alreadyPresent, restated: merged.restated, content: merged.text};
		}
		if (merge && flagBool(input, 'stdout')) {
			return {...base, mode: 'stdout', path: null, backup: null, added: generated.patterns, alreadyPresent: [], content: generated.text};
		}
		const outcome = await writeFileSafe(target, generated.text, {
			force,
			flagHint: 'Pass --merge to append only the missing entries (your lines stay), --force to replace it (kept as a numbered .bak), or --stdout to compare first.',
		});
		return {
			...base,
			mode: outcome.replaced ? 'replaced' : 'created',
			path: shown,
			backup: outcome.backup ? path.relative(ctx.cwd, outcome.backup) || outcome.backup : null,
			added: generated.patterns,
			alreadyPresent: [],
			content: generated.text,
		};
	},
	json: (result) => result,
	text: (result, theme) => generateDockerignoreText(result, theme),
};

export function generateDockerignoreText(result: GenerateDockerignoreResult, theme: Theme): string {
	if (result.mode === 'stdout') return result.content;
	const lines: string[] = [];
	const langs = result.detected.length ? result.detected.map((d) => `${d.title} ${theme.dim(`(${d.evidence[0]})`)}`).join(', ') : theme.dim('no specific language; common entries only');
	lines.push(`${theme.dim('Detected:')} ${langs}`);
	if (result.truncated) lines.push(theme.warn('  The directory is large: detection looked at the first 5000 entries only.'));
	switch (result.mode) {
		case 'created':
			lines.push(`${theme.glyph.ok} Wrote ${theme.bold(result.path!)} (${result.added.length} entries).`);
			break;
		case 'replaced':
			lines.push(`${theme.glyph.ok} Replaced ${theme.bold(result.path!)} (${result.added.length} entries); the previous file is kept as ${result.backup}.`);
			break;
		case 'unchanged':
			lines.push(`${theme.glyph.ok} ${theme.bold(result.path!)} already has every recommended entry (${result.alreadyPresent.length} checked); nothing changed.`);
			break;
		case 'merged':
			lines.push(`${theme.glyph.ok} Appended ${result.added.length} missing ${result.added.length === 1 ? 'entry' : 'entries'} to ${theme.bold(result.path!)}; your ${result.alreadyPresent.length ? `lines (${result.alreadyPresent.length} already covered) ` : 'lines '}are unchanged${result.backup ? ` (the previous file is kept as ${result.backup})` : ''}:`);
			for (const a of result.added) lines.push(`  ${theme.ok('+')} ${a}`);
			if (result.restated.length) lines.push(theme.dim(`  Your exceptions ${result.restated.join(', ')} are repeated after them, so they still win.`));
			break;
	}
	for (const k of result.kept) lines.push(`${theme.glyph.info} Left out ${theme.code(k.pattern)}: ${k.at} copies ${k.source}.`);
	for (const c of result.secretCopies) {
		lines.push(`${theme.glyph.warn} ${c.dockerfile}:${c.line} copies ${theme.bold(c.path)} into the image, but it holds secrets and stays excluded: that build fails until you pass it at run time instead (--env-file, or a build secret: RUN --mount=type=secret).`);
	}
	if (result.mode === 'created' || result.mode === 'replaced') lines.push(theme.dim('Your next build shows the context size: "transferring context" (BuildKit) or "Sending build context" (legacy builder).'));
	return lines.join('\n');
}
