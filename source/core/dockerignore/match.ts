/**
 * Docker's .dockerignore matching (moby/patternmatcher), enough to reason about overlaps:
 * `*` any run of non-slash characters, `?` one, `[...]` a class, `**` any number of directories;
 * a pattern also matches everything below a matching directory. Pure.
 */

/**
 * A pattern in a canonical form so that spellings Docker treats alike compare equal:
 * `./x`, `/x`, `x/` and `x` all mean the root-level `x`; repeated slashes collapse;
 * a UTF-8 BOM and surrounding whitespace are dropped (Docker trims lines too).
 */
export function normalizePattern(line: string): string {
	let p = line.replace(/^\uFEFF/, '').trim();
	let negated = false;
	if (p.startsWith('!')) {
		negated = true;
		p = p.slice(1).trim();
	}
	p = p.replace(/\/{2,}/g, '/');
	while (p.startsWith('./')) p = p.slice(2);
	p = p.replace(/^\/+/, '');
	p = p.replace(/\/+$/, '');
	// Docker cleans patterns (filepath.Clean): `a/./b` is `a/b`, `a/../b` is `b`.
	if (p.includes('/.') || p.startsWith('..')) {
		const parts: string[] = [];
		for (const part of p.split('/')) {
			if (part === '.' || part === '') continue;
			if (part === '..') parts.pop();
			else parts.push(part);
		}
		p = parts.join('/');
	}
	return (negated ? '!' : '') + p;
}

const cache = new Map<string, RegExp>();

export function patternRegex(pattern: string): RegExp {
	const body = normalizePattern(pattern).replace(/^!/, '');
	const hit = cache.get(body);
	if (hit) return hit;
	let re = '^';
	for (let i = 0; i < body.length; i++) {
		const ch = body[i]!;
		if (ch === '*') {
			if (body[i + 1] === '*') {
				i++;
				if (body[i + 1] === '/') {
					i++;
					re += '(?:.*/)?';
				} else re += '.*';
			} else re += '[^/]*';
		} else if (ch === '?') re += '[^/]';
		else if (ch === '[') {
			const end = body.indexOf(']', i + 1);
			if (end === -1) re += '\\[';
			else {
				let cls = body.slice(i + 1, end).replace(/\\/g, '\\\\');
				if (cls.startsWith('!') || cls.startsWith('^')) cls = `^${cls.slice(1)}`;
				re += `[${cls}]`;
				i = end;
			}
		} else if (ch === '\\' && i + 1 < body.length) {
			re += body[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		} else re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	}
	re += '$';
	const compiled = new RegExp(re);
	cache.set(body, compiled);
	return compiled;
}

/** Does `pattern` (ignoring a leading `!`) match `file` or one of its parent directories? */
export function matches(pattern: string, file: string): boolean {
	const re = patternRegex(pattern);
	const parts = normalizePattern(file).split('/');
	for (let n = parts.length; n >= 1; n--) if (re.test(parts.slice(0, n).join('/'))) return true;
	return false;
}

/**
 * Is `file` excluded from the build context by these patterns (in file order)?
 * Docker applies them in order and the last match wins.
 */
export function isExcluded(patterns: readonly string[], file: string): boolean {
	let excluded = false;
	for (const p of patterns) {
		const neg = normalizePattern(p).startsWith('!');
		if (matches(p, file)) excluded = !neg;
	}
	return excluded;
}

/**
 * A concrete path the pattern matches, used to ask "does this file already exclude what the
 * pattern would?": `*` and `?` become `x`, a class its first character, and a leading `**\/`
 * a nested directory (so `**\/node_modules` is not mistaken as covered by a root-only entry).
 * Null when no simple witness exists (a negated character class).
 */
export function witness(pattern: string): string | null {
	let body = normalizePattern(pattern).replace(/^!/, '');
	body = body.replace(/^\*\*\//, 'x/');
	let out = '';
	for (let i = 0; i < body.length; i++) {
		const ch = body[i]!;
		if (ch === '*') {
			if (body[i + 1] === '*') i++;
			out += 'x';
		} else if (ch === '?') out += 'x';
		else if (ch === '[') {
			const end = body.indexOf(']', i + 1);
			if (end === -1) return null;
			const cls = body.slice(i + 1, end);
			if (cls.startsWith('!') || cls.startsWith('^') || cls.length === 0) return null;
			out += cls[0] === '\\' ? (cls[1] ?? 'x') : cls[0];
			i = end;
		} else if (ch === '\\' && i + 1 < body.length) out += body[++i];
		else out += ch;
	}
	return out.replace(/\/{2,}/g, '/');
}
