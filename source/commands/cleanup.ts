/**
 * cleanup: a plan to free disk space (stopped containers, dangling images, unused images older
 * than --older-than, unused volumes with --volumes, build cache), each step with what it frees
 * and its docker command. It removes nothing unless confirmed in a terminal or given --yes, and
 * then exactly the plan's items, never forced: an image any container uses is never in the plan,
 * and the engine refuses to remove one that a container started using meanwhile.
 */
import type {Engine} from '../adapters/docker.js';
import {cleanupPlan, type CleanupOutcome, type CleanupPlan, type CleanupResult, type StepOutcome} from '../core/housekeeping/cleanup.js';
import {HelperError, isHelperError} from '../core/errors.js';
import {parseDuration} from '../core/time-spec.js';
import {formatBytes} from '../core/units.js';
import {cleanupText} from '../output/images.js';
import {tableWidth} from '../output/wrap.js';
import {flagBool, flagString, type Command, type Context, type Input, type OutputChunk} from './types.js';

export const cleanup: Command<CleanupResult> = {
	name: 'cleanup',
	summary: 'Plan and (with confirmation or --yes) free disk space: stopped containers, dangling/unused images, volumes, build cache',
	description: [
		'Shows a plan, step by step: stopped containers; dangling images (no tag); with --older-than,',
		'tagged images no container uses, created at least that long ago (0s: all of them); with',
		'--volumes, volumes no container uses; the build cache not in use. Each step lists its items,',
		'what it frees as the engine reports it (for images, their unique size: at least that much),',
		'and the docker command that does the same.',
		'',
		'Nothing is removed without confirmation: in a terminal it asks; elsewhere it only shows the',
		'plan unless --yes is given. An image used by any container, running or stopped, is never',
		'removed (nor one used by a stopped container the plan removes: run cleanup again for those).',
		'Removal is never forced. --label limits every step to objects with that label (repeatable).',
		'--json: {plan, outcome, confirmed}; outcome is null until something was removed.',
	].join('\n'),
	usage: 'docker-helper cleanup [--older-than <age>] [--volumes] [--no-build-cache] [--label key[=value]] [--yes] [--json]',
	examples: [
		'docker-helper cleanup',
		'docker-helper cleanup --older-than 30d --volumes',
		'docker-helper cleanup --yes',
		'docker-helper cleanup --label com.docker.compose.project=shop --older-than 0s --yes',
	],
	group: 'build',
	args: [],
	flags: {
		olderThan: {
			type: 'string',
			placeholder: 'age',
			description: 'Include tagged images no container uses, created at least this long ago (30d, 12h, 0s for all)',
		},
		volumes: {type: 'boolean', description: 'Include volumes no container uses (their data is lost)'},
		buildCache: {type: 'boolean', default: true, description: 'Include the build cache not in use (--no-build-cache to leave it)'},
		label: {type: 'string', isMultiple: true, placeholder: 'key[=value]', description: 'Only objects with this label (repeatable)'},
		yes: {type: 'boolean', shortFlag: 'y', description: 'Remove the plan without asking'},
	},
	// The app confirms in its own view (ctx.interactive): the plan is never yielded there.
	async run(ctx, input) {
		const steps = cleanupStream(ctx, input);
		for (;;) {
			const next = await steps.next();
			if (next.done) return next.value;
		}
	},
	// In a terminal without --yes: the plan is shown and confirmed on the terminal before anything is removed.
	stream: (ctx, input) => cleanupStream(ctx, input),
	exitCode: (result) => (result.outcome && result.outcome.steps.some((s) => s.failed.length > 0) ? 1 : 0),
	text: (result, theme) => cleanupText(result, theme, tableWidth(theme.width)),
};

