import {candidate, layer, type WasteRule} from './types.js';

export const aptLists: WasteRule = {
	id: 'apt-lists',
	title: 'apt package lists',
	match: (c) => c.path.startsWith('/var/lib/apt/lists/') && !c.path.endsWith('/lock'),
	message: (c) =>
		c.laterBy?.how === 'deleted'
			? `apt lists written by layer ${c.addedBy.index} were deleted in a later RUN (layer ${c.laterBy.index}): the bytes stay in layer ${c.addedBy.index}`
			: `apt lists from layer ${c.addedBy.index} are left in the image`,
	fix: () =>
		'Clean them in the same RUN that downloads them: RUN apt-get update && apt-get install -y --no-install-recommends ... && rm -rf /var/lib/apt/lists/*',
	cases: {
		hit: [
			candidate('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease', layer(1, 'RUN apt-get update'), {
				...layer(2, 'RUN rm -rf /var/lib/apt/lists/*'),
				how: 'deleted',
			}),
		],
		miss: [candidate('/var/lib/apt/lists/lock', layer(1, 'RUN apt-get update')), candidate('/var/lib/dpkg/status', layer(1, 'RUN apt-get install x'))],
	},
};
