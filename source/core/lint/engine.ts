/**
 * The lint engine: parse, run every rule, then apply what users control — inline suppressions
 * (`# docker-helper ignore=...`, `# hadolint ignore=...`, BuildKit `# check=skip=...`), config
 * (ignored rules, severity overrides) — and sort. Rules never see any of this.
 */
import {parseDockerfile} from './parse.js';
import {EMPTY_CONFIG, type LintConfig} from './config.js';
import {
	PARSE_ERROR_ID,
	PARSE_ERROR_SLUG,
	STRUCTURE_ERROR_ID,
	STRUCTURE_ERROR_SLUG,
	type BaseImageInfo,
	type DockerfileModel,
	type Finding,
	type LintOptions,
	type Rule,
	type Severity,
	type Stage,
} from './types.js';

export interface Suppression {
	readonly line: number;
	readonly scope: 'line' | 'stage' | 'file';
	readonly codes: readonly string[];
	readonly reason: string | undefined;
	readonly source: 'docker-helper' | 'hadolint' | 'buildkit';
	/** Lines the suppression covers. */
	readonly from: number;
	readonly to: number;
	/** How many findings it silenced. */
	used: number;
}

export interface RuleCrash {
	readonly rule: string;
	readonly message: string;
}

export interface FileLint {
	readonly file: string;
	readonly findings: Finding[];
	readonly suppressed: number;
	readonly suppressions: readonly Omit<Suppression, 'from' | 'to'>[];
	readonly parseErrors: number;
	/** Rules that threw (a bug in the rule): reported, never fatal. */
	readonly crashes: readonly RuleCrash[];
	readonly model: DockerfileModel;
}

export interface LintRun {
	readonly rules: readonly Rule[];
	readonly config?: LintConfig;
	/** Base image config per stage (see RuleContext.base). Omit when no engine is used. */
	readonly base?: (stage: Stage) => BaseImageInfo | null | undefined;
}

export function hadolintCodes(rule: Rule): string[] {
	const h = rule.equivalents.hadolint;
	return h === undefined ? [] : typeof h === 'string' ? [h] : [...h];
}

/** Does a code from a pragma or config (DH4001, apt-get-yes, DL3014, JSONArgsRecommended) name this rule? */
export function codeMatches(rule: {id: string; slug: string; equivalents: Rule['equivalents']}, code: string): boolean {
	const c = code.trim();
	if (c === '') return false;
	const u = c.toUpperCase();
	if (u === rule.id.toUpperCase() || c.toLowerCase() === rule.slug) return true;
	const h = rule.equivalents.hadolint;
	const hs = h === undefined ? [] : typeof h === 'string' ? [h] : h;
	if (hs.some((x) => x.toUpperCase() === u)) return true;
	return rule.equivalents.buildkit !== undefined && rule.equivalents.buildkit.toLowerCase() === c.toLowerCase();
}

const PRAGMA = /^(docker-helper|hadolint)\s+(global\s+)?(ignore|ignore-file|ignore-stage)\s*=\s*([^\s,]+(?:\s*,\s*[^\s,]+)*)\s*(?:--\s*(.*)|.*)$/i;

export function findSuppressions(model: DockerfileModel): Suppression[] {
	const out: Suppression[] = [];
	const instructions = model.instructions;
	let cursor = 0; // comments and instructions are both in line order: one walk finds each comment's next instruction
	for (const c of model.comments) {
		const m = PRAGMA.exec(c.text);
		if (!m) continue;
		while (cursor < instructions.length && instructions[cursor]!.line <= c.line) cursor++;
		const source = m[1]!.toLowerCase() as 'docker-helper' | 'hadolint';
		const global = m[2] !== undefined;
		const kind = m[3]!.toLowerCase();
		const codes = m[4]!.split(',').map((s) => s.trim()).filter(Boolean);
		const reason = m[5]?.trim() || undefined;
		const next = instructions[cursor];
		if (kind === 'ignore-file' || global) {
			out.push({line: c.line, scope: 'file', codes, reason, source, from: 1, to: model.lines.length, used: 0});
		} else if (kind === 'ignore-stage') {
			const stage = model.stages.find((s) => (next ? next.line >= s.line && next.line <= s.endLine : c.line >= s.line && c.line <= s.endLine));
			const from = stage?.line ?? 1;
			const to = stage?.endLine ?? model.lines.length;
			out.push({line: c.line, scope: 'stage', codes, reason, source, from, to, used: 0});
		} else if (next) {
			out.push({line: c.line, scope: 'line', codes, reason, source, from: next.line, to: next.endLine, used: 0});
		}
	}
	// BuildKit: `# check=skip=JSONArgsRecommended,StageNameCasing` (or skip=all)
	const check = model.directives.find((d) => d.name === 'check');
	if (check) {
		for (const part of check.value.split(';')) {
			const [k, v] = part.split('=', 2).map((s) => s?.trim() ?? '');
			if (k?.toLowerCase() === 'skip' && v) {
				const codes = v.toLowerCase() === 'all' ? ['*buildkit'] : v.split(',').map((s) => s.trim());
				out.push({line: check.line, scope: 'file', codes, reason: 'check=skip directive', source: 'buildkit', from: 1, to: model.lines.length, used: 0});
			}
		}
	}
	return out;
}

