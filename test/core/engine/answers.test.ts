import {describe, expect, it} from 'vitest';
import {
	containerFactsFrom,
	containerListFrom,
	diskUsageFrom,
	engineInfoFrom,
	engineVersionFrom,
	execStateFrom,
	imageFactsFrom,
	NotDockerAnswer,
} from '../../../source/core/engine/answers.js';

const html = Buffer.from('<html><body>It works!</body></html>');

describe('engine answers are checked for shape', () => {
	it.each([
		['container inspect', containerFactsFrom],
		['container list', containerListFrom],
		['image inspect', imageFactsFrom],
		['version', engineVersionFrom],
		['info', engineInfoFrom],
		['system df', diskUsageFrom],
		['exec inspect', execStateFrom],
	] as const)('%s: HTML, text, null, {} and a list are not Docker answers', (_name, parse) => {
		for (const bad of [html, 'OK', null, 42, ...(parse === containerListFrom ? [{}] : [[], {}])]) {
			if (parse === diskUsageFrom && typeof bad === 'object' && bad !== null && !Array.isArray(bad) && !(bad instanceof Uint8Array)) continue; // {} is a valid empty df
			expect(() => parse(bad as never), JSON.stringify(bad)).toThrow(NotDockerAnswer);
		}
	});

	it('a container document becomes ContainerFacts, the document kept whole', () => {
		const doc = {
			Id: 'a'.repeat(64),
			Name: '/web',
			Created: '2024-05-01T12:00:00Z',
			Image: 'sha256:1',
			State: {Status: 'exited', Running: false, ExitCode: 3},
			Config: {Image: 'nginx:1', Tty: true},
			HostConfig: {LogConfig: {Type: 'local'}},
			Extra: 1,
		};
		const c = containerFactsFrom(doc);
		expect(c).toMatchObject({
			id: doc.Id,
			name: 'web',
			image: 'nginx:1',
			imageId: 'sha256:1',
			tty: true,
			logDriver: 'local',
			state: {status: 'exited', running: false, exitCode: 3},
		});
		expect(c.document['Extra']).toBe(1);
		expect(() => containerFactsFrom({Id: 'x'})).toThrow(/State is missing/);
		expect(() => containerFactsFrom({Id: 7, State: {}})).toThrow(/Id is a number/);
		expect(() => containerFactsFrom({Id: 'x', State: 'running'})).toThrow(/State is text/);
	});

	it('a list row: names without slashes, ports typed, junk rows refused', () => {
		const [row] = containerListFrom([
			{
				Id: 'b'.repeat(64),
				Names: ['/db'],
				Image: 'postgres',
				State: 'running',
				Status: 'Up 1 minute',
				Created: 5,
				Ports: [{IP: '0.0.0.0', PrivatePort: 5432, PublicPort: 5432, Type: 'tcp'}],
				Labels: {a: 'b'},
			},
		]);
		expect(row).toEqual({
			id: 'b'.repeat(64),
			name: 'db',
			names: ['db'],
			image: 'postgres',
			state: 'running',
			status: 'Up 1 minute',
			created: 5,
			ports: [{ip: '0.0.0.0', privatePort: 5432, publicPort: 5432, type: 'tcp'}],
			labels: {a: 'b'},
		});
		expect(() => containerListFrom(['x'])).toThrow(NotDockerAnswer);
	});

	it('an image document: config fields normalised', () => {
		const img = imageFactsFrom({
			Id: 'sha256:2',
			RepoTags: ['app:1'],
			Architecture: 'arm64',
			Os: 'linux',
			Config: {User: 'app', Entrypoint: '/start', Cmd: null, ExposedPorts: {'80/tcp': {}}, Healthcheck: {Test: ['CMD', 'true']}},
		});
		expect(img).toMatchObject({
			id: 'sha256:2',
			architecture: 'arm64',
			config: {user: 'app', entrypoint: ['/start'], cmd: null, exposedPorts: ['80/tcp'], healthcheck: ['CMD', 'true'], env: []},
		});
	});

	it('version needs Version and a numeric ApiVersion; info needs ServerVersion or NCPU', () => {
		expect(engineVersionFrom({Version: '20.10.24', ApiVersion: '1.41', Os: 'linux', Arch: 'amd64'}).ApiVersion).toBe('1.41');
		expect(() => engineVersionFrom({Version: '1', ApiVersion: 'x'})).toThrow(NotDockerAnswer);
		expect(() => engineInfoFrom({hello: 'world'})).toThrow(NotDockerAnswer);
		expect(() => engineInfoFrom({ServerVersion: '20.10', Labels: 'x'})).toThrow(/Labels/);
		expect(engineInfoFrom({ServerVersion: '20.10', NCPU: 2}).NCPU).toBe(2);
	});
});
