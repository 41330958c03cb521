/** Reads the shipped Dockerfile templates (assets/dockerfiles/). */
import {readFile} from 'node:fs/promises';
import {parseTemplateIndex, type TemplateVariant} from '../core/templates.js';
import {packagePath} from './content.js';

let cached: TemplateVariant[] | undefined;

export async function loadVariants(): Promise<TemplateVariant[]> {
	cached ??= parseTemplateIndex(JSON.parse(await readFile(packagePath('assets', 'dockerfiles', 'index.json'), 'utf8')));
	return cached;
}

export async function readTemplate(variant: TemplateVariant): Promise<string> {
	return readFile(packagePath('assets', 'dockerfiles', variant.file), 'utf8');
}
