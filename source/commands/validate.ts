import {type CheckResult, runChecks, summarize, type ValidateSummary} from '../core/setup/validate.js';
import {PROFILE_IDS, PROFILES, type Profile} from '../core/setup/profiles.js';
import type {EndpointFacts} from '../core/setup/facts.js';
import {EXIT} from '../core/errors.js';
import type {Theme} from '../output/theme.js';
import {gatherSetupFacts} from './setup-facts.js';
import {flagBool, flagString, type Command} from './types.js';

export interface ValidateResult {
	readonly profile: Profile['id'];
	readonly strict: boolean;
	readonly endpoint: EndpointFacts | null;
	readonly checks: readonly CheckResult[];
	readonly summary: ValidateSummary;
	/** Engine connection failed: exit code 3 even though the checks ran. */
	readonly engineUnreachable: boolean;
}

export const validate: Command<ValidateResult> = {
	name: 'validate',
	summary: 'Check that this machine and its Docker Engine can run your workload',
	description:
		'Runs every check against the real engine and host: engine and API version, socket permission,\nmemory, CPUs, swap, free disk on the Docker data root, what the engine itself can use,\nGPU runtime, storage and cgroup drivers, log rotation, shared memory and reclaimable disk.\nExit code 1 when a check fails (with --strict also on warnings), 3 when the engine is unreachable.',
	usage: 'docker-helper validate [--profile ai|general] [--strict]',
	examples: ['docker-helper validate', 'docker-helper validate --profile general --strict', 'docker-helper validate --json | jq \'.result.checks[] | select(.status != "ok")\''],
	group: 'setup',
	args: [],
	flags: {
		profile: {type: 'string', default: 'ai', choices: PROFILE_IDS, placeholder: 'name', description: 'Thresholds to check against'},
		strict: {type: 'boolean', description: 'Fail (exit 1) on warnings too'},
	},
	async run(ctx, input) {
		const profile = PROFILES[(flagString(input, 'profile') ?? 'ai') as Profile['id']];
		const facts = await gatherSetupFacts(ctx);
		const checks = runChecks(facts, profile);
		return {
			profile: profile.id,
			strict: flagBool(input, 'strict'),
			endpoint: facts.endpoint,
			checks,
			summary: summarize(checks),
			engineUnreachable: facts.engine === null && facts.engineError !== null && /^ENGINE_/.test(facts.engineError.code),
		};
	},
	exitCode(result) {
		if (result.engineUnreachable) return EXIT.engine;
		if (result.summary.fail > 0) return EXIT.failure;
		if (result.strict && result.summary.warn > 0) return EXIT.failure;
		return EXIT.ok;
	},
	text: (result, theme) => validateText(result, theme),
};

export function statusGlyph(status: CheckResult['status'], theme: Theme): string {
	return status === 'ok' ? theme.glyph.ok : status === 'warn' ? theme.glyph.warn : status === 'fail' ? theme.glyph.fail : theme.glyph.skip;
}

export function validateText(result: ValidateResult, theme: Theme): string {
	const lines: string[] = [];
	lines.push(theme.bold(`Docker setup for ${PROFILES[result.profile].title} (profile ${result.profile})`));
	if (result.endpoint) lines.push(theme.dim(`engine: ${result.endpoint.host} — ${result.endpoint.why}`));
	lines.push('');
	const glyphWidth = theme.color ? 1 : 4;
	for (const check of result.checks) {
		const glyph = statusGlyph(check.status, theme);
		const pad = ' '.repeat(Math.max(0, glyphWidth - (theme.color ? 1 : check.status === 'fail' ? 4 : check.status.length)));
		lines.push(`${glyph}${pad} ${theme.bold(check.title)}: ${check.measured}`);
		if (check.status === 'warn' || check.status === 'fail') {
			lines.push(`${' '.repeat(glyphWidth + 1)}${theme.dim('expected')} ${check.expected}`);
			if (check.hint) lines.push(`${' '.repeat(glyphWidth + 1)}${theme.accent('→')} ${check.hint}`);
		}
	}
	const s = result.summary;
	lines.push('');
	const parts = [theme.ok(`${s.ok} ok`), s.warn ? theme.warn(`${s.warn} warning${s.warn === 1 ? '' : 's'}`) : `0 warnings`, s.fail ? theme.error(`${s.fail} failed`) : '0 failed', theme.dim(`${s.skip} skipped`)];
	lines.push(parts.join(', '));
	return lines.join('\n');
}
