/**
 * Writes a streaming command's output (logs, exec): the one place that prints a stream. It pulls
 * the next chunk only once the last one is written (a slow pipe or terminal holds the engine
 * stream back), turns Ctrl-C into the command's abort signal, and ends the stream quietly when
 * the reader goes away (`docker-helper logs web | head`). Signals are turned into the abort here
 * too: commands never install a process signal handler.
 */
import type {OutputChunk} from './commands/types.js';
import {SIGNAL_EXIT, type InterruptSignal} from './core/errors.js';

export interface StreamTargets {
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream;
}

/** Once a write to this stream failed with EPIPE. Installed once per stream; it keeps a closed pipe from crashing the process. */
const closedPipes = new WeakMap<NodeJS.WritableStream, {closed: boolean; listeners: Set<() => void>}>();

export function watchPipe(stream: NodeJS.WritableStream): {readonly closed: boolean; onClose(listener: () => void): () => void} {
	let state = closedPipes.get(stream);
	if (!state) {
		const s = {closed: false, listeners: new Set<() => void>()};
		state = s;
		closedPipes.set(stream, s);
		stream.on('error', (error: NodeJS.ErrnoException) => {
			// After EPIPE the stream is destroyed, and later writes fail with ERR_STREAM_DESTROYED: both mean "closed".
			if (error.code !== 'EPIPE' && !(s.closed && error.code === 'ERR_STREAM_DESTROYED')) throw error;
			s.closed = true;
			for (const listener of s.listeners) listener();
		});
	}
	const s = state;
	return {
		get closed() {
			return s.closed;
		},
		onClose(listener) {
			s.listeners.add(listener);
			return () => s.listeners.delete(listener);
		},
	};
}

/**
 * Ctrl-C, kill and a closed terminal abort the controller, with the signal's name as the reason, so the
 * command can stop and clean up (remove its throwaway container) and return. A second signal does not
 * wait any more. Returns the function that stops listening.
 */
export function abortOnSignals(controller: AbortController, onFirst?: (signal: InterruptSignal) => void): () => void {
	const handler = (signal: InterruptSignal) => {
		if (controller.signal.aborted) process.exit(SIGNAL_EXIT[signal]);
		onFirst?.(signal);
		controller.abort(signal);
	};
	const signals = Object.keys(SIGNAL_EXIT) as InterruptSignal[];
	for (const s of signals) process.on(s, handler);
	return () => {
		for (const s of signals) process.off(s, handler);
	};
}

/** The signal that aborted this, if a signal did. */
export function interruptedBy(signal: AbortSignal): InterruptSignal | undefined {
	return signal.aborted && typeof signal.reason === 'string' && signal.reason in SIGNAL_EXIT ? (signal.reason as InterruptSignal) : undefined;
}

export async function drainOutput<R>(
	output: AsyncGenerator<OutputChunk, R, void>,
	targets: StreamTargets,
	controller: AbortController,
): Promise<{result: R; pipeClosed: boolean}> {
	const stdout = watchPipe(targets.stdout);
	const stderr = watchPipe(targets.stderr);
	const abort = () => controller.abort();
	const offOut = stdout.onClose(abort);
	const offErr = stderr.onClose(abort);
	try {
		for (;;) {
			const next = await output.next();
			if (next.done) return {result: next.value, pipeClosed: stdout.closed};
			const pipe = next.value.to === 'stderr' ? stderr : stdout;
			if (pipe.closed) continue;
			const target = next.value.to === 'stderr' ? targets.stderr : targets.stdout;
			if (!target.write(next.value.data)) await drained(target, pipe);
		}
	} finally {
		offOut();
		offErr();
	}
}

function drained(target: NodeJS.WritableStream, pipe: ReturnType<typeof watchPipe>): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			target.off('drain', done);
			off();
			resolve();
		};
		const off = pipe.onClose(done);
		target.once('drain', done);
	});
}
