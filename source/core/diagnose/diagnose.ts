/**
 * The diagnosis engine: run every rule over the facts, apply the policies that belong
 * here and not in rules (downgrading log-only findings for a container that runs fine,
 * dropping fallbacks when something specific explains the failure), and rank.
 */
import {isCleanExit, troubleOf, type TroubleSigns} from '../engine/trouble.js';
import {formatSeconds, recentlyRestarted, secondsBetween} from './helpers.js';
import type {DiagnosisFacts, LogLine} from './facts.js';
import {RULES} from './rules/index.js';
import type {Confidence, Finding, Rule, Severity} from './types.js';

export type ContainerCondition = 'running' | 'unhealthy' | 'restarting' | 'exited-ok' | 'exited-failed' | 'created' | 'dead' | 'paused';

export interface Diagnosis {
	readonly condition: ContainerCondition;
	/** One line: "exited (137) 5 min ago after 2 s", "running, healthy". */
	readonly status: string;
	readonly findings: readonly Finding[];
	/** True when the container is in trouble: an error finding, or a failure nothing explains. */
	readonly failed: boolean;
	/** Set when the container failed and no rule explains it: what we can still show, honestly. */
	readonly unexplained: {
		readonly errorLines: readonly LogLine[];
		/** false: no line looked like an error, these are simply the last lines. */ readonly errorLooking: boolean;
		readonly nextSteps: readonly string[];
	} | null;
}

const SEVERITY: Record<Severity, number> = {error: 3, warning: 2, info: 1};
const CONFIDENCE: Record<Confidence, number> = {high: 3, medium: 2, low: 1};
const KIND: Record<Rule['kind'], number> = {cause: 3, symptom: 2, fallback: 1};
const LOWER: Record<Confidence, Confidence> = {high: 'medium', medium: 'low', low: 'low'};

export function conditionOf(f: DiagnosisFacts): ContainerCondition {
	const s = f.state;
	if (s.restarting) return 'restarting';
	if (s.dead || s.status === 'dead') return 'dead';
	if (s.paused) return 'paused';
	if (s.running) return s.health?.status === 'unhealthy' ? 'unhealthy' : 'running';
	if (s.status === 'created') return 'created';
	return isCleanExit(s.exitCode) ? 'exited-ok' : 'exited-failed';
}

/** The facts as the one trouble definition reads them (core/engine/trouble.ts). */
export function troubleSigns(f: DiagnosisFacts): TroubleSigns {
	const s = f.state;
	const status = s.restarting ? 'restarting' : s.dead ? 'dead' : s.paused ? 'paused' : s.running ? 'running' : s.status;
	return {status, exitCode: s.exitCode, health: s.health?.status ?? null, startError: s.error || null};
}

export function statusLine(f: DiagnosisFacts): string {
	const s = f.state;
	const ago = (t: string | null) => {
		const d = secondsBetween(t, f.capturedAt);
		return d === null ? '' : ` ${formatSeconds(Math.max(0, d))} ago`;
	};
	const c = conditionOf(f);
	if (c === 'running' || c === 'unhealthy' || c === 'paused') {
		const up = secondsBetween(s.startedAt, f.capturedAt);
		return `${c === 'paused' ? 'paused' : 'running'}${s.health ? `, ${s.health.status}` : ''}${up !== null ? `, up ${formatSeconds(Math.max(0, up))}` : ''}${f.restartCount ? `, ${f.restartCount} restarts` : ''}`;
	}
	if (c === 'created') return s.error ? 'created, never started (start failed)' : 'created, never started';
	if (c === 'restarting') return `restarting (last exit ${s.exitCode}), ${f.restartCount} restarts`;
	const ran = secondsBetween(s.startedAt, s.finishedAt);
	return `${c === 'dead' ? 'dead' : 'exited'} (${s.exitCode})${ago(s.finishedAt)}${ran !== null && ran >= 0 ? ` after running ${formatSeconds(ran)}` : ''}${f.restartCount ? `, ${f.restartCount} restarts` : ''}`;
}

const ERRORISH =
	/\b(error|err|fatal|panic|exception|traceback|failed|failure|denied|refused|not found|cannot|can't|unable|invalid|critical|killed|abort|aborting|segmentation|giving up|gave up|timed? ?out)\b/i;

export function diagnose(f: DiagnosisFacts, rules: readonly Rule[] = RULES): Diagnosis {
	const condition = conditionOf(f);
	// Up between two exits of a restart loop is not "running fine": what the last run logged is the cause.
	const fine = (condition === 'running' || condition === 'paused') && !recentlyRestarted(f);
	const found: Array<{rule: Rule; finding: Finding}> = [];
	for (const rule of rules) {
		const out = rule.diagnose(f);
		if (!out) continue;
		let finding: Finding = {id: rule.id, ...out};
		// A container that is up and not unhealthy: what its logs say is a warning, not the cause of a failure.
		if (fine && rule.basis === 'logs' && finding.severity === 'error') finding = {...finding, severity: 'warning', confidence: LOWER[finding.confidence]};
		found.push({rule, finding});
	}
	const specific = found.some((x) => x.rule.kind !== 'fallback' && x.finding.severity === 'error');
	const kept = found.filter((x) => !(x.rule.kind === 'fallback' && specific));
	kept.sort(
		(a, b) =>
			SEVERITY[b.finding.severity] - SEVERITY[a.finding.severity] ||
			KIND[b.rule.kind] - KIND[a.rule.kind] ||
			CONFIDENCE[b.finding.confidence] - CONFIDENCE[a.finding.confidence] ||
			rules.indexOf(a.rule) - rules.indexOf(b.rule),
	);
	const findings = kept.map((x) => x.finding);
	const hasError = findings.some((x) => x.severity === 'error');
	const troubled = troubleOf(troubleSigns(f)) !== null;
	const explained = findings.some((x) => x.severity !== 'info');
	const errorish = f.logs.lines.filter((l) => ERRORISH.test(l.text)).slice(-10);
	const unexplained =
		troubled && !explained
			? {errorLines: errorish.length > 0 ? errorish : f.logs.lines.slice(-5), errorLooking: errorish.length > 0, nextSteps: nextSteps(f)}
			: null;
	return {condition, status: statusLine(f), findings, failed: hasError || unexplained !== null, unexplained};
}

function nextSteps(f: DiagnosisFacts): string[] {
	const n = f.container.name;
	const steps = [`Read more of the log: docker logs --tail 500 --timestamps ${n}`];
	if (f.logs.lines.length === 0) steps.push('The container wrote nothing: run it in the foreground to see what happens: docker start -a ' + n);
	steps.push(`Run the same image interactively and start the command by hand: docker run --rm -it --entrypoint sh ${f.container.image}`);
	if (f.state.exitCode > 0 && f.state.exitCode < 128)
		steps.push(`Exit code ${f.state.exitCode} was chosen by the program itself: look it up in the program's documentation`);
	steps.push(`See everything the engine knows: docker inspect ${n}`);
	return steps;
}
