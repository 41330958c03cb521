import {describe, expect, it} from 'vitest';
import {relateServices} from '../../../source/core/diagnose/compose/index.js';
import {composeModelFrom} from '../../../source/core/diagnose/compose/model.js';
import type {ProjectMember} from '../../../source/core/diagnose/compose/types.js';
import {logLine, variant} from './fixtures.js';

const member = (service: string, failed: boolean, change: (f: any) => void): ProjectMember => ({
	service,
	failed,
	facts: variant(failed ? 'unexplained-exit' : 'healthy-running', change),
});

const db = member('db', false, (f) => {
	f.container.name = 'shop_db_1';
	f.network.networks = ['shop_default'];
	f.network.addresses = {shop_default: '172.20.0.2'};
	f.state.startedAt = '2026-01-01T00:00:00Z';
	f.state.health = {status: 'healthy', failingStreak: 0, log: [{start: '2026-01-01T00:00:04Z', end: '2026-01-01T00:00:04.1Z', exitCode: 0, output: ''}]};
});
const app = (line: string, networks = ['shop_default'], failed = true) =>
	member('app', failed, (f) => {
		f.container.name = 'shop_app_1';
		f.network.networks = networks;
		f.logs.lines = [logLine(line)];
		f.state.finishedAt = '2026-01-01T00:00:00.5Z';
	});

describe('compose project relations', () => {
	it('depends_on from the short and the long form', () => {
		const m = composeModelFrom(
			{services: {app: {depends_on: ['db']}, api: {depends_on: {db: {condition: 'service_healthy'}}}, db: {healthcheck: {test: ['CMD', 'true']}}}},
			'compose.yaml',
		)!;
		expect(m.services['app']!.dependsOn).toEqual({db: 'service_started'});
		expect(m.services['api']!.dependsOn).toEqual({db: 'service_healthy'});
		expect(m.services['db']!.healthcheck).toBe(true);
		expect(composeModelFrom('not compose', 'x')).toBeNull();
	});

	it.each([
		["wget: can't connect to remote host (172.20.0.2): Connection refused", 'compose-dependency-not-ready'],
		['Error: connect ECONNREFUSED 172.20.0.2:5432', 'compose-dependency-not-ready'],
		['psycopg2.OperationalError: could not connect to server: Connection refused\n\tIs the server running on host "db"', 'compose-dependency-not-ready'],
	])('%s → %s, high confidence (it gave up before db was healthy)', (line, id) => {
		const [f] = relateServices({name: 'shop', members: [db, app(line)], model: null});
		expect(f).toMatchObject({id, confidence: 'high', severity: 'error'});
		expect(f!.title).toBe('app failed because db was not ready yet: depends_on does not wait for it to be healthy');
	});

	it('a DNS failure for a service on another network is the network, not readiness', () => {
		const [f, ...more] = relateServices({name: 'shop', members: [db, app("wget: bad address 'db:5432'", ['shop_jobs'])], model: null});
		expect(f?.id).toBe('compose-not-on-network');
		expect(more).toEqual([]);
	});

	it('stays silent: a refusal naming a host outside the project, a running app, the same network', () => {
		expect(relateServices({name: 'shop', members: [db, app('Error: connect ECONNREFUSED 10.0.0.9:6379')], model: null})).toEqual([]);
		expect(
			relateServices({
				name: 'shop',
				members: [db, app("wget: can't connect to remote host (172.20.0.2): Connection refused", ['shop_default'], false)],
				model: null,
			}),
		).toEqual([]);
		expect(relateServices({name: 'shop', members: [db, app("wget: bad address 'db:5432'")], model: null})).toEqual([]);
	});

	it('two services on one host port', () => {
		const web = member('web', false, (f) => (f.ports = [{containerPort: '80/tcp', hostIp: '127.0.0.1', hostPort: '8080'}]));
		const api = member('api', true, (f) => {
			f.ports = [{containerPort: '8000/tcp', hostIp: '127.0.0.1', hostPort: '8080'}];
			Object.assign(f.state, {
				status: 'created',
				error: 'driver failed programming external connectivity: Bind for 127.0.0.1:8080 failed: port is already allocated',
			});
		});
		const [f] = relateServices({name: 'shop', members: [web, api], model: null});
		expect(f).toMatchObject({id: 'compose-port-clash', severity: 'error'});
		expect(f!.title).toBe('Services web and api both publish host port 8080: api could not start');
		expect(relateServices({name: 'shop', members: [web], model: null})).toEqual([]);
	});
});
