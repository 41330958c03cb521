import type {Engine} from '../adapters/docker.js';
import {factsSummary, needsAttention, report, type DiagnoseReport, type DiagnoseResult} from '../core/diagnose/report.js';
import {RULES} from '../core/diagnose/rules/index.js';
import {troubleRank} from '../core/engine/trouble.js';
import {EXIT, HelperError, usageError} from '../core/errors.js';
import {diagnoseText} from '../output/diagnose.js';
import {DEFAULT_TAIL, gatherDiagnosisFacts, gatherHostFacts} from './diagnose-facts.js';
import {flagBool, flagNumber, type Choice, type Command, type Context} from './types.js';
import {containerChoices as pickContainers} from './container-arg.js';

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
		all: {type: 'boolean', description: 'Diagnose every container and list the ones with a problem (failing, or a warning such as a stop timeout or memory near its limit)'},
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
		const targets = await allContainers(engine);
		const reports: DiagnoseReport[] = [];
		let next = 0;
		const worker = async () => {
			while (next < targets.length) {
				const id = targets[next++]!;
				ctx.progress(`Diagnosing ${reports.length + 1}/${targets.length}…`);
				try {
					// The very path `diagnose <name>` takes; the list is only kept to what needs attention.
					const r = report(await gatherDiagnosisFacts(engine, id, {tail, host}));
					if (needsAttention(r)) reports.push(r);
				} catch (error) {
					// Removed while we looked: not ours to report.
					if (error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER') continue;
					throw error;
				}
			}
		};
		await Promise.all(Array.from({length: Math.min(ALL_CONCURRENCY, targets.length)}, worker));
		reports.sort((a, b) => Number(b.failed) - Number(a.failed) || a.container.name.localeCompare(b.container.name));
		return {mode: 'all', tail, checked: targets.length, reports};
	},
	exitCode: (result) => (result.reports.some((r) => r.failed) ? EXIT.failure : EXIT.ok),
	json: (result) => ({
		mode: result.mode,
		tail: result.tail,
		...(result.checked !== undefined ? {checked: result.checked} : {}),
		reports: result.reports.map((r) => ({container: r.container, status: r.status, condition: r.condition, failed: r.failed, summary: factsSummary(r.facts), findings: r.findings, unexplained: r.unexplained, facts: r.facts})),
	}),
	text: (result, theme) => diagnoseText(result, theme),
};



/**
 * Containers for --all: every one, diagnosed like `diagnose <name>` so the two never disagree (a
 * daemonising entrypoint exits 0 and looks fine in the list; a running one can be near its memory limit).
 */
async function allContainers(engine: Engine): Promise<string[]> {
	const list = await engine.listContainers({all: true});
	// Troubled ones first, so they are gathered while their events are freshest.
	return [...list].sort((a, b) => troubleRank(a) - troubleRank(b)).map((c) => c.id);
}

/** Picker choices: troubled containers first. */
export function containerChoices(ctx: Context): Promise<Choice[]> {
	return pickContainers(ctx, {rank: troubleRank});
}
