import {candidate, isCopy, layer, type WasteRule} from './types.js';

export const vcsInContext: WasteRule = {
	id: 'vcs-in-context',
	title: '.git copied from the build context',
	match: (c) => isCopy(c.addedBy.command) && /\/\.git(\/|$)/.test(c.path),
	message: (c) => `${c.addedBy.command.slice(0, 60)} (layer ${c.addedBy.index}) brought in the .git directory`,
	fix: () => 'Add .git to .dockerignore (docker-helper generate-dockerignore writes one for your stack).',
	cases: {
		hit: [candidate('/app/.git/objects/pack/pack-1.pack', layer(2, 'COPY . .'))],
		miss: [candidate('/app/.git/config', layer(2, 'RUN git clone https://example.com/x .')), candidate('/app/.github/workflows/ci.yml', layer(2, 'COPY . .'))],
	},
};
