/**
 * inspect: the container facts that matter when something is wrong, in sections a person
 * can read, with secrets redacted (env values, command-line secrets, labels, probe output).
 * --json gives the summary and the engine's full document, redacted the same way.
 */
import {summarizeContainer, type InspectResult} from '../core/container-summary.js';
import type {ImageFacts} from '../core/engine/types.js';
import {isHelperError} from '../core/errors.js';
import {redactContainerDocument} from '../core/redact.js';
import {inspectText} from '../output/inspect.js';
import {containerArg} from './container-arg.js';
import type {Command} from './types.js';

export const inspect: Command<InspectResult> = {
	name: 'inspect',
	summary: 'Summarise a container: state, health probes, limits, mounts, ports, networks, env (redacted)',
	description: [
		'A readable `docker inspect`: state and exit code, health with the last probe results, restart',
		'policy and count, image and its architecture, command, user, resources and limits, mounts with',
		'their modes, ports, networks and IPs, environment and labels. Values that look like secrets',
		'(env names like *_PASSWORD, *_TOKEN, *_KEY; tokens, URL passwords and --password arguments in',
		'commands) are shown as [redacted], in the text and in --json alike.',
		'--json: {summary, document} where document is the full engine document, redacted.',
	].join('\n'),
	usage: 'docker-helper inspect <container> [--json]',
	examples: ['docker-helper inspect web', "docker-helper inspect web --json | jq '.result.summary.health'"],
	group: 'troubleshoot',
	args: [containerArg('Container name, id or unique id prefix')],
	flags: {},
	async run(ctx, input) {
		const engine = await ctx.engine();
		const container = await engine.inspectContainer(input.args[0]!);
		let image: ImageFacts | null = null;
		try {
			image = container.imageId ? await engine.inspectImage(container.imageId) : null;
		} catch (error) {
			// The image may have been removed since the container was created: the summary says so.
			if (!isHelperError(error) || error.code !== 'NO_SUCH_IMAGE') throw error;
		}
		return {
			summary: summarizeContainer(container.document, image?.document ?? null),
			document: redactContainerDocument(container.document),
			image: image ? {id: image.id, architecture: image.architecture, os: image.os, variant: image.variant, tags: image.repoTags} : null,
		};
	},
	json: (result) => ({summary: result.summary, image: result.image, document: result.document}),
	text: (result, theme) => inspectText(result, theme),
};
