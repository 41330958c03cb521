/** diagnose's Result: per container, the diagnosis and the facts it was made from. */
import {diagnose, type Diagnosis} from './diagnose.js';
import type {DiagnosisFacts} from './facts.js';

export interface DiagnoseReport extends Diagnosis {
	readonly container: {readonly id: string; readonly name: string; readonly image: string};
	readonly facts: DiagnosisFacts;
}

export interface DiagnoseResult {
	readonly mode: 'one' | 'all';
	readonly tail: number;
	readonly reports: readonly DiagnoseReport[];
}

export function report(facts: DiagnosisFacts): DiagnoseReport {
	return {container: {id: facts.container.id, name: facts.container.name, image: facts.container.image}, facts, ...diagnose(facts)};
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
