import {candidate, instruction, layer, type WasteRule} from './types.js';

export const deletedLater: WasteRule = {
	id: 'deleted-later',
	title: 'file deleted in a later layer',
	match: (c) => c.laterBy?.how === 'deleted',
	message: (c) =>
		`added by ${instruction(c.addedBy.command).slice(0, 50)} (layer ${c.addedBy.index}), deleted by ${instruction(c.laterBy!.command).slice(0, 50)} (layer ${c.laterBy!.index}): deleting in a later layer frees nothing`,
	fix: () => 'Delete it in the same RUN that creates it, or build it in an earlier stage and COPY --from only what the image needs.',
	cases: {
		hit: [candidate('/tmp/big.tar', layer(1, 'RUN curl -o /tmp/big.tar https://x'), {...layer(2, 'RUN rm /tmp/big.tar'), how: 'deleted'})],
		miss: [candidate('/usr/bin/app', layer(1, 'COPY app /usr/bin/app'))],
	},
};
