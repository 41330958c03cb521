/**
 * Fixture images for analyze and verify, built FROM the busybox fixture with the legacy builder
 * (no registry here). Every image is named `dh-im-<random>` and removed by the suite that built it.
 */
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {FIXTURE_IMAGE, docker} from './engine.js';

export const IMAGE_PREFIX = 'dh-im-';

export function imageName(what: string): string {
	return `${IMAGE_PREFIX}${what}-${randomBytes(4).toString('hex')}`;
}

/** Build `tag` from a Dockerfile body (FROM the fixture is prepended) and context files. */
export function buildFixture(tag: string, dockerfile: string, files: Record<string, string | Buffer> = {}): void {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-im-ctx-'));
	try {
		writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${FIXTURE_IMAGE}\n${dockerfile}\n`);
		for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
		const r = spawnSync('docker', ['build', '-q', '-t', tag, dir], {encoding: 'utf8', env: {...process.env, DOCKER_BUILDKIT: '0'}, timeout: 180_000});
		if (r.status !== 0) throw new Error(`docker build ${tag} failed: ${r.stderr}`);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export function removeImages(...tags: string[]): void {
	if (tags.length > 0) docker(['rmi', '-f', ...tags], {allowFail: true});
}

/**
 * The sum of the regular files' sizes in each layer, read with GNU tar from `docker save`
 * (independent of docker-helper's reader), bottom layer first.
 */
export function layerFileSizesWithGnuTar(image: string): number[] {
	const dir = mkdtempSync(path.join(tmpdir(), 'dh-im-save-'));
	try {
		const archive = path.join(dir, 'image.tar');
		docker(['save', '-o', archive, image]);
		// Extracted, so that a layer.tar that is a symlink to an identical earlier layer (docker save does that) is followed.
		spawnSync('tar', ['-xf', archive, '-C', dir]);
		const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Array<{Layers: string[]}>;
		return manifest[0]!.Layers.map((layer) => {
			const listing = spawnSync('tar', ['-tvf', path.join(dir, layer), '--numeric-owner'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}).stdout;
			return listing
				.split('\n')
				.filter((l) => l.startsWith('-'))
				.reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[2]), 0);
		});
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
