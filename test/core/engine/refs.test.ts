import {describe, expect, it} from 'vitest';
import {checkContainerRef, checkImageRef, imagePath, pathSegment} from '../../../source/core/engine/refs.js';

describe('checkContainerRef', () => {
	it.each(['web', 'my_app.1', 'a', '3f2a', 'b7989a9ecf75b7989a9ecf75b7989a9ecf75b7989a9ecf75b7989a9ecf75abcd', '/web', 'dhtest-en-x'])('accepts %s', (ref) => {
		expect(checkContainerRef(ref).ok).toBe(true);
	});
	it.each(['', '..', '.', 'a/../b', 'rel%2dsecrets', 'web?all=1', 'web#x', '-web', '_x', 'we b', 'x\u001b[2J', 'a/b', 'x'.repeat(256)])('rejects %j', (ref) => {
		expect(checkContainerRef(ref).ok).toBe(false);
	});
	it('drops the leading slash docker shows', () => {
		expect(checkContainerRef('/web')).toEqual({ok: true, ref: 'web'});
	});
	it('shows control characters escaped in the reason', () => {
		const r = checkContainerRef('x\u001b[2J');
		expect(!r.ok && r.reason).toContain('\\x1b');
	});
});

describe('checkImageRef', () => {
	it.each([
		'nginx',
		'nginx:1.27-alpine',
		'library/nginx',
		'docker.io/library/nginx:latest',
		'localhost:5000/team/app:v1',
		'ghcr.io/o/r@sha256:' + 'a'.repeat(64),
		'sha256:' + 'b'.repeat(64),
		'b7c81a616a58',
		'docker-helper-fixture/busybox:1',
		'[::1]:5000/x',
	])('accepts %s', (ref) => {
		expect(checkImageRef(ref).ok).toBe(true);
	});
	it.each(['', '..', 'a/../b', 'Nginx', 'nginx:', 'nginx:%2e', 'x//y', 'nginx?x', 'a b', 'nginx:' + 't'.repeat(129)])('rejects %j', (ref) => {
		expect(checkImageRef(ref).ok).toBe(false);
	});
	it('says repository names are lowercase', () => {
		const r = checkImageRef('MyApp:1');
		expect(!r.ok && r.reason).toContain('lowercase');
	});
});

describe('path encoding', () => {
	it('encodes what could end a segment or start a query, keeps : and @', () => {
		expect(pathSegment('a/b?c#d%e')).toBe('a%2Fb%3Fc%23d%25e');
		expect(pathSegment('sha256:ab@x')).toBe('sha256:ab@x');
		expect(imagePath('localhost:5000/team/app:v1')).toBe('localhost:5000/team/app:v1');
	});
});
