/**
 * Log-signature knowledge as data. A signature is a pattern over the log tail (or over the engine's
 * State.Error text), the runtime or program it belongs to, the cause, why, and the fix with commands.
 * Each family file keeps its signatures beside their cases: lines in the real output format of that
 * program, ones that must fire and near misses that must not.
 */
import type {DiagnosisFacts} from '../facts.js';
import type {Confidence, Fix, Severity} from '../types.js';

/** The facts a case needs besides its log lines, applied to a plain failed container. */
export interface CaseFacts {
	readonly exitCode?: number;
	readonly running?: boolean;
	readonly user?: string;
	/** Published ports as "host:container", e.g. "8000:8000". */
	readonly ports?: readonly string[];
	readonly env?: readonly string[];
	readonly readonlyRootfs?: boolean;
	readonly memory?: number;
	readonly stateError?: string;
	readonly status?: string;
}

export interface SignatureCase {
	/** Log lines, oldest first, exactly as the program prints them (a timestamp prefix only where the program writes one). */
	readonly log: readonly string[];
	readonly facts?: CaseFacts;
}

export interface Signature {
	/** Stable finding id (kebab-case, unique across every family and rule). */
	readonly id: string;
	/** The runtime, framework or server whose message this is: python, node, jvm, go, ruby, php, dotnet, rust, shell, nginx, postgres, engine, ... */
	readonly runtime: string;
	/** What is matched: a line of the log tail (default), or the engine's State.Error text. */
	readonly on?: 'log' | 'state-error';
	/** Matched line by line; the last matching line is the evidence and its capture groups fill {1}, {2} in the texts. */
	readonly pattern: RegExp;
	/** Lines that must NOT be present for the signature to hold (a message that shows the problem was handled). */
	readonly unless?: RegExp;
	/** A state precondition: e.g. a port is published, the user is not root. */
	readonly when?: (f: DiagnosisFacts) => boolean;
	readonly severity?: Severity;
	readonly confidence?: Confidence;
	/** cause (default) names a root cause; fallback only names an unhandled error and gives way to any cause. */
	readonly kind?: 'cause' | 'fallback';
	/** Texts may use {1}..{9} (capture groups), {name} (the container, shell-quoted) and {image}. */
	readonly title: string;
	readonly explanation: string;
	readonly fixes: readonly Fix[];
	readonly cases: {readonly fires: readonly SignatureCase[]; readonly silent: readonly SignatureCase[]};
}

export interface SignatureFamily {
	/** The file name. */
	readonly id: string;
	readonly description: string;
	readonly signatures: readonly Signature[];
}
