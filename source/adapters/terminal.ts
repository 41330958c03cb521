/**
 * The user's terminal for interactive sessions (exec's shell): raw mode, size and resize
 * events, stdin. Raw mode is always undone: on success, on error, and on process exit.
 */
export interface TerminalSize {
	readonly rows: number;
	readonly columns: number;
}

export interface RawTerminal {
	readonly stdin: NodeJS.ReadStream;
	size(): TerminalSize;
	onResize(listener: (size: TerminalSize) => void): () => void;
}

export function terminalSize(): TerminalSize {
	return {rows: process.stdout.rows || 24, columns: process.stdout.columns || 80};
}

/** A raw terminal that stays raw until restore() (also undone on process exit). */
export interface OpenTerminal extends RawTerminal {
	restore(): void;
}

/** Put stdin in raw mode (keys go to the container as typed, Ctrl-C included) until restore(). */
export function openRawTerminal(): OpenTerminal {
	const stdin = process.stdin;
	const wasRaw = stdin.isTTY ? stdin.isRaw : false;
	const undoRaw = () => {
		if (stdin.isTTY) stdin.setRawMode(wasRaw);
	};
	process.once('exit', undoRaw);
	const listeners: Array<() => void> = [];
	if (stdin.isTTY) stdin.setRawMode(true);
	stdin.resume();
	let restored = false;
	return {
		stdin,
		size: terminalSize,
		onResize(listener) {
			const handler = () => listener(terminalSize());
			process.stdout.on('resize', handler);
			const off = () => process.stdout.off('resize', handler);
			listeners.push(off);
			return off;
		},
		restore() {
			if (restored) return;
			restored = true;
			for (const off of listeners) off();
			undoRaw();
			stdin.pause();
			process.removeListener('exit', undoRaw);
		},
	};
}

/** Run fn with stdin in raw mode, then restore it: on success and on error. */
export async function withRawTerminal<T>(fn: (terminal: RawTerminal) => Promise<T>): Promise<T> {
	const terminal = openRawTerminal();
	try {
		return await fn(terminal);
	} finally {
		terminal.restore();
	}
}

/** Forward piped stdin (exec -i) to a stream, ending it when stdin ends. Returns a detach function. */
export function forwardStdin(target: NodeJS.WritableStream & {end(): unknown}, options: {endOnEof: boolean}): () => void {
	const stdin = process.stdin;
	const onData = (chunk: Buffer) => {
		if (!target.write(chunk)) {
			stdin.pause();
			target.once('drain', () => stdin.resume());
		}
	};
	const onEnd = () => {
		if (options.endOnEof) target.end();
	};
	stdin.on('data', onData);
	stdin.once('end', onEnd);
	stdin.resume();
	return () => {
		stdin.off('data', onData);
		stdin.off('end', onEnd);
		stdin.pause();
	};
}

/**
 * Ask a yes/no question on the terminal (stderr, so stdout stays the command's output) and read one
 * line from stdin. Anything but y/yes is no; so is end of input.
 */
export async function askYesNo(question: string): Promise<boolean> {
	const {createInterface} = await import('node:readline');
	const rl = createInterface({input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true});
	try {
		const answer = await new Promise<string>((resolve) => {
			rl.once('close', () => resolve(''));
			rl.question(`${question} [y/N] `, resolve);
		});
		return /^\s*y(es)?\s*$/i.test(answer);
	} finally {
		rl.close();
	}
}
