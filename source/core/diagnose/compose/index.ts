/** Rules over a whole compose project, one file each, and the project diagnosis. */
import type {Finding} from '../types.js';
import {dependencyNotReady} from './dependency-not-ready.js';
import {notOnNetwork} from './not-on-network.js';
import {portClash} from './port-clash.js';
import type {ProjectFacts, ProjectRule} from './types.js';

export const PROJECT_RULES: readonly ProjectRule[] = [dependencyNotReady, notOnNetwork, portClash];

const SEVERITY = {error: 3, warning: 2, info: 1} as const;

/** The findings that relate the project's services to each other, most severe first. */
export function relateServices(p: ProjectFacts, rules: readonly ProjectRule[] = PROJECT_RULES): Finding[] {
	const out: Finding[] = [];
	for (const r of rules) for (const f of r.diagnose(p)) out.push({id: r.id, ...f});
	return out.sort((a, b) => SEVERITY[b.severity] - SEVERITY[a.severity]);
}
