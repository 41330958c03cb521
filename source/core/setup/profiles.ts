/**
 * Resource thresholds are data. `ai` follows the product's requirements for AI/ML services;
 * `general` is for ordinary web services and development.
 */
const GiB = 1024 ** 3;

export interface Profile {
	readonly id: 'ai' | 'general';
	readonly title: string;
	readonly memory: {readonly min: number; readonly recommended: number};
	readonly cpus: {readonly min: number; readonly recommended: number};
	/** Free space on the filesystem holding Docker's data root. */
	readonly diskFree: {readonly min: number; readonly recommended: number};
	/** Below this, warn that there is no room for memory peaks. */
	readonly swap: {readonly recommended: number};
	/** Shared memory available to containers (PyTorch DataLoader workers, NCCL); null: not checked. */
	readonly shm: {readonly min: number} | null;
	/** Warn when this much of Docker's disk use is reclaimable. */
	readonly reclaimableWarn: number;
}

export const PROFILES: Readonly<Record<Profile['id'], Profile>> = {
	ai: {
		id: 'ai',
		title: 'AI/ML services',
		memory: {min: 8 * GiB, recommended: 16 * GiB},
		cpus: {min: 4, recommended: 8},
		diskFree: {min: 20 * GiB, recommended: 50 * GiB},
		swap: {recommended: 4 * GiB},
		shm: {min: 8 * GiB},
		reclaimableWarn: 10 * GiB,
	},
	general: {
		id: 'general',
		title: 'general services',
		memory: {min: 2 * GiB, recommended: 4 * GiB},
		cpus: {min: 2, recommended: 4},
		diskFree: {min: 10 * GiB, recommended: 20 * GiB},
		swap: {recommended: 1 * GiB},
		shm: null,
		reclaimableWarn: 20 * GiB,
	},
};

export const PROFILE_IDS = Object.keys(PROFILES) as Array<Profile['id']>;
