import {describe, expect, it} from 'vitest';
import {commands} from '../../source/commands/index.js';
import {lookupCommand, SOLO} from '../../source/commands/lookup.js';

describe('lookupCommand', () => {
	it('gives, for each command loaded alone, the registry’s own command object', async () => {
		expect(Object.keys(SOLO).length).toBeGreaterThan(0);
		for (const name of Object.keys(SOLO)) expect(await lookupCommand(name)).toBe(commands.find((c) => c.name === name));
	});

	it('finds every registered command by its name, and nothing else', async () => {
		for (const c of commands) expect(await lookupCommand(c.name)).toBe(c);
		expect(await lookupCommand('no-such-command')).toBeUndefined();
		expect(await lookupCommand('toString')).toBeUndefined();
	});
});
