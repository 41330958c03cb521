import {EXIT} from '../core/errors.js';
import type {LintReport, LintResult} from '../core/lint/report.js';
import {renderGithub, renderGnu, renderRules, renderText, sarifLog} from '../output/lint-formats.js';
import {flagBool, type Command} from './types.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'gnu'] as const;
const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'] as const;

function jsonReport(report: LintReport): unknown {
	const {ruleList: _rules, ...rest} = report;
	return {
		...rest,
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
		'.hadolint.yaml and .docker-helper.yaml (lint: section) are honoured. Only regular files are read\n' +
		'(links followed; FIFOs and devices refused), each up to 16 MiB unless --max-file-size raises it.\n' +
		'Exit 1 when a finding is at or above --failure-threshold (default info), unless --no-fail.',
	usage: 'docker-helper lint [paths...] [--format text|json|sarif|github|gnu] [--failure-threshold <level>] [--no-fail] [--max-file-size <size>] [--rules]',
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
		maxFileSize: {type: 'string', placeholder: 'size', description: 'Largest file lint reads (default 16MiB; for example 64MiB or 100MB)'},
		rules: {type: 'boolean', description: 'List the rules (id, slug, severity, description, equivalents)'},
	},
	async run(ctx, input): Promise<LintResult> {
		// The parser and the rules load here, not at start-up: other commands do not pay for them.
		// They run briefly and are many: V8 is told to optimise them later (adapters/jit.ts).
		if (!flagBool(input, 'rules')) (await import('../adapters/jit.js')).tuneJitForBatchWork();
		const m = await import('./lint-run.js');
		return flagBool(input, 'rules') ? m.listRules() : m.runLint(ctx, input);
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
				return JSON.stringify(sarifLog(result, result.ruleList ?? []), null, 2);
			case 'github':
				return renderGithub(result);
			case 'gnu':
				return renderGnu(result);
			default:
				return renderText(result, theme);
		}
	},
};
