/** The lint command's Result (plain JSON-serialisable data) and what is computed from it. */
import {fails, type Threshold} from './config.js';
import {type Equivalents, type Finding, type Severity} from './types.js';

export interface BaseCheck {
	readonly stage: number;
	readonly image: string;
	/** checked: the engine has it; missing: the engine does not have it locally; skipped: no engine, scratch or unresolved. */
	readonly status: 'checked' | 'missing' | 'not-checked' | 'scratch' | 'unresolved';
	readonly user?: string;
	readonly healthcheck?: readonly string[] | null;
	readonly entrypoint?: readonly string[] | null;
	readonly cmd?: readonly string[] | null;
	readonly exposedPorts?: readonly string[];
	readonly architecture?: string;
	readonly os?: string;
}

export interface LintedFile {
	readonly file: string;
	readonly findings: readonly Finding[];
	readonly suppressed: number;
	/** Every pragma found (line, scope, codes, reason, how many findings it silenced). */
	readonly suppressions: ReadonlyArray<{
		line: number;
		scope: 'line' | 'stage' | 'file';
		codes: readonly string[];
		reason: string | undefined;
		source: string;
		used: number;
	}>;
	readonly parseErrors: number;
	readonly crashes: ReadonlyArray<{rule: string; message: string}>;
	/** The final stage's base image as the engine reported it. */
	readonly base: BaseCheck | null;
	/** Source lines, for carets and the interactive view (left out of --json). */
	readonly lines: readonly string[];
}

export interface LintSummary {
	readonly files: number;
	readonly findings: number;
	readonly bySeverity: Readonly<Record<Severity, number>>;
	readonly suppressed: number;
	readonly parseErrors: number;
}

export interface LintReport {
	readonly mode: 'lint';
	readonly files: readonly LintedFile[];
	readonly summary: LintSummary;
	readonly threshold: Threshold;
	readonly noFail: boolean;
	readonly failed: boolean;
	readonly engine: {readonly used: boolean; readonly note: string};
	readonly config: {readonly sources: readonly string[]; readonly problems: readonly string[]};
	readonly format: 'text' | 'json' | 'sarif' | 'github' | 'gnu' | 'checkstyle' | 'codeclimate' | 'sonarqube';
	/** The registry, carried only for --format sarif (the tool.driver.rules of the log). */
	readonly ruleList?: readonly RuleListing[];
}

export interface RuleListing {
	readonly id: string;
	readonly slug: string;
	readonly severity: Severity;
	readonly description: string;
	readonly equivalents: Equivalents;
	/** The rule's doc page (content/rules/<slug>.md, Markdown without front matter): carried for SARIF only. */
	readonly doc?: string;
}

export interface RulesReport {
	readonly mode: 'rules';
	readonly rules: readonly RuleListing[];
}

export type LintResult = LintReport | RulesReport;

export function summarize(files: readonly LintedFile[]): LintSummary {
	const bySeverity: Record<Severity, number> = {error: 0, warning: 0, info: 0, style: 0};
	let findings = 0;
	for (const f of files)
		for (const x of f.findings) {
			bySeverity[x.severity]++;
			findings++;
		}
	return {
		files: files.length,
		findings,
		bySeverity,
		suppressed: files.reduce((n, f) => n + f.suppressed, 0),
		parseErrors: files.reduce((n, f) => n + f.parseErrors, 0),
	};
}

export function isFailure(files: readonly LintedFile[], threshold: Threshold): boolean {
	return files.some((f) => f.findings.some((x) => fails(x.severity, threshold)));
}
