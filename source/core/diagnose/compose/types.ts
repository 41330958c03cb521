/** Compose-project diagnosis: rules that relate the failures of one project's services to each other. */
import type {DiagnosisFacts} from '../facts.js';
import type {Finding} from '../types.js';
import type {ComposeModel} from './model.js';

export interface ProjectMember {
	readonly service: string;
	readonly facts: DiagnosisFacts;
	/** diagnose's verdict on the container alone. */
	readonly failed: boolean;
}

export interface ProjectFacts {
	readonly name: string;
	readonly members: readonly ProjectMember[];
	/** The project's compose file as its labels name it, when it could be read; null otherwise. */
	readonly model: ComposeModel | null;
}

export interface ProjectRule {
	readonly id: string;
	readonly description: string;
	diagnose(p: ProjectFacts): Array<Omit<Finding, 'id'>>;
}
