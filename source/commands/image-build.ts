/** --build for analyze and verify: build the context with the engine, tagged with the image name given. */
import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import {contextTar} from '../adapters/build-context.js';
import {usageError} from '../core/errors.js';
import type {Context} from './types.js';

export async function buildImage(ctx: Context, options: {context: string; dockerfile: string | undefined; tag: string}): Promise<void> {
	const dir = path.resolve(ctx.cwd, options.context);
	if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError(`--build ${options.context}: not a directory.`, 'Give the build context directory: --build .');
	const dockerfile = options.dockerfile ? path.relative(dir, path.resolve(ctx.cwd, options.dockerfile)) : 'Dockerfile';
	if (!existsSync(path.join(dir, dockerfile))) throw usageError(`No Dockerfile at ${path.join(options.context, dockerfile)}.`, 'Name it with -f <Dockerfile>.');
	if (dockerfile.startsWith('..')) throw usageError(`The Dockerfile ${options.dockerfile} is outside the context ${options.context}.`, 'Put it inside the context directory.');
	const engine = await ctx.engine();
	ctx.progress(`Building ${options.tag} from ${options.context}…`);
	const tar = await contextTar(dir, dockerfile.split(path.sep).join('/'));
	await engine.buildImage(tar, {tag: options.tag, dockerfile: dockerfile.split(path.sep).join('/')}, (line) => ctx.progress(`build: ${line.slice(0, 100)}`));
}
