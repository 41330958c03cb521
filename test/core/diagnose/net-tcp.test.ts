import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {isLoopback, parseListeners} from '../../../source/core/diagnose/net-tcp.js';

describe('parseListeners over /proc/net/tcp and tcp6', () => {
	it('reads a real table (busybox httpd on 127.0.0.1:8080 and on all addresses :9090)', () => {
		// Recorded inside the fixture image: cat /proc/net/tcp /proc/net/tcp6
		const text = readFileSync(path.resolve('test/fixtures/diagnose/proc/net-tcp-busybox.txt'), 'utf8');
		expect(parseListeners(text)).toEqual([
			{address: '127.0.0.1', port: 8080},
			{address: '::', port: 9090},
		]);
	});

	it('IPv6 loopback, IPv4-mapped addresses, and sockets that are not listening', () => {
		const text = [
			'  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
			'   0: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0',
			'   1: 0000000000000000FFFF00000100007F:1F40 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0',
			'   2: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0 100 0 0 10 0',
		].join('\n');
		expect(parseListeners(text)).toEqual([
			{address: '::1', port: 80},
			{address: '127.0.0.1', port: 8000},
		]);
		expect(isLoopback('::1')).toBe(true);
		expect(isLoopback('127.0.0.11')).toBe(true);
		expect(isLoopback('0.0.0.0')).toBe(false);
		expect(isLoopback('::')).toBe(false);
	});
});
