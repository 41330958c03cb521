/** The heavy half of `lint` (parser, rules, engine, files), loaded only when lint runs. */
import {findDockerfiles, loadLintConfig, readDockerfiles, readStdin} from '../adapters/lint-files.js';
import type {Engine} from '../adapters/docker.js';
import {isHelperError, usageError} from '../core/errors.js';
import type {Threshold} from '../core/lint/config.js';
import {lintModel} from '../core/lint/engine.js';
import {parseDockerfile} from '../core/lint/parse.js';
import {isFailure, summarize, type BaseCheck, type LintedFile, type LintReport, type RulesReport} from '../core/lint/report.js';
import {rules} from '../core/lint/rules/index.js';
import type {BaseImageInfo, DockerfileModel, Stage} from '../core/lint/types.js';
import {flagBool, flagString, type Context, type Input} from './types.js';

/** The stage whose FROM names an external image (following FROM <stage>). */
function externalStage(model: DockerfileModel, stage: Stage): Stage {
	let s = stage;
	for (let n = 0; n < 50 && s.base.stageIndex !== undefined; n++) s = model.stages[s.base.stageIndex] ?? s;
	return s;
}

interface EngineState {
	engine: Engine | undefined;
	arch?: string;
	note: string;
	cache: Map<string, Promise<BaseImageInfo | null | undefined>>;
}

async function connect(ctx: Context, input: Input): Promise<EngineState> {
	const state: EngineState = {engine: undefined, note: '', cache: new Map()};
	if (input.flags.engine === false) {
		state.note = '--no-engine';
		return state;
	}
	try {
		state.engine = await ctx.engine();
		state.note = 'checked through the engine';
		try {
			state.arch = (await state.engine.version()).Arch;
		} catch {
			// the architecture comparison is skipped
		}
	} catch (error) {
		state.note = isHelperError(error) ? `no engine reachable (${error.message.replace(/\.$/, '')})` : 'no engine reachable';
	}
	return state;
}

async function inspectBase(state: EngineState, ref: string): Promise<BaseImageInfo | null | undefined> {
	if (!state.engine) return undefined;
	let p = state.cache.get(ref);
	if (!p) {
		const engine = state.engine;
		p = engine.inspectImage(ref).then(
			(img): BaseImageInfo => ({
				ref,
				id: img.Id,
				user: img.Config?.User ?? '',
				healthcheck: (img.Config as {Healthcheck?: {Test?: string[]}} | undefined)?.Healthcheck?.Test ?? undefined,
				entrypoint: (img.Config?.Entrypoint as string[] | null | undefined) ?? undefined,
				cmd: (img.Config?.Cmd as string[] | null | undefined) ?? undefined,
				exposedPorts: Object.keys(img.Config?.ExposedPorts ?? {}),
				architecture: img.Architecture,
				os: img.Os,
				env: img.Config?.Env ?? [],
				workingDir: img.Config?.WorkingDir ?? '',
				...(state.arch ? {engineArchitecture: state.arch} : {}),
			}),
			(error: unknown) => (isHelperError(error) && error.code === 'NO_SUCH_IMAGE' ? null : undefined),
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

export async function runLint(ctx: Context, input: Input): Promise<LintReport> {
	const format = (flagString(input, 'format') ?? (flagBool(input, 'json') ? 'json' : 'text')) as LintReport['format'];
	const config = await loadLintConfig(ctx.cwd, flagString(input, 'config'));
	const files = findDockerfiles(ctx.cwd, input.args);
	if (files.filter((f) => f === '-').length > 1) throw usageError('stdin (-) can be given once.', 'docker-helper lint - < Dockerfile');
	const inputs = readDockerfiles(ctx.cwd, files, readStdin);
	ctx.progress(`linting ${inputs.length} file${inputs.length === 1 ? '' : 's'}`);
	const models = inputs.map((i) => parseDockerfile(i.source, i.display));

	// The engine, only when some final stage has an external base to look at.
	const wantsEngine = models.some((m) => {
		const final = m.stages.find((s) => s.final);
		return final !== undefined && !externalStage(m, final).base.scratch;
	});
	const state: EngineState = wantsEngine ? await connect(ctx, input) : {engine: undefined, note: '', cache: new Map()};

	const linted: LintedFile[] = [];
	for (const model of models) {
		const final = model.stages.find((s) => s.final);
		let base: BaseCheck | null = null;
		let info: BaseImageInfo | null | undefined;
		if (final) {
			const ext = externalStage(model, final);
			const image = ext.base.expanded || ext.base.raw;
			if (ext.base.scratch) base = baseCheck(final, 'scratch', undefined, 'scratch');
			else if (ext.base.unresolved.length > 0 || image === '') base = baseCheck(final, ext.base.raw, undefined, 'unresolved');
			else {
				info = await inspectBase(state, image);
				base = baseCheck(final, image, info);
			}
		}
		const result = lintModel(model, {
			rules,
			config,
			base: (stage) => (final && stage.index === final.index && base?.status !== 'unresolved' ? info : undefined),
		});
		linted.push({file: model.path, findings: result.findings, suppressed: result.suppressed, suppressions: result.suppressions.map((s) => ({line: s.line, scope: s.scope, codes: s.codes, reason: s.reason, source: s.source, used: s.used})), parseErrors: result.parseErrors, crashes: result.crashes, base, lines: model.lines});
	}
	const threshold = (flagString(input, 'failureThreshold') ?? config.failureThreshold ?? 'info') as Threshold;
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
		...(format === 'sarif' ? {ruleList: listRules().rules} : {}),
	};
}

export function listRules(): RulesReport {
	return {mode: 'rules', rules: rules.map((r) => ({id: r.id, slug: r.slug, severity: r.severity, description: r.description, equivalents: r.equivalents}))};
}

