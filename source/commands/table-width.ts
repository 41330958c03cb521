/** Tables use the terminal's width (at least 60), or `fallback` columns when not printing to a terminal. */
export function tableWidth(fallback = 100): number {
	return process.stdout.isTTY && process.stdout.columns ? Math.max(60, process.stdout.columns - 1) : fallback;
}
