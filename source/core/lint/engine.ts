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
	type Instruction,
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

/**
 * `# docker-helper ignore=...`, `ignore-stage=`, `ignore-file=`; hadolint's own three forms
 * `# hadolint ignore=`, `# hadolint stage ignore=`, `# hadolint global ignore=` (hadolint 2.13+),
 * each with an optional `-- reason` or `# comment` after the list.
 */
const PRAGMA =
	/^(docker-helper|hadolint)\s+(?:(global|stage)\s+)?(ignore|ignore-file|ignore-stage)\s*=\s*([^\s,#]+(?:\s*,\s*[^\s,#]+)*)\s*(?:--\s*(.*)|#\s*(.*)|.*)$/i;
/** BuildKit's check directive read as a comment right above an instruction: `# check=skip=Rule[,Rule]`. */
const CHECK_COMMENT = /^check\s*=\s*(.*)$/i;

function checkSkips(value: string): string[] | undefined {
	for (const part of value.split(';')) {
		const [k, v] = part.split('=', 2).map((x) => x?.trim() ?? '');
		if (k?.toLowerCase() === 'skip' && v)
			return v.toLowerCase() === 'all'
				? ['*buildkit']
				: v
						.split(',')
						.map((x) => x.trim())
						.filter(Boolean);
	}
	return undefined;
}

/** The stage that holds `line`, or the one the next instruction starts or belongs to. */
function stageAround(model: DockerfileModel, line: number, next: Instruction | undefined): Stage | undefined {
	const at = next?.line ?? line;
	return model.stages.find((s) => at >= s.line && at <= s.endLine);
}

export function findSuppressions(model: DockerfileModel): Suppression[] {
	const out: Suppression[] = [];
	const instructions = model.instructions;
	const directiveLines = new Set(model.directives.map((d) => d.line));
	let cursor = 0; // comments and instructions are both in line order: one walk finds each comment's next instruction
	for (const c of model.comments) {
		while (cursor < instructions.length && instructions[cursor]!.line <= c.line) cursor++;
		const next = instructions[cursor];
		const m = PRAGMA.exec(c.text);
		if (!m) {
			// `# check=skip=...` above an instruction (not the file's directive block): that instruction only.
			const chk = directiveLines.has(c.line) ? null : CHECK_COMMENT.exec(c.text);
			const codes = chk ? checkSkips(chk[1]!) : undefined;
			if (codes && next)
				out.push({line: c.line, scope: 'line', codes, reason: 'check=skip comment', source: 'buildkit', from: next.line, to: next.endLine, used: 0});
			continue;
		}
		const source = m[1]!.toLowerCase() as 'docker-helper' | 'hadolint';
		const qualifier = m[2]?.toLowerCase();
		const kind = m[3]!.toLowerCase();
		const codes = m[4]!
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const reason = (m[5] ?? m[6])?.trim() || undefined;
		if (kind === 'ignore-file' || qualifier === 'global') {
			out.push({line: c.line, scope: 'file', codes, reason, source, from: 1, to: model.lines.length, used: 0});
		} else if (kind === 'ignore-stage' || qualifier === 'stage') {
			// From the next instruction to the end of its stage: above a FROM, that whole stage.
			const stage = stageAround(model, c.line, next);
			const from = next?.line ?? stage?.line ?? 1;
			const to = stage?.endLine ?? model.lines.length;
			out.push({line: c.line, scope: 'stage', codes, reason, source, from, to, used: 0});
		} else if (next) {
			out.push({line: c.line, scope: 'line', codes, reason, source, from: next.line, to: next.endLine, used: 0});
		}
	}
	// BuildKit: `# check=skip=JSONArgsRecommended,StageNameCasing` (or skip=all) as a parser directive
	const check = model.directives.find((d) => d.name === 'check');
	const skips = check ? checkSkips(check.value) : undefined;
	if (check && skips)
		out.push({line: check.line, scope: 'file', codes: skips, reason: 'check=skip directive', source: 'buildkit', from: 1, to: model.lines.length, used: 0});
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
	return {trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, settings: config.settings, strictLabels: config.strictLabels === true};
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
	// hadolint reports an instruction before FROM as DL3061: its ignores and maps apply to DH0001 too.
	const equivalents = kind === 'structure' ? {hadolint: 'DL3061'} : {};
	return {file, line, ...(column === undefined ? {} : {column}), id, slug, severity: 'error', message, equivalents, origin: 'file'};
}

export function lintModel(model: DockerfileModel, run: LintRun): FileLint {
	const config = run.config ?? EMPTY_CONFIG;
	const file = model.path;
	const findings: Finding[] = model.problems.map((p) => parseFinding(file, p.line, p.column, p.message, p.kind));
	const crashes: RuleCrash[] = [];
	const suppressions = config.disableIgnorePragma === true ? [] : findSuppressions(model);
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
	// Ids are ASCII (DH1234, DL3008): a code-unit comparison orders them as localeCompare did, without ICU.
	findings.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
