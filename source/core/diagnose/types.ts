import type {DiagnosisFacts} from './facts.js';

export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

/** One piece of evidence: what we saw, and the docker command that shows it to the user. */
export interface Evidence {
	/** log: a log line; field: an inspect field; event: an engine event; probe: a health probe; file: a file in the container; host: a host fact. */
	readonly kind: 'log' | 'field' | 'event' | 'probe' | 'file' | 'host';
	/** stderr / stdout for logs, the field path (State.OOMKilled), the event action, ... */
	readonly label: string;
	readonly value: string;
	readonly time?: string | null;
	readonly command: string;
}

export interface Fix {
	readonly description: string;
	readonly command?: string;
	/** A change to a file the user owns (Dockerfile, compose file, script). */
	readonly edit?: {readonly file: string; readonly change: string};
}

export interface Finding {
	readonly id: string;
	readonly title: string;
	readonly severity: Severity;
	readonly confidence: Confidence;
	readonly evidence: readonly Evidence[];
	readonly explanation: string;
	readonly fixes: readonly Fix[];
}

export interface Rule {
	/** Stable id: the file name, used in --json and tests. */
	readonly id: string;
	/** What the rule looks for, for docs and --help. */
	readonly description: string;
	/**
	 * cause: names a root cause; symptom: describes what happened (crash loop, unhealthy) and ranks
	 * after causes; fallback: only shown when nothing more specific explains the failure.
	 */
	readonly kind: 'cause' | 'symptom' | 'fallback';
	/** logs: the rule reads only log lines, so a container that is running fine downgrades it. */
	readonly basis: 'logs' | 'state';
	/** Code rules: the recordings (test/fixtures/diagnose/<name>.json) it must fire on and must stay silent on. Signatures carry their own log cases. */
	readonly cases?: {readonly fires: readonly string[]; readonly silent: readonly string[]};
	diagnose(facts: DiagnosisFacts): Omit<Finding, 'id'> | null;
}
