// Types for scripts/diagnose-scenarios.mjs (plain JS so that node runs it without a build).
export interface Scenario {
	readonly id: string;
	readonly expect: string | null;
	readonly simulated?: string;
	readonly images?: readonly string[];
	readonly timeoutMs?: number;
	/** Floods the engine's event history: run last, alone. */
	readonly flood?: boolean;
	/** Wait this long after `until` holds (evidence that builds up while running). */
	readonly settleMs?: number;
	start(name: string, track: (x: {container?: string; network?: string; volume?: string; path?: string}) => void): unknown;
	until(inspect: any): boolean;
}
export const FIXTURE: string;
export const IMAGES: readonly string[];
export const SCENARIOS: readonly Scenario[];
export function imageTag(name: string): string;
export function docker(args: readonly string[], options?: {allowFail?: boolean; input?: string}): string;
export function dockerAsync(args: readonly string[], options?: {allowFail?: boolean}): Promise<string>;
export function buildImages(names?: readonly string[]): void;
export function waitFor(name: string, until: (inspect: any) => boolean, timeoutMs?: number): Promise<any>;
export function startScenarios<T>(
	list: readonly Scenario[],
	nameFor: (s: Scenario) => string,
	onReady?: (s: Scenario, name: string) => Promise<T>,
	concurrency?: number,
): Promise<{
	results: Array<{status: 'fulfilled'; value: T} | {status: 'rejected'; reason: Error}>;
	extra: Array<{container?: string; network?: string; volume?: string; path?: string}>;
}>;
export function floodEvents(prefix: string, cycles?: number, concurrency?: number): Promise<void>;
export function cleanup(names: readonly string[], extra: ReadonlyArray<{container?: string; network?: string; volume?: string; path?: string}>): void;
