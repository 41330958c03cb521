/** init --build: build the written project with the engine (images' build path), then `verify` the image. */
import {isHelperError} from '../core/errors.js';
import type {InitBuild} from '../core/project/result.js';
import {buildImage} from './image-build.js';
import type {Context} from './types.js';
import {verifyImage} from './verify.js';

export async function buildAndVerify(ctx: Context, directory: string, image: string, options: {timeout: number}): Promise<InitBuild> {
	const tag = `${image}:local`;
	const started = Date.now();
	const log: string[] = [];
	const keep = (line: string) => {
		log.push(line);
		if (log.length > 40) log.shift();
	};
	try {
		await buildImage({...ctx, progress: (m: string) => (keep(m), ctx.progress(m))} as Context, {context: directory, dockerfile: undefined, tag});
	} catch (error) {
		if (!isHelperError(error) || error.code === 'USAGE' || error.exitCode === 3) throw error;
		return {image: tag, built: false, ok: false, log: [...log.slice(-8), error.message, error.hint], seconds: (Date.now() - started) / 1000, verify: null};
	}
	const seconds = (Date.now() - started) / 1000;
	// The throwaway container is named after the image, so it is plain whose it is (and always removed).
	const verify = await verifyImage(ctx, {args: [tag], flags: {timeout: options.timeout, namePrefix: `${image}-verify-`}});
	return {image: tag, built: true, ok: verify.summary.failed === 0, log: [...log], seconds, verify};
}
