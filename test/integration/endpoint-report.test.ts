import {afterAll, beforeAll, expect, it} from 'vitest';
import {runCli, runJson} from '../support/cli.js';
import {describeEngine, docker, FIXTURE_IMAGE, removeContainers, uniqueName} from '../support/engine.js';

// Every result that talks to the engine says which endpoint it used and why (main.ts, once for all commands).
describeEngine('every engine result names its endpoint', () => {
	const name = uniqueName('endpoint');
	beforeAll(() => {
		docker(['run', '-d', '--name', name, FIXTURE_IMAGE, 'sh', '-c', 'echo ready; sleep 300']);
	});
	afterAll(() => removeContainers(name));

	it('in the JSON envelope of diagnose, inspect, exec and validate', () => {
		const env = {DOCKER_HOST: 'unix:///var/run/docker.sock'};
		const docs = [
			...[['diagnose', name], ['inspect', name], ['validate']].map((args) => runJson<{engine?: unknown}>(args, {env}).doc),
			JSON.parse(runCli(['exec', name, '--json', '--', 'true'], {env}).stdout) as {engine?: unknown},
		];
		for (const doc of docs) expect(doc.engine).toEqual({host: 'unix:///var/run/docker.sock', source: 'env', why: 'DOCKER_HOST is set'});
	});

	it('on stderr with the text, when the command does not show it itself; stdout stays the output', () => {
		const r = runCli(['inspect', name], {env: {DOCKER_HOST: 'unix:///var/run/docker.sock'}});
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('engine: unix:///var/run/docker.sock (DOCKER_HOST is set)\n');
		expect(r.stdout).not.toContain('engine: unix://');
		const compose = runCli(['generate-compose', '--stdout'], {env: {DOCKER_HOST: 'unix:///var/run/docker.sock'}});
		expect(compose.stdout).not.toContain('engine: unix://');
		expect(compose.stderr).toContain('engine: unix:///var/run/docker.sock');
		// exec's output is the command's own, untouched.
		expect(runCli(['exec', name, '--', 'echo', 'hi']).stdout).toBe('hi\n');
	});

	it('not for commands that never talk to the engine', () => {
		const {doc} = runJson<{engine?: unknown}>(['explain', 'layers']);
		expect(doc.engine).toBeUndefined();
	});
});
