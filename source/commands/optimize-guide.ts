import {guideCommand} from './explain.js';

export const optimizeGuide = guideCommand('optimize-guide', {
	summary: 'Guide: smaller images and faster builds',
	description:
		'A complete image-optimisation guide: choosing a base image (with typical sizes), multi-stage builds,\ninstruction order for cache hits, BuildKit cache mounts, fast Python (uv) and Node (npm ci) installs,\n.dockerignore, and how to measure the result with docker history and docker image inspect.',
	examples: ['docker-helper optimize-guide', 'docker-helper optimize-guide | less -R', 'docker-helper optimize-guide --json | jq -r .result.docs[0].markdown'],
});
