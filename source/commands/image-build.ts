/**
 * --build for analyze, verify and init: build the context with the engine, tagged with the image name given.
 * BuildKit, as `docker build` does; DOCKER_BUILDKIT=0 asks for the legacy builder, as it does for the docker CLI.
 * An engine without BuildKit gets the legacy builder, with a line that says so.
 */
import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import {contextTar} from '../adapters/build-context.js';
import {isHelperError, usageError} from '../core/errors.js';
import type {Context} from './types.js';

export async function buildImage(ctx: Context, options: {context: string; dockerfile: string | undefined; tag: string}): Promise<void> {
	const dir = path.resolve(ctx.cwd, options.context);
	if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError(`--build ${options.context}: not a directory.`, 'Give the build context directory: --build .');
	const dockerfile = options.dockerfile ? path.relative(dir, path.resolve(ctx.cwd, options.dockerfile)) : 'Dockerfile';
	if (!existsSync(path.join(dir, dockerfile))) throw usageError(`No Dockerfile at ${path.join(options.context, dockerfile)}.`, 'Name it with -f <Dockerfile>.');
	if (dockerfile.startsWith('..')) throw usageError(`The Dockerfile ${options.dockerfile} is outside the context ${options.context}.`, 'Put it inside the context directory.');
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
