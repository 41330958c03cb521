/** Terminal renderings of knowledge documents (topics, guides, rule docs) and of the topic list. */
import type {DocListEntry, DocResult} from '../core/knowledge/catalog.js';
import {renderMarkdown} from './markdown.js';
import {makeTheme, type Theme} from './theme.js';

/** The "See also" section, generated from the front matter so it can never point nowhere. */
export function seeAlsoMarkdown(doc: DocResult): string {
	if (doc.related.length === 0) return '';
	return ['## See also', '', ...doc.related.map((r) => `- ${r.title}: \`docker-helper explain ${r.id}\``)].join('\n');
}

/** Prose width for printed output: the terminal's, within reason; 80 when not a terminal. */
export function printWidth(columns: number | undefined): number {
	return Math.max(40, Math.min(100, (columns ?? 80) - 1));
}

export function renderDoc(doc: DocResult, theme: Theme, options: {width: number; withTitle?: boolean}): string {
	const parts = [doc.markdown.trimEnd(), seeAlsoMarkdown(doc)].filter(Boolean).join('\n\n');
	const body = renderMarkdown(parts, theme, {width: options.width});
	if (options.withTitle === false) return body;
	const title = renderMarkdown(`# ${doc.title.replace(/([\\`*_[\]#])/g, '\\$1')}`, theme, {width: options.width});
	return `${title}\n${theme.dim(doc.summary)}\n\n${body}`;
}

/** Plain rendering (no colour) for --json. */
export function plainDoc(doc: DocResult): string {
	return renderDoc(doc, makeTheme(false), {width: 80});
}

export function renderDocList(entries: readonly DocListEntry[], theme: Theme, heading: string): string {
	const width = Math.max(...entries.map((e) => e.id.length), 4) + 2;
	const lines = [theme.heading(heading)];
	for (const e of entries) {
		const aliases = e.aliases.length ? theme.dim(` (${e.aliases.join(', ')})`) : '';
		lines.push(`  ${theme.accent(e.id.padEnd(width))}${e.summary}${aliases}`);
	}
	return lines.join('\n');
}
