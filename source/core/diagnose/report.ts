/** diagnose's Result: per container, the diagnosis and the facts it was made from. */
import {diagnose, type Diagnosis} from './diagnose.js';
import type {DiagnosisFacts} from './facts.js';
import type {Finding} from './types.js';

export interface DiagnoseReport extends Diagnosis {
	readonly container: {readonly id: string; readonly name: string; readonly image: string};
	readonly facts: DiagnosisFacts;
}

export interface ProjectDiagnosis {
	readonly name: string;
	/** Set when one service of the project was asked for. */
	readonly service: string | null;
	/** The compose file read for depends_on and health checks, null when it is not on this machine. */
	readonly composeFile: string | null;
	/** Findings that relate the services to each other (dependency not ready, port clash, network). */
	readonly relations: readonly Finding[];
}

export interface DiagnoseResult {
	/** one: a container; all: every container; project: a compose project (or one of its services). */
	readonly mode: 'one' | 'all' | 'project';
	readonly project?: ProjectDiagnosis;
	readonly tail: number;
	/** --all: how many containers were diagnosed (the reports keep only those that need attention). */
	readonly checked?: number;
	readonly reports: readonly DiagnoseReport[];
}

export function report(facts: DiagnosisFacts): DiagnoseReport {
	return {container: {id: facts.container.id, name: facts.container.name, image: facts.container.image}, facts, ...diagnose(facts)};
}

/** What --all lists: a failure, or a finding worth a look (warning or error). Fine containers and info-only findings are left out. */
export function needsAttention(r: Pick<DiagnoseReport, 'failed' | 'findings'>): boolean {
	return r.failed || r.findings.some((f) => f.severity !== 'info');
}

/** The key facts in one flat object, for --json readers that do not want the whole recording. */
export function factsSummary(f: DiagnosisFacts) {
	return {
		status: f.state.status,
		exitCode: f.state.exitCode,
		oomKilled: f.state.oomKilled,
		error: f.state.error || null,
		health: f.state.health?.status ?? null,
		restartCount: f.restartCount,
		restartPolicy: f.restartPolicy.name,
		memoryLimit: f.resources.memory || null,
		user: f.container.user || f.image?.user || 'root',
		command: [f.container.path, ...f.container.args],
		imageArchitecture: f.image?.architecture ?? null,
		hostArchitecture: f.host.arch,
		hostMemory: f.host.memTotal,
		dataRootFree: f.host.dataRootFree,
		logLines: f.logs.lines.length,
		events: f.events.list.length,
	};
}
