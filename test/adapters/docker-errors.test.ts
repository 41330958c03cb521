/** The one error mapping: every kind of engine failure gets its code and exit code, the endpoint named. */
import {describe, expect, it} from 'vitest';
import {mapEngineError} from '../../source/adapters/docker.js';
import {NotDockerAnswer} from '../../source/core/engine/answers.js';
import type {Endpoint} from '../../source/core/endpoint.js';

const endpoint: Endpoint = {host: 'tcp://127.0.0.1:2375', source: 'env', why: 'DOCKER_HOST is set', transport: {kind: 'tcp', host: '127.0.0.1', port: 2375}};
const status = (statusCode: number, json: unknown) => Object.assign(new Error(`HTTP ${statusCode}`), {statusCode, json, request: 'GET /x'});
const container = {kind: 'container', ref: 'web'} as const;
const image = {kind: 'image', ref: 'app:1'} as const;

describe('mapEngineError', () => {
	it.each([
		['404 container', status(404, {message: 'No such container: web'}), container, 'NO_SUCH_CONTAINER', 1],
		['404 image', status(404, {message: 'No such image: app:1'}), image, 'NO_SUCH_IMAGE', 1],
		['ambiguous prefix (20.10: 500)', status(500, {message: 'Multiple IDs found with provided prefix: c'}), container, 'AMBIGUOUS_CONTAINER', 1],
		['ambiguous prefix (400)', status(400, {message: 'multiple IDs found with provided prefix: c'}), container, 'AMBIGUOUS_CONTAINER', 1],
		['not running', status(409, {message: 'Container abc is not running'}), container, 'CONTAINER_NOT_RUNNING', 1],
		['conflict', status(409, {message: 'Conflict. The container name "/web" is already in use'}), container, 'ENGINE_CONFLICT', 1],
		['log driver', status(501, {message: 'configured logging driver does not support reading'}), container, 'LOG_DRIVER_UNREADABLE', 1],
		['authz plugin', status(403, {message: 'authorization denied by plugin'}), undefined, 'ENGINE_PERMISSION', 3],
		['API version', status(400, {message: 'client version 1.99 is too new. Maximum supported API version is 1.41'}), undefined, 'ENGINE_API_TOO_OLD', 3],
		['HTML 404 (a web server)', status(404, Buffer.from('<html>Not Found</html>')), container, 'NOT_DOCKER_ENGINE', 3],
		['redirect', status(301, {message: 'moved'}), container, 'NOT_DOCKER_ENGINE', 3],
		['plain-text 500', status(500, Buffer.from('oops')), undefined, 'NOT_DOCKER_ENGINE', 3],
		['engine 500 with JSON', status(500, {message: 'driver failed'}), undefined, 'ENGINE_ERROR', 1],
		['wrong shape', new NotDockerAnswer('info: neither ServerVersion nor NCPU'), undefined, 'NOT_DOCKER_ENGINE', 3],
		['not HTTP', Object.assign(new Error('Parse Error'), {code: 'HPE_INVALID_CONSTANT'}), undefined, 'NOT_DOCKER_ENGINE', 3],
		['accept then close', Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'}), undefined, 'ENGINE_UNREACHABLE', 3],
		['refused', Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}), undefined, 'ENGINE_UNREACHABLE', 3],
		['no socket', Object.assign(new Error('connect ENOENT'), {code: 'ENOENT'}), undefined, 'ENGINE_UNREACHABLE', 3],
		['permission', Object.assign(new Error('connect EACCES'), {code: 'EACCES'}), undefined, 'ENGINE_PERMISSION', 3],
		['timeout', Object.assign(new Error('connect ETIMEDOUT'), {code: 'ETIMEDOUT'}), undefined, 'ENGINE_TIMEOUT', 3],
	] as const)('%s → %s', (_name, error, subject, code, exit) => {
		const mapped = mapEngineError(error, endpoint, subject);
		expect(mapped.code).toBe(code);
		expect(mapped.exitCode).toBe(exit);
		expect(mapped.hint).not.toBe('');
		if (exit === 3) expect(mapped.message).toContain(endpoint.host);
	});

	it('an untagged image name says it was looked up as name:latest; a tag, digest or id is named as given', () => {
		const missing = (ref: string) => mapEngineError(status(404, {message: `No such image: ${ref}`}), endpoint, {kind: 'image', ref}).message;
		expect(missing('foo')).toBe('No such image: foo (a name without a tag means foo:latest)');
		expect(missing('registry:5000/team/foo')).toBe('No such image: registry:5000/team/foo (a name without a tag means registry:5000/team/foo:latest)');
		expect(missing('foo:1')).toBe('No such image: foo:1');
		expect(missing('foo@sha256:' + 'a'.repeat(64))).toBe('No such image: foo@sha256:' + 'a'.repeat(64));
		expect(missing('3f2a9c1b7d4e')).toBe('No such image: 3f2a9c1b7d4e');
	});
});
