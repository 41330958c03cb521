import type {Engine} from '../adapters/docker.js';
import {diagnose, type Diagnosis} from '../core/diagnose/diagnose.js';
import type {DiagnosisFacts} from '../core/diagnose/facts.js';
import {RULES} from '../core/diagnose/rules/index.js';
import type {Finding} from '../core/diagnose/types.js';
import {mayBeTroubled, troubleRank} from '../core/engine/trouble.js';
import {EXIT, HelperError, usageError} from '../core/errors.js';
import {formatBytes} from '../core/units.js';
import type {Theme} from '../output/theme.js';
import {DEFAULT_TAIL, gatherDiagnosisFacts, gatherHostFacts} from './diagnose-facts.js';
import {flagBool, flagNumber, type Choice, type Command, type Context} from './types.js';
import {wrap} from '../output/wrap.js';
import {containerChoices as pickContainers} from './container-arg.js';

export interface DiagnoseReport extends Diagnosis {
	readonly container: {readonly id: string; readonly name: string; readonly image: string};
	readonly facts: DiagnosisFacts;
}

export interface DiagnoseResult {
	readonly mode: 'one' | 'all';
	readonly tail: number;
	readonly reports: readonly DiagnoseReport[];
}

const ALL_CONCURRENCY = 8;

export const diagnoseCommand: Command<DiagnoseResult> = {
	name: 'diagnose',
	summary: 'Find out why a container died, restarts or is unhealthy — with evidence and fixes',
	description:
		`Gathers the facts once (inspect, image config, the last log lines of both streams, the engine's events,\n` +
		`host memory and free disk on the Docker data root) and runs ${RULES.length} diagnosis rules over them: OOM kills, SIGKILL vs\n` +
		'SIGTERM, crashes, missing or non-executable entrypoints, exec format and CRLF errors, port conflicts,\n' +
		'missing modules and env vars, refused connections, DNS, health checks, crash loops, permissions,\n' +
		'full disks, read-only file systems and more. Each finding shows its evidence with the docker command\n' +
		'that reveals it, and the fixes. Logs are read from the tail only. Secrets are redacted.\n' +
		`Finding ids: ${RULES.map((r) => r.id).join(', ')}.\n`.replace(/(.{1,100})(, |\.\n)/g, '$1$2\n').replace(/\n\n$/, '\n').replace(/ \n/g, '\n') +
		'Exit code 1 when the container is failing (an error finding, or a failure no rule explains),\n' +
		'0 when nothing is wrong (including a normal stop), 3 when the engine is unreachable.',
	usage: 'docker-helper diagnose [<container>] [--tail <n>] | diagnose --all',
	examples: ['docker-helper diagnose web', 'docker-helper diagnose 3f2a --tail 1000', 'docker-helper diagnose --all', "docker-helper diagnose web --json | jq '.result.reports[0].findings[0]'"],
	group: 'troubleshoot',
	args: [{name: 'container', description: 'Name, full id or unique id prefix', choices: containerChoices}],
	flags: {
		tail: {type: 'number', default: DEFAULT_TAIL, placeholder: 'n', description: 'How many log lines (both streams) to read from the end of the log'},
		all: {type: 'boolean', description: 'Diagnose every container that exited non-zero, restarts, is dead, is unhealthy or failed to start'},
	},
	opensApp: (input) => input.args.length === 0 && !flagBool(input, 'all'),
	async run(ctx, input) {
		const tail = flagNumber(input, 'tail') ?? DEFAULT_TAIL;
		if (!Number.isInteger(tail) || tail < 1 || tail > 100_000) throw usageError(`--tail must be a whole number from 1 to 100000; got ${tail}.`, 'Example: docker-helper diagnose web --tail 500');
		const all = flagBool(input, 'all');
		const ref = input.args[0];
		if (all && ref) throw usageError('Give a container or --all, not both.', 'Usage: docker-helper diagnose [<container>] | diagnose --all');
		if (!all && !ref) throw usageError('docker-helper diagnose needs <container> (or --all).', 'List containers with: docker ps -a');
		const engine = await ctx.engine();
		const host = gatherHostFacts(ctx, engine);
		host.catch(() => undefined);
		if (!all) {
			ctx.progress(`Gathering facts about ${ref}…`);
			const facts = await gatherDiagnosisFacts(engine, ref!, {tail, host});
			return {mode: 'one', tail, reports: [report(facts)]};
		}
		ctx.progress('Listing containers…');
		const targets = await troubledContainers(engine);
		const reports: DiagnoseReport[] = [];
		let next = 0;
		const worker = async () => {
			while (next < targets.length) {
				const id = targets[next++]!;
				ctx.progress(`Diagnosing ${reports.length + 1}/${targets.length}…`);
				try {
					const facts = await gatherDiagnosisFacts(engine, id, {tail, host});
					if (facts.state.status === 'created' && facts.state.error === '') continue;
					reports.push(report(facts));
				} catch (error) {
					// Removed while we looked: not ours to report.
					if (error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER') continue;
					throw error;
				}
			}
		};
		await Promise.all(Array.from({length: Math.min(ALL_CONCURRENCY, targets.length)}, worker));
		reports.sort((a, b) => Number(b.failed) - Number(a.failed) || a.container.name.localeCompare(b.container.name));
		return {mode: 'all', tail, reports};
	},
	exitCode: (result) => (result.reports.some((r) => r.failed) ? EXIT.failure : EXIT.ok),
	json: (result) => ({
		mode: result.mode,
		tail: result.tail,
		reports: result.reports.map((r) => ({container: r.container, status: r.status, condition: r.condition, failed: r.failed, summary: factsSummary(r.facts), findings: r.findings, unexplained: r.unexplained, facts: r.facts})),
	}),
	text: (result, theme) => diagnoseText(result, theme),
};

function report(facts: DiagnosisFacts): DiagnoseReport {
	return {container: {id: facts.container.id, name: facts.container.name, image: facts.container.image}, facts, ...diagnose(facts)};
}

/** The key facts in one flat object, for --json readers that do not want the whole recording. */
export function factsSummary(f: DiagnosisFacts) {
	return {
		status: f.state.status,
		exitCode: f.state.exitCode,
		oomKilled: f.state.oomKilled,
		error: f.state.error || null,
		health: f.state.health?.status ?? null,
		restartCount: f.restartCount,
		restartPolicy: f.restartPolicy.name,
		memoryLimit: f.resources.memory || null,
		user: f.container.user || f.image?.user || 'root',
		command: [f.container.path, ...f.container.args],
		imageArchitecture: f.image?.architecture ?? null,
		hostArchitecture: f.host.arch,
		hostMemory: f.host.memTotal,
		dataRootFree: f.host.dataRootFree,
		logLines: f.logs.lines.length,
		events: f.events.list.length,
	};
}

/** Containers for --all: the ones the container list shows in trouble, and created ones (kept only if their start failed). */
async function troubledContainers(engine: Engine): Promise<string[]> {
	const list = await engine.listContainers({all: true});
	return list.filter(mayBeTroubled).map((c) => c.id);
}

/** Picker choices: troubled containers first. */
export function containerChoices(ctx: Context): Promise<Choice[]> {
	return pickContainers(ctx, {rank: troubleRank});
}

// --- text rendering

/** Wrap each paragraph of `text` and indent every line. */
function wrapIndented(text: string, width: number, indent: string): string[] {
	return text.split('\n').flatMap((para) => wrap(para, width).map((line) => indent + line));
}

function severityMark(s: Finding['severity'], theme: Theme): string {
	return s === 'error' ? theme.glyph.fail : s === 'warning' ? theme.glyph.warn : theme.glyph.info;
}

export function findingLines(finding: Finding, index: number, theme: Theme): string[] {
	const lines: string[] = [];
	const color = finding.severity === 'error' ? theme.error : finding.severity === 'warning' ? theme.warn : theme.accent;
	lines.push(`${index + 1}. ${severityMark(finding.severity, theme)} ${theme.bold(finding.title)}`);
	lines.push(`   ${color(finding.severity)} · ${finding.confidence} confidence · ${theme.dim(finding.id)}`);
	lines.push(`   ${theme.heading('Evidence')}`);
	let lastCommand = '';
	for (const e of finding.evidence) {
		const when = e.time ? `${theme.dim(e.time)} ` : '';
		const label = e.kind === 'log' ? theme.dim(`[${e.label}]`) : e.kind === 'event' ? theme.dim(`event ${e.label}`) : e.kind === 'probe' ? theme.dim(`probe ${e.label}`) : theme.accent(e.label);
		const value = e.value.replace(/\r/g, '\\r');
		lines.push(`     ${when}${label} ${e.kind === 'log' || e.kind === 'probe' ? value.split('\n').join(' ⏎ ') : `= ${value}`}`);
		if (e.command !== lastCommand) lines.push(`       ${theme.dim('$')} ${theme.code(e.command)}`);
		lastCommand = e.command;
	}
	lines.push(`   ${theme.heading('Why')}`);
	lines.push(...wrapIndented(finding.explanation, 96, '     '));
	lines.push(`   ${theme.heading('Fix')}`);
	for (const fix of finding.fixes) {
		lines.push(`     ${theme.accent('→')} ${fix.description}`);
		if (fix.command) lines.push(`       ${theme.dim('$')} ${theme.code(fix.command)}`);
		if (fix.edit) {
			lines.push(`       ${theme.dim(`in ${fix.edit.file}:`)}`);
			for (const l of fix.edit.change.split('\n')) lines.push(`         ${theme.code(l)}`);
		}
	}
	return lines;
}

export function reportLines(r: DiagnoseReport, theme: Theme): string[] {
	const f = r.facts;
	const lines: string[] = [];
	lines.push(theme.bold(`diagnose ${r.container.name}`) + theme.dim(` (${r.container.id.slice(0, 12)}) · image ${r.container.image}`));
	lines.push(`${theme.dim('status:')} ${r.failed ? theme.error(r.status) : r.condition === 'running' ? theme.ok(r.status) : r.status}`);
	const facts = [
		f.resources.memory ? `memory limit ${formatBytes(f.resources.memory)}` : 'no memory limit',
		`restart policy ${f.restartPolicy.name}`,
		`${f.logs.lines.length} log lines read`,
		`${f.events.list.length} engine events`,
	];
	lines.push(theme.dim(facts.join(' · ')));
	if (f.logs.error) lines.push(theme.warn(`could not read logs: ${f.logs.error}`));
	lines.push('');
	if (r.findings.length === 0 && !r.unexplained) {
		lines.push(theme.ok(`${theme.glyph.ok} Nothing wrong found.`) + theme.dim(` ${RULES.length} rules checked against the state, ${f.logs.lines.length} log lines and ${f.events.list.length} events.`));
	}
	r.findings.forEach((finding, i) => {
		lines.push(...findingLines(finding, i, theme));
		lines.push('');
	});
	if (r.unexplained) {
		lines.push(theme.warn(`${theme.glyph.warn} No known cause matched.`) + ` It ${r.status}; none of the ${RULES.length} rules recognised the evidence, and docker-helper will not guess.`);
		if (r.unexplained.errorLines.length > 0) {
			lines.push(`   ${theme.heading(r.unexplained.errorLooking ? 'Last error-looking log lines' : 'Last log lines (none looks like an error)')}`);
			for (const l of r.unexplained.errorLines) lines.push(`     ${l.time ? `${theme.dim(l.time)} ` : ''}${theme.dim(`[${l.stream}]`)} ${l.text.replace(/\r/g, '\\r')}`);
		} else lines.push(theme.dim('   The container wrote no log lines.'));
		lines.push(`   ${theme.heading('Next steps')}`);
		for (const s of r.unexplained.nextSteps) lines.push(`     ${theme.accent('→')} ${s}`);
	}
	return lines;
}

export function summaryLine(r: DiagnoseReport, theme: Theme): string {
	const top = r.findings[0];
	const mark = r.failed ? theme.glyph.fail : top?.severity === 'warning' ? theme.glyph.warn : theme.glyph.ok;
	return `${mark} ${theme.bold(r.container.name)}  ${theme.dim(r.status)}  ${top ? `→ ${top.title}` : r.unexplained ? '→ no known cause matched' : ''}`;
}

export function diagnoseText(result: DiagnoseResult, theme: Theme): string {
	if (result.mode === 'one') return reportLines(result.reports[0]!, theme).join('\n').trimEnd();
	if (result.reports.length === 0) return `${theme.glyph.ok} No container is exited with an error, restarting, dead or unhealthy.`;
	const lines = [theme.bold(`${result.reports.length} container${result.reports.length === 1 ? '' : 's'} need attention`), ''];
	for (const r of result.reports) lines.push(summaryLine(r, theme));
	for (const r of result.reports) lines.push('', theme.dim('─'.repeat(60)), ...reportLines(r, theme));
	return lines.join('\n').trimEnd();
}
