/**
 * The export reader on real archives: the engine's own docker-archive (uncompressed layers), and
 * OCI image layouts written by skopeo (a well-kept OCI tool; this engine's `docker save` predates
 * the containerd image store's OCI export) with gzip and zstd layers (skopeo always compresses OCI layers; uncompressed layers are the docker-archive's). All must give
 * the same analysis, numbers checked against the fixture's known content.
 */
import {spawnSync} from 'node:child_process';
import {createReadStream, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readImageArchive} from '../../source/adapters/image-archive.js';
import {analyzeImage} from '../../source/core/images/analysis.js';
import {resolveImage} from '../../source/core/images/archive.js';
import {describeEngine, docker} from '../support/engine.js';
import {buildFixture, imageName, removeImages} from '../support/images.js';

const BIG = 3 * 1024 * 1024;
const hasSkopeo = spawnSync('skopeo', ['--version'], {encoding: 'utf8'}).status === 0;

async function analyzeFile(file: string, ref: string) {
	const parts = await readImageArchive(createReadStream(file));
	const resolved = resolveImage(parts);
	if (!resolved.ok) throw new Error(resolved.reason);
	return {
		resolved: resolved.image,
		analysis: analyzeImage({ref, resolved: resolved.image, engineImage: {id: resolved.image.configDigest ?? '', repoTags: [ref], size: null}, gates: {}}),
	};
}

describeEngine('image export reader on real archives', () => {
	const tag = `${imageName('oci')}:1`;
	let dir = '';

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'dh-im-oci-'));
		buildFixture(tag, ['RUN dd if=/dev/zero of=/big bs=1048576 count=3', 'RUN rm /big', 'COPY .env /app/.env', 'CMD ["sh"]'].join('\n'), {
			'.env': 'PASSWORD=x\n',
		});
		docker(['save', '-o', path.join(dir, 'docker.tar'), tag]);
		if (hasSkopeo) {
			for (const [name, args] of [
				['gzip', []],
				['zstd', ['--dest-compress-format', 'zstd']],
			] as const) {
				const r = spawnSync('skopeo', ['copy', '-q', ...args, `docker-daemon:${tag}`, `oci-archive:${path.join(dir, `oci-${name}.tar`)}`], {
					encoding: 'utf8',
					timeout: 120_000,
				});
				if (r.status !== 0) throw new Error(`skopeo copy failed: ${r.stderr}`);
			}
		}
	}, 240_000);
	afterAll(() => {
		removeImages(tag);
		rmSync(dir, {recursive: true, force: true});
	});

	it('docker-archive (uncompressed layers): manifest.json, config, layers in order', async () => {
		const {resolved, analysis} = await analyzeFile(path.join(dir, 'docker.tar'), tag);
		expect(resolved.layout).toBe('docker-archive');
		expect(resolved.layers.map((l) => l.blob.compression)).toEqual(['none', 'none', 'none', 'none']);
		expect(analysis.summary.wastedBytes).toBe(BIG);
		expect(analysis.findings.map((f) => f.id)).toContain('secret-dotenv');
	});

	const oci = hasSkopeo || process.env['CI'] === 'true' ? describe : describe.skip;
	oci('OCI image layout (skopeo; bash scripts/engine.sh installs it)', () => {
		for (const compression of ['gzip', 'zstd'] as const) {
			it(`${compression} layers give the same analysis as the docker-archive`, async () => {
				const reference = (await analyzeFile(path.join(dir, 'docker.tar'), tag)).analysis;
				const {resolved, analysis} = await analyzeFile(path.join(dir, `oci-${compression}.tar`), tag);
				expect(resolved.layout).toBe('oci');
				expect(new Set(resolved.layers.map((l) => l.blob.compression))).toEqual(new Set([compression]));
				expect(analysis.summary).toEqual(reference.summary);
				expect(analysis.layers.map((l) => [l.command, l.size, l.files])).toEqual(reference.layers.map((l) => [l.command, l.size, l.files]));
				expect(analysis.findings.map((f) => f.id)).toEqual(reference.findings.map((f) => f.id));
			});
		}
	});

	it('a stream that is not a tar is an error, not a hang', async () => {
		async function* junk() {
			yield new TextEncoder().encode('this is not a tar archive at all'.repeat(40));
		}
		await expect(readImageArchive(junk())).rejects.toThrow();
	});
});
