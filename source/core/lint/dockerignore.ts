/**
 * .dockerignore matching with Docker's rules (moby/patternmatcher): patterns are relative to the
 * context root, a leading '/' is dropped, `*` and `?` do not cross '/', `**` matches any number of
 * directories, `!` re-includes, the last matching pattern wins, and a pattern that matches a
 * directory excludes everything below it.
 */
export interface IgnoreRule {
	readonly negate: boolean;
	readonly re: RegExp;
	readonly pattern: string;
}

export function parseDockerignore(text: string): IgnoreRule[] {
	const rules: IgnoreRule[] = [];
	for (const rawLine of text.split(/\r?\n/)) {
		let line = rawLine.trim();
		if (line === '' || line.startsWith('#')) continue;
		let negate = false;
		if (line.startsWith('!')) {
			negate = true;
			line = line.slice(1).trim();
		}
		line = cleanPath(line);
		if (line === '' || line === '.') continue;
		rules.push({negate, re: new RegExp(`^${globToRegex(line)}(/.*)?$`), pattern: rawLine.trim()});
	}
	return rules;
}

function cleanPath(p: string): string {
	const parts: string[] = [];
	for (const part of p.replace(/\\/g, '/').split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return parts.join('/');
}

function globToRegex(glob: string): string {
	let re = '';
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i]!;
		if (c === '*') {
			if (glob[i + 1] === '*') {
				i++;
				if (glob[i + 1] === '/') {
					i++;
					re += '(?:.*/)?';
				} else re += '.*';
			} else re += '[^/]*';
		} else if (c === '?') re += '[^/]';
		else if (c === '[') {
			const end = glob.indexOf(']', i + 1);
			if (end < 0) re += '\\[';
			else {
				re += '[' + glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
				i = end;
			}
		} else if (c === '\\' && i + 1 < glob.length) {
			re += escapeRe(glob[++i]!);
		} else re += escapeRe(c);
	}
	return re;
}

function escapeRe(c: string): string {
	return /[.+^${}()|[\]\\]/.test(c) ? '\\' + c : c;
}

/** Is a path (relative to the context root, '/'-separated) ignored? */
export function isIgnored(rules: readonly IgnoreRule[], relPath: string): boolean {
	const p = cleanPath(relPath);
	let ignored = false;
	for (const r of rules) if (r.re.test(p)) ignored = !r.negate;
	return ignored;
}
