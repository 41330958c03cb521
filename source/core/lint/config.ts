/**
 * Lint configuration from `.hadolint.yaml` and `.docker-helper.yaml` (its `lint:` section or the file
 * itself), given as already-parsed YAML objects (reading files is the command's job).
 */
import {SEVERITIES, type Severity} from './types.js';

export type Threshold = Severity | 'none';

export interface LintConfig {
	/** Rule ids, slugs or hadolint codes that never report. */
	readonly ignored: readonly string[];
	/** Severity per rule id/slug/hadolint code; 'off' disables. */
	readonly overrides: Readonly<Record<string, Severity | 'off'>>;
	readonly trustedRegistries: readonly string[];
	readonly labelSchema: Readonly<Record<string, string>>;
	readonly failureThreshold: Threshold | undefined;
	readonly noFail: boolean | undefined;
	readonly settings: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
	/** hadolint's strict-labels: a label not in the label schema is reported (DL3050). */
	readonly strictLabels: boolean | undefined;
	/** hadolint's disable-ignore-pragma: inline `# ... ignore=` comments are not honoured. */
	readonly disableIgnorePragma?: boolean | undefined;
	/** hadolint's `format:` key: the output format when no --format is given. */
	readonly format?: string | undefined;
	/** Where each part came from, for the output ("config: .hadolint.yaml"). */
	readonly sources: readonly string[];
	/** Keys we did not understand, values of the wrong type: shown as warnings, never fatal. */
	readonly problems: readonly string[];
}

export const EMPTY_CONFIG: LintConfig = {
	ignored: [],
	overrides: {},
	trustedRegistries: [],
	labelSchema: {},
	failureThreshold: undefined,
	noFail: undefined,
	settings: {},
	strictLabels: undefined,
	sources: [],
	problems: [],
};

const THRESHOLDS: readonly string[] = [...SEVERITIES, 'none'];

function strings(value: unknown, where: string, problems: string[]): string[] {
	if (value === undefined || value === null) return [];
	if (typeof value === 'string')
		return value
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
	if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map(String);
	problems.push(`${where}: expected a list of strings`);
	return [];
}

/**
 * Read one config object. `kind` 'hadolint' understands hadolint's keys (ignored, override,
 * trustedRegistries, label-schema, failure-threshold, no-fail); 'docker-helper' understands the same
 * plus `severity: {rule: level|off}` and `settings: {slug: {...}}`, at the top level or under `lint:`.
 */
