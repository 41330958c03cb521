/** A command's parsed input: positionals and flags, as main.ts (or the app) hands them to run(). */
export type FlagValue = string | boolean | number | string[] | undefined;
export type Flags = Readonly<Record<string, FlagValue>>;

export interface Input {
	readonly args: readonly string[];
	readonly flags: Flags;
}

export function flagString(input: Input, name: string): string | undefined {
	const value = input.flags[name];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

export function flagBool(input: Input, name: string): boolean {
	return input.flags[name] === true;
}

export function flagNumber(input: Input, name: string): number | undefined {
	const value = input.flags[name];
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
