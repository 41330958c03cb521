/** The <container> argument shared by logs, inspect and exec: picked from the engine's containers in the app. */
import type {ArgSpec, Context, Choice} from './types.js';

export async function containerChoices(ctx: Context, options: {runningOnly?: boolean} = {}): Promise<Choice[]> {
	const engine = await ctx.engine();
	const list = await engine.listContainers({all: !options.runningOnly});
	return list
		.map((c) => ({
			label: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
			value: (c.Names[0] ?? c.Id).replace(/^\//, ''),
			hint: `${c.State} · ${c.Image} · ${c.Status}`,
			running: c.State === 'running',
		}))
		.sort((a, b) => Number(b.running) - Number(a.running) || a.label.localeCompare(b.label))
		.map(({running: _running, ...choice}) => choice);
}

export function containerArg(description: string, options: {runningOnly?: boolean} = {}): ArgSpec {
	return {name: 'container', description, required: true, choices: (ctx) => containerChoices(ctx, options)};
}

/** The name docker shows, without the leading slash. */
export function displayName(name: string | undefined, id: string): string {
	return name ? name.replace(/^\//, '') : id.slice(0, 12);
}
