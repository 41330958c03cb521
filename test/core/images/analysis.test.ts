/** Pure analysis on small, hand-built layer lists: whiteouts, opaque directories, gates, tags, layout resolution. */
import {describe, expect, it} from 'vitest';
import {analyzeImage, analyzeImageWithTree} from '../../../source/core/images/analysis.js';
import {finalFiles} from '../../../source/core/images/verify.js';
import {
	normaliseEntryPath,
	resolveArchivePath,
	resolveImage,
	type LayerBlob,
	type LayerEntry,
	type ResolvedImage,
} from '../../../source/core/images/archive.js';
import {changeTree, visibleRows} from '../../../source/core/images/fs-tree.js';
import {gatesFromConfig, parseRatio, parseSize} from '../../../source/core/images/gates.js';
import {checkTags, parseReference} from '../../../source/core/images/tags.js';

const file = (path: string, size: number, mode = 0o644): LayerEntry => ({path, kind: 'file', size, mode, uid: 0, gid: 0});
const dir = (path: string, mode = 0o755): LayerEntry => ({path, kind: 'dir', size: 0, mode, uid: 0, gid: 0});
const wh = (path: string, whiteout: 'file' | 'opaque' = 'file'): LayerEntry => ({path, kind: 'file', size: 0, mode: 0, uid: 0, gid: 0, whiteout});
const blob = (entries: LayerEntry[], contents: Record<string, string> = {}): LayerBlob => ({entries, tarBytes: 0, compression: 'none', contents});

function image(layers: LayerEntry[][], commands: string[], contents: Array<Record<string, string>> = []): ResolvedImage {
	return {
		layout: 'docker-archive',
		config: {history: commands.map((c) => ({created_by: c})), config: {User: ''}},
		configDigest: null,
		repoTags: [],
		layers: layers.map((entries, i) => ({key: `l${i}`, digest: null, blob: blob(entries, contents[i] ?? {})})),
	};
}

const run = (img: ResolvedImage, ref = 'app:1') => analyzeImage({ref, resolved: img, engineImage: {id: 'sha256:x', repoTags: [ref], size: null}, gates: {}});

describe('entry paths', () => {
	it('normalises paths and recognises whiteouts', () => {
		expect(normaliseEntryPath('./usr/bin/')).toEqual({path: '/usr/bin'});
		expect(normaliseEntryPath('etc/.wh.passwd')).toEqual({path: '/etc/passwd', whiteout: 'file'});
		expect(normaliseEntryPath('.wh.tmp')).toEqual({path: '/tmp', whiteout: 'file'});
		expect(normaliseEntryPath('var/cache/.wh..wh..opq')).toEqual({path: '/var/cache', whiteout: 'opaque'});
		expect(resolveArchivePath('abc/layer.tar', '../blobs/sha256/ff')).toBe('blobs/sha256/ff');
	});
});

