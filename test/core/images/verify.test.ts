/** verify's pure checks: leftover kinds against their cases, the USER resolution, secrets in env. */
import {describe, expect, it} from 'vitest';
import {LEFTOVER_KINDS, findLeftovers} from '../../../source/core/images/leftovers.js';
import {analyzeImage} from '../../../source/core/images/analysis.js';
import type {Gates} from '../../../source/core/images/gates.js';
import {gateChecks, leftoverChecks, progressLine, resolveUser, sizeCheck, userCheck, type VerifyCheck} from '../../../source/core/images/verify.js';

describe('leftover kinds', () => {
	for (const kind of LEFTOVER_KINDS) {
		it(`${kind.id}: hits and misses`, () => {
			for (const p of kind.cases.hit) expect(findLeftovers([p]).find((x) => x.kind.id === kind.id)!.found, p).toHaveLength(1);
			for (const p of kind.cases.miss) expect(findLeftovers([p]).find((x) => x.kind.id === kind.id)!.found, p).toHaveLength(0);
		});
	}
	it('a clean file list passes every leftover check', () => {
		expect(leftoverChecks(['/bin/sh', '/app/main.js']).map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
	});
});

describe('USER', () => {
	const passwd = 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n';
	it('names and uids resolve through the image passwd', () => {
		expect(resolveUser('', passwd)).toEqual({name: 'root', uid: 0, known: true});
		expect(resolveUser('app:app', passwd)).toEqual({name: 'app', uid: 1000, known: true});
		expect(resolveUser('1000', passwd)).toEqual({name: 'app', uid: 1000, known: true});
		expect(resolveUser('2000', passwd)).toEqual({name: '2000', uid: 2000, known: true});
		expect(resolveUser('ghost', passwd).known).toBe(false);
	});
	it('root fails, an unknown name fails, a uid other than the image says fails', () => {
		expect(userCheck('x:1', '', passwd, 0).status).toBe('fail');
		expect(userCheck('x:1', 'ghost', passwd, null).message).toMatch(/not in the image's \/etc\/passwd/);
		expect(userCheck('x:1', 'app', passwd, 0).message).toMatch(/says uid 1000, but PID 1 runs as uid 0/);
		expect(userCheck('x:1', 'app', passwd, 1000).status).toBe('pass');
	});
});

describe('progress line', () => {
	const check = (id: string, status: VerifyCheck['status']): VerifyCheck => ({id, title: id, status, evidence: [], message: ''});
	it('says the step, then the verdicts so far with the failed ids', () => {
		expect(progressLine([], 'creating x…')).toBe('verify: creating x…');
		expect(progressLine([check('a', 'pass'), check('b', 'pass')], 'starting the container…')).toBe('verify: starting the container… · so far 2 ok');
		expect(progressLine([check('a', 'pass'), check('no-build-tools', 'fail'), check('c', 'skip'), check('starts', 'fail')], 'sending SIGTERM…')).toBe(
			'verify: sending SIGTERM… · so far 1 ok, 2 failed (no-build-tools, starts), 1 not verified',
		);
	});
});

describe('image size', () => {
	const analysed = (gates: Gates) =>
		analyzeImage({
			ref: 'app:1',
			resolved: {
				layout: 'docker-archive',
				config: {history: [{created_by: 'ADD a /'}]},
				configDigest: null,
				repoTags: [],
				layers: [
					{
						key: 'l0',
						digest: null,
						blob: {entries: [{path: '/a', kind: 'file', size: 10, mode: 0o644, uid: 0, gid: 0}], tarBytes: 0, compression: 'none', contents: {}},
					},
				],
			},
			engineImage: {id: 'sha256:x', repoTags: ['app:1'], size: 3000},
			gates,
		});
	it('is not judged, nor counted as a pass, without a limit', () => {
		const c = sizeCheck(analysed({}));
		expect(c.status).toBe('skip');
		expect(c.message).toBe('2.93 KiB, not judged: no --max-size given');
		expect(c.evidence[0]).toMatch(/^2\.93 KiB \(docker images\)/);
	});
	it('passes or fails against --max-size, and the gate is not listed twice', () => {
		expect(sizeCheck(analysed({maxSize: 5000}))).toMatchObject({status: 'pass', title: 'Image size within 4.88 KiB'});
		const over = analysed({maxSize: 1000, lowestEfficiency: 0.5});
		expect(sizeCheck(over)).toMatchObject({status: 'fail', message: 'image size 2.93 KiB > max 1000 B'});
		expect(sizeCheck(over).fix).toMatch(/docker-helper analyze app:1/);
		expect(gateChecks(over).map((c) => c.id)).toEqual(['gate-lowestEfficiency']);
	});
});
