import {defineRule, type RuleFinding} from '../types.js';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|gz|bz2|xz|zst)$/i;

const rule = defineRule({
	id: 'DH5001',
	slug: 'add-instead-of-copy',
	severity: 'warning',
	description: 'ADD is used for local files or folders; COPY is clearer',
	equivalents: {hadolint: 'DL3020'},
	message: (srcs: readonly string[]) =>
		`ADD ${srcs.join(' ')} only copies local files; use COPY, which does exactly that (ADD also unpacks archives and fetches URLs, which surprises readers).`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const ins of file.byKeyword('ADD')) {
			if (ins.heredocs.length > 0) continue;
			const words = ins.json ?? ins.words.map((w) => w.value);
			const srcs = words.slice(0, -1).map((s) => (ins.json ? s : s.replace(/^(["'])(.*)\1$/, '$2')));
			if (srcs.length === 0) continue;
			// URLs, git repositories, archives (auto-extracted) and variables are ADD's real jobs.
			if (srcs.some((s) => /^[a-z][a-z0-9+.-]*:\/\/|^git@|\.git(#|$)/i.test(s) || ARCHIVE.test(s) || s.includes('$') || /[*?[]/.test(s))) continue;
			out.push({line: ins.line, message: rule.message(srcs)});
		}
		return out;
	},
});
export default rule;
