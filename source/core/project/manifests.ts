/** Small, forgiving readers for the manifest files detection needs. Pure: text in, data out. */
import type {Dependency} from './types.js';

/** PEP 503 normalisation: `Flask_SQLAlchemy` and `flask.sqlalchemy` are the same project. */
export function pypiName(name: string): string {
	return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/;

/** One PEP 508 requirement ("Django>=5.0,<5.1 ; python_version>'3.8'"), or null for options and URLs. */
export function parseRequirement(text: string): {name: string; spec: string} | null {
	const clean = text.split(';')[0]!.trim();
	if (clean === '' || clean.startsWith('-') || /^(git\+|https?:|file:|\.)/.test(clean)) return null;
	const m = REQUIREMENT.exec(clean);
	if (!m) return null;
	return {name: pypiName(m[1]!), spec: m[3]!.trim()};
}

/** requirements.txt: one requirement a line, `#` comments, `\` continuations ignored. */
export function parseRequirements(file: string, text: string): Dependency[] {
	const out: Dependency[] = [];
	text.split(/\r?\n/).forEach((raw, i) => {
		const line = raw.replace(/(^|\s)#.*$/, '').trim();
		const req = parseRequirement(line);
		if (req) out.push({...req, file, line: i + 1, text: raw.trim()});
	});
	return out;
}

/** The first version number in a specifier: "==5.0.3" → "5.0.3", ">=5.0,<6" → "5.0", "^4.18.2" → "4.18.2". */
export function versionIn(spec: string): string | null {
	const m = /(\d+(?:\.\d+){0,2})/.exec(spec);
	return m ? m[1]! : null;
}

interface TomlSection {
	readonly name: string;
	readonly line: number;
	readonly lines: ReadonlyArray<{readonly n: number; readonly text: string}>;
}

/** TOML split into [sections] with their lines: enough for the keys detection reads. */
export function tomlSections(text: string): TomlSection[] {
	const sections: Array<{name: string; line: number; lines: Array<{n: number; text: string}>}> = [{name: '', line: 0, lines: []}];
	text.split(/\r?\n/).forEach((raw, i) => {
		const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(raw);
		if (header) sections.push({name: header[1]!.replace(/\s+/g, ''), line: i + 1, lines: []});
		else sections[sections.length - 1]!.lines.push({n: i + 1, text: raw});
	});
	return sections;
}

/** A string value `key = "value"` in a section. */
export function tomlString(sections: readonly TomlSection[], section: string, key: string): {value: string; line: number} | null {
	const s = sections.find((x) => x.name === section);
	for (const l of s?.lines ?? []) {
		const m = new RegExp(`^\\s*${key.replace(/[.-]/g, '\\$&')}\\s*=\\s*(["'])(.*?)\\1`).exec(l.text);
		if (m) return {value: m[2]!, line: l.n};
	}
	return null;
}

/** The quoted strings of an array `key = [ ... ]` (one or many lines), each with its line. */
export function tomlArray(sections: readonly TomlSection[], section: string, key: string): Array<{value: string; line: number; text: string}> {
	const s = sections.find((x) => x.name === section);
	if (!s) return [];
	const out: Array<{value: string; line: number; text: string}> = [];
	let inside = false;
	for (const l of s.lines) {
		let text = l.text;
		if (!inside) {
			const m = new RegExp(`^\\s*${key}\\s*=\\s*\\[(.*)$`).exec(text);
			if (!m) continue;
			inside = true;
			text = m[1]!;
		}
		const body = text.replace(/#.*$/, '');
		for (const q of body.matchAll(/(["'])(.*?)\1/g)) out.push({value: q[2]!, line: l.n, text: q[2]!});
		if (body.includes(']')) {
			// A `]` inside a quoted extra ("pkg[extra]") is not the end of the array.
			const unquoted = body.replace(/(["']).*?\1/g, '');
			if (unquoted.includes(']')) break;
		}
	}
	return out;
}

/** Keys of a table (`name = ...` lines), as Poetry and Pipenv list dependencies. */
export function tomlKeys(sections: readonly TomlSection[], section: string): Array<{key: string; value: string; line: number; text: string}> {
	const s = sections.find((x) => x.name === section);
	const out: Array<{key: string; value: string; line: number; text: string}> = [];
	for (const l of s?.lines ?? []) {
		const m = /^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*=\s*(.+?)\s*(#.*)?$/.exec(l.text);
		if (m) out.push({key: m[1]!, value: m[2]!.replace(/^["']|["']$/g, ''), line: l.n, text: l.text.trim()});
	}
	return out;
}

/** pyproject.toml dependencies: PEP 621 [project], Poetry's tables, PDM's dev groups are skipped. */
export function parsePyproject(
	file: string,
	text: string,
): {
	dependencies: Dependency[];
	requiresPython: {value: string; line: number} | null;
	scripts: Array<{name: string; target: string; line: number}>;
	poetry: boolean;
	pdm: boolean;
	name: string | null;
} {
	const sections = tomlSections(text);
	const dependencies: Dependency[] = [];
	for (const item of tomlArray(sections, 'project', 'dependencies')) {
		const req = parseRequirement(item.value);
		if (req) dependencies.push({...req, file, line: item.line, text: item.text});
	}
	for (const k of tomlKeys(sections, 'tool.poetry.dependencies')) {
		if (k.key.toLowerCase() === 'python') continue;
		dependencies.push({name: pypiName(k.key), spec: k.value, file, line: k.line, text: k.text});
	}
	const poetryPython = tomlKeys(sections, 'tool.poetry.dependencies').find((k) => k.key.toLowerCase() === 'python');
	const requiresPython = tomlString(sections, 'project', 'requires-python') ?? (poetryPython ? {value: poetryPython.value, line: poetryPython.line} : null);
	const scripts = [...tomlKeys(sections, 'project.scripts'), ...tomlKeys(sections, 'tool.poetry.scripts')].map((k) => ({
		name: k.key,
		target: k.value,
		line: k.line,
	}));
	const name = tomlString(sections, 'project', 'name')?.value ?? tomlString(sections, 'tool.poetry', 'name')?.value ?? null;
	return {
		dependencies,
		requiresPython,
		scripts,
		poetry: sections.some((s) => s.name.startsWith('tool.poetry')),
		pdm: sections.some((s) => s.name.startsWith('tool.pdm')),
		name,
	};
}

/** Pipfile: [packages] (and [dev-packages], marked dev), [requires] python_version. */
export function parsePipfile(file: string, text: string): {dependencies: Dependency[]; python: {value: string; line: number} | null} {
	const sections = tomlSections(text);
	const dependencies: Dependency[] = [
		...tomlKeys(sections, 'packages').map((k) => ({name: pypiName(k.key), spec: k.value === '*' ? '' : k.value, file, line: k.line, text: k.text})),
		...tomlKeys(sections, 'dev-packages').map((k) => ({name: pypiName(k.key), spec: k.value, file, line: k.line, text: k.text, dev: true})),
	];
	return {dependencies, python: tomlString(sections, 'requires', 'python_version')};
}

export interface PackageJson {
	readonly name?: string;
	readonly main?: string;
	readonly scripts: Readonly<Record<string, string>>;
	readonly engines?: {readonly node?: string};
	readonly packageManager?: string;
	readonly dependencies: Dependency[];
}

/** package.json, with the line each dependency is declared on (for evidence). */
export function parsePackageJson(file: string, text: string): PackageJson | null {
	let doc: Record<string, unknown>;
	try {
		doc = JSON.parse(text) as Record<string, unknown>;
	} catch {
		return null;
	}
	if (typeof doc !== 'object' || doc === null) return null;
	const lines = text.split(/\r?\n/);
	const lineOf = (name: string) => {
		const needle = `"${name}"`;
		const i = lines.findIndex((l) => l.includes(needle) && /:\s*"/.test(l));
		return i === -1 ? 1 : i + 1;
	};
	const dependencies: Dependency[] = [];
	for (const [field, dev] of [
		['dependencies', false],
		['devDependencies', true],
	] as const) {
		const deps = doc[field];
		if (typeof deps !== 'object' || deps === null) continue;
		for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
			const line = lineOf(name);
			dependencies.push({name, spec: String(spec), file, line, text: (lines[line - 1] ?? '').trim().replace(/,$/, ''), ...(dev ? {dev} : {})});
		}
	}
	const scripts = typeof doc['scripts'] === 'object' && doc['scripts'] !== null ? (doc['scripts'] as Record<string, string>) : {};
	const engines = typeof doc['engines'] === 'object' && doc['engines'] !== null ? (doc['engines'] as {node?: string}) : undefined;
	return {
		...(typeof doc['name'] === 'string' ? {name: doc['name']} : {}),
		...(typeof doc['main'] === 'string' ? {main: doc['main']} : {}),
		scripts,
		...(engines ? {engines} : {}),
		...(typeof doc['packageManager'] === 'string' ? {packageManager: doc['packageManager']} : {}),
		dependencies,
	};
}

/** Line (1-based) of the first match of `re` in `text`, with the line's text. */
export function findLine(text: string, re: RegExp): {line: number; text: string; match: RegExpExecArray} | null {
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const m = re.exec(lines[i]!);
		if (m) return {line: i + 1, text: lines[i]!.trim(), match: m};
	}
	return null;
}
