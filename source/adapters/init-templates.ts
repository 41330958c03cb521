/** Reads init's template sets: the shipped one (assets/init/) and a team's own directory (--template-dir). */
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {HelperError} from '../core/errors.js';
import {parseInitTemplate, type InitTemplate, type TemplateSet} from '../core/project/templates.js';
import {packagePath} from './content.js';
import {readText} from './files.js';

let shipped: TemplateSet | undefined;

export function shippedTemplateDir(): string {
	return packagePath('assets', 'init');
}

export async function loadShippedTemplates(): Promise<TemplateSet> {
	shipped ??= await loadTemplateDir(shippedTemplateDir(), 'shipped');
	return shipped;
}

/**
 * A template directory: one sub-directory per template (template.json + Dockerfile.tmpl) and an optional
 * _partials/ of <name>.tmpl files. A malformed template is a usage error naming the file.
 */
export async function loadTemplateDir(dir: string, source: 'shipped' | 'custom'): Promise<TemplateSet> {
	let entries: import('node:fs').Dirent[];
	try {
		entries = await fs.readdir(dir, {withFileTypes: true});
	} catch {
		throw new HelperError(
			'FILE_UNREADABLE',
			`Cannot read the template directory ${dir}.`,
			'Pass a directory that holds <template>/template.json and <template>/Dockerfile.tmpl (see docs/init.md).',
			{path: dir},
		);
	}
	const templates: InitTemplate[] = [];
	const partials: Record<string, string> = {};
	for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		if (!entry.isDirectory()) continue;
		const sub = path.join(dir, entry.name);
		if (entry.name === '_partials') {
			for (const f of await fs.readdir(sub)) if (f.endsWith('.tmpl')) partials[f.slice(0, -5)] = await readText(path.join(sub, f));
			continue;
		}
		const meta = path.join(sub, 'template.json');
		let doc: unknown;
		try {
			doc = JSON.parse(await readText(meta));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as {code?: string}).code === 'FILE_UNREADABLE') continue; // not a template
			throw new HelperError('USAGE', `${meta} is not valid JSON: ${(error as Error).message}`, 'Fix the template, or leave it out of --template-dir.', {
				path: meta,
			});
		}
		const files = (doc as {files?: {Dockerfile?: string}}).files;
		const dockerfilePath = path.join(sub, files?.Dockerfile ?? 'Dockerfile.tmpl');
		let dockerfile: string;
		try {
			dockerfile = await readText(dockerfilePath);
		} catch {
			throw new HelperError(
				'USAGE',
				`The template ${entry.name} has no ${path.basename(dockerfilePath)}.`,
				`Add ${dockerfilePath}, or name its file in template.json "files".`,
				{path: dockerfilePath},
			);
		}
		try {
			templates.push(parseInitTemplate(doc, dockerfile, {dir: sub, source}));
		} catch (error) {
			if (source === 'shipped') throw error; // a packaging bug: keep the trace
			throw new HelperError('USAGE', (error as Error).message, 'Fix the template (docs/init.md lists the fields), or leave it out of --template-dir.', {
				path: meta,
			});
		}
	}
	return {templates, partials};
}

/** `init: {templateDir: ...}` (or template-dir) in .docker-helper.yaml / .yml in the project directory. */
export async function configTemplateDir(dir: string): Promise<string | undefined> {
	for (const name of ['.docker-helper.yaml', '.docker-helper.yml']) {
		const file = path.join(dir, name);
		let text: string;
		try {
			text = await readText(file);
		} catch {
			continue;
		}
		const {parse} = await import('yaml');
		let doc: unknown;
		try {
			doc = parse(text);
		} catch (error) {
			throw new HelperError('USAGE', `Cannot read ${name}: ${(error as Error).message.split('\n')[0]}`, 'Fix the YAML, or pass --template-dir explicitly.', {
				path: file,
			});
		}
		const init = (doc as {init?: Record<string, unknown>} | null)?.init;
		const value = init?.['templateDir'] ?? init?.['template-dir'];
		if (typeof value === 'string' && value !== '') return path.resolve(dir, value);
		return undefined;
	}
	return undefined;
}
