import {defineRule, type RuleFinding} from '../types.js';

const rule = defineRule({
	id: 'DH5002',
	slug: 'add-url-checksum',
	severity: 'warning',
	description: 'ADD downloads a remote URL without --checksum',
	equivalents: {},
	message: (url: string) =>
		`ADD ${url} downloads a file nobody verifies; add --checksum=sha256:<digest> (Dockerfile syntax 1.6+), or RUN curl -fsSLo file ${url} && echo "<sha256>  file" | sha256sum -c -.`,
	check({file}): RuleFinding[] {
		const out: RuleFinding[] = [];
		for (const ins of file.byKeyword('ADD')) {
			if (ins.flag('checksum')) continue;
			const words = ins.json ?? ins.words.map((w) => w.value);
			for (const src of words.slice(0, -1)) {
				// Git sources are pinned by commit (…#<sha>), not by --checksum.
				if (!/^https?:\/\//i.test(src) || /\.git(#|$)/.test(src)) continue;
				out.push({line: ins.line, message: rule.message(src)});
			}
		}
		return out;
	},
});
export default rule;
