const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

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
