/** The heavy half of `lint` (parser, rules, engine, files), loaded only when lint runs. */
import {DEFAULT_LINT_MAX_BYTES, findDockerfiles, loadLintConfig, readDockerfiles, readStdin} from '../adapters/lint-files.js';
import type {Engine} from '../adapters/docker.js';
import {isHelperError, usageError} from '../core/errors.js';
import {parseSize} from '../core/images/gates.js';
import {EMPTY_CONFIG, mergeConfigs, type LintConfig, type Threshold} from '../core/lint/config.js';
import {lintModel} from '../core/lint/engine.js';
import {parseDockerfile} from '../core/lint/parse.js';
import {isFailure, summarize, type BaseCheck, type LintedFile, type LintReport, type RulesReport} from '../core/lint/report.js';
import {rules} from '../core/lint/rules/index.js';
import type {BaseImageInfo, DockerfileModel, Stage} from '../core/lint/types.js';
import {flagBool, flagString, type Context, type Input} from './types.js';
import {redactLines} from '../core/redact.js';
import path from 'node:path';
import {isComposeFileName, lintCompose} from '../core/lint/compose.js';

/**
 * The file's source lines, redacted, for carets in the text formats and the interactive view. Computed
 * on first read: --json leaves them out, and redacting every line of every file was the largest single
 * cost of a JSON run after the rules (bench/RESULTS.md, "lint: whole process").
 */
function withRedactedLines(entry: Omit<LintedFile, 'lines'>, raw: readonly string[]): LintedFile {
	let lines: readonly string[] | undefined;
	return Object.defineProperty(entry, 'lines', {
		enumerable: true,
		get: () => (lines ??= redactLines(raw)),
	}) as LintedFile;
}

/** The stage whose FROM names an external image (following FROM <stage>). */
function externalStage(model: DockerfileModel, stage: Stage): Stage {
	let s = stage;
	for (let n = 0; n < 50 && s.base.stageIndex !== undefined; n++) s = model.stages[s.base.stageIndex] ?? s;
	return s;
}

/** The longest lint waits on the engine in all (connect, version, base-image lookups); then it goes on statically. */
export const LINT_ENGINE_BUDGET_MS = 3000;

interface EngineState {
	engine: Engine | undefined;
	arch?: string;
	note: string;
	cache: Map<string, Promise<BaseImageInfo | null | undefined>>;
	/** Date.now() past which lint no longer waits on the engine. */
	deadline: number;
}

class OverBudget extends Error {}

/** `promise`, or OverBudget once the budget is spent (the request is left to its own deadline; the process exits at the end). */
function withinBudget<T>(state: EngineState, promise: Promise<T>): Promise<T> {
	const left = state.deadline - Date.now();
	if (left <= 0) return Promise.reject(new OverBudget());
	let timer: NodeJS.Timeout | undefined;
	return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new OverBudget()), left)))]).finally(() =>
		clearTimeout(timer),
	);
}

function overBudgetNote(where: string): string {
	return `the engine${where ? ` at ${where}` : ''} did not answer within ${LINT_ENGINE_BUDGET_MS / 1000} s: base images not checked`;
}

async function connect(ctx: Context, input: Input): Promise<EngineState> {
	const state: EngineState = {engine: undefined, note: '', cache: new Map(), deadline: Date.now() + LINT_ENGINE_BUDGET_MS};
	if (input.flags.engine === false) {
		state.note = '--no-engine';
		return state;
	}
	try {
		state.engine = await withinBudget(state, ctx.engine());
		state.note = 'checked through the engine';
		try {
			state.arch = (await withinBudget(state, state.engine.version())).Arch;
		} catch {
			// the architecture comparison is skipped
		}
	} catch (error) {
		if (error instanceof OverBudget) {
			const endpoint = await ctx.endpoint().catch(() => undefined);
			state.note = overBudgetNote(endpoint?.host ?? '');
		} else state.note = isHelperError(error) ? `no engine reachable (${error.message.replace(/\.$/, '')})` : 'no engine reachable';
	}
	return state;
}

