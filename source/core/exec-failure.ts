/**
 * When an exec's process cannot start, the engine sends the runtime's error text as the
 * exec's only output and records exit code 126 for every cause. We tell the causes apart
 * and use the shell's convention: 127 for a command that does not exist, 126 for one that
 * cannot be executed.
 */
export interface ExecFailure {
	readonly kind: 'not-found' | 'not-executable' | 'runtime';
	readonly exitCode: 126 | 127;
	readonly message: string;
	readonly hint: string;
	/** The runtime's own words, for --json and for the curious. */
	readonly runtimeMessage: string;
}

/** True when output starts like a runtime start failure (OCI runtime exec failed / rpc error). */
export function looksLikeRuntimeFailure(text: string): boolean {
	return /^(OCI runtime exec failed|rpc error: code = \w+ desc = oci runtime|exec failed:)/i.test(text.trimStart());
}

const FAILURE_PREFIXES = ['OCI runtime exec failed', 'rpc error: code = ', 'exec failed:'];

/**
 * Decide from the first bytes of output whether they are a runtime start failure: 'undecided'
 * while they are still a prefix of one (so a shell prompt like "/ # " is released at once).
 */
export function runtimeFailureDecision(start: string): 'failure' | 'output' | 'undecided' {
	const text = start.trimStart();
	if (looksLikeRuntimeFailure(text)) return 'failure';
	if (text === '') return start.length > 64 ? 'output' : 'undecided';
	const lower = text.toLowerCase();
	return FAILURE_PREFIXES.some((p) => p.toLowerCase().startsWith(lower)) ? 'undecided' : 'output';
}

export function classifyExecFailure(runtimeText: string, command: readonly string[], container: string): ExecFailure {
	const runtimeMessage = runtimeText.trim();
	const program = command[0] ?? '';
	const quoted = /exec: "([^"]*)"/.exec(runtimeMessage)?.[1] ?? program;
	if (/executable file not found|no such file or directory/i.test(runtimeMessage)) {
		const absolute = quoted.includes('/');
		const shell = SHELLS.has(quoted.split('/').pop() ?? '');
		// The hints look from a toolbox beside the container: an image without this command may lack ls and sh too.
		return {
			kind: 'not-found',
			exitCode: 127,
			message: shell
				? `${quoted}: the image of container ${container} has no ${quoted.split('/').pop()} (a distroless or FROM scratch image has no shell).`
				: absolute
					? `${quoted} does not exist in container ${container}.`
					: `${quoted}: command not found in container ${container} (not on its PATH).`,
			hint: shell
				? `Open a shell beside it, sharing its processes and network: docker-helper debug ${container}`
				: absolute
					? `Look at the path from a toolbox beside it: docker-helper debug ${container} -- ls -l /proc/1/root${dirname(quoted)} (a script with Windows CRLF line endings also reports a missing file).`
					: `The image may not include it. See what is there: docker-helper debug ${container} -- ls /proc/1/root/usr/local/bin /proc/1/root/usr/bin /proc/1/root/bin`,
			runtimeMessage,
		};
	}
	if (/permission denied|is a directory|exec format error/i.test(runtimeMessage)) {
		const format = /exec format error/i.test(runtimeMessage);
		return {
			kind: 'not-executable',
			exitCode: 126,
			message: format
				? `${quoted} cannot run in container ${container}: exec format error (built for another CPU architecture, or a script without a #! line).`
				: `${quoted} is not executable in container ${container}.`,
			hint: format
				? `Compare architectures: docker-helper inspect ${container}`
				: `Make it executable in the image (RUN chmod +x ${quoted}) or run it through its interpreter: docker-helper exec ${container} -- sh ${quoted}`,
			runtimeMessage,
		};
	}
	return {
		kind: 'runtime',
		exitCode: 126,
		message: `The container runtime could not start ${quoted} in ${container}.`,
		hint: `The runtime said: ${runtimeMessage}`,
		runtimeMessage,
	};
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i <= 0 ? '/' : path.slice(0, i);
}

/** exec's Result: the command, its exit code, why it could not start, and with --json its output. */
export interface ExecResult {
	readonly container: string;
	readonly command: readonly string[];
	readonly exitCode: number;
	/** An interactive shell (no command given). */
	readonly shell: string | null;
	readonly tty: boolean;
	/** Set when the command could not start: not found (127), not executable (126). */
	readonly failure: ExecFailure | null;
	/** --json only: the captured output (capped). */
	readonly stdout?: string;
	readonly stderr?: string;
	readonly truncated?: boolean;
}
