/**
 * images: the local images with size (shared and unique), created, tags and digests, the containers
 * that use each one, its state (dangling, unused, in use) and tag hygiene, with the totals and the
 * reclaimable space `docker system df` reports, from the same single engine answer (GET /system/df).
 */
import {loadLintConfig} from '../adapters/lint-files.js';
import {imagesReport, type ImagesResult} from '../core/housekeeping/images.js';
import {imagesText} from '../output/images.js';
import {tableWidth} from '../output/wrap.js';
import {flagString, type Command} from './types.js';

export const images: Command<ImagesResult> = {
	name: 'images',
	summary: 'List local images: size (shared/unique), tags, digests, users, state, tag hygiene, reclaimable space',
	description: [
		'One row per image: id, tags, age, size and unique size (what removing it alone frees; the rest is',
		'shared with other images), its state (in use by a container, running or stopped; unused; dangling:',
		'no tag) and the containers that use it. Tag hygiene follows the linter: latest-only (DH1002), no',
		'tag (DH1001), a registry outside trustedRegistries (DH1004, from .docker-helper.yaml or',
		'.hadolint.yaml), and a non-semver tag in a repository whose other tags are semver.',
		'The totals are the Images row of `docker system df`, computed the same way from the same answer.',
		'--json: {images[], totals, counts, trustedRegistries}, sizes in bytes.',
	].join('\n'),
	usage: 'docker-helper images [--state dangling|unused|in-use] [--history <image>] [--config <file>] [--json]',
	examples: [
		'docker-helper images',
		'docker-helper images --state unused',
		'docker-helper images --history nginx:1.27',
		"docker-helper images --json | jq '.result.totals'",
	],
	group: 'build',
	args: [],
	flags: {
		state: {type: 'string', choices: ['dangling', 'unused', 'in-use'], placeholder: 'state', description: 'Only images in this state (totals stay for all)'},
		history: {type: 'string', placeholder: 'image', description: "Also show this image's layers, newest first (docker history)"},
		config: {type: 'string', placeholder: 'file', description: 'Lint config with trustedRegistries (default: .docker-helper.yaml / .hadolint.yaml here)'},
	},
	async run(ctx, input) {
		const config = await loadLintConfig(ctx.cwd, flagString(input, 'config'));
		const engine = await ctx.engine();
		ctx.progress('Reading images (docker system df)…');
		const report = imagesReport(await engine.inventory(), {trustedRegistries: config.trustedRegistries});
		const state = flagString(input, 'state');
		const historyOf = flagString(input, 'history');
		const history = historyOf ? {image: historyOf, layers: await engine.imageHistory(historyOf)} : undefined;
		return {...report, ...(state ? {images: report.images.filter((i) => i.state === state)} : {}), ...(history ? {history} : {})};
	},
	text: (result, theme) => imagesText(result, theme, tableWidth(theme.width)),
};