async function inspectBase(state: EngineState, ref: string): Promise<BaseImageInfo | null | undefined> {
	if (!state.engine) return undefined;
	let p = state.cache.get(ref);
	if (!p) {
		const engine = state.engine;
		p = withinBudget(state, engine.inspectImage(ref)).then(
			(img): BaseImageInfo => ({
				ref,
				id: img.id,
				user: img.config.user,
				healthcheck: img.config.healthcheck ?? undefined,
				entrypoint: img.config.entrypoint ?? undefined,
				cmd: img.config.cmd ?? undefined,
				exposedPorts: img.config.exposedPorts,
				architecture: img.architecture ?? '',
				os: img.os ?? '',
				env: img.config.env,
				workingDir: img.config.workingDir,
				...(state.arch ? {engineArchitecture: state.arch} : {}),
			}),
			(error: unknown) => {
				if (error instanceof OverBudget) {
					state.engine = undefined;
					state.note = overBudgetNote(engine.endpoint.host);
					return undefined;
				}
				// A FROM that is not a valid reference is the Dockerfile's problem (the rules say so), not the engine's.
				return isHelperError(error) && error.code === 'NO_SUCH_IMAGE' ? null : undefined;
			},
		);
		state.cache.set(ref, p);
	}
	return p;
}

function baseCheck(stage: Stage, image: string, info: BaseImageInfo | null | undefined, status?: BaseCheck['status']): BaseCheck {
	if (status) return {stage: stage.index, image, status};
	if (info === undefined) return {stage: stage.index, image, status: 'not-checked'};
	if (info === null) return {stage: stage.index, image, status: 'missing'};
	return {
		stage: stage.index,
		image,
		status: 'checked',
		user: info.user,
		healthcheck: info.healthcheck ?? null,
		entrypoint: info.entrypoint ?? null,
		cmd: info.cmd ?? null,
		exposedPorts: info.exposedPorts,
		architecture: info.architecture,
		os: info.os,
	};
}

export const LINT_FORMATS = ['text', 'json', 'sarif', 'github', 'gnu', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'sonarqube', 'tty'] as const;

/** The default failure threshold: errors and warnings fail a run, info and style advice does not. */
export const DEFAULT_THRESHOLD: Threshold = 'warning';

const LABEL_FORMATS = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

function flagList(input: Input, name: string): string[] {
	const v = input.flags[name];
	return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

/** hadolint's command-line options as a config that wins over the files' (lists add up). */
function commandLineConfig(input: Input): LintConfig {
	const labelSchema: Record<string, string> = {};
	for (const spec of flagList(input, 'requireLabel')) {
		const at = spec.lastIndexOf(':');
		const [key, kind] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, ''];
		if (!LABEL_FORMATS.includes(kind))
			throw usageError(
				`--require-label ${spec}: expected key:format, format one of ${LABEL_FORMATS.join(', ')}.`,
				'docker-helper lint --require-label org.opencontainers.image.source:url',
			);
		labelSchema[key] = kind;
	}
	return {
		...EMPTY_CONFIG,
		ignored: flagList(input, 'ignore').flatMap((c) =>
			c
				.split(',')
				.map((x) => x.trim())
				.filter(Boolean),
		),
		trustedRegistries: flagList(input, 'trustedRegistry'),
		labelSchema,
		...(input.flags.strictLabels === true ? {strictLabels: true} : {}),
		...(input.flags.disableIgnorePragma === true ? {disableIgnorePragma: true} : {}),
	};
}

/** --max-file-size: 64MiB, 100MB, 20000000 (bytes); at least 1 KiB, so a typo cannot make every file too large. */
function maxFileSize(input: Input): number {
	const raw = flagString(input, 'maxFileSize');
	if (raw === undefined) return DEFAULT_LINT_MAX_BYTES;
	const bytes = parseSize(raw);
	if (bytes === null || !Number.isSafeInteger(bytes) || bytes < 1024)
		throw usageError(`--max-file-size '${raw}' is not a size of at least 1 KiB.`, 'For example: --max-file-size 64MiB (or 100MB, or a number of bytes).');
	return bytes;
}