describe('wasted bytes and efficiency (dive definitions)', () => {
	it('the final tree the analysis stacks is the final filesystem (verify judges its files from it, without stacking the layers again)', () => {
		const img = image(
			[
				[dir('/cache'), file('/cache/a', 100), dir('/opt'), file('/opt/x', 10), dir('/etc'), file('/etc/passwd', 20)],
				[wh('/cache'), file('/usr-bin-make', 3)],
				[dir('/opt'), wh('/opt', 'opaque'), file('/opt/y', 7)],
			],
			['RUN make cache', 'RUN rm -rf /cache', 'RUN reset opt'],
			[{'/etc/passwd': 'root:x:0:0::/root:/bin/sh\n'}],
		);
		const {analysis, finalTree} = analyzeImageWithTree({
			ref: 'app:1',
			resolved: img,
			engineImage: {id: 'sha256:x', repoTags: ['app:1'], size: null},
			gates: {},
		});
		expect(analysis).toEqual(run(img));
		const fromTree = finalFiles(img, finalTree);
		expect([...fromTree.paths].sort()).toEqual(['/etc/passwd', '/opt/y', '/usr-bin-make']);
		const restacked = finalFiles(img);
		expect(fromTree.paths).toEqual(restacked.paths);
		expect(fromTree.passwd).toBe('root:x:0:0::/root:/bin/sh\n');
	});

	it('a directory deleted later counts each of its files; an opaque directory hides lower files', () => {
		const img = image(
			[
				[dir('/cache'), file('/cache/a', 100), file('/cache/b', 50), dir('/opt'), file('/opt/x', 10)],
				[wh('/cache')],
				[dir('/opt'), wh('/opt', 'opaque'), file('/opt/y', 7)],
			],
			['RUN make cache', 'RUN rm -rf /cache', 'RUN reset opt'],
		);
		const r = run(img);
		expect(r.summary.wastedBytes).toBe(160);
		expect(r.summary.efficiency).toBeCloseTo(7 / 167, 12);
		expect(r.layers[1]!.files.deleted).toBe(2);
		expect(r.layers[2]!.changes.map((c) => `${c.change} ${c.path}`)).toEqual(['deleted /opt/x', 'added /opt/y']);
		expect(r.summary.files).toBe(1);
	});

	it('apt lists deleted in a later RUN: the rule and fix name the same-RUN cleanup', () => {
		const img = image(
			[[dir('/var/lib/apt/lists'), file('/var/lib/apt/lists/deb_InRelease', 1000)], [wh('/var/lib/apt/lists/deb_InRelease')]],
			['RUN apt-get update', 'RUN rm -rf /var/lib/apt/lists/*'],
		);
		const w = run(img).wastes[0]!;
		expect(w).toMatchObject({rule: 'apt-lists', bytes: 1000, wasted: true, laterBy: {index: 1, how: 'deleted'}});
		expect(w.fix).toContain('rm -rf /var/lib/apt/lists/*');
	});

	it('COPY . . with .git and node_modules: reported as left in the image, with the .dockerignore fix', () => {
		const img = image(
			[[file('/bin/sh', 10)], [dir('/app'), file('/app/.git/HEAD', 20), file('/app/node_modules/x/i.js', 30), file('/app/main.js', 5)]],
			['ADD rootfs', 'COPY . .'],
		);
		const r = run(img);
		expect(r.wastes.map((w) => [w.rule, w.bytes, w.wasted])).toEqual([
			['node-modules-in-context', 30, false],
			['vcs-in-context', 20, false],
		]);
		expect(r.summary.wastedBytes).toBe(0);
	});

	it('world-writable directories without the sticky bit, and a .npmrc token, are findings; /tmp 1777 is not', () => {
		const img = image(
			[[dir('/tmp', 0o1777), dir('/data', 0o777), file('/root/.npmrc', 40)]],
			['ADD rootfs'],
			[{'/root/.npmrc': '//registry.npmjs.org/:_authToken=npm_secretvalue\n'}],
		);
		const r = run(img);
		expect(r.findings.map((f) => f.id)).toEqual(['secret-npm-token', 'world-writable-dirs']);
		expect(r.findings[1]!.evidence).toEqual(['/data (mode 777, layer 0)']);
		expect(JSON.stringify(r)).not.toContain('npm_secretvalue');
	});

	it('empty history steps are layers without blobs', () => {
		const img: ResolvedImage = {
			...image([[file('/a', 1)]], []),
			config: {history: [{created_by: 'ADD a /'}, {created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true}]},
		};
		const r = run(img);
		expect(r.layers.map((l) => [l.command, l.empty])).toEqual([
			['ADD a /', false],
			['CMD ["sh"]', true],
		]);
	});
});

describe('gates', () => {
	it('sizes parse like dive (go-humanize), ratios as 0..1 or percent', () => {
		expect(parseSize('20MB')).toBe(20_000_000);
		expect(parseSize('1.5GiB')).toBe(1.5 * 1024 ** 3);
		expect(parseSize('123')).toBe(123);
		expect(parseSize('lots')).toBeNull();
		expect(parseRatio('90%')).toBeCloseTo(0.9);
		expect(parseRatio('0.95')).toBe(0.95);
	});
	it('config keys: camelCase, kebab-case, dive rules:, disabled', () => {
		expect(gatesFromConfig({analyze: {lowestEfficiency: 0.9, 'max-size': '1GB', highestWastedBytes: 'disabled'}}, 'f').gates).toEqual({
			lowestEfficiency: 0.9,
			maxSize: 1e9,
		});
		expect(gatesFromConfig({rules: {highestUserWastedPercent: '0.2'}}, '.dive-ci').gates).toEqual({highestUserWastedPercent: 0.2});
		expect(gatesFromConfig({analyze: {nope: 1}}, 'f').problems[0]).toMatch(/unknown gate/);
	});
	it('a failing gate is named with its measure', () => {
		const img = image([[file('/a', 10)], [file('/a', 10)]], ['ADD a /', 'COPY a /a']);
		const r = analyzeImage({ref: 'x:1', resolved: img, engineImage: {id: 'x', repoTags: ['x:1'], size: 1000}, gates: {highestWastedBytes: 5, maxSize: 2000}});
		expect(r.gates.map((g) => [g.name, g.pass, g.value])).toEqual([
			['highestWastedBytes', false, 20],
			['maxSize', true, 1000],
		]);
	});
});

