/** What diagnose reads from a compose file: per service, what it depends on (and on which condition) and whether it has a health check. Pure. */

export type DependsCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface ComposeService {
	readonly dependsOn: Readonly<Record<string, DependsCondition>>;
	readonly healthcheck: boolean;
}

export interface ComposeModel {
	/** The file it was read from. */
	readonly source: string;
	readonly services: Readonly<Record<string, ComposeService>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** From a parsed compose document (YAML already parsed); null when it is not one. */
export function composeModelFrom(doc: unknown, source: string): ComposeModel | null {
	if (!isObj(doc) || !isObj(doc['services'])) return null;
	const services: Record<string, ComposeService> = {};
	for (const [name, raw] of Object.entries(doc['services'])) {
		if (!isObj(raw)) continue;
		const dependsOn: Record<string, DependsCondition> = {};
		const d = raw['depends_on'];
		if (Array.isArray(d)) for (const x of d) if (typeof x === 'string') dependsOn[x] = 'service_started';
		if (isObj(d)) {
			for (const [dep, spec] of Object.entries(d)) {
				const c = isObj(spec) ? spec['condition'] : undefined;
				dependsOn[dep] = c === 'service_healthy' || c === 'service_completed_successfully' ? c : 'service_started';
			}
		}
		const hc = raw['healthcheck'];
		services[name] = {dependsOn, healthcheck: isObj(hc) && hc['disable'] !== true && !(Array.isArray(hc['test']) && hc['test'][0] === 'NONE')};
	}
	return {source, services};
}