export async function runLint(ctx: Context, input: Input): Promise<LintReport> {
	const config = mergeConfigs(await loadLintConfig(ctx.cwd, flagString(input, 'config')), commandLineConfig(input));
	const asked = flagString(input, 'format') ?? (flagBool(input, 'json') ? 'json' : undefined) ?? config.format ?? 'text';
	if (!(LINT_FORMATS as readonly string[]).includes(asked))
		throw usageError(`format: ${asked} is not a lint format.`, `Use one of ${LINT_FORMATS.join(', ')}.`);
	// tty is hadolint's name for its coloured text; gitlab_codeclimate is the Code Climate JSON GitLab reads
	const format = (asked === 'tty' ? 'text' : asked === 'gitlab_codeclimate' ? 'codeclimate' : asked) as LintReport['format'];
	const files = findDockerfiles(ctx.cwd, input.args);
	if (files.filter((f) => f === '-').length > 1) throw usageError('stdin (-) can be given once.', 'docker-helper lint - < Dockerfile');
	const stdinName = flagString(input, 'filePathInReport');
	const inputs = (await readDockerfiles(ctx.cwd, files, readStdin, {maxBytes: maxFileSize(input)})).map((i) =>
		i.display === '-' && stdinName ? {...i, display: stdinName} : i,
	);
	ctx.progress(`linting ${inputs.length} file${inputs.length === 1 ? '' : 's'}`);
	// One file at a time: a model is dropped once its findings are taken (all of them at once would
	// hold every file's instructions and shell words in memory until the end, and the GC pays for it).
	// The engine is connected once, when the first file whose final stage has an external base needs it.
	let state: EngineState | undefined;
	const noEngine: EngineState = {engine: undefined, note: '', cache: new Map(), deadline: 0};
	const linted: LintedFile[] = [];
	for (const item of inputs) {
		if (item.display !== '-' && isComposeFileName(path.basename(item.display))) {
			// A compose file: the tag rules on its services' images.
			const {parseDocument} = await import('yaml');
			const r = lintCompose(item.source, item.display, config, (text) => parseDocument(text));
			linted.push(
				withRedactedLines(
					{
						file: item.display,
						findings: r.findings,
						suppressed: 0,
						suppressions: [],
						parseErrors: r.parseErrors,
						crashes: [],
						base: null,
					},
					item.source.split('\n'),
				),
			);
			continue;
		}
		const model = parseDockerfile(item.source, item.display);
		const final = model.stages.find((s) => s.final);
		let base: BaseCheck | null = null;
		let info: BaseImageInfo | null | undefined;
		if (final) {
			const ext = externalStage(model, final);
			const image = ext.base.expanded || ext.base.raw;
			if (ext.base.scratch) base = baseCheck(final, 'scratch', undefined, 'scratch');
			else if (ext.base.unresolved.length > 0 || image === '') base = baseCheck(final, ext.base.raw, undefined, 'unresolved');
			else {
				state ??= await connect(ctx, input);
				info = await inspectBase(state, image);
				base = baseCheck(final, image, info);
			}
		}
		const result = lintModel(model, {
			rules,
			config,
			base: (stage) => (final && stage.index === final.index && base?.status !== 'unresolved' ? info : undefined),
		});
		linted.push(
			withRedactedLines(
				{
					file: model.path,
					findings: result.findings,
					suppressed: result.suppressed,
					suppressions: result.suppressions.map((s) => ({line: s.line, scope: s.scope, codes: s.codes, reason: s.reason, source: s.source, used: s.used})),
					parseErrors: result.parseErrors,
					crashes: result.crashes,
					base,
				},
				model.lines,
			),
		);
	}
	state ??= noEngine;
	const threshold = (flagString(input, 'failureThreshold') ?? config.failureThreshold ?? DEFAULT_THRESHOLD) as Threshold;
	const noFail = input.flags.fail === false || config.noFail === true;
	return {
		mode: 'lint',
		files: linted,
		summary: summarize(linted),
		threshold,
		noFail,
		failed: !noFail && isFailure(linted, threshold),
		engine: {used: state.engine !== undefined, note: state.engine ? 'base images checked through the engine' : state.note || 'no engine needed'},
		config: {sources: config.sources, problems: config.problems},
		format,
		...(format === 'sarif' ? {ruleList: await rulesWithDocs()} : {}),
	};
}

/** The registry with each rule's doc page, for SARIF's rule help (GitHub code scanning shows it beside the alert). */
async function rulesWithDocs(): Promise<RulesReport['rules']> {
	const {loadCatalog} = await import('../adapters/knowledge.js');
	const catalog = await loadCatalog();
	const pages = new Map(catalog.docs.filter((d) => d.collection === 'rules').map((d) => [d.id, d.markdown]));
	return listRules().rules.map((r) => {
		const doc = pages.get(r.slug);
		return doc === undefined ? r : {...r, doc};
	});
}

export function listRules(): RulesReport {
	return {mode: 'rules', rules: rules.map((r) => ({id: r.id, slug: r.slug, severity: r.severity, description: r.description, equivalents: r.equivalents}))};
}