function suppressionMatches(s: Suppression, rule: Rule): boolean {
	return s.codes.some((code) => {
		if (code === '*buildkit') return rule.equivalents.buildkit !== undefined;
		if (s.source === 'buildkit') return rule.equivalents.buildkit !== undefined && rule.equivalents.buildkit.toLowerCase() === code.toLowerCase();
		return codeMatches(rule, code);
	});
}

function options(config: LintConfig): LintOptions {
	return {trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, settings: config.settings};
}

function configuredSeverity(rule: Rule, config: LintConfig): Severity | 'off' | undefined {
	if (config.ignored.some((code) => codeMatches(rule, code))) return 'off';
	let found: Severity | 'off' | undefined;
	for (const [code, level] of Object.entries(config.overrides)) if (codeMatches(rule, code)) found = level;
	return found;
}

export function lintSource(source: string, file: string, run: LintRun): FileLint {
	let model: DockerfileModel;
	try {
		model = parseDockerfile(source, file);
	} catch (error) {
		// The parser must not throw; if it does, the file is still a finding, not a crash.
		model = parseDockerfile('', file);
		return {
			file,
			findings: [parseFinding(file, 1, undefined, `cannot parse this file: ${(error as Error).message}`)],
			suppressed: 0,
			suppressions: [],
			parseErrors: 1,
			crashes: [],
			model,
		};
	}
	return lintModel(model, run);
}

function parseFinding(file: string, line: number, column: number | undefined, message: string, kind: 'syntax' | 'structure' = 'syntax'): Finding {
	const [id, slug] = kind === 'syntax' ? [PARSE_ERROR_ID, PARSE_ERROR_SLUG] : [STRUCTURE_ERROR_ID, STRUCTURE_ERROR_SLUG];
	return {file, line, ...(column === undefined ? {} : {column}), id, slug, severity: 'error', message, equivalents: {}, origin: 'file'};
}

export function lintModel(model: DockerfileModel, run: LintRun): FileLint {
	const config = run.config ?? EMPTY_CONFIG;
	const file = model.path;
	const findings: Finding[] = model.problems.map((p) => parseFinding(file, p.line, p.column, p.message, p.kind));
	const crashes: RuleCrash[] = [];
	const suppressions = findSuppressions(model);
	let suppressed = 0;
	const ctx = {file: model, options: options(config), base: run.base ?? (() => undefined)};
	for (const rule of run.rules) {
		const configured = configuredSeverity(rule, config);
		if (configured === 'off') continue;
		let raw;
		try {
			raw = rule.check(ctx);
		} catch (error) {
			crashes.push({rule: rule.id, message: (error as Error).message});
			continue;
		}
		for (const f of raw) {
			const hit = suppressions.find((s) => f.line >= s.from && f.line <= s.to && suppressionMatches(s, rule));
			if (hit) {
				hit.used++;
				suppressed++;
				continue;
			}
			findings.push({
				file,
				line: f.line,
				...(f.column === undefined ? {} : {column: f.column}),
				...(f.endLine === undefined ? {} : {endLine: f.endLine}),
				...(f.endColumn === undefined ? {} : {endColumn: f.endColumn}),
				id: rule.id,
				slug: rule.slug,
				severity: configured ?? f.severity ?? rule.severity,
				message: f.message,
				equivalents: rule.equivalents,
				origin: f.origin ?? 'file',
			});
		}
	}
	findings.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || a.id.localeCompare(b.id));
	return {
		file,
		findings,
		suppressed,
		suppressions: suppressions.map(({from: _f, to: _t, ...s}) => s),
		parseErrors: model.problems.filter((p) => p.kind === 'syntax').length,
		crashes,
		model,
	};
}