export function readConfig(doc: unknown, source: string, kind: 'hadolint' | 'docker-helper'): LintConfig {
	const problems: string[] = [];
	if (doc === null || doc === undefined) return {...EMPTY_CONFIG, sources: [source]};
	if (typeof doc !== 'object' || Array.isArray(doc)) return {...EMPTY_CONFIG, sources: [source], problems: [`${source}: expected a mapping`]};
	let obj = doc as Record<string, unknown>;
	if (kind === 'docker-helper') {
		if (obj.lint !== undefined) {
			if (typeof obj.lint !== 'object' || obj.lint === null) return {...EMPTY_CONFIG, sources: [source], problems: [`${source}: lint: expected a mapping`]};
			obj = obj.lint as Record<string, unknown>;
		} else if (!Object.keys(obj).some((k) => KNOWN_KEYS.has(k))) {
			// a .docker-helper.yaml for other commands, without a lint section or any lint key
			return {...EMPTY_CONFIG, sources: []};
		}
	}
	const ignored = [...strings(obj.ignored, `${source}: ignored`, problems), ...strings(obj.ignore, `${source}: ignore`, problems)];
	const overrides: Record<string, Severity | 'off'> = {};
	const override = obj.override;
	if (override !== undefined && override !== null) {
		if (typeof override !== 'object' || Array.isArray(override))
			problems.push(`${source}: override: expected {error: [...], warning: [...], info: [...], style: [...]}`);
		else
			for (const [level, list] of Object.entries(override as Record<string, unknown>)) {
				if (!(SEVERITIES as readonly string[]).includes(level)) {
					problems.push(`${source}: override.${level}: unknown severity (error, warning, info, style)`);
					continue;
				}
				for (const code of strings(list, `${source}: override.${level}`, problems)) overrides[code] = level as Severity;
			}
	}
	const severity = obj.severity;
	if (severity !== undefined && severity !== null) {
		if (typeof severity !== 'object' || Array.isArray(severity)) problems.push(`${source}: severity: expected {rule: error|warning|info|style|off}`);
		else
			for (const [code, level] of Object.entries(severity as Record<string, unknown>)) {
				if (typeof level === 'string' && ([...SEVERITIES, 'off'] as string[]).includes(level)) overrides[code] = level as Severity | 'off';
				else problems.push(`${source}: severity.${code}: expected error, warning, info, style or off`);
			}
	}
	const trustedRegistries = [
		...strings(obj.trustedRegistries, `${source}: trustedRegistries`, problems),
		...strings(obj['trusted-registries'], `${source}: trusted-registries`, problems),
	];
	const labelSchema: Record<string, string> = {};
	const schema = obj['label-schema'] ?? obj.labelSchema;
	if (schema !== undefined && schema !== null) {
		if (typeof schema !== 'object' || Array.isArray(schema))
			problems.push(`${source}: label-schema: expected {label: text|url|semver|hash|rfc3339|spdx|email}`);
		else for (const [k, v] of Object.entries(schema as Record<string, unknown>)) labelSchema[k] = String(v);
	}
	let failureThreshold: Threshold | undefined;
	const ft = obj['failure-threshold'] ?? obj.failureThreshold;
	if (ft !== undefined) {
		if (typeof ft === 'string' && THRESHOLDS.includes(ft)) failureThreshold = ft as Threshold;
		else problems.push(`${source}: failure-threshold: expected error, warning, info, style or none`);
	}
	const nf = obj['no-fail'] ?? obj.noFail;
	const noFail = typeof nf === 'boolean' ? nf : undefined;
	const sl = obj['strict-labels'] ?? obj.strictLabels;
	let strictLabels: boolean | undefined;
	if (typeof sl === 'boolean') strictLabels = sl;
	else if (sl !== undefined && sl !== null) problems.push(`${source}: strict-labels: expected true or false`);
	const settings: Record<string, Record<string, unknown>> = {};
	if (obj.settings && typeof obj.settings === 'object' && !Array.isArray(obj.settings)) {
		for (const [k, v] of Object.entries(obj.settings as Record<string, unknown>)) if (v && typeof v === 'object') settings[k] = v as Record<string, unknown>;
	}
	const dip = obj['disable-ignore-pragma'] ?? obj.disableIgnorePragma;
	const disableIgnorePragma = typeof dip === 'boolean' ? dip : undefined;
	const format = typeof obj.format === 'string' ? obj.format : undefined;
	for (const key of Object.keys(obj)) if (!KNOWN_KEYS.has(key)) problems.push(`${source}: unknown key "${key}" (ignored)`);
	return {
		ignored,
		overrides,
		trustedRegistries,
		labelSchema,
		failureThreshold,
		noFail,
		settings,
		strictLabels,
		disableIgnorePragma,
		format,
		sources: [source],
		problems,
	};
}

const KNOWN_KEYS = new Set([
	'ignored',
	'ignore',
	'override',
	'severity',
	'trustedRegistries',
	'trusted-registries',
	'label-schema',
	'labelSchema',
	'failure-threshold',
	'failureThreshold',
	'no-fail',
	'noFail',
	'settings',
	'strict-labels',
	'strictLabels',
	'format',
	'no-color',
	'verbose',
	'disable-ignore-pragma',
	'disableIgnorePragma',
]);

/** Later configs win for scalars; lists are concatenated. */
export function mergeConfigs(...configs: LintConfig[]): LintConfig {
	return configs.reduce<LintConfig>(
		(a, b) => ({
			ignored: [...a.ignored, ...b.ignored],
			overrides: {...a.overrides, ...b.overrides},
			trustedRegistries: [...a.trustedRegistries, ...b.trustedRegistries],
			labelSchema: {...a.labelSchema, ...b.labelSchema},
			failureThreshold: b.failureThreshold ?? a.failureThreshold,
			noFail: b.noFail ?? a.noFail,
			settings: {...a.settings, ...b.settings},
			strictLabels: b.strictLabels ?? a.strictLabels,
			disableIgnorePragma: b.disableIgnorePragma ?? a.disableIgnorePragma,
			format: b.format ?? a.format,
			sources: [...a.sources, ...b.sources],
			problems: [...a.problems, ...b.problems],
		}),
		EMPTY_CONFIG,
	);
}

export function severityRank(s: Severity): number {
	return SEVERITIES.indexOf(s);
}

/** True when a finding of this severity fails the run under the threshold. */
export function fails(severity: Severity, threshold: Threshold): boolean {
	return threshold !== 'none' && severityRank(severity) <= severityRank(threshold);
}
