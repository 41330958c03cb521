import type {HelperError} from '../core/errors.js';
import {escapeJsonControls} from '../core/terminal-text.js';

/** Every --json document has this envelope; `result` is the command's own schema. */
export const JSON_SCHEMA_ID = 'docker-helper/v1';

/** The engine a result came from: every document from a command that talked to one says which and why. */
export interface EngineRef {
	readonly host: string;
	readonly source: string;
	readonly context?: string;
	readonly why: string;
}

export function jsonResult(command: string, exitCode: number, result: unknown, engine?: EngineRef): string {
	return escapeJsonControls(JSON.stringify({schema: JSON_SCHEMA_ID, command, exitCode, ...(engine ? {engine} : {}), result}, null, 2));
}

export function jsonError(command: string | null, error: HelperError): string {
	return escapeJsonControls(JSON.stringify({schema: JSON_SCHEMA_ID, command, exitCode: error.exitCode, error: error.toJSON()}, null, 2));
}

/** One NDJSON line (logs --json): control characters escaped, as in every document. */
export function jsonLine(value: unknown): string {
	return escapeJsonControls(JSON.stringify(value));
}
