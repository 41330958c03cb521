/** The <container> argument shared by logs, inspect and exec: picked from the engine's containers in the app. */
import type {ContainerListEntry} from '../core/engine/types.js';
import type {ArgSpec, Context, Choice} from './types.js';

export interface PickerOptions {
	readonly runningOnly?: boolean;
	/** Lower ranks first (diagnose: troubled containers first); ties newest first. Default: running first, then by name. */
	readonly rank?: (c: ContainerListEntry) => number;
}

/** The engine's containers as app picker choices, by name. */
export async function containerChoices(ctx: Context, options: PickerOptions = {}): Promise<Choice[]> {
	const engine = await ctx.engine();
	const all = await engine.listContainers({all: !options.runningOnly});
	// The engine lists restarting (and paused) containers among the running ones; neither can be exec'd into.
	const list = options.runningOnly ? all.filter((c) => c.state === 'running') : all;
	const {rank} = options;
	const sorted = rank
		? [...list].sort((a, b) => rank(a) - rank(b) || b.created - a.created)
		: [...list].sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || a.name.localeCompare(b.name));
	return sorted.map((c) => ({
		label: c.name,
		value: c.name,
		hint: `${c.state} · ${c.image} · ${c.status}`,
	}));
}

export function containerArg(description: string, options: {runningOnly?: boolean} = {}): ArgSpec {
	return {name: 'container', description, required: true, choices: (ctx) => containerChoices(ctx, options)};
}
