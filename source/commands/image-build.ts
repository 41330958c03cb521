/**
 * --build for analyze, verify and init: build the context with the engine, tagged with the image name given.
 * BuildKit, as `docker build` does; DOCKER_BUILDKIT=0 asks for the legacy builder, as it does for the docker CLI.
 * An engine without BuildKit gets the legacy builder, with a line that says so.
 */
import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import {contextTar} from '../adapters/build-context.js';
import {isHelperError, usageError} from '../core/errors.js';
import {flagString, type Context, type Input} from './types.js';

export async function buildImage(ctx: Context, options: {context: string; dockerfile: string | undefined; tag: string}): Promise<void> {
	const dir = path.resolve(ctx.cwd, options.context);
	if (!existsSync(dir) || !statSync(dir).isDirectory())
		throw usageError(`--build ${options.context}: not a directory.`, 'Give the build context directory: --build .');
	const dockerfile = options.dockerfile ? path.relative(dir, path.resolve(ctx.cwd, options.dockerfile)) : 'Dockerfile';
	if (!existsSync(path.join(dir, dockerfile))) throw usageError(`No Dockerfile at ${path.join(options.context, dockerfile)}.`, 'Name it with -f <Dockerfile>.');
	if (dockerfile.startsWith('..'))
		throw usageError(`The Dockerfile ${options.dockerfile} is outside the context ${options.context}.`, 'Put it inside the context directory.');
	const engine = await ctx.engine();
	ctx.progress(`Building ${options.tag} from ${options.context}…`);
	const file = dockerfile.split(path.sep).join('/');
	const onLine = (line: string) => ctx.progress(`build: ${line.slice(0, 100)}`);
	const legacy = ctx.env['DOCKER_BUILDKIT'] === '0' || ctx.env['DOCKER_BUILDKIT']?.toLowerCase() === 'false';
	try {
		await engine.buildImage(await contextTar(dir, file), {tag: options.tag, dockerfile: file, builder: legacy ? 'legacy' : 'buildkit'}, onLine);
	} catch (error) {
		if (!isHelperError(error) || error.code !== 'BUILDKIT_UNAVAILABLE') throw error;
		ctx.progress(`${error.message} Building with the legacy builder (no RUN --mount).`);
		await engine.buildImage(await contextTar(dir, file), {tag: options.tag, dockerfile: file, builder: 'legacy'}, onLine);
	}
}

/** analyze's and verify's --build and -f: build first when asked; -f alone is a usage error. */
export async function buildIfAsked(ctx: Context, input: Input, tag: string, command: string): Promise<void> {
	const context = flagString(input, 'build');
	if (context) await buildImage(ctx, {context, dockerfile: flagString(input, 'file'), tag});
	else if (flagString(input, 'file')) throw usageError('-f/--file is for --build.', `Usage: docker-helper ${command} ${tag} --build <context> -f <Dockerfile>`);
}
