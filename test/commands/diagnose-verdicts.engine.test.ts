/**
 * Verdicts that hold: the same container, unchanged, gets the same top finding right after it stopped
 * and after the engine's short event history has forgotten it; `diagnose --all` and `diagnose <name>`
 * agree. Real engine, the BUILT CLI, every object named dh-dg-… and removed afterwards.
 */
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {SCENARIOS, cleanup, floodEvents, startScenarios, type Scenario} from '../../scripts/diagnose-scenarios.mjs';
import {CLI} from '../support/cli.js';
import {describeEngine} from '../support/engine.js';

/** Failures whose verdict rests on state the engine keeps, and containers that are fine. */
const WANTED = [
	'sigkill-stop-timeout',
	'sigkill-docker-kill',
	'stopped-sigterm',
	'stopped-clean-exit',
	'exit-zero-daemon',
	'exit-zero-restart-always',
	'crash-loop',
	'on-failure-exhausted',
	'segfault',
	'command-not-found',
	'one-shot-exit-zero',
	'healthy-running',
];
/** The ones whose events must really be gone after the flood (no restart policy keeps making new ones). */
const STILL = ['sigkill-stop-timeout', 'sigkill-docker-kill', 'stopped-sigterm', 'stopped-clean-exit', 'segfault'];

interface Verdict {
	readonly code: number;
	readonly top: string | null;
	readonly severity: string | null;
	readonly confidence: string | null;
	readonly failed: boolean;
	readonly events: readonly string[];
}

function cli(args: readonly string[]): Promise<{code: number; doc: any}> {
	return new Promise((resolve, reject) => {
		execFile(
			process.execPath,
			[CLI, ...args, '--json'],
			{env: {...process.env, NO_COLOR: '1'}, maxBuffer: 64 * 1024 * 1024, timeout: 120_000},
			(error, stdout) => {
				try {
					resolve({code: error ? Number((error as {code?: number}).code ?? 1) : 0, doc: JSON.parse(stdout)});
				} catch (e) {
					reject(new Error(`${args.join(' ')}: not JSON: ${stdout.slice(0, 300)} (${String(e)})`));
				}
			},
		);
	});
}

function verdictOf(code: number, report: any): Verdict {
	const top = report.findings[0] ?? null;
	return {
		code,
		top: top?.id ?? null,
		severity: top?.severity ?? null,
		confidence: top?.confidence ?? null,
		failed: report.failed,
		events: report.facts.events.list.map((e: {action: string}) => e.action),
	};
}

async function diagnoseOne(name: string): Promise<Verdict> {
	const {code, doc} = await cli(['diagnose', name]);
	return verdictOf(code, doc.result.reports[0]);
}

describeEngine('diagnose verdicts hold when the events are gone', () => {
	const run = randomBytes(3).toString('hex');
	const list = SCENARIOS.filter((s) => WANTED.includes(s.id));
	const nameOf = (s: Scenario) => `dh-dg-v-${s.id}-${run}`;
	const before = new Map<string, Verdict>();
	const after = new Map<string, Verdict>();
	const failures = new Map<string, string>();
	let allBefore: any[] = [];
	let allAfter: any[] = [];
	let extra: Array<{container?: string; network?: string; volume?: string}> = [];

	beforeAll(async () => {
		const started = await startScenarios(list, nameOf, async (s, name) => before.set(s.id, await diagnoseOne(name)), 8);
		extra = started.extra;
		started.results.forEach((r, i) => r.status === 'rejected' && failures.set(list[i]!.id, r.reason.message));
		allBefore = (await cli(['diagnose', '--all'])).doc.result.reports;
		// Hundreds of create/rm cycles: more events than the engine's history holds.
		await floodEvents(`dh-dg-flood-${run}`, 200);
		for (const s of list) if (!failures.has(s.id)) after.set(s.id, await diagnoseOne(nameOf(s)));
		allAfter = (await cli(['diagnose', '--all'])).doc.result.reports;
	}, 300_000);

	afterAll(() => cleanup(list.map(nameOf), extra));

	it("the flood really pushed the stopped containers' events out of the engine", () => {
		for (const id of STILL) {
			expect(failures.get(id), id).toBeUndefined();
			expect(before.get(id)!.events, `${id} before`).toContain('start');
			expect(after.get(id)!.events, `${id} after`).not.toContain('start');
		}
	});

	for (const id of WANTED) {
		const scenario = SCENARIOS.find((s) => s.id === id)!;
		it(`${id}: the same top finding (${scenario.expect ?? 'no error'}) and exit code before and after the flood`, () => {
			expect(failures.get(id), `scenario did not happen: ${failures.get(id)}`).toBeUndefined();
			const b = before.get(id)!;
			const a = after.get(id)!;
			if (scenario.expect !== null) expect(b.top, id).toBe(scenario.expect);
			else expect(b.severity === 'error', `${id}: ${b.top}`).toBe(false);
			expect({top: a.top, severity: a.severity, failed: a.failed, code: a.code}, `${id}: ${b.confidence} → ${a.confidence}`).toEqual({
				top: b.top,
				severity: b.severity,
				failed: b.failed,
				code: b.code,
			});
		});
	}

	it('exit 0 under --restart always is not a crash loop; a stopped service that handled SIGTERM is fine', () => {
		expect(before.get('exit-zero-restart-always')!.top).toBe('exit-zero-service');
		expect(after.get('exit-zero-restart-always')!.top).toBe('exit-zero-service');
		for (const id of ['stopped-sigterm', 'stopped-clean-exit', 'one-shot-exit-zero', 'healthy-running']) expect(after.get(id)!.code, id).toBe(0);
	});

	it('without the events the verdict drops in confidence, it does not flip', () => {
		const b = before.get('sigkill-stop-timeout')!;
		const a = after.get('sigkill-stop-timeout')!;
		expect(b.confidence).toBe('high');
		expect(a.confidence).toBe('low');
	});

	it('diagnose --all and diagnose <name> agree about every container, before and after', () => {
		for (const [reports, verdicts, when] of [
			[allBefore, before, 'before'],
			[allAfter, after, 'after'],
		] as const) {
			const byName = new Map(reports.map((r: any) => [r.container.name, r]));
			for (const s of list) {
				const r = byName.get(nameOf(s));
				const v = verdicts.get(s.id)!;
				if (!r) {
					// --all lists troubled containers only: one it leaves out must be one that is fine.
					expect(v.failed, `${s.id} ${when}: failing but not in --all`).toBe(false);
					continue;
				}
				expect(r.findings[0]?.id ?? null, `${s.id} ${when}`).toBe(v.top);
				expect(r.failed, `${s.id} ${when}`).toBe(v.failed);
			}
		}
	});
});
