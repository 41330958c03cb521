/**
 * Expected failures. Each has a stable code, a one-line message, a hint that
 * says what to do, and the process exit code it maps to. They are printed
 * without a stack trace; anything else is a bug and keeps its trace.
 */
export const EXIT = {
	ok: 0,
	failure: 1,
	usage: 2,
	engine: 3,
} as const;

/** The exit status a shell gives a program ended by this signal (Ctrl-C: 130). */
export const SIGNAL_EXIT = {SIGINT: 130, SIGHUP: 129, SIGTERM: 143} as const;
export type InterruptSignal = keyof typeof SIGNAL_EXIT;

/** The exit status for an abort: the signal's when a signal was the reason, else Ctrl-C's. */
export function interruptExitCode(reason: unknown): number {
	return typeof reason === 'string' && reason in SIGNAL_EXIT ? SIGNAL_EXIT[reason as InterruptSignal] : SIGNAL_EXIT.SIGINT;
}

export type ErrorCode =
	| 'USAGE'
	| 'UNKNOWN_COMMAND'
	| 'UNKNOWN_FLAG'
	| 'ENGINE_UNREACHABLE'
	| 'ENGINE_PERMISSION'
	| 'ENGINE_API_TOO_OLD'
	| 'ENGINE_TIMEOUT'
	| 'ENGINE_CONFIG'
	| 'ENGINE_ERROR'
	| 'NOT_DOCKER_ENGINE'
	| 'ENGINE_CONFLICT'
	| 'LOG_DRIVER_UNREADABLE'
	| 'NO_SUCH_CONTAINER'
	| 'NO_SUCH_PROJECT'
	| 'NO_SUCH_SERVICE'
	| 'AMBIGUOUS_CONTAINER'
	| 'NO_SUCH_IMAGE'
	| 'CONTAINER_NOT_RUNNING'
	| 'FILE_EXISTS'
	| 'FILE_UNREADABLE'
	| 'FILE_UNWRITABLE'
	| 'FILE_UNSAFE'
	| 'FILE_TOO_LARGE'
	| 'NOT_A_TTY'
	| 'DEBUG_IMAGE_UNAVAILABLE'
	| 'UNKNOWN_TOPIC'
	| 'UNKNOWN_VARIANT'
	| 'IMAGE_UNREADABLE'
	| 'BUILD_FAILED'
	| 'BUILDKIT_UNAVAILABLE';

const exitFor: Record<ErrorCode, number> = {
	USAGE: EXIT.usage,
	UNKNOWN_COMMAND: EXIT.usage,
	UNKNOWN_FLAG: EXIT.usage,
	UNKNOWN_TOPIC: EXIT.usage,
	UNKNOWN_VARIANT: EXIT.usage,
	NOT_A_TTY: EXIT.usage,
	ENGINE_UNREACHABLE: EXIT.engine,
	ENGINE_PERMISSION: EXIT.engine,
	ENGINE_API_TOO_OLD: EXIT.engine,
	ENGINE_TIMEOUT: EXIT.engine,
	ENGINE_CONFIG: EXIT.engine,
	ENGINE_ERROR: EXIT.failure,
	NOT_DOCKER_ENGINE: EXIT.engine,
	ENGINE_CONFLICT: EXIT.failure,
	LOG_DRIVER_UNREADABLE: EXIT.failure,
	NO_SUCH_CONTAINER: EXIT.failure,
	NO_SUCH_PROJECT: EXIT.failure,
	NO_SUCH_SERVICE: EXIT.failure,
	AMBIGUOUS_CONTAINER: EXIT.failure,
	NO_SUCH_IMAGE: EXIT.failure,
	CONTAINER_NOT_RUNNING: EXIT.failure,
	FILE_EXISTS: EXIT.failure,
	FILE_UNREADABLE: EXIT.failure,
	FILE_UNWRITABLE: EXIT.failure,
	FILE_UNSAFE: EXIT.failure,
	FILE_TOO_LARGE: EXIT.failure,
	IMAGE_UNREADABLE: EXIT.failure,
	BUILD_FAILED: EXIT.failure,
	BUILDKIT_UNAVAILABLE: EXIT.failure,
	DEBUG_IMAGE_UNAVAILABLE: EXIT.failure,
};

export class HelperError extends Error {
	readonly code: ErrorCode;
	readonly hint: string;
	readonly exitCode: number;
	/** Extra machine-readable facts for --json (suggestions, endpoint tried, ...). */
	readonly details: Record<string, unknown> | undefined;

	constructor(code: ErrorCode, message: string, hint: string, details?: Record<string, unknown>) {
		super(message);
		this.name = 'HelperError';
		this.code = code;
		this.hint = hint;
		this.exitCode = exitFor[code];
		this.details = details;
	}

	toJSON(): Record<string, unknown> {
		return {code: this.code, message: this.message, hint: this.hint, ...(this.details ? {details: this.details} : {})};
	}
}

export function isHelperError(error: unknown): error is HelperError {
	return error instanceof HelperError;
}

export function usageError(message: string, hint: string, details?: Record<string, unknown>): HelperError {
	return new HelperError('USAGE', message, hint, details);
}
