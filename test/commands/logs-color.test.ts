import {afterAll, beforeAll, expect, it} from 'vitest';
import {runCli} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

// Streaming commands take their colour from the one theme main.ts chooses (--no-color, --plain, NO_COLOR).
describeEngine('logs honours the global colour flags', () => {
	const name = uniqueName('logs-color');
	beforeAll(() => {
		docker(['run', '-d', '--name', name, FIXTURE_IMAGE, 'sh', '-c', 'echo out-line; sleep 300']);
		for (let i = 0; i < 50 && !docker(['logs', name]).includes('out-line'); i++) docker(['inspect', name]);
	});
	afterAll(() => removeContainers(name));

	it('colours timestamps when colour is forced, and not with --no-color or --plain', () => {
		const env = {NO_COLOR: undefined, FORCE_COLOR: '1'};
		const coloured = runCli(['logs', name, '--timestamps'], {env});
		expect(coloured.code).toBe(0);
		expect(coloured.stdout).toContain('out-line');
		expect(coloured.stdout).toContain('\u001B[');
		for (const flag of ['--no-color', '--plain']) {
			const plain = runCli(['logs', name, '--timestamps', flag], {env});
			expect(plain.stdout).toContain('out-line');
			expect(plain.stdout).not.toContain('\u001B[');
		}
	});
});
