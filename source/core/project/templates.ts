/** init's templates as data: their metadata (template.json), validated, and the set a run chooses from. Pure. */
import type {TemplateValue} from './template-lang.js';
import {checkHealthPath} from '../templates/compose.js';
import {checkTemplate} from './template-lang.js';
import type {Language} from './types.js';

export interface TemplateCase {
	/** A fixture project under test/fixtures/init/. */
	readonly project: string;
	/** Answers given with it (--stack static-busybox). */
	readonly flags?: Readonly<Record<string, string | number | boolean>>;
}

export interface InitTemplate {
	readonly id: string;
	/** The detected stack this template serves. */
	readonly stack: string;
	/** false: chosen only by name (--stack <id>), never for a detection. */
	readonly default: boolean;
	readonly language: Language;
	readonly title: string;
	readonly summary: string;
	/** Which version flag answers it (--python, --node, --go, --java) and the version when the project names none. */
	readonly runtime: {readonly flag: string; readonly default: string} | null;
	/** Image references, themselves templates over {{runtime}}. */
	readonly buildBase: string;
	readonly base: string;
	readonly cmd: readonly string[];
	/** The probe, exec form; null: a tool with nothing to probe. */
	readonly health: readonly string[] | null;
	readonly healthWhy: string;
	readonly healthPath: string;
	readonly startPeriod: string;
	readonly env: ReadonlyArray<{readonly name: string; readonly value: string}>;
	readonly vars: Readonly<Record<string, TemplateValue>>;
	readonly cases: readonly TemplateCase[];
	/** The Dockerfile template's text. */
	readonly dockerfile: string;
	readonly source: 'shipped' | 'custom';
	/** Where it was read from, for messages. */
	readonly dir: string;
}

export interface TemplateSet {
	readonly templates: readonly InitTemplate[];
	readonly partials: Readonly<Record<string, string>>;
}

const LANGUAGES: readonly Language[] = ['python', 'node', 'go', 'java', 'static'];
const ID = /^[a-z][a-z0-9-]*$/;

function strings(v: unknown): v is string[] {
	return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Validate one template.json; `dockerfile` is the text of its Dockerfile template. Errors name the file. */
export function parseInitTemplate(doc: unknown, dockerfile: string, where: {dir: string; source: 'shipped' | 'custom'}): InitTemplate {
	const d = doc as Record<string, unknown>;
	const bad = (what: string) => new Error(`${where.dir}/template.json: ${what}`);
	if (typeof d !== 'object' || d === null) throw bad('must be a JSON object');
	const id = d['id'];
	if (typeof id !== 'string' || !ID.test(id)) throw bad('"id" must be kebab-case');
	for (const k of ['title', 'summary', 'base', 'healthPath', 'startPeriod'] as const)
		if (typeof d[k] !== 'string' || d[k] === '') throw bad(`"${k}" must be a non-empty string`);
	// The path is pasted into the probe's code (a Python or JavaScript string): only URL path characters.
	const healthPath = checkHealthPath(d['healthPath'] as string);
	if (!healthPath.ok || !(d['healthPath'] as string).startsWith('/')) throw bad(`"healthPath": ${healthPath.ok ? 'must start with /' : healthPath.reason}`);
	if (!LANGUAGES.includes(d['language'] as Language)) throw bad(`"language" must be one of ${LANGUAGES.join(', ')}`);
	if (!strings(d['cmd']) || d['cmd'].length === 0) throw bad('"cmd" must be a non-empty list of strings');
	if (d['health'] !== null && (!strings(d['health']) || d['health'].length === 0)) throw bad('"health" must be a list of strings, or null for a tool');
	const runtime = d['runtime'];
	if (
		runtime !== null &&
		(typeof runtime !== 'object' ||
			typeof (runtime as Record<string, unknown>)['flag'] !== 'string' ||
			typeof (runtime as Record<string, unknown>)['default'] !== 'string')
	)
		throw bad('"runtime" must be {flag, default} or null');
	const env = d['env'] ?? [];
	if (!Array.isArray(env) || env.some((e: Record<string, unknown>) => typeof e?.['name'] !== 'string' || typeof e?.['value'] !== 'string'))
		throw bad('"env" must list {name, value}');
	const cases = (d['cases'] ?? []) as unknown[];
	if (!Array.isArray(cases)) throw bad('"cases" must be a list');
	const parsedCases: TemplateCase[] = cases.map((c) => (typeof c === 'string' ? {project: c} : (c as TemplateCase)));
	try {
		checkTemplate(dockerfile, `${where.dir}/Dockerfile.tmpl`);
	} catch (error) {
		throw bad((error as Error).message);
	}
	return {
		id,
		stack: typeof d['stack'] === 'string' ? d['stack'] : id,
		default: d['default'] !== false,
		language: d['language'] as Language,
		title: d['title'] as string,
		summary: d['summary'] as string,
		runtime: runtime as InitTemplate['runtime'],
		buildBase: typeof d['buildBase'] === 'string' ? d['buildBase'] : '',
		base: d['base'] as string,
		cmd: d['cmd'] as string[],
		health: (d['health'] as string[] | null) ?? null,
		healthWhy: typeof d['healthWhy'] === 'string' ? d['healthWhy'] : '',
		healthPath: d['healthPath'] as string,
		startPeriod: d['startPeriod'] as string,
		env: env as InitTemplate['env'],
		vars: (d['vars'] ?? {}) as InitTemplate['vars'],
		cases: parsedCases,
		dockerfile,
		source: where.source,
		dir: where.dir,
	};
}

/** Custom templates override shipped ones with the same id, or add new ids; their partials override too. */
export function mergeTemplateSets(shipped: TemplateSet, custom: TemplateSet | null): TemplateSet {
	if (!custom) return shipped;
	const byId = new Map(shipped.templates.map((t) => [t.id, t]));
	for (const t of custom.templates) byId.set(t.id, t);
	return {templates: [...byId.values()], partials: {...shipped.partials, ...custom.partials}};
}

/** The template for a detected stack: a custom default for the stack wins over the shipped one. */
export function templateForStack(set: TemplateSet, stack: string): InitTemplate | undefined {
	const candidates = set.templates.filter((t) => t.stack === stack && t.default);
	return candidates.find((t) => t.source === 'custom') ?? candidates[0];
}
