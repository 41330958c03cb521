/**
 * analyze against the real engine: fixture images built FROM the busybox fixture with known content.
 * The expected numbers come from what the Dockerfile writes (5 MiB, the duplicate's and the key's
 * sizes) and from GNU tar's listing of `docker save`, never from docker-helper's own reader.
 */
import {afterAll, beforeAll, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';
import {FIXTURE_IMAGE, describeEngine, docker} from '../support/engine.js';
import {buildFixture, imageName, layerFileSizesWithGnuTar, removeImages} from '../support/images.js';

const BIG = 5 * 1024 * 1024;
const DUP = 'hello duplicate world\n';
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAfixture\n-----END OPENSSH PRIVATE KEY-----\n';

const WASTE = [
	'RUN mkdir -p /data && dd if=/dev/zero of=/data/big.bin bs=1048576 count=5',
	'RUN rm /data/big.bin',
	'COPY dup.txt /app/dup.txt',
	'COPY dup.txt /app/dup.txt',
	'COPY id_rsa /root/.ssh/id_rsa',
	'RUN rm /root/.ssh/id_rsa',
	'RUN printf x > /bin/suid-tool && chmod 4755 /bin/suid-tool',
	'ENV MODE=test',
].join('\n');

describeEngine('analyze on fixture images', () => {
	const repo = imageName('waste');
	const tagged = `${repo}:1.0`;
	const latest = `${repo}:latest`;
	const clean = `${imageName('clean')}:2.1`;

	beforeAll(() => {
		buildFixture(tagged, WASTE, {'dup.txt': DUP, id_rsa: KEY});
		docker(['tag', tagged, latest]);
		buildFixture(clean, 'COPY app.txt /srv/app.txt\nUSER 1000', {'app.txt': 'ok\n'});
	}, 240_000);
	afterAll(() => removeImages(tagged, latest, clean));

	it('wasted bytes, efficiency, user-wasted percent and layer count are exact', () => {
		const {code, doc} = runJson(['analyze', tagged]);
		expect(code).toBe(0);
		const r = doc.result;
		// dive: a deleted or overwritten path counts all its occurrences.
		const wasted = BIG + KEY.length + 2 * DUP.length;
		expect(r.summary.wastedBytes).toBe(wasted);
		const sizes = layerFileSizesWithGnuTar(tagged);
		expect(sizes).toHaveLength(8);
		const base = sizes[0]!;
		const user = sizes.slice(1).reduce((a, b) => a + b, 0);
		expect(user).toBe(BIG + 2 * DUP.length + KEY.length + 1);
		expect(r.summary.userSize).toBe(user);
		expect(r.summary.userWastedPercent).toBeCloseTo(wasted / user, 12);
		// efficiency = sum of the smallest occurrence of each path / sum of all occurrences
		expect(r.summary.efficiency).toBeCloseTo((base + DUP.length + 1) / (base + user), 12);
		const historyRows = docker(['history', '-q', tagged]).split('\n').filter(Boolean).length;
		expect(r.summary.layers).toBe(historyRows);
		expect(r.layers.filter((l: {empty: boolean}) => l.empty).map((l: {command: string}) => l.command)).toEqual(['ENV MODE=test']);
		expect(r.layers.map((l: {size: number}) => l.size).filter((_: number, i: number) => !r.layers[i].empty)).toEqual(sizes);
		expect(r.layers[1].files).toEqual({added: 1, changed: 0, deleted: 0});
		expect(r.layers[2].files).toEqual({added: 0, changed: 0, deleted: 1});
		expect(r.layers[2].changes).toEqual([{path: '/data/big.bin', change: 'deleted', size: BIG, kind: 'file'}]);
		expect(r.layers[4].changes).toEqual([{path: '/app/dup.txt', change: 'changed', size: DUP.length, kind: 'file'}]);
		expect(r.inefficiencies.map((i: {path: string; cumulativeSize: number}) => [i.path, i.cumulativeSize])).toEqual([
			['/data/big.bin', BIG],
			['/root/.ssh/id_rsa', KEY.length],
			['/app/dup.txt', 2 * DUP.length],
		]);
	});

	it('names the instruction that caused each waste, the secret deleted later, and the setuid file', () => {
		const {doc} = runJson(['analyze', tagged]);
		const r = doc.result;
		const big = r.wastes.find((w: {examples: string[]}) => w.examples.includes('/data/big.bin'));
		expect(big).toMatchObject({
			rule: 'deleted-later',
			bytes: BIG,
			wasted: true,
			addedBy: {index: 1},
			laterBy: {index: 2, how: 'deleted', command: 'RUN rm /data/big.bin'},
		});
		expect(big.addedBy.command).toMatch(/^RUN mkdir -p \/data && dd/);
		const ids = r.findings.map((f: {id: string}) => f.id);
		expect(ids).toEqual(['secret-private-key', 'setuid-files']);
		const secret = r.findings[0];
		expect(secret.layer).toBe(5);
		expect(secret.evidence.join('\n')).toContain('deleted by a later layer');
		expect(JSON.stringify(doc)).not.toContain('b3BlbnNzaC1rZXktdjEAAAAAfixture');
		expect(r.findings[1].evidence[0]).toMatch(/^\/bin\/suid-tool \(setuid, mode 4755, layer 7\)/);
	});

	it('gates: exit 1 with the failing gate named, 0 when they pass; flags and .docker-helper.yaml', () => {
		const fail = runCli(['analyze', tagged, '--highest-wasted-bytes', '1MB', '--lowest-efficiency', '0.1']);
		expect(fail.code).toBe(1);
		expect(fail.stdout).toMatch(/FAIL highestWastedBytes: wasted 5 MiB > highest allowed 977 KiB/);
		expect(fail.stdout).toMatch(/ok lowestEfficiency/);
		expect(fail.stdout).toContain('gate failed: highestWastedBytes');
		const pass = runJson(['analyze', tagged, '--highest-wasted-bytes', '6MB', '--highest-user-wasted-percent', '100%', '--max-size', '1GB']);
		expect(pass.code).toBe(0);
		expect(pass.doc.result.gates.map((g: {name: string; pass: boolean}) => [g.name, g.pass])).toEqual([
			['highestWastedBytes', true],
			['highestUserWastedPercent', true],
			['maxSize', true],
		]);
		const eff = runJson(['analyze', tagged, '--lowest-efficiency', '0.9']);
		expect(eff.code).toBe(1);
		expect(eff.doc.result.gates[0]).toMatchObject({name: 'lowestEfficiency', pass: false, limit: 0.9});
	});

	it('reads the gates from .docker-helper.yaml', async () => {
		const {mkdtempSync, writeFileSync, rmSync} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const dir = mkdtempSync(`${tmpdir()}/dh-im-cfg-`);
		try {
			writeFileSync(`${dir}/.docker-helper.yaml`, 'analyze:\n  highestUserWastedPercent: 0.5\n  maxSize: 100MiB\n');
			const r = runJson(['analyze', tagged], {cwd: dir});
			expect(r.code).toBe(1);
			expect(r.doc.result.gates.map((g: {name: string; pass: boolean}) => [g.name, g.pass])).toEqual([
				['highestUserWastedPercent', false],
				['maxSize', true],
			]);
			writeFileSync(`${dir}/.docker-helper.yaml`, 'analyze:\n  maxSize: lots\n');
			expect(runJson(['analyze', tagged], {cwd: dir}).doc.result.notes[0]).toMatch(/analyze\.maxSize: not a size/);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('tags: latest or no tag is reported; a versioned tag is not', () => {
		expect(runJson(['analyze', latest]).doc.result.findings.map((f: {id: string}) => f.id)).toContain('image-latest');
		expect(runJson(['analyze', repo]).doc.result.findings.map((f: {id: string}) => f.id)).toContain('image-latest');
		const ok = runJson(['analyze', clean]).doc.result;
		expect(ok.findings).toEqual([]);
		expect(ok.summary.wastedBytes).toBe(0);
		expect(ok.summary.efficiency).toBe(1);
		expect(ok.image.user).toBe('1000');
	});

	it('text output: summary, layer table, top wasted files, the docker equivalents', () => {
		const r = runCli(['analyze', tagged]);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/wasted 5 MiB/);
		expect(r.stdout).toMatch(/Layers {2}\(9 history steps, 8 with files\)/);
		expect(r.stdout).toMatch(/ 2 +5 MiB +\/data\/big\.bin/);
		expect(r.stdout).toContain(`docker history --no-trunc ${tagged}`);
		expect(r.stdout).toContain(`docker image inspect ${tagged}`);
		for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
	});

	it('errors: no such image exits 1 with a hint; a bad gate value exits 2', () => {
		const missing = runCli(['analyze', 'dh-im-no-such-image:1']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/No such image: dh-im-no-such-image:1/);
		expect(missing.stderr).not.toMatch(/at .*\.js:\d+/);
		const bad = runCli(['analyze', FIXTURE_IMAGE, '--max-size', 'big']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--max-size big: not a size/);
	});
	it('--build builds the context with the engine first; COPY . . bringing node_modules is named, .dockerignore honoured', async () => {
		const {mkdtempSync, mkdirSync, writeFileSync, rmSync} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const dir = mkdtempSync(`${tmpdir()}/dh-im-build-`);
		const built = `${imageName('built')}:0.1`;
		try {
			writeFileSync(`${dir}/Dockerfile`, `FROM ${FIXTURE_IMAGE}\nWORKDIR /app\nCOPY . .\n`);
			writeFileSync(`${dir}/main.js`, 'console.log(1)\n');
			mkdirSync(`${dir}/node_modules/left-pad`, {recursive: true});
			writeFileSync(`${dir}/node_modules/left-pad/index.js`, 'module.exports = 1;\n');
			mkdirSync(`${dir}/secret`);
			writeFileSync(`${dir}/secret/x`, 'x');
			writeFileSync(`${dir}/.dockerignore`, 'secret\n');
			const r = runJson(['analyze', built, '--build', dir]);
			expect(r.code).toBe(0);
			const paths = r.doc.result.layers.at(-1).changes.map((c: {path: string}) => c.path);
			expect(paths).toContain('/app/node_modules/left-pad/index.js');
			expect(paths).not.toContain('/app/secret/x');
			expect(r.doc.result.wastes.map((w: {rule: string}) => w.rule)).toContain('node-modules-in-context');
		} finally {
			removeImages(built);
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
