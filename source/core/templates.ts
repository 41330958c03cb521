/** The Dockerfile templates' metadata (assets/dockerfiles/index.json): shape, lookup, next steps. Pure. */
import {HelperError} from './errors.js';
import {didYouMean, suggest} from './suggest.js';

export interface ExpectedFile {
	readonly path: string;
	readonly why: string;
}

export interface TemplateVariant {
	readonly id: string;
	readonly file: string;
	readonly title: string;
	readonly language: string;
	/** The final stage's base image, exactly as the template resolves it. */
	readonly base: string;
	readonly family: 'alpine' | 'debian';
	readonly multiStage: boolean;
	readonly production: boolean;
	readonly typicalSize: string;
	readonly summary: string;
	readonly chooseWhen: string;
	/** When to choose it, in a few words, for the interactive picker. */
	readonly pick: string;
	readonly port: number;
	readonly user: string;
	readonly healthProbe: string;
	readonly expects: readonly ExpectedFile[];
	/** `docker run` flags the template is meant for (ports, volumes). */
	readonly runFlags: string;
}

const STRING_FIELDS = ['id', 'file', 'title', 'language', 'base', 'typicalSize', 'summary', 'chooseWhen', 'pick', 'user', 'healthProbe', 'runFlags'] as const;

/** Validate the index: a malformed shipped file is a packaging bug, reported precisely. */
export function parseTemplateIndex(doc: unknown): TemplateVariant[] {
	const variants = (doc as {variants?: unknown})?.variants;
	if (!Array.isArray(variants) || variants.length === 0) throw new Error('templates index: "variants" must be a non-empty array');
	const ids = new Set<string>();
	return variants.map((v: Record<string, unknown>, i) => {
		for (const f of STRING_FIELDS)
			if (typeof v[f] !== 'string' || v[f] === '') throw new Error(`templates index: variants[${i}].${f} must be a non-empty string`);
		if (v['family'] !== 'alpine' && v['family'] !== 'debian') throw new Error(`templates index: variants[${i}].family must be alpine or debian`);
		if (typeof v['multiStage'] !== 'boolean' || typeof v['production'] !== 'boolean')
			throw new Error(`templates index: variants[${i}] needs boolean multiStage and production`);
		if (typeof v['port'] !== 'number') throw new Error(`templates index: variants[${i}].port must be a number`);
		const expects = v['expects'];
		if (!Array.isArray(expects) || expects.some((e: Record<string, unknown>) => typeof e?.['path'] !== 'string' || typeof e?.['why'] !== 'string'))
			throw new Error(`templates index: variants[${i}].expects must list {path, why}`);
		const id = v['id'] as string;
		if (!/^[a-z][a-z0-9-]*$/.test(id) || ids.has(id)) throw new Error(`templates index: variants[${i}].id '${id}' must be unique kebab-case`);
		ids.add(id);
		return v as unknown as TemplateVariant;
	});
}

export function findVariant(variants: readonly TemplateVariant[], name: string): TemplateVariant {
	const wanted = name.trim().toLowerCase();
	const hit = variants.find((v) => v.id === wanted);
	if (hit) return hit;
	const ids = variants.map((v) => v.id);
	const close = suggest(wanted, ids);
	throw new HelperError(
		'UNKNOWN_VARIANT',
		`Unknown Dockerfile variant '${name}'.`,
		`${didYouMean(close)} Variants: ${ids.join(', ')} (docker-helper copy-dockerfile --list).`.trim(),
		{variant: name, suggestions: close, variants: ids},
	);
}

/** A Docker image name from a directory name: lower case, [a-z0-9._-], never empty. */
export function imageNameFor(directory: string): string {
	const name = directory
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^[^a-z0-9]+/, '')
		.replace(/[^a-z0-9]+$/, '');
	return name || 'myapp';
}

export interface NextStepsInput {
	readonly variant: TemplateVariant;
	/** The Dockerfile path relative to the build context (the working directory). */
	readonly dockerfile: string;
	readonly image: string;
	readonly missing: readonly string[];
	readonly hasDockerignore: boolean;
}

/** The commands to run after copying a template, in order. */
export function nextSteps(input: NextStepsInput): string[] {
	const steps: string[] = [];
	if (input.missing.length > 0) steps.push(`Create ${input.missing.join(', ')} (see "expects" above)`);
	if (!input.hasDockerignore) steps.push('docker-helper generate-dockerignore   # keep .git, .env and caches out of the build context');
	const file = input.dockerfile === 'Dockerfile' ? '' : ` -f ${shellQuote(input.dockerfile)}`;
	steps.push(`docker build${file} -t ${input.image} .`);
	if (input.variant.production) {
		steps.push(`docker run -d --name ${input.image} ${input.variant.runFlags} ${input.image}`);
		steps.push(`docker inspect --format '{{.State.Health.Status}}' ${input.image}   # "healthy" once GET /health answers`);
	} else steps.push(`docker run --rm ${input.variant.runFlags} ${input.image}`);
	return steps;
}

function shellQuote(s: string): string {
	return /^[A-Za-z0-9_./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** "about 45-60 MB base + ..." → "~45-60 MB" for the picker. */
export function shortSize(typicalSize: string): string {
	const m = /(\d[\d.,-]*\s*[KMG]B)/.exec(typicalSize);
	return m ? `~${m[1]}` : typicalSize;
}

/** copy-dockerfile's Result: the variant list, the template for stdout, or what was written and what it expects. */
export type CopyDockerfileResult =
	| {readonly kind: 'list'; readonly variants: readonly TemplateVariant[]}
	| {readonly kind: 'stdout'; readonly variant: string; readonly content: string}
	| {
			readonly kind: 'written';
			readonly variant: string;
			readonly title: string;
			readonly path: string;
			readonly bytes: number;
			readonly replaced: boolean;
			readonly backup: string | null;
			readonly expects: ReadonlyArray<{readonly path: string; readonly why: string; readonly present: boolean}>;
			readonly nextSteps: readonly string[];
	  };
