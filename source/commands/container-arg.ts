/** The <container> argument shared by logs, inspect and exec: picked from the engine's containers in the app. */
import type {ContainerSummary} from '../adapters/docker.js';
import type {ArgSpec, Context, Choice} from './types.js';

export interface PickerOptions {
	readonly runningOnly?: boolean;
	/** Lower ranks first (diagnose: troubled containers first); ties newest first. Default: running first, then by name. */
	readonly rank?: (c: ContainerSummary) => number;
}

/** The engine's containers as app picker choices, by name. */
export async function containerChoices(ctx: Context, options: PickerOptions = {}): Promise<Choice[]> {
	const engine = await ctx.engine();
	const list = await engine.listContainers({all: !options.runningOnly});
	const {rank} = options;
	const sorted = rank
		? [...list].sort((a, b) => rank(a) - rank(b) || b.Created - a.Created)
		: [...list].sort((a, b) => Number(b.State === 'running') - Number(a.State === 'running') || displayName(a.Names[0], a.Id).localeCompare(displayName(b.Names[0], b.Id)));
	return sorted.map((c) => ({
		label: displayName(c.Names[0], c.Id),
		value: (c.Names[0] ?? c.Id).replace(/^\//, ''),
		hint: `${c.State} · ${c.Image} · ${c.Status}`,
	}));
}

export function containerArg(description: string, options: {runningOnly?: boolean} = {}): ArgSpec {
	return {name: 'container', description, required: true, choices: (ctx) => containerChoices(ctx, options)};
}

/** The name docker shows, without the leading slash. */
export function displayName(name: string | undefined, id: string): string {
	return name ? name.replace(/^\//, '') : id.slice(0, 12);
}
