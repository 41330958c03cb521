import {EXIT} from '../core/errors.js';
import type {LintReport, LintResult} from '../core/lint/report.js';
import {renderGithub, renderGnu, renderRules, renderText, sarifLog} from '../output/lint-formats.js';
import {codeClimateIssues, renderCheckstyle, sonarqubeIssues} from '../output/lint-ci-formats.js';
import {flagBool, type Command} from './types.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'gnu', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'sonarqube', 'tty'] as const;
const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'] as const;

function jsonReport(report: LintReport): unknown {
	const {ruleList: _rules, ...rest} = report;
	return {
		...rest,
		// Copied key by key, leaving out `lines` without reading it: the source lines are redacted on first read.
		files: report.files.map((f) =>
			Object.fromEntries(
				Object.keys(f)
					.filter((k) => k !== 'lines')
					.map((k) => [k, f[k as keyof typeof f]]),
			),
		),
	};
}

export const lint: Command<LintResult> = {
	name: 'lint',
	summary: 'Lint Dockerfiles for production readiness (BuildKit-aware, checks base images through the engine)',
	description:
		'Checks Dockerfiles against the rules listed by `lint --rules` (hadolint and BuildKit equivalents noted).\n' +
		'A directory is searched recursively for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile\n' +
		"(skipping .dockerignore'd paths, .git and node_modules); - reads stdin. With an engine, the final\n" +
		"stage's base image is inspected (user, healthcheck, ports) when it is present locally.\n" +
		'Suppress with `# docker-helper ignore=<id>[,<id>] -- reason` on the line before an instruction,\n' +
		'`# docker-helper ignore-stage=...`, `# docker-helper ignore-file=...`; `# hadolint ignore=DLxxxx`,\n' +
		'.hadolint.yaml and .docker-helper.yaml (lint: section) are honoured. Only regular files are read\n' +
		'(links followed; FIFOs and devices refused), each up to 16 MiB unless --max-file-size raises it.\n' +
		"hadolint's options work under the same names: --ignore, -t/--failure-threshold, -f/--format, --trusted-registry,\n" +
		'--require-label, --strict-labels, --no-fail, --no-color, --config, --file-path-in-report.\n' +
		'Exit 1 when a finding is at or above --failure-threshold, unless --no-fail. The default is warning: errors and\n' +
		'warnings fail the run; info (version pins, digest pins, health-check advice) and style are shown but do not\n' +
		'(hadolint fails on info by default: --failure-threshold info, or failure-threshold: info in .hadolint.yaml).',
	usage: 'docker-helper lint [paths...] [-f <format>] [-t <level>] [--ignore <code>]... [--no-fail] [--max-file-size <size>] [--rules]',
	examples: [
		'docker-helper lint',
		'docker-helper lint . --failure-threshold warning',
		'docker-helper lint - < Dockerfile',
		'docker-helper lint --format sarif > lint.sarif',
		'docker-helper lint --format github',
		'docker-helper lint --ignore DL3008 --ignore DH1003 -t error',
		'docker-helper lint - --file-path-in-report services/api/Dockerfile < Dockerfile',
		'docker-helper lint --rules',
	],
	group: 'build',
	args: [{name: 'paths', description: 'Dockerfiles or directories (default ./Dockerfile); - for stdin', variadic: true}],
	flags: {
		format: {
			type: 'string',
			shortFlag: 'f',
			choices: FORMATS,
			placeholder: 'name',
			description: 'Output format (json is the same as --json; tty is text; gitlab_codeclimate is codeclimate)',
		},
		failureThreshold: {
			type: 'string',
			shortFlag: 't',
			choices: THRESHOLDS,
			placeholder: 'level',
			description: 'Exit 1 when a finding is at or above this severity (default warning; none never fails)',
		},
		fail: {type: 'boolean', default: true, description: 'Always exit 0 when linting ran (--no-fail)'},
		ignore: {type: 'string', isMultiple: true, placeholder: 'code', description: 'Do not report a rule: id, slug, hadolint code or BuildKit name (repeatable)'},
		trustedRegistry: {
			type: 'string',
			isMultiple: true,
			placeholder: 'registry',
			description: 'Allow FROM only from these registries (repeatable; docker.io for Docker Hub)',
		},
		requireLabel: {
			type: 'string',
			isMultiple: true,
			placeholder: 'key:format',
			description: 'Require a LABEL: format text, url, semver, hash, rfc3339, spdx or email (repeatable)',
		},
		strictLabels: {type: 'boolean', description: 'With --require-label or a label-schema: report labels outside the schema too'},
		disableIgnorePragma: {type: 'boolean', description: 'Do not honour inline ignore comments'},
		filePathInReport: {type: 'string', placeholder: 'path', description: 'The file name to report for stdin (-)'},
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
			case 'checkstyle':
				return renderCheckstyle(result);
			case 'codeclimate':
				return JSON.stringify(codeClimateIssues(result), null, 2);
			case 'sonarqube':
				return JSON.stringify(sonarqubeIssues(result), null, 2);
			default:
				return renderText(result, theme);
		}
	},
};
