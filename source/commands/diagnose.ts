import type {Engine} from '../adapters/docker.js';
import {factsSummary, needsAttention, report, type DiagnoseReport, type DiagnoseResult} from '../core/diagnose/report.js';
import {RULES} from '../core/diagnose/rules/index.js';
import {troubleRank} from '../core/engine/trouble.js';
import {EXIT, HelperError, usageError} from '../core/errors.js';
import {diagnoseText} from '../output/diagnose.js';
import {DEFAULT_TAIL, gatherDiagnosisFacts, gatherHostFacts} from './diagnose-facts.js';
import {flagBool, flagNumber, flagString, type Choice, type Command, type Context} from './types.js';
import {readComposeModel} from '../adapters/compose-file.js';
import {relateServices} from '../core/diagnose/compose/index.js';
import type {DiagnosisFacts} from '../core/diagnose/facts.js';
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
		`Finding ids: ${RULES.map((r) => r.id).join(', ')}.\n`
			.replace(/(.{1,100})(, |\.\n)/g, '$1$2\n')
			.replace(/\n\n$/, '\n')
			.replace(/ \n/g, '\n') +
		'Exit code 1 when the container is failing (an error finding, or a failure no rule explains),\n' +
		'0 when nothing is wrong (including a normal stop), 3 when the engine is unreachable.',
	usage: 'docker-helper diagnose [<container>|<service>] [--project <name>] [--tail <n>] | diagnose --all',
	examples: [
		'docker-helper diagnose web',
		'docker-helper diagnose --project shop',
		'docker-helper diagnose api --project shop',
		'docker-helper diagnose 3f2a --tail 1000',
		'docker-helper diagnose --all',
		"docker-helper diagnose web --json | jq '.result.reports[0].findings[0]'",
	],
	group: 'troubleshoot',
	args: [{name: 'container', description: 'Name, full id or unique id prefix, or a compose service name', choices: containerChoices}],
	flags: {
		tail: {type: 'number', default: DEFAULT_TAIL, placeholder: 'n', description: 'How many log lines (both streams) to read from the end of the log'},
		project: {
			type: 'string',
			placeholder: 'name',
			description:
				'A compose project (its com.docker.compose.project label): diagnose all its services, or the one named, and how their failures relate (depends_on, ports, networks)',
		},
		all: {
			type: 'boolean',
			description: 'Diagnose every container and list the ones with a problem (failing, or a warning such as a stop timeout or memory near its limit)',
		},
	},
	opensApp: (input) => input.args.length === 0 && !flagBool(input, 'all'),
	async run(ctx, input) {
		const tail = flagNumber(input, 'tail') ?? DEFAULT_TAIL;
		if (!Number.isInteger(tail) || tail < 1 || tail > 100_000)
			throw usageError(`--tail must be a whole number from 1 to 100000; got ${tail}.`, 'Example: docker-helper diagnose web --tail 500');
		const all = flagBool(input, 'all');
		const ref = input.args[0];
		const project = flagString(input, 'project');
		if (all && (ref || project))
			throw usageError(
				'Give a container, a --project or --all, not several.',
				'Usage: docker-helper diagnose [<container>|<service>] [--project <name>] | diagnose --all',
			);
		if (!all && !ref && !project)
			throw usageError('docker-helper diagnose needs <container> (or --project <name>, or --all).', 'List containers with: docker ps -a');
		const engine = await ctx.engine();
		const host = gatherHostFacts(ctx, engine);
		host.catch(() => undefined);
		if (project !== undefined) return diagnoseProject(ctx, engine, project, ref ?? null, {tail, host});
		if (!all) {
			ctx.progress(`Gathering facts about ${ref}…`);
			let facts;
			try {
				facts = await gatherDiagnosisFacts(engine, ref!, {tail, host});
			} catch (error) {
				// Not a container: a compose service name, when exactly one project has it.
				if (!(error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER')) throw error;
				const projects = await projectsWithService(engine, ref!);
				if (projects.length === 0) throw error;
				if (projects.length > 1)
					throw usageError(
						`The compose service ${ref} exists in ${projects.length} projects: ${projects.join(', ')}.`,
						`Name the project: docker-helper diagnose ${ref} --project ${projects[0]}`,
					);
				return diagnoseProject(ctx, engine, projects[0]!, ref!, {tail, host});
			}
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
	exitCode: (result) => (result.reports.some((r) => r.failed) || result.project?.relations.some((f) => f.severity === 'error') ? EXIT.failure : EXIT.ok),
	json: (result) => ({
		mode: result.mode,
		tail: result.tail,
		...(result.checked !== undefined ? {checked: result.checked} : {}),
		...(result.project ? {project: result.project} : {}),
		reports: result.reports.map((r) => ({
			container: r.container,
			status: r.status,
			condition: r.condition,
			failed: r.failed,
			summary: factsSummary(r.facts),
			findings: r.findings,
			unexplained: r.unexplained,
			facts: r.facts,
		})),
	}),
	text: (result, theme) => diagnoseText(result, theme),
};

const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';

async function projectsWithService(engine: Engine, service: string): Promise<string[]> {
	const list = await engine.listContainers({all: true, filters: {label: [`${SERVICE_LABEL}=${service}`]}});
	return [...new Set(list.map((c) => c.labels?.[PROJECT_LABEL] ?? '').filter(Boolean))].sort();
}

/**
 * A compose project: every container of it (or of one service) diagnosed as `diagnose <name>` does,
 * then the rules that relate the services to each other, over all of the project's containers.
 */
async function diagnoseProject(
	ctx: Context,
	engine: Engine,
	name: string,
	service: string | null,
	options: {tail: number; host: Promise<DiagnosisFacts['host']>},
): Promise<DiagnoseResult> {
	if (name === '')
		throw usageError(
			'--project needs a name.',
			'List compose projects with: docker compose ls (or docker ps --format \'{{.Label "com.docker.compose.project"}}\')',
		);
	ctx.progress(`Listing the containers of compose project ${name}…`);
	const list = await engine.listContainers({all: true, filters: {label: [`${PROJECT_LABEL}=${name}`]}});
	if (list.length === 0)
		throw new HelperError(
			'NO_SUCH_PROJECT',
			`No containers of compose project ${name}.`,
			'List compose projects with: docker compose ls --all (or docker ps -a --filter label=com.docker.compose.project)',
			{project: name},
		);
	const reports: DiagnoseReport[] = [];
	let next = 0;
	const worker = async () => {
		while (next < list.length) {
			const c = list[next++]!;
			ctx.progress(`Diagnosing ${reports.length + 1}/${list.length} of ${name}…`);
			try {
				reports.push(report(await gatherDiagnosisFacts(engine, c.id, options)));
			} catch (error) {
				if (error instanceof HelperError && error.code === 'NO_SUCH_CONTAINER') continue;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({length: Math.min(ALL_CONCURRENCY, list.length)}, worker));
	const members = reports.map((r) => ({service: r.facts.container.composeService ?? r.container.name, facts: r.facts, failed: r.failed}));
	if (service !== null && !members.some((m) => m.service === service)) {
		const services = [...new Set(members.map((m) => m.service))].sort();
		throw new HelperError('NO_SUCH_SERVICE', `Compose project ${name} has no service ${service}.`, `Its services: ${services.join(', ')}`, {
			project: name,
			service,
			services,
		});
	}
	const model = await readComposeModel(reports[0]!.facts.container.labels);
	const relations = relateServices({name, members, model}).filter((f) => service === null || f.title.includes(service));
	const shown = reports.filter((r) => service === null || r.facts.container.composeService === service);
	shown.sort((a, b) => Number(b.failed) - Number(a.failed) || a.container.name.localeCompare(b.container.name));
	return {mode: 'project', tail: options.tail, project: {name, service, composeFile: model?.source ?? null, relations}, reports: shown};
}

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
