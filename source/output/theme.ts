import {Chalk, type ChalkInstance} from 'chalk';

/** Semantic colour tokens. Every colour in the product comes from here. */
export interface Theme {
	readonly color: boolean;
	/** Columns plain text must fit (the terminal's, or COLUMNS); undefined in a pipe, where nothing is wrapped. */
	readonly width: number | undefined;
	ok(text: string): string;
	warn(text: string): string;
	error(text: string): string;
	dim(text: string): string;
	accent(text: string): string;
	bold(text: string): string;
	code(text: string): string;
	heading(text: string): string;
	/** Status glyphs that read without colour too. */
	readonly glyph: {ok: string; warn: string; fail: string; skip: string; info: string};
}

export function makeTheme(color: boolean, width?: number): Theme {
	const c: ChalkInstance = new Chalk({level: color ? 2 : 0});
	return {
		color,
		width,
		ok: (t) => c.green(t),
		warn: (t) => c.yellow(t),
		error: (t) => c.red(t),
		dim: (t) => c.dim(t),
		accent: (t) => c.cyan(t),
		bold: (t) => c.bold(t),
		code: (t) => c.cyan(t),
		heading: (t) => c.bold.underline(t),
		glyph: color
			? {ok: c.green('✔'), warn: c.yellow('!'), fail: c.red('✖'), skip: c.dim('-'), info: c.cyan('i')}
			: {ok: 'ok', warn: 'warn', fail: 'FAIL', skip: 'skip', info: 'info'},
	};
}

/**
 * Colour is on only for a terminal, and never when NO_COLOR is set (any value,
 * per no-color.org), with --no-color, --plain or --json. FORCE_COLOR forces it on.
 */
export function wantsColor(opts: {
	isTTY: boolean;
	env: Readonly<Record<string, string | undefined>>;
	noColor: boolean;
	plain: boolean;
	json: boolean;
}): boolean {
	if (opts.json || opts.plain || opts.noColor) return false;
	if (opts.env['NO_COLOR'] !== undefined && opts.env['NO_COLOR'] !== '') return false;
	const force = opts.env['FORCE_COLOR'];
	if (force !== undefined && force !== '0' && force !== 'false') return true;
	return opts.isTTY && opts.env['TERM'] !== 'dumb';
}
