import {candidate, instruction, layer, type WasteRule} from './types.js';

export const overwritten: WasteRule = {
	id: 'overwritten',
	title: 'file written again in a later layer',
	match: (c) => c.laterBy?.how === 'overwritten',
	message: (c) =>
		`written by ${instruction(c.addedBy.command).slice(0, 50)} (layer ${c.addedBy.index}) and again by ${instruction(c.laterBy!.command).slice(0, 50)} (layer ${c.laterBy!.index}): both copies are shipped`,
	fix: (c) =>
		/chmod|chown/.test(c.laterBy!.command)
			? 'Set ownership and mode where the file is copied (COPY --chown=... --chmod=...), not in a later RUN chmod/chown.'
			: 'Write the file once: merge the steps, or order them so the final version is the only one in a layer.',
	cases: {
		hit: [candidate('/app/app.jar', layer(3, 'COPY app.jar /app/'), {...layer(4, 'RUN chown app /app/app.jar'), how: 'overwritten'})],
		miss: [candidate('/app/app.jar', layer(3, 'COPY app.jar /app/'))],
	},
};
