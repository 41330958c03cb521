/** init's Result: what was detected, the files (with their diffs), what was written, built and verified. */
import type {VerifyResult} from '../images/verify.js';
import type {Finding} from '../setup/recommend.js';
import type {EnvVar} from '../templates/compose.js';
import type {ResolvedAnswers} from './plan.js';
import type {ProjectDetection} from './types.js';

export type InitFileStatus =
	/** Nothing there: it would be (or was) created. */
	| 'create'
	/** Something there and --force: replaced, the old one kept as a numbered backup. */
	| 'replace'
	/** Something there, no --force: left alone, and nothing was written. */
	| 'exists'
	/** Same content already there: nothing to do. */
	| 'unchanged'
	/** .env.example is never replaced: it may hold the team's own notes. */
	| 'kept';

export interface InitFile {
	readonly path: string;
	readonly purpose: string;
	readonly status: InitFileStatus;
	readonly bytes: number;
	readonly content: string;
	/** A unified diff against the file that is there (null when there is none, or it is the same). */
	readonly diff: string | null;
	/** After a write: where the previous file was kept. */
	readonly backup: string | null;
}

export interface InitTemplateSummary {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly stack: string;
	readonly source: 'shipped' | 'custom';
	/** The version flag it answers to (python, node, go, java), or null. */
	readonly runtimeFlag: string | null;
}

export interface InitBuild {
	readonly image: string;
	/** The image was built. */
	readonly built: boolean;
	/** Built and verify found no failure. */
	readonly ok: boolean;
	/** The builder's last 40 progress lines (steps, their output; the error when it failed). */
	readonly log: readonly string[];
	readonly seconds: number;
	/** `verify` on the built image (null when the build failed). */
	readonly verify: VerifyResult | null;
}

export interface InitResult {
	/** list: --list; dry-run: nothing written; preview: inside the app, before confirming; written: files are on disk; blocked: files exist, nothing written. */
	readonly mode: 'list' | 'dry-run' | 'preview' | 'written' | 'blocked';
	readonly directory: string;
	readonly detection: ProjectDetection | null;
	readonly template: {readonly id: string; readonly title: string; readonly source: 'shipped' | 'custom'; readonly dir: string} | null;
	readonly answers: ResolvedAnswers | null;
	readonly templates: readonly InitTemplateSummary[];
	readonly files: readonly InitFile[];
	readonly env: readonly EnvVar[];
	readonly notes: readonly string[];
	readonly findings: readonly Finding[];
	readonly build: InitBuild | null;
	readonly nextSteps: readonly string[];
}
