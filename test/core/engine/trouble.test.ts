import {describe, expect, it} from 'vitest';
import {isCleanExit, listEntrySigns, mayBeTroubled, troubleOf, troubleRank} from '../../../source/core/engine/trouble.js';

describe('troubleOf: the one definition of a container in trouble', () => {
	it.each([
		[{status: 'restarting', exitCode: 1, health: null}, 'restarting'],
		[{status: 'dead', exitCode: 0, health: null}, 'dead'],
		[{status: 'running', exitCode: 0, health: 'unhealthy'}, 'unhealthy'],
		[{status: 'running', exitCode: 0, health: 'healthy'}, null],
		[{status: 'exited', exitCode: 1, health: null}, 'exited-failed'],
		[{status: 'exited', exitCode: 137, health: null}, 'exited-failed'],
		[{status: 'exited', exitCode: 0, health: null}, null],
		[{status: 'exited', exitCode: 143, health: null}, null],
		[{status: 'exited', exitCode: 130, health: null}, null],
		[{status: 'created', exitCode: 0, health: null, startError: 'exec: "nope": not found'}, 'start-failed'],
		[{status: 'created', exitCode: 0, health: null, startError: null}, null],
		[{status: 'paused', exitCode: 0, health: 'unhealthy'}, null],
	] as const)('%j → %s', (signs, want) => {
		expect(troubleOf(signs)).toBe(want);
	});

	it('reads exit code and health from docker ps STATUS text', () => {
		expect(listEntrySigns({state: 'exited', status: 'Exited (143) 2 minutes ago'})).toEqual({status: 'exited', exitCode: 143, health: null});
		expect(listEntrySigns({state: 'running', status: 'Up 3 minutes (unhealthy)'})).toEqual({status: 'running', exitCode: null, health: 'unhealthy'});
		expect(listEntrySigns({state: 'running', status: 'Up 1 second (health: starting)'}).health).toBe('starting');
	});

	it('diagnose --all candidates and picker order agree with the definition', () => {
		const rows = [
			{state: 'exited', status: 'Exited (0) 1 hour ago'},
			{state: 'exited', status: 'Exited (143) 1 hour ago'},
			{state: 'exited', status: 'Exited (2) 1 hour ago'},
			{state: 'running', status: 'Up 2 hours'},
			{state: 'running', status: 'Up 2 hours (unhealthy)'},
			{state: 'restarting', status: 'Restarting (1) 3 seconds ago'},
			{state: 'created', status: 'Created'},
			{state: 'dead', status: 'Dead'},
		];
		expect(rows.filter(mayBeTroubled).map((r) => r.status)).toEqual([
			'Exited (2) 1 hour ago',
			'Up 2 hours (unhealthy)',
			'Restarting (1) 3 seconds ago',
			'Created',
			'Dead',
		]);
		expect(
			[...rows]
				.sort((a, b) => troubleRank(a) - troubleRank(b))
				.map((r) => r.state)
				.slice(0, 5),
		).toEqual(['restarting', 'running', 'dead', 'exited', 'created']);
		expect(isCleanExit(null)).toBe(false);
	});
});
