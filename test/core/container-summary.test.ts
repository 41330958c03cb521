import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {nsDuration, summarizeContainer, type ContainerDoc, type ImageDoc} from '../../source/core/container-summary.js';
import {REDACTED} from '../../source/core/redact.js';

// Recorded from real containers by scripts/record-inspect-fixtures.sh.
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/inspect/${name}`, import.meta.url), 'utf8')) as T;
const running = load<ContainerDoc>('running-unhealthy-secrets.json');
const oom = load<ContainerDoc>('exited-oom.json');
const image = load<ImageDoc>('image.json');

describe('summarizeContainer (recorded documents)', () => {
	const s = summarizeContainer(running, image);

	it('never carries a secret value', () => {
		expect(JSON.stringify(s)).not.toMatch(/hunter2|ghp_abcdef|labelsecret/);
	});

	it('redacts env by name and keeps ordinary values', () => {
		expect(s.env).toContain(`DB_PASSWORD=${REDACTED}`);
		expect(s.env).toContain(`API_TOKEN=${REDACTED}`);
		expect(s.env).toContain('PLAIN=visible');
		expect(s.labels).toEqual([
			{key: 'com.example.db-password', value: REDACTED},
			{key: 'version', value: '1.2'},
		]);
		expect(s.command.cmd).toEqual(['sh', '-c', 'exec sleep 600', '--password', REDACTED]);
	});

	it('reads state, health probes, restart policy and the image platform', () => {
		expect(s.state.status).toBe('running');
		expect(s.state.exitCode).toBeNull();
		expect(s.health?.status).toBe('unhealthy');
		expect(s.health?.test).toEqual(['CMD-SHELL', 'wget -q -O- http://localhost:8080/ || exit 1']);
		expect(s.health?.probes.length).toBeGreaterThan(0);
		expect(s.health?.probes.every((p) => p.exitCode === 1 && /can't connect|Connection refused/.test(p.output))).toBe(true);
		expect(s.restart).toEqual({policy: 'on-failure', maxRetries: 3, count: 0});
		expect(s.image.platform).toBe(`linux/${image.Architecture}`);
		expect(s.user).toBe('app');
	});

	it('lists limits, mounts with modes (tmpfs too), ports and networks', () => {
		const r = Object.fromEntries(s.resources.map((x) => [x.name, x.value]));
		expect(r['memory limit']).toBe('64 MiB');
		expect(r['cpus']).toBe('0.5');
		expect(r['pids limit']).toBe('100');
		expect(r['root filesystem']).toBe('read-only');
		expect(s.mounts).toEqual(
			expect.arrayContaining([
				expect.objectContaining({type: 'volume', destination: '/data', mode: 'ro'}),
				expect.objectContaining({type: 'tmpfs', destination: '/tmp', mode: 'rw'}),
			]),
		);
		expect(s.ports).toHaveLength(1);
		expect(s.ports[0]!.container).toBe('8080/tcp');
		expect(s.ports[0]!.published[0]).toMatch(/^127\.0\.0\.1:\d+$/);
		expect(s.networks[0]).toMatchObject({name: 'bridge'});
		expect(s.networks[0]!.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
	});

	it('reports an OOM kill with its exit code, no limits hidden', () => {
		const o = summarizeContainer(oom, null);
		expect(o.state).toMatchObject({status: 'exited', exitCode: 137, oomKilled: true});
		expect(o.health).toBeNull();
		expect(o.image.platform).toBeNull();
		expect(o.resources.find((x) => x.name === 'memory limit')?.value).toBe('8 MiB');
	});

	it('tolerates a nearly empty document', () => {
		const e = summarizeContainer({}, null);
		expect(e.state.status).toBe('unknown');
		expect(e.env).toEqual([]);
		expect(e.mounts).toEqual([]);
	});
});

describe('nsDuration', () => {
	it.each([
		[500e6, '500ms'],
		[1e9, '1s'],
		[30e9, '30s'],
		[90e9, '1.5m'],
		[7200e9, '2h'],
	])('%d ns → %s', (ns, text) => {
		expect(nsDuration(ns)).toBe(text);
	});
});
