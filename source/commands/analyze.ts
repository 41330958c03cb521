/**
 * analyze: read a local image through the engine's export stream and say what is in each layer,
 * what is wasted and why, what should not be there, and whether the CI gates pass.
 */
import {loadAnalyzeGates} from '../adapters/analyze-config.js';
import {readImageArchive} from '../adapters/image-archive.js';
import {HelperError, usageError} from '../core/errors.js';
import {analyzeImageWithTree, type AnalyzeResult} from '../core/images/analysis.js';
import type {FsNode} from '../core/images/fs-tree.js';
import {resolveImage, type ResolvedImage} from '../core/images/archive.js';
import type {ImageFacts} from '../core/engine/types.js';
import {GATE_FLAGS, parseRatio, parseSize, type GateName, type Gates} from '../core/images/gates.js';
import {analyzeText} from '../output/analyze.js';
import {buildIfAsked} from './image-build.js';
import {imageArg} from './image-arg.js';
import {IMAGE_GATE_FLAGS} from './image-gate-flags.js';
import {flagString, type Command, type Context, type Input} from './types.js';

const SIZE_GATES: readonly GateName[] = ['highestWastedBytes', 'maxSize'];

/** Gates from flags over those from the config file; a bad flag value is a usage error. */
export async function gatesFor(ctx: Pick<Context, 'cwd'>, input: Input): Promise<{gates: Gates; notes: string[]}> {
	const fromConfig = await loadAnalyzeGates(ctx.cwd, flagString(input, 'config'));
	const gates: Record<string, number> = {...fromConfig.gates};
	for (const [name, flag] of Object.entries(GATE_FLAGS) as Array<[GateName, string]>) {
		const raw = flagString(input, name);
		if (raw === undefined) continue;
		const value = SIZE_GATES.includes(name) ? parseSize(raw) : parseRatio(raw);
		if (value === null)
			throw usageError(
				`--${flag} ${raw}: not a ${SIZE_GATES.includes(name) ? 'size' : 'ratio'}.`,
				SIZE_GATES.includes(name) ? `Give a size: --${flag} 20MB (or 20MiB, or bytes).` : `Give a ratio: --${flag} 0.9 (or 90%).`,
			);
		gates[name] = value;
	}
	const notes = [...fromConfig.problems];
	if (fromConfig.source && Object.keys(fromConfig.gates).length > 0) notes.push(`gates from ${fromConfig.source}`);
	return {gates, notes};
}

export interface AnalyzedImage {
	readonly analysis: AnalyzeResult;
	readonly resolved: ResolvedImage;
	readonly facts: ImageFacts;
	/** The final filesystem the analysis stacked. */
	readonly finalTree: FsNode;
}

export async function analyzeRef(ctx: Context, ref: string, gates: Gates, notes: readonly string[]): Promise<AnalyzedImage> {
	const engine = await ctx.engine();
	const facts = await engine.inspectImage(ref);
	ctx.progress(`Exporting ${ref} from the engine…`);
	const stream = await engine.exportImage(facts.id);
	let parts;
	try {
		parts = await readImageArchive(stream, (m) => ctx.progress(`${ref}: ${m}`));
	} catch (error) {
		if (error instanceof HelperError) throw error;
		throw new HelperError(
			'IMAGE_UNREADABLE',
			`The export of ${ref} could not be read: ${(error as Error).message}.`,
			`Check it with: docker save ${ref} | tar -t | head`,
			{image: ref},
		);
	} finally {
		stream.destroy();
	}
	const resolved = resolveImage(parts);
	if (!resolved.ok)
		throw new HelperError(
			'IMAGE_UNREADABLE',
			`The export of ${ref} is not an image layout docker-helper knows: ${resolved.reason}.`,
			`Look at it with: docker save ${ref} | tar -t`,
			{image: ref},
		);
	ctx.progress(`Analysing ${resolved.image.layers.length} layers…`);
	const size = typeof facts.document['Size'] === 'number' ? (facts.document['Size'] as number) : null;
	const {analysis, finalTree} = analyzeImageWithTree({
		ref,
		resolved: resolved.image,
		engineImage: {id: facts.id, repoTags: facts.repoTags, size},
		gates,
		notes,
	});
	return {analysis, resolved: resolved.image, facts, finalTree};
}

export const analyze: Command<AnalyzeResult> = {
	name: 'analyze',
	summary: 'Analyse an image: layers, sizes, wasted bytes and their cause, efficiency, secrets, CI gates',
	description: [
		'Reads a local image through the Engine API export (docker save) as a stream: the docker-archive',
		'layout and the OCI layout of the containerd image store, gzip, zstd or plain layers. For each layer:',
		'the instruction that made it, its size, files added/changed/deleted, the largest files. Wasted bytes,',
		'user-wasted percent and efficiency as dive defines them, with the instruction that caused each waste',
		'and the fix; secret-looking files in any layer (even deleted later); setuid/setgid files;',
		'world-writable directories; a latest or missing tag.',
		'Gates (exit 1 when one fails): --lowest-efficiency 0.9, --highest-wasted-bytes 20MB,',
		'--highest-user-wasted-percent 0.1, --max-size 500MB, or the same keys (camelCase, as in .dive-ci)',
		'under analyze: in .docker-helper.yaml.',
		'--json: the whole analysis, every layer change included (docs/schema/analyze.schema.json).',
	].join('\n'),
	usage: 'docker-helper analyze <image> [--build <context> [-f Dockerfile]] [gates] [--json]',
	examples: [
		'docker-helper analyze myapp:1.2',
		'docker-helper analyze myapp:1.2 --lowest-efficiency 0.95 --highest-wasted-bytes 20MB',
		'docker-helper analyze myapp:dev --build . -f Dockerfile',
		"docker-helper analyze myapp:1.2 --json | jq '.result.summary'",
	],
	group: 'build',
	args: [imageArg],
	flags: IMAGE_GATE_FLAGS,
	async run(ctx, input) {
		const ref = input.args[0]!;
		const {gates, notes} = await gatesFor(ctx, input);
		await buildIfAsked(ctx, input, ref, 'analyze');
		return (await analyzeRef(ctx, ref, gates, notes)).analysis;
	},
	// In a terminal the layer and file-tree view opens, unless gates are asked for: then the exit code matters.
	opensApp: (input) => !Object.keys(GATE_FLAGS).some((g) => flagString(input, g) !== undefined),
	exitCode: (r) => (r.gates.some((g) => !g.pass) ? 1 : 0),
	text: (r, theme) => analyzeText(r, theme, theme.width ?? 100),
};