async function* cleanupStream(ctx: Context, input: Input): AsyncGenerator<OutputChunk, CleanupResult, void> {
	const options = optionsFrom(input);
	const engine = await ctx.engine();
	ctx.progress('Reading disk usage (docker system df)…');
	const before = await engine.inventory();
	const plan = cleanupPlan(before, {...options, now: Math.floor(Date.now() / 1000)});
	if (plan.itemCount === 0) return {plan, outcome: null, confirmed: false};
	let confirmed = flagBool(input, 'yes');
	if (!confirmed && !ctx.interactive && ctx.stdinIsTTY && ctx.stdout.isTTY && !flagBool(input, 'json')) {
		ctx.progress('');
		yield {to: 'stdout', data: `${cleanupText({plan, outcome: null, confirmed: true}, ctx.theme, tableWidth(ctx.theme.width))}\n\n`};
		confirmed = await ctx.confirm(`Remove these ${plan.itemCount} item(s), freeing at least ${formatBytes(plan.total)}?`);
		if (!confirmed) yield {to: 'stderr', data: 'Nothing removed.\n'};
	}
	if (!confirmed) return {plan, outcome: null, confirmed: false};
	return {plan, outcome: await carryOut(ctx, engine, plan, before.layersSize), confirmed: true};
}

function optionsFrom(input: Input) {
	const older = flagString(input, 'olderThan');
	let olderThanSeconds: number | null = null;
	if (older !== undefined) {
		olderThanSeconds = /^0+$/.test(older.trim()) ? 0 : parseDuration(older);
		if (olderThanSeconds === null)
			throw new HelperError('USAGE', `--older-than needs an age like 30d, 12h or 90m; got '${older}'.`, 'Units: s, m, h, d, w (0s: every unused image).');
	}
	const raw = input.flags['label'];
	const labels = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).map(String);
	for (const l of labels)
		if (!/^[^=\s]+(=.*)?$/.test(l))
			throw new HelperError('USAGE', `--label needs key or key=value; got '${l}'.`, 'Example: --label com.docker.compose.project=shop');
	return {olderThanSeconds, volumes: flagBool(input, 'volumes'), buildCache: input.flags['buildCache'] !== false, labels};
}

async function carryOut(ctx: Context, engine: Engine, plan: CleanupPlan, layersBefore: number): Promise<CleanupOutcome> {
	const steps: StepOutcome[] = [];
	for (const step of plan.steps) {
		if (step.skipped) continue;
		const removed: string[] = [];
		const failed: Array<{id: string; name: string; message: string}> = [];
		let freed = 0;
		if (step.kind === 'build-cache') {
			ctx.progress('Pruning the build cache…');
			try {
				freed = await engine.pruneBuildCache();
				removed.push(...step.items.map((i) => i.id));
			} catch (error) {
				if (!isHelperError(error)) throw error;
				failed.push({id: 'build-cache', name: 'build cache', message: error.message});
			}
			steps.push({kind: step.kind, removed, failed, freed});
			continue;
		}
		for (const [n, item] of step.items.entries()) {
			ctx.progress(`${step.title}: ${n + 1}/${step.items.length} ${item.name}`);
			try {
				if (step.kind === 'stopped-containers') await engine.removeContainer(item.id);
				else if (step.kind === 'unused-volumes') await engine.removeVolume(item.id);
				// A tagged image goes tag by tag (removing the last tag removes the image); never with force.
				else if (item.tags && item.tags.length > 0) for (const tag of item.tags) await engine.removeImage(tag);
				else await engine.removeImage(item.id);
				removed.push(item.id);
				freed += item.size ?? 0;
			} catch (error) {
				if (!isHelperError(error)) throw error;
				failed.push({id: item.id, name: item.name, message: error.message});
			}
		}
		steps.push({kind: step.kind, removed, failed, freed});
	}
	ctx.progress('Reading disk usage again…');
	const after = await engine.inventory();
	return {steps, freed: steps.reduce((n, s) => n + s.freed, 0), layersBefore, layersAfter: after.layersSize};
}
