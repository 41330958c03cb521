/**
 * When a container is in trouble: the one definition, used by `diagnose --all` (from the
 * container list), the container pickers (troubled first) and the diagnosis itself (from inspect).
 */
import type {ContainerListEntry} from './types.js';

export type Trouble = 'restarting' | 'unhealthy' | 'dead' | 'exited-failed' | 'start-failed';

/** What tells trouble apart; `startError` is undefined when not known (a list entry says nothing about it). */
export interface TroubleSigns {
	/** created, running, paused, restarting, removing, exited, dead. */
	readonly status: string;
	readonly exitCode: number | null;
	readonly health: string | null;
	readonly startError?: string | null;
}

/** A normal stop: exit 0, or the shell's codes for SIGINT (130) and SIGTERM (143). */
export function isCleanExit(code: number | null): boolean {
	return code === 0 || code === 130 || code === 143;
}

export function troubleOf(s: TroubleSigns): Trouble | null {
	switch (s.status) {
		case 'restarting':
			return 'restarting';
		case 'dead':
			return 'dead';
		case 'running':
			return s.health === 'unhealthy' ? 'unhealthy' : null;
		case 'exited':
			return isCleanExit(s.exitCode) ? null : 'exited-failed';
		case 'created':
			return s.startError ? 'start-failed' : null;
		default:
			return null;
	}
}

/** The signs a `docker ps -a` row carries: the exit code and health live in its STATUS text. */
export function listEntrySigns(c: Pick<ContainerListEntry, 'state' | 'status'>): TroubleSigns {
	const exited = /^Exited \((-?\d+)\)/.exec(c.status);
	const health = /\((unhealthy|healthy|health: starting)\)/.exec(c.status);
	return {status: c.state, exitCode: exited ? Number(exited[1]) : null, health: health ? (health[1] === 'health: starting' ? 'starting' : health[1]!) : null};
}

/**
 * Worth diagnosing from the list alone: in trouble, or created (its start may have failed; the
 * inspect document tells, and `diagnose --all` drops the ones that simply never started).
 */
export function mayBeTroubled(c: Pick<ContainerListEntry, 'state' | 'status'>): boolean {
	return c.state === 'created' || troubleOf(listEntrySigns(c)) !== null;
}

const ORDER: Record<Trouble, number> = {restarting: 0, unhealthy: 1, dead: 2, 'exited-failed': 3, 'start-failed': 4};

/** For pickers: the troubled first (crash loops, then unhealthy, dead, failed exits), created next, then the rest. */
export function troubleRank(c: Pick<ContainerListEntry, 'state' | 'status'>): number {
	const trouble = troubleOf(listEntrySigns(c));
	if (trouble) return ORDER[trouble];
	if (c.state === 'created') return 4;
	if (c.state === 'exited') return 5;
	return 6;
}
