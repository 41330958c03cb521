import type {HelperError} from '../core/errors.js';

/** Every --json document has this envelope; `result` is the command's own schema. */
export const JSON_SCHEMA_ID = 'docker-helper/v1';

export function jsonResult(command: string, exitCode: number, result: unknown): string {
	return JSON.stringify({schema: JSON_SCHEMA_ID, command, exitCode, result}, null, 2);
}

export function jsonError(command: string | null, error: HelperError): string {
	return JSON.stringify({schema: JSON_SCHEMA_ID, command, exitCode: error.exitCode, error: error.toJSON()}, null, 2);
}