describe('tags', () => {
	it('latest, missing and versioned tags', () => {
		expect(parseReference('reg:5000/team/app:1.2@sha256:ab')).toEqual({name: 'reg:5000/team/app', tag: '1.2', digest: 'sha256:ab'});
		expect(checkTags('app', ['app:latest'])[0]!.id).toBe('image-latest');
		expect(checkTags('app:latest', ['app:latest'])[0]!.id).toBe('image-latest');
		expect(checkTags('app:1.2.3', ['app:1.2.3'])).toEqual([]);
		expect(checkTags('0123456789ab', [])[0]!.id).toBe('image-untagged');
		expect(checkTags('0123456789ab', ['app:2.0', 'app:latest'])).toEqual([]);
	});
});

describe('layout resolution', () => {
	const layer = blob([file('/a', 1)]);
	it('an OCI index -> platform index -> manifest -> config and layers', () => {
		const json = new Map<string, unknown>([
			[
				'index.json',
				{
					manifests: [
						{digest: 'sha256:i1', mediaType: 'application/vnd.oci.image.index.v1+json', annotations: {'io.containerd.image.name': 'docker.io/library/app:1'}},
					],
				},
			],
			[
				'blobs/sha256/i1',
				{
					mediaType: 'application/vnd.oci.image.index.v1+json',
					manifests: [
						{digest: 'sha256:m0', platform: {os: 'linux', architecture: 'arm64'}},
						{digest: 'sha256:m1', platform: {os: 'linux', architecture: 'amd64'}},
						{digest: 'sha256:att', platform: {os: 'unknown', architecture: 'unknown'}},
					],
				},
			],
			['blobs/sha256/m1', {mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {digest: 'sha256:c1'}, layers: [{digest: 'sha256:l1'}]}],
			['blobs/sha256/c1', {architecture: 'amd64', rootfs: {diff_ids: ['sha256:d1']}}],
		]);
		const r = resolveImage({json, layers: new Map([['blobs/sha256/l1', layer]]), links: new Map()});
		expect(r.ok && r.image.layout).toBe('oci');
		expect(r.ok && r.image.repoTags).toEqual(['app:1']);
		expect(r.ok && r.image.layers.map((l) => l.digest)).toEqual(['sha256:d1']);
		expect(resolveImage({json, layers: new Map(), links: new Map()}, {platform: 'linux/arm64'}).ok).toBe(false);
	});
	it('docker-archive with layer.tar symlinked to its blob (Docker 25+)', () => {
		const json = new Map<string, unknown>([
			['manifest.json', [{Config: 'blobs/sha256/c1', RepoTags: ['app:1'], Layers: ['abc/layer.tar']}]],
			['blobs/sha256/c1', {rootfs: {diff_ids: ['sha256:d1']}}],
		]);
		const r = resolveImage({json, layers: new Map([['blobs/sha256/l1', layer]]), links: new Map([['abc/layer.tar', 'blobs/sha256/l1']])});
		expect(r.ok && r.image.layout).toBe('docker-archive');
		expect(r.ok && r.image.layers).toHaveLength(1);
	});
	it('neither manifest.json nor index.json is a reason, not a crash', () => {
		const r = resolveImage({json: new Map(), layers: new Map(), links: new Map()});
		expect(r.ok).toBe(false);
	});
});

describe('change tree', () => {
	it('rolls sizes up, sorts directories first, and collapses', () => {
		const tree = changeTree([
			{path: '/b.txt', change: 'added', size: 3, kind: 'file'},
			{path: '/a/x', change: 'deleted', size: 5, kind: 'file'},
			{path: '/a/y', change: 'changed', size: 2, kind: 'file'},
		]);
		expect(tree.size).toBe(10);
		expect(visibleRows(tree, new Set()).map((r) => `${'  '.repeat(r.depth)}${r.node.name} ${r.node.size} ${r.node.change ?? ''}`)).toEqual([
			'a 7 ',
			'  x 5 deleted',
			'  y 2 changed',
			'b.txt 3 added',
		]);
		expect(visibleRows(tree, new Set(['/a'])).map((r) => r.node.name)).toEqual(['a', 'b.txt']);
	});
});
