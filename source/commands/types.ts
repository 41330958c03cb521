import type {Theme} from '../output/theme.js';
import type {Engine} from '../adapters/docker.js';
import type {HostAdapter} from '../adapters/host.js';
import type {Endpoint} from '../core/endpoint.js';

import type {Input} from '../core/input.js';

export type {FlagValue, Flags, Input} from '../core/input.js';
export {flagBool, flagNumber, flagString} from '../core/input.js';

export interface FlagSpec {
	readonly type: 'string' | 'boolean' | 'number';
	readonly description: string;
	readonly shortFlag?: string;
	readonly default?: string | boolean | number;
	readonly isMultiple?: boolean;
	/** Allowed values, checked before run and listed in help. */
	readonly choices?: readonly string[];
	/** Shown in help: `--tail <n>`. */
	readonly placeholder?: string;
}

export interface Choice {
	readonly label: string;
	readonly value: string;
	readonly hint?: string;
}

export interface ArgSpec {
	readonly name: string;
	readonly description: string;
	readonly required?: boolean;
	readonly variadic?: boolean;
	/**
	 * In the interactive app a missing argument is picked from these choices
	 * (for a container: the engine's containers), never typed into a free-text box.
	 */
	readonly choices?: (ctx: Context) => Promise<Choice[]>;
}

/** The terminal or pipe behind stdout and stderr. */
export interface Sink {
	write(chunk: string | Uint8Array): void;
	readonly isTTY: boolean;
	/** Resolves once the sink has flushed its backlog. A streaming command yields its output instead (Command.stream). */
	drained?(): Promise<void>;
}

/** One piece of a streaming command's output, for stdout or stderr, in order. */
export interface OutputChunk {
	readonly to: 'stdout' | 'stderr';
	readonly data: string | Uint8Array;
}

export interface Context {
	readonly cwd: string;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** Connects on first use; throws a HelperError (exit 3) when the engine is unreachable. */
	engine(): Promise<Engine>;
	/** Which endpoint would be used and why, without connecting. */
	endpoint(): Promise<Endpoint>;
	/** The endpoint engine() connected to, once it has; main.ts reports it with every result. */
	connectedEndpoint(): Endpoint | undefined;
	host(): Promise<HostAdapter>;
	readonly stdout: Sink;
	readonly stderr: Sink;
	readonly stdinIsTTY: boolean;
	/**
	 * Ask a yes/no question on the terminal (stderr) and read the answer from stdin; anything but y/yes,
	 * and end of input, is no. Only where stdinIsTTY and outside the Ink app, which owns stdin there.
	 */
	confirm(question: string): Promise<boolean>;
	/** Progress for slow work: shown on stderr in a terminal, silent otherwise. */
	progress(message: string): void;
	/** The columns text must fit now (the terminal's, or COLUMNS); undefined in a pipe. Read when needed: a terminal resizes. */
	width(): number | undefined;
	/** Aborted on Ctrl-C, SIGTERM or a closed terminal (the reason is the signal's name), or when the reader of a stream went away. */
	readonly signal: AbortSignal;
	/** True inside the Ink app: commands must not write to stdout there. */
	readonly interactive: boolean;
	/**
	 * The output theme chosen once by main.ts (terminal, NO_COLOR, --no-color, --plain, --json),
	 * for commands that render their stream's chunks themselves.
	 */
	readonly theme: Theme;
}

export interface Command<R = unknown> {
	readonly name: string;
	/** One line, for help and the menu. */
	readonly summary: string;
	/** A paragraph for `<command> --help`. */
	readonly description?: string;
	readonly usage: string;
	readonly examples: readonly string[];
	readonly flags: Readonly<Record<string, FlagSpec>>;
	readonly args: readonly ArgSpec[];
	/** Shown in the menu group; also says whether the command needs an engine. */
	readonly group: 'setup' | 'knowledge' | 'templates' | 'troubleshoot' | 'build';
	run(ctx: Context, input: Input): Promise<R>;
	/** Plain-text rendering (colour through the theme; the theme is a no-op without colour). */
	text(result: R, theme: Theme, input: Input): string;
	/** 1 when the command ran and found a failure; 0 otherwise. Usage and engine errors never get here. */
	exitCode?(result: R, input: Input): number;
	/** JSON rendering when it differs from the result itself. */
	json?(result: R, input: Input): unknown;
	/** In a terminal, open the interactive app at this command instead of printing (explain with no topic). */
	opensApp?(input: Input): boolean;
	/**
	 * Commands that take over the terminal (exec shell, logs --follow): the app runs their
	 * stream after leaving Ink.
	 */
	readonly streams?: (input: Input) => boolean;
	/**
	 * A streaming command (logs, exec) yields its output instead of writing it and returns its Result
	 * when done; outside the Ink app this is used instead of run. The caller writes each chunk, pulls
	 * the next only once it is written (backpressure), and aborts ctx.signal on Ctrl-C or a closed pipe:
	 * the command then ends its stream and returns.
	 */
	stream?(ctx: Context, input: Input): AsyncGenerator<OutputChunk, R, void>;
	/**
	 * run (or stream) honours ctx.signal: on Ctrl-C, SIGTERM or a closed terminal main.ts aborts it, and
	 * the command stops, cleans up and returns or throws. This says what it does meanwhile, on stderr
	 * ("removing the throwaway container"). Without it (and without stream) a signal ends the process at once.
	 */
	readonly onInterrupt?: string;
}

/** Any command, for the registry: each keeps its own Result type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;
