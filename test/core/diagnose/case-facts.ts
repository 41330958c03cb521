/** Build the facts of a signature case: a real recorded failed container with the case's log lines and state. */
import type {DiagnosisFacts} from '../../../source/core/diagnose/facts.js';
import type {SignatureCase} from '../../../source/core/diagnose/signatures/types.js';
import {variant} from './fixtures.js';

export function caseFacts(c: SignatureCase, stream: 'stdout' | 'stderr' = 'stderr'): DiagnosisFacts {
	return variant('unexplained-exit', (f) => {
		f.logs.lines = c.log.map((text, i) => ({stream, time: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000000000Z`, text}));
		f.events.list = [];
		const x = c.facts ?? {};
		if (x.exitCode !== undefined) f.state.exitCode = x.exitCode;
		if (x.running) Object.assign(f.state, {running: true, status: 'running', exitCode: 0, finishedAt: null});
		if (x.status === 'created') Object.assign(f.state, {status: 'created', running: false, exitCode: x.exitCode ?? 128, startedAt: null, finishedAt: null});
		if (x.stateError !== undefined) f.state.error = x.stateError;
		if (x.user !== undefined) f.container.user = x.user;
		if (x.env) f.container.env.push(...x.env);
		if (x.readonlyRootfs) f.resources.readonlyRootfs = true;
		if (x.memory !== undefined) f.resources.memory = x.memory;
		if (x.ports) f.ports = x.ports.map((p) => ({containerPort: `${p.split(':')[1]}/tcp`, hostIp: '', hostPort: p.split(':')[0]}));
	});
}
