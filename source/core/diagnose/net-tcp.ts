/** Parse /proc/net/tcp and /proc/net/tcp6 (the kernel's socket tables) into the addresses that listen. Pure. */

export interface Listener {
	/** "0.0.0.0", "127.0.0.1", "::", "::1", ... */
	readonly address: string;
	readonly port: number;
}

const LISTEN = '0A';

/** The kernel prints each 32-bit word of the address in host byte order (little-endian here). */
function word(hex: string): number[] {
	return [hex.slice(6, 8), hex.slice(4, 6), hex.slice(2, 4), hex.slice(0, 2)].map((b) => Number.parseInt(b, 16));
}

function ipv4(hex: string): string {
	return word(hex).join('.');
}

function ipv6(hex: string): string {
	const bytes = [0, 8, 16, 24].flatMap((i) => word(hex.slice(i, i + 8)));
	// IPv4-mapped (::ffff:a.b.c.d): show it as IPv4, it binds the same way.
	if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12).join('.');
	const groups: string[] = [];
	for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
	const text = groups.join(':');
	// Compress the longest run of zero groups.
	const best = [...text.matchAll(/(?:^|:)(0(?::0)+)(?:$|:)/g)].sort((a, b) => b[1]!.length - a[1]!.length)[0];
	if (!best) return text;
	const start = text.indexOf(best[1]!, best.index);
	return `${text.slice(0, start)}:${text.slice(start + best[1]!.length)}`
		.replace(/^:(?!:)/, '::')
		.replace(/(?<!:):$/, '::')
		.replace(/:::/, '::');
}

/** Listening sockets in the text of /proc/net/tcp, /proc/net/tcp6 (either or both, concatenated). */
export function parseListeners(text: string): Listener[] {
	const out: Listener[] = [];
	const seen = new Set<string>();
	for (const line of text.split('\n')) {
		const cols = line.trim().split(/\s+/);
		if (cols.length < 4 || !/^\d+:$/.test(cols[0]!) || cols[3] !== LISTEN) continue;
		const [addr, port] = cols[1]!.split(':');
		if (!addr || !port) continue;
		const address = addr.length === 8 ? ipv4(addr) : addr.length === 32 ? ipv6(addr) : null;
		if (address === null) continue;
		const l = {address, port: Number.parseInt(port, 16)};
		const key = `${l.address}|${l.port}`;
		if (!seen.has(key)) {
			seen.add(key);
			out.push(l);
		}
	}
	return out;
}

export function isLoopback(address: string): boolean {
	return address.startsWith('127.') || address === '::1';
}
