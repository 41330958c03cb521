/** generate-dockerignore's Result: what was detected, what was written or merged, and what was kept out and why. */
import type {Detection} from './detect.js';
import type {CopySource} from './dockerfile-sources.js';
import type {KeptEntry} from './generate.js';

export interface GenerateDockerignoreResult {
	readonly directory: string;
	readonly detected: readonly Detection[];
	/** The walk hit its entry limit: detection saw only part of the tree. */
	readonly truncated: boolean;
	readonly mode: 'created' | 'replaced' | 'merged' | 'unchanged' | 'stdout';
	readonly path: string | null;
	readonly backup: string | null;
	/** Patterns written (created/replaced/stdout) or appended (merged). */
	readonly added: readonly string[];
	/** With --merge: generated entries the file already had. */
	readonly alreadyPresent: readonly string[];
	/** With --merge: user exceptions repeated after the appended block so they keep winning. */
	readonly restated: readonly string[];
	/** Dockerfiles read to protect what they COPY. */
	readonly dockerfiles: readonly string[];
	/** Entries left out because a Dockerfile copies what they would exclude. */
	readonly kept: readonly KeptEntry[];
	/** COPY sources that are secrets (.env, keys): excluded anyway, so that build will fail until fixed. */
	readonly secretCopies: readonly CopySource[];
	readonly content: string;
}
