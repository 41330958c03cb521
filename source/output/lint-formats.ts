/** Renderings of a lint report: text (with source line and caret), gnu, github annotations, SARIF 2.1.0. */
import type {Theme} from './theme.js';
import type {LintReport, LintedFile, RuleListing, RulesReport} from '../core/lint/report.js';
import type {Finding, Severity} from '../core/lint/types.js';
import {VERSION} from '../version.js';

function sevColor(theme: Theme, s: Severity, text: string): string {
	return s === 'error' ? theme.error(text) : s === 'warning' ? theme.warn(text) : s === 'info' ? theme.accent(text) : theme.dim(text);
}

function equivalentsText(f: Finding): string {
	const parts: string[] = [];
	const h = f.equivalents.hadolint;
	if (h) parts.push(typeof h === 'string' ? h : h.join('/'));
	if (f.equivalents.buildkit) parts.push(f.equivalents.buildkit);
	return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** `   3 | RUN apt-get install curl` and a caret under the column. */
export function sourceExcerpt(lines: readonly string[], line: number, column: number | undefined, theme: Theme): string[] {
	const text = lines[line - 1];
	if (text === undefined) return [];
	const no = String(line);
	const gutter = ' '.repeat(Math.max(0, 5 - no.length)) + no + ' | ';
	const out = [theme.dim(gutter) + text.replace(/\t/g, ' ')];
	if (column !== undefined && column >= 1) out.push(theme.dim(' '.repeat(6) + '| ') + ' '.repeat(column - 1) + theme.accent('^'));
	return out;
}

export function renderText(report: LintReport, theme: Theme): string {
	const out: string[] = [];
	for (const file of report.files) {
		for (const f of file.findings) {
			const where = `${f.file}:${f.line}${f.column ? `:${f.column}` : ''}`;
			const origin = f.origin === 'inherited' ? theme.dim(' [inherited from the base image]') : '';
			out.push(`${theme.bold(where)} ${sevColor(theme, f.severity, f.severity)} ${theme.dim(`${f.id} ${f.slug}${equivalentsText(f)}`)}${origin}`);
			out.push(`  ${f.message}`);
			out.push(...sourceExcerpt(file.lines, f.line, f.column, theme));
			out.push('');
		}
		for (const c of file.crashes) out.push(theme.error(`${file.file}: rule ${c.rule} failed: ${c.message} (a bug: please report it)`));
	}
	out.push(...footer(report, theme));
	return out.join('\n');
}

function footer(report: LintReport, theme: Theme): string[] {
	const s = report.summary;
	const out: string[] = [];
	const counts = (['error', 'warning', 'info', 'style'] as const)
		.filter((k) => s.bySeverity[k] > 0)
		.map((k) => sevColor(theme, k, `${s.bySeverity[k]} ${k}${s.bySeverity[k] === 1 || k === 'info' || k === 'style' ? '' : 's'}`));
	const clean = s.findings === 0;
	out.push(
		`${clean ? theme.ok(theme.glyph.ok) : report.failed ? theme.error(theme.glyph.fail) : theme.warn(theme.glyph.warn)} ${s.files} file${s.files === 1 ? '' : 's'} linted: ` +
			(clean ? 'no findings' : `${s.findings} finding${s.findings === 1 ? '' : 's'} (${counts.join(', ')})`) +
			(s.suppressed > 0 ? theme.dim(`, ${s.suppressed} suppressed`) : ''),
	);
	for (const file of report.files)
		for (const p of file.suppressions) {
			if (p.source !== 'docker-helper') continue;
			if (p.reason === undefined) out.push(theme.dim(`${file.file}:${p.line}: suppression of ${p.codes.join(',')} has no reason (add: -- why)`));
			if (p.used === 0) out.push(theme.dim(`${file.file}:${p.line}: suppression of ${p.codes.join(',')} matched nothing`));
		}
	for (const file of report.files) {
		const b = file.base;
		if (!b) continue;
		const prefix = report.files.length > 1 ? `${file.file}: ` : '';
		if (b.status === 'checked')
			out.push(
				theme.dim(
					`${prefix}base image ${b.image} checked through the engine: user ${b.user ? `"${b.user}"` : 'root (none set)'}, ${b.healthcheck && b.healthcheck.length > 0 ? `healthcheck ${b.healthcheck.join(' ')}` : 'no healthcheck'}, ${b.architecture}/${b.os}${b.exposedPorts && b.exposedPorts.length > 0 ? `, exposes ${b.exposedPorts.join(' ')}` : ''}`,
				),
			);
		else if (b.status === 'missing')
			out.push(theme.dim(`${prefix}base image ${b.image} not checked: not present locally (docker pull ${b.image} to check it)`));
		else if (b.status === 'not-checked') out.push(theme.dim(`${prefix}base image ${b.image} not checked: ${report.engine.note}`));
	}
	for (const p of report.config.problems) out.push(theme.warn(`config: ${p}`));
	if (report.config.sources.length > 0) out.push(theme.dim(`config: ${report.config.sources.join(', ')}`));
	if (!clean) out.push(theme.dim(`Explain a rule: docker-helper explain <id or slug>. Suppress one: # docker-helper ignore=<id> -- reason`));
	if (report.failed) out.push(theme.dim(`exit 1: findings at or above --failure-threshold ${report.threshold}`));
	return out;
}

export function renderGnu(report: LintReport): string {
	const out: string[] = [];
	for (const file of report.files)
		for (const f of file.findings) out.push(`${f.file}:${f.line}:${f.column ?? 1}: ${f.severity}: ${f.message} [${f.id}/${f.slug}]`);
	return out.join('\n');
}

function ghData(s: string): string {
	return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghProp(s: string): string {
	return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(report: LintReport): string {
	const out: string[] = [];
	for (const file of report.files)
		for (const f of file.findings) {
			const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
			const props = [
				`file=${ghProp(f.file)}`,
				`line=${f.line}`,
				...(f.column ? [`col=${f.column}`] : []),
				...(f.endLine ? [`endLine=${f.endLine}`] : []),
				`title=${ghProp(`${f.id} ${f.slug}`)}`,
			];
			out.push(`::${level} ${props.join(',')}::${ghData(f.message)}`);
		}
	return out.join('\n');
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Where a rule's page is published: the package ships content/, so the page of this very version is on the npm CDN. */
export function ruleDocUri(slug: string): string {
	return `https://unpkg.com/docker-helper@${VERSION}/content/rules/${slug}.md`;
}

/** The first paragraph of a doc page's body, as plain text (headings skipped, Markdown marks dropped). */
function firstParagraph(markdown: string): string | undefined {
	const para = markdown
		.split(/\n\s*\n/)
		.map((p) => p.replace(/^#.*(\n|$)/gm, '').trim())
		.find((p) => p !== '' && !p.startsWith('#') && !p.startsWith('```'));
	return para
		?.replace(/`([^`]*)`/g, '$1')
		.replace(/\*\*([^*]*)\*\*/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\s*\n\s*/g, ' ');
}

function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
	return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

export function sarifLog(report: LintReport, rules: readonly RuleListing[]): Record<string, unknown> {
	const parseRule = {id: 'DH0000', name: 'parse-error', shortDescription: {text: 'The Dockerfile cannot be parsed'}, defaultConfiguration: {level: 'error'}};
	const structureRule = {
		id: 'DH0001',
		name: 'invalid-dockerfile',
		shortDescription: {text: 'The Dockerfile parses but cannot build'},
		defaultConfiguration: {level: 'error'},
	};
	const driverRules = [
		parseRule,
		structureRule,
		...rules.map((r) => ({
			id: r.id,
			name: r.slug,
			shortDescription: {text: r.description},
			fullDescription: {text: (r.doc && firstParagraph(r.doc)) || r.description},
			helpUri: ruleDocUri(r.slug),
			help: r.doc
				? {text: `${firstParagraph(r.doc) ?? r.description} More: docker-helper explain ${r.slug}`, markdown: r.doc}
				: {text: `docker-helper explain ${r.slug}`},
			defaultConfiguration: {level: sarifLevel(r.severity)},
			properties: {severity: r.severity, tags: ['dockerfile'], equivalents: r.equivalents},
		})),
	];
	const index = new Map(driverRules.map((r, i) => [r.id, i]));
	const results = report.files.flatMap((file: LintedFile) =>
		file.findings.map((f) => ({
			ruleId: f.id,
			ruleIndex: index.get(f.id) ?? 0,
			level: sarifLevel(f.severity),
			message: {text: f.message},
			locations: [
				{
					physicalLocation: {
						artifactLocation: {uri: f.file === '-' ? 'stdin' : f.file.split('\\').join('/')},
						region: {
							startLine: f.line,
							...(f.column ? {startColumn: f.column} : {}),
							...(f.endLine ? {endLine: f.endLine} : {}),
							...(f.endColumn ? {endColumn: f.endColumn} : {}),
						},
					},
				},
			],
			properties: {severity: f.severity, slug: f.slug, origin: f.origin},
		})),
	);
	return {
		$schema: SARIF_SCHEMA,
		version: '2.1.0',
		runs: [
			{
				tool: {driver: {name: 'docker-helper', version: VERSION, rules: driverRules}},
				results,
				columnKind: 'unicodeCodePoints',
			},
		],
	};
}

export function renderRules(report: RulesReport, theme: Theme): string {
	const out: string[] = [];
	const width = Math.max(...report.rules.map((r) => r.slug.length), 4);
	for (const r of report.rules) {
		const eq = [
			r.equivalents.hadolint ? (typeof r.equivalents.hadolint === 'string' ? r.equivalents.hadolint : r.equivalents.hadolint.join('/')) : '',
			r.equivalents.buildkit ?? '',
		]
			.filter(Boolean)
			.join(', ');
		out.push(
			`${theme.bold(r.id)}  ${r.slug.padEnd(width)}  ${sevColor(theme, r.severity, r.severity.padEnd(7))}  ${r.description}${eq ? theme.dim(`  [${eq}]`) : ''}`,
		);
	}
	out.push('', theme.dim(`${report.rules.length} rules. docker-helper explain <id or slug> shows one.`));
	return out.join('\n');
}
