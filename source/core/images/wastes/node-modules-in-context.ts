import {candidate, isCopy, layer, type WasteRule} from './types.js';

export const nodeModulesInContext: WasteRule = {
	id: 'node-modules-in-context',
	title: 'node_modules copied from the build context',
	match: (c) => isCopy(c.addedBy.command) && !/--from=/i.test(c.addedBy.command) && /\/node_modules\//.test(c.path),
	message: (c) => `${c.addedBy.command.slice(0, 60)} (layer ${c.addedBy.index}) brought in the host's node_modules`,
	fix: () => 'Add node_modules to .dockerignore and install dependencies in the image (RUN npm ci), so host builds never leak in.',
	cases: {
		hit: [candidate('/app/node_modules/left-pad/index.js', layer(3, 'COPY . .'))],
		miss: [
			candidate('/app/node_modules/left-pad/index.js', layer(3, 'RUN npm ci')),
			candidate('/app/node_modules/x/i.js', layer(3, 'COPY --from=build /app/node_modules ./node_modules')),
		],
	},
};
