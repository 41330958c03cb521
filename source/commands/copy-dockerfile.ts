import {promises as fs} from 'node:fs';
import path from 'node:path';
import {exists, writeFileSafe} from '../adapters/files.js';
import {loadVariants, readTemplate} from '../adapters/templates.js';
import {HelperError} from '../core/errors.js';
import {findVariant, imageNameFor, nextSteps, shortSize, type CopyDockerfileResult} from '../core/templates.js';
import {copyDockerfileText} from '../output/copy-dockerfile.js';
import {flagBool, flagString, type Command, type Input} from './types.js';

function variantName(input: Input): string | undefined {
	const flag = flagString(input, 'variant');
	const arg = input.args[0];
	if (flag && arg && flag !== arg)
		throw new HelperError(
			'USAGE',
			`Two different variants given: '${arg}' and --variant ${flag}.`,
			'Give the variant once: docker-helper copy-dockerfile --variant <name>',
		);
	return flag ?? arg;
}

export const copyDockerfile: Command<CopyDockerfileResult> = {
	name: 'copy-dockerfile',
	summary: 'Write a hardened Dockerfile template (slim, alpine, gunicorn, node, basic)',
	description:
		'Copies one of the shipped Dockerfile templates into your project. Production variants are multi-stage,\n' +
		'run as a non-root UID 1000 user, pin their base images, and carry a HEALTHCHECK whose probe exists in\n' +
		'that base. Every line is commented with why it is there. An existing file is never replaced without\n' +
		'--force (which keeps the old one as a numbered backup: <file>.bak, <file>.bak.2 ...), and never through a\n' +
		'symbolic link. Without --variant in a terminal, a picker opens.',
	usage: 'docker-helper copy-dockerfile [--variant <name>] [--output <path>] [--force] [--stdout] [--list]',
	examples: [
		'docker-helper copy-dockerfile --list',
		'docker-helper copy-dockerfile --variant slim',
		'docker-helper copy-dockerfile --variant gunicorn --output docker/Dockerfile.web',
		'docker-helper copy-dockerfile --variant alpine --stdout > Dockerfile.alpine',
		'docker-helper copy-dockerfile --variant node --force',
	],
	group: 'templates',
	args: [
		{
			name: 'variant',
			description: 'Template to copy (same as --variant)',
			choices: async () =>
				(await loadVariants()).map((v) => ({
					label: v.id.padEnd(9),
					value: v.id,
					hint: `${v.base.padEnd(27)} ${shortSize(v.typicalSize).padEnd(10)} ${v.pick}`,
				})),
		},
	],
	flags: {
		variant: {type: 'string', placeholder: 'name', description: 'Template: slim, alpine, gunicorn, node or basic (see --list)'},
		output: {type: 'string', shortFlag: 'o', placeholder: 'path', description: 'Where to write (default ./Dockerfile; a directory gets a Dockerfile inside)'},
		force: {type: 'boolean', description: 'Replace an existing file, keeping it as a numbered backup (<file>.bak, .bak.2 ...)'},
		stdout: {type: 'boolean', description: 'Print the template instead of writing a file'},
		list: {type: 'boolean', description: 'List the variants with base image, size and when to choose each'},
	},
	writes: {target: (input) => flagString(input, 'output') ?? 'Dockerfile'},
	menuOptions: ['output'],
	opensApp: (input) => !variantName(input) && !flagBool(input, 'list') && !flagBool(input, 'stdout'),
	async run(ctx, input) {
		const variants = await loadVariants();
		if (flagBool(input, 'list')) return {kind: 'list', variants};
		const name = variantName(input);
		if (!name) {
			throw new HelperError(
				'USAGE',
				'copy-dockerfile needs a variant.',
				`Pass --variant <name> with one of: ${variants.map((v) => v.id).join(', ')} (details: docker-helper copy-dockerfile --list).`,
				{variants: variants.map((v) => v.id)},
			);
		}
		const variant = findVariant(variants, name);
		const content = await readTemplate(variant);
		if (flagBool(input, 'stdout')) return {kind: 'stdout', variant: variant.id, content};

		let target = path.resolve(ctx.cwd, flagString(input, 'output') ?? 'Dockerfile');
		// lstat: a link to a directory is not followed (writeFileSafe refuses links with a clear message).
		const stat = await fs.lstat(target).catch(() => null);
		if (stat?.isDirectory()) target = path.join(target, 'Dockerfile');
		const shown = path.relative(ctx.cwd, target) || target;
		const outcome = await writeFileSafe(target, content, {
			force: flagBool(input, 'force'),
			flagHint: `Pass --force to replace it (the current file is kept as a numbered backup, ${path.basename(target)}.bak ...), --output <path> to write elsewhere, or --stdout to compare first.`,
		});
		// The build context is the working directory: that is where `docker build .` runs.
		const expects = await Promise.all(variant.expects.map(async (e) => ({path: e.path, why: e.why, present: await exists(path.join(ctx.cwd, e.path))})));
		const relDockerfile = path.relative(ctx.cwd, target).split(path.sep).join('/');
		const steps = nextSteps({
			variant,
			dockerfile: relDockerfile.startsWith('..') ? target : relDockerfile,
			image: imageNameFor(path.basename(ctx.cwd)),
			missing: expects.filter((e) => !e.present).map((e) => e.path),
			hasDockerignore: await exists(path.join(ctx.cwd, '.dockerignore')),
		});
		return {
			kind: 'written',
			variant: variant.id,
			title: variant.title,
			path: shown.startsWith('..') ? target : shown,
			bytes: outcome.bytes,
			replaced: outcome.replaced,
			backup: outcome.backup ? path.relative(ctx.cwd, outcome.backup) || outcome.backup : null,
			expects,
			nextSteps: steps,
		};
	},
	text: (result, theme) => copyDockerfileText(result, theme),
};
