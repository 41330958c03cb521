/** The <image> argument of analyze and verify: in the app, picked from the engine's local images. */
import {formatBytes} from '../core/units.js';
import type {ArgSpec, Choice, Context} from './types.js';

export async function imageChoices(ctx: Context): Promise<Choice[]> {
	const engine = await ctx.engine();
	const inventory = await engine.inventory();
	return [...inventory.images]
		.sort((a, b) => b.created - a.created)
		.flatMap((i) => {
			const tags = i.repoTags.filter((t) => t !== '<none>:<none>');
			const hint = formatBytes(i.size);
			return tags.length > 0
				? tags.map((t) => ({label: t, value: t, hint}))
				: [{label: i.id.replace(/^sha256:/, '').slice(0, 12), value: i.id, hint: `${hint} · untagged`}];
		});
}

export const imageArg: ArgSpec = {name: 'image', description: 'Image name[:tag], id or name@digest of a local image', required: true, choices: imageChoices};
