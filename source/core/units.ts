const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export const units = {GiB, MiB, KiB: 1024} as const;

/** 1536 MiB -> "1.5 GiB"; exact binary units, as Docker reports them. */
export function formatBytes(bytes: number | null | undefined): string {
	if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return 'unknown';
	const abs = Math.abs(bytes);
	if (abs >= 1024 ** 4) return `${trim(bytes / 1024 ** 4)} TiB`;
	if (abs >= GiB) return `${trim(bytes / GiB)} GiB`;
	if (abs >= MiB) return `${trim(bytes / MiB)} MiB`;
	if (abs >= 1024) return `${trim(bytes / 1024)} KiB`;
	return `${bytes} B`;
}

function trim(n: number): string {
	return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1).replace(/\.0$/, '') : n.toFixed(2).replace(/\.?0+$/, '');
}

/** Whole GiB, rounded down: for settings that take integers ("8g"). */
export function floorGiB(bytes: number): number {
	return Math.floor(bytes / GiB);
}

/** Parse "512m", "8g", "1.5GiB", "2048" (bytes) into bytes; null if unparseable. */
export function parseBytes(text: string): number | null {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b?)\s*$/i.exec(text);
	if (!match) return null;
	const value = Number(match[1]);
	const unit = (match[2] ?? '').toLowerCase();
	const factor = unit === 'k' ? 1024 : unit === 'm' ? MiB : unit === 'g' ? GiB : unit === 't' ? 1024 ** 4 : 1;
	return Math.round(value * factor);
}
