/**
 * CI gates, as dive's .dive-ci defines them (lowestEfficiency, highestWastedBytes,
 * highestUserWastedPercent) plus maxSize: from flags or the `analyze:` section of .docker-helper.yaml.
 * Sizes parse like dive's (go-humanize): "20MB" is 20*1000^2, "20MiB" 20*1024^2, a bare number bytes.
 * Ratios are 0..1 as in dive; "20%" is read as 0.2.
 */

export type GateName = 'lowestEfficiency' | 'highestWastedBytes' | 'highestUserWastedPercent' | 'maxSize';

export interface Gates {
	readonly lowestEfficiency?: number;
	readonly highestWastedBytes?: number;
	readonly highestUserWastedPercent?: number;
	readonly maxSize?: number;
}

export interface GateResult {
	readonly name: GateName;
	/** The flag that sets it. */
	readonly flag: string;
	readonly limit: number;
	readonly value: number;
	readonly pass: boolean;
	readonly message: string;
}

export const GATE_FLAGS: Readonly<Record<GateName, string>> = {
	lowestEfficiency: 'lowest-efficiency',
	highestWastedBytes: 'highest-wasted-bytes',
	highestUserWastedPercent: 'highest-user-wasted-percent',
	maxSize: 'max-size',
};

const UNITS: Readonly<Record<string, number>> = {
	'': 1,
	b: 1,
	k: 1e3,
	kb: 1e3,
	m: 1e6,
	mb: 1e6,
	g: 1e9,
	gb: 1e9,
	t: 1e12,
	tb: 1e12,
	ki: 1024,
	kib: 1024,
	mi: 1024 ** 2,
	mib: 1024 ** 2,
	gi: 1024 ** 3,
	gib: 1024 ** 3,
	ti: 1024 ** 4,
	tib: 1024 ** 4,
};

export function parseSize(value: string | number): number | null {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
	const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
	if (!m) return null;
	const unit = UNITS[m[2]!.toLowerCase()];
	return unit === undefined ? null : Math.round(Number(m[1]) * unit);
}

export function parseRatio(value: string | number): number | null {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
	const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
	if (!m) return null;
	return m[2] === '%' ? Number(m[1]) / 100 : Number(m[1]);
}

/** Read gates from a config object (the `analyze:` section, or dive's `rules:`). Unknown or bad values become problems. */
export function gatesFromConfig(doc: unknown, source: string): {gates: Gates; problems: string[]} {
	const problems: string[] = [];
	if (typeof doc !== 'object' || doc === null) return {gates: {}, problems};
	const root = doc as Record<string, unknown>;
	const section = (root['analyze'] ?? root['rules']) as Record<string, unknown> | undefined;
	if (section === undefined) return {gates: {}, problems};
	if (typeof section !== 'object' || section === null || Array.isArray(section)) return {gates: {}, problems: [`${source}: analyze: expected a mapping`]};
	const gates: Record<string, number> = {};
	for (const [key, raw] of Object.entries(section)) {
		const name = (Object.keys(GATE_FLAGS) as GateName[]).find((g) => g === key || GATE_FLAGS[g] === key);
		if (!name) {
			problems.push(`${source}: analyze.${key}: unknown gate (lowestEfficiency, highestWastedBytes, highestUserWastedPercent, maxSize)`);
			continue;
		}
		if (raw === 'disabled' || raw === null) continue;
		const parsed =
			typeof raw === 'string' || typeof raw === 'number' ? (name === 'highestWastedBytes' || name === 'maxSize' ? parseSize(raw) : parseRatio(raw)) : null;
		if (parsed === null)
			problems.push(
				`${source}: analyze.${key}: not a ${name === 'highestWastedBytes' || name === 'maxSize' ? 'size (20MB, 1.5GiB, bytes)' : 'ratio (0.9 or 90%)'}`,
			);
		else gates[name] = parsed;
	}
	return {gates, problems};
}

export interface GateMeasures {
	readonly efficiency: number;
	readonly wastedBytes: number;
	readonly userWastedPercent: number;
	readonly size: number;
}

const pct = (r: number) => `${(r * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

export function evaluateGates(gates: Gates, m: GateMeasures, fmt: (bytes: number) => string): GateResult[] {
	const out: GateResult[] = [];
	if (gates.lowestEfficiency !== undefined) {
		const pass = m.efficiency >= gates.lowestEfficiency;
		out.push({
			name: 'lowestEfficiency',
			flag: GATE_FLAGS.lowestEfficiency,
			limit: gates.lowestEfficiency,
			value: m.efficiency,
			pass,
			message: `efficiency ${pct(m.efficiency)} ${pass ? '>=' : '<'} lowest allowed ${pct(gates.lowestEfficiency)}`,
		});
	}
	if (gates.highestWastedBytes !== undefined) {
		const pass = m.wastedBytes <= gates.highestWastedBytes;
		out.push({
			name: 'highestWastedBytes',
			flag: GATE_FLAGS.highestWastedBytes,
			limit: gates.highestWastedBytes,
			value: m.wastedBytes,
			pass,
			message: `wasted ${fmt(m.wastedBytes)} ${pass ? '<=' : '>'} highest allowed ${fmt(gates.highestWastedBytes)}`,
		});
	}
	if (gates.highestUserWastedPercent !== undefined) {
		const pass = m.userWastedPercent <= gates.highestUserWastedPercent;
		out.push({
			name: 'highestUserWastedPercent',
			flag: GATE_FLAGS.highestUserWastedPercent,
			limit: gates.highestUserWastedPercent,
			value: m.userWastedPercent,
			pass,
			message: `user wasted ${pct(m.userWastedPercent)} ${pass ? '<=' : '>'} highest allowed ${pct(gates.highestUserWastedPercent)}`,
		});
	}
	if (gates.maxSize !== undefined) {
		const pass = m.size <= gates.maxSize;
		out.push({
			name: 'maxSize',
			flag: GATE_FLAGS.maxSize,
			limit: gates.maxSize,
			value: m.size,
			pass,
			message: `image size ${fmt(m.size)} ${pass ? '<=' : '>'} max ${fmt(gates.maxSize)}`,
		});
	}
	return out;
}
