/**
 * Lint reports in the formats CI tools read, as hadolint writes them under the same names:
 * Checkstyle XML (Jenkins warnings-ng, reviewdog), Code Climate issues (GitLab code quality reads this
 * JSON array as `gitlab_codeclimate`) and SonarQube's generic issue import.
 */
import type {LintReport} from '../core/lint/report.js';
import type {Finding, Severity} from '../core/lint/types.js';

function xmlAttr(s: string): string {
	// XML 1.0 forbids these control characters even escaped
	return s
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\n/g, '&#10;');
}

function reportPath(file: string): string {
	return file === '-' ? 'stdin' : file.split('\\').join('/');
}

const CHECKSTYLE_SEVERITY: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'info', style: 'info'};

/** Checkstyle 4.3 XML: one <file> per linted file (also those without findings), one <error> per finding. */
export function renderCheckstyle(report: LintReport): string {
	const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
	for (const file of report.files) {
		out.push(`  <file name="${xmlAttr(reportPath(file.file))}">`);
		for (const f of file.findings)
			out.push(
				`    <error line="${f.line}"${f.column ? ` column="${f.column}"` : ''} severity="${CHECKSTYLE_SEVERITY[f.severity]}" message="${xmlAttr(f.message)}" source="${xmlAttr(`${f.id} ${f.slug}`)}"/>`,
			);
		out.push('  </file>');
	}
	out.push('</checkstyle>');
	return out.join('\n');
}

/** FNV-1a, 64 bits as two 32-bit halves: a stable fingerprint without node:crypto (output/ does no I/O and imports no built-ins). */
function fingerprint(text: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
		h2 = Math.imul(h2 ^ c ^ (h1 >>> 16), 0x01000193) >>> 0;
	}
	return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

const CODECLIMATE_SEVERITY: Record<Severity, string> = {error: 'critical', warning: 'major', info: 'minor', style: 'info'};

function categories(f: Finding): string[] {
	if (f.id.startsWith('DH7') || f.id.startsWith('DH2')) return ['Security'];
	if (f.severity === 'style' || f.id.startsWith('DH8')) return ['Style'];
	return ['Bug Risk'];
}

/**
 * Code Climate's issue format (github.com/codeclimate/platform, spec/analyzers/SPEC.md) as a JSON array,
 * which is what GitLab's code quality report takes: check_name, description, fingerprint, severity,
 * location.path and location.lines.begin are the fields GitLab requires.
 */
export function codeClimateIssues(report: LintReport): Record<string, unknown>[] {
	const seen = new Map<string, number>();
	return report.files.flatMap((file) =>
		file.findings.map((f) => {
			// The same finding on an identical line elsewhere stays distinct, and a fingerprint survives lines moving.
			const key = `${reportPath(f.file)}\u0000${f.id}\u0000${f.message}\u0000${(file.lines[f.line - 1] ?? '').trim()}`;
			const n = seen.get(key) ?? 0;
			seen.set(key, n + 1);
			return {
				type: 'issue',
				check_name: `${f.id} ${f.slug}`,
				description: f.message,
				content: {body: `docker-helper explain ${f.slug}`},
				categories: categories(f),
				location: {path: reportPath(f.file), lines: {begin: f.line, end: f.endLine ?? f.line}},
				severity: CODECLIMATE_SEVERITY[f.severity],
				fingerprint: fingerprint(`${key}\u0000${n}`),
			};
		}),
	);
}

const SONAR_SEVERITY: Record<Severity, string> = {error: 'CRITICAL', warning: 'MAJOR', info: 'MINOR', style: 'INFO'};

/**
 * SonarQube's generic external issue format (docs.sonarsource.com, "Importing external issues",
 * `sonar.externalIssuesReportPaths`): {issues: [{engineId, ruleId, severity, type, primaryLocation}]}.
 * Columns there are 0-based.
 */
export function sonarqubeIssues(report: LintReport): Record<string, unknown> {
	return {
		issues: report.files.flatMap((file) =>
			file.findings.map((f) => ({
				engineId: 'docker-helper',
				ruleId: f.id,
				severity: SONAR_SEVERITY[f.severity],
				type: f.id.startsWith('DH7') ? 'VULNERABILITY' : f.severity === 'error' ? 'BUG' : 'CODE_SMELL',
				primaryLocation: {
					message: f.message,
					filePath: reportPath(f.file),
					textRange: {startLine: f.line, ...(f.endLine && f.endLine > f.line ? {endLine: f.endLine} : {}), ...(f.column ? {startColumn: f.column - 1} : {})},
				},
			})),
		),
	};
}
