import {findDockerfiles, loadLintConfig, readDockerfiles, readStdin} from '../adapters/lint-files.js';
import type {Engine} from '../adapters/docker.js';
import {EXIT, isHelperError, usageError} from '../core/errors.js';
import type {Threshold} from '../core/lint/config.js';
import {lintModel} from '../core/lint/engine.js';
import {parseDockerfile} from '../core/lint/parse.js';
import {isFailure, summarize, type BaseCheck, type LintedFile, type LintReport, type LintResult} from '../core/lint/report.js';
import {rules} from '../core/lint/rules/index.js';
import type {BaseImageInfo, DockerfileModel, Stage} from '../core/lint/types.js';
import {renderGithub, renderGnu, renderRules, renderText, sarifLog} from '../output/lint-formats.js';
import {flagBool, flagString, type Command, type Context, type Input} from './types.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'gnu'] as const;
const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'] as const;

/** The stage whose FROM names an external image (following FROM <stage>). */
function externalStage(model: DockerfileModel, stage: Stage): Stage {
	let s = stage;
	for (let n = 0; n < 50 && s.base.stageIndex !== undefined; n++) s = model.stages[s.base.stageIndex] ?? s;
	return s;
}

interface EngineState {
	engine: Engine | undefined;
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
	};
}

function jsonReport(report: LintReport): unknown {
	return {
		...report,
		files: report.files.map(({lines: _lines, ...f}) => f),
	};
}

export const lint: Command<LintResult> = {
	name: 'lint',
	summary: 'Lint Dockerfiles for production readiness (BuildKit-aware, checks base images through the engine)',
	description:
		'Checks Dockerfiles against the rules listed by `lint --rules` (hadolint and BuildKit equivalents noted).\n' +
		'A directory is searched recursively for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile\n' +
		'(skipping .dockerignore\'d paths, .git and node_modules); - reads stdin. With an engine, the final\n' +
		"stage's base image is inspected (user, healthcheck, ports) when it is present locally.\n" +
		'Suppress with `# docker-helper ignore=<id>[,<id>] -- reason` on the line before an instruction,\n' +
		'`# docker-helper ignore-stage=...`, `# docker-helper ignore-file=...`; `# hadolint ignore=DLxxxx`,\n' +
		'.hadolint.yaml and .docker-helper.yaml (lint: section) are honoured.\n' +
		'Exit 1 when a finding is at or above --failure-threshold (default info), unless --no-fail.',
	usage: 'docker-helper lint [paths...] [--format text|json|sarif|github|gnu] [--failure-threshold <level>] [--no-fail] [--rules]',
	examples: [
		'docker-helper lint',
		'docker-helper lint . --failure-threshold warning',
		'docker-helper lint - < Dockerfile',
		'docker-helper lint --format sarif > lint.sarif',
		'docker-helper lint --format github',
		'docker-helper lint --rules',
	],
	group: 'build',
	args: [{name: 'paths', description: 'Dockerfiles or directories (default ./Dockerfile); - for stdin', variadic: true}],
	flags: {
		format: {type: 'string', choices: FORMATS, placeholder: 'name', description: 'Output format (json is the same as --json)'},
		failureThreshold: {type: 'string', choices: THRESHOLDS, placeholder: 'level', description: 'Exit 1 when a finding is at or above this severity (default info; none never fails)'},
		fail: {type: 'boolean', default: true, description: 'Always exit 0 when linting ran'},
		engine: {type: 'boolean', description: 'Inspect base images through the engine (default: when one is reachable; --no-engine to skip)'},
		config: {type: 'string', placeholder: 'file', description: 'Config file (.hadolint.yaml or .docker-helper.yaml); default: those in the current directory'},
		rules: {type: 'boolean', description: 'List the rules (id, slug, severity, description, equivalents)'},
	},
	async run(ctx, input): Promise<LintResult> {
		if (flagBool(input, 'rules')) {
			return {mode: 'rules', rules: rules.map((r) => ({id: r.id, slug: r.slug, severity: r.severity, description: r.description, equivalents: r.equivalents}))};
		}
		return runLint(ctx, input);
	},
	exitCode(result) {
		if (result.mode === 'rules') return EXIT.ok;
		return result.failed ? EXIT.failure : EXIT.ok;
	},
	json(result) {
		return result.mode === 'rules' ? result : jsonReport(result);
	},
	text(result, theme) {
		if (result.mode === 'rules') return renderRules(result, theme);
		switch (result.format) {
			case 'json':
				return JSON.stringify(jsonReport(result), null, 2);
			case 'sarif':
				return JSON.stringify(sarifLog(result, rules), null, 2);
			case 'github':
				return renderGithub(result);
			case 'gnu':
				return renderGnu(result);
			default:
				return renderText(result, theme);
		}
	},
	view: () => import('../ui/views/LintView.js'),
};
