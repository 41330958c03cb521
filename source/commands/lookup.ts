/**
 * Finding a command without loading all of them. The registry (./index.ts) imports every command
 * and, through them, yaml, the templates and the diagnose code: about a third of the start-up of
 * `lint` on one file (bench/RESULTS.md, "lint: whole process"). Commands that run once per CI job
 * over many files load alone; every other name, the help and the menu go through the registry.
 * test/commands/lookup.test.ts checks that each entry here is the registry's own command object.
 */
import type {AnyCommand} from './types.js';

export const loadRegistry = (): Promise<typeof import('./index.js')> => import('./index.js');

/** Commands loaded without the registry, by name. */
export const SOLO: Readonly<Record<string, () => Promise<AnyCommand>>> = {
	lint: async () => (await import('./lint.js')).lint as AnyCommand,
};

export async function lookupCommand(name: string): Promise<AnyCommand | undefined> {
	const solo = Object.hasOwn(SOLO, name) ? SOLO[name] : undefined;
	if (solo) return solo();
	return (await loadRegistry()).findCommand(name);
}
