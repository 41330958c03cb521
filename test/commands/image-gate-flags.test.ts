/**
 * analyze and verify take the same --build/-f, gate and --config flags from one spec, and every
 * gate the core evaluates has a flag; verify's own flags stay its own.
 */
import {expect, it} from 'vitest';
import {analyze} from '../../source/commands/analyze.js';
import {GATE_FLAG_SPECS, IMAGE_GATE_FLAGS} from '../../source/commands/image-gate-flags.js';
import {verify} from '../../source/commands/verify.js';
import {GATE_FLAGS} from '../../source/core/images/gates.js';

const SHARED = ['build', 'file', 'lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent', 'maxSize', 'config'];

it('declares the shared flags once, the same spec objects in both commands', () => {
	expect(Object.keys(IMAGE_GATE_FLAGS).sort()).toEqual([...SHARED].sort());
	for (const name of SHARED) {
		expect(analyze.flags[name], `analyze --${name}`).toBe(IMAGE_GATE_FLAGS[name]);
		expect(verify.flags[name], `verify --${name}`).toBe(IMAGE_GATE_FLAGS[name]);
	}
	expect(Object.keys(analyze.flags).sort()).toEqual([...SHARED].sort());
	expect(Object.keys(verify.flags)).toEqual(expect.arrayContaining(['http', 'timeout', 'grace', 'readOnly', 'tmpfs', 'namePrefix']));
});

it('has a flag for every gate the core evaluates, and no other gate flag', () => {
	expect(Object.keys(GATE_FLAG_SPECS).sort()).toEqual(Object.keys(GATE_FLAGS).sort());
	for (const spec of Object.values(GATE_FLAG_SPECS)) expect(spec.type).toBe('string');
});
