/** Ctrl-C, kill and a closed terminal, for commands that run until interrupted (monitor, debug). */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Call fn once on the first of SIGINT, SIGTERM or SIGHUP; returns the function that stops listening. */
export function onInterrupt(fn: (signal: string) => void): () => void {
	let fired = false;
	const handler = (signal: string) => {
		if (fired) return;
		fired = true;
		fn(signal);
	};
	for (const s of SIGNALS) process.on(s, handler);
	return () => {
		for (const s of SIGNALS) process.off(s, handler);
	};
}
