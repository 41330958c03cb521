/** Terminal renderings of knowledge documents (topics, guides, rule docs) and of the topic list. */
import type {DocListEntry, DocResult, ExplainResult} from '../core/knowledge/catalog.js';
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

/** The text rendering of explain and the guides. */
export function explainText(result: ExplainResult, theme: Theme, width: number): string {
	if (result.mode === 'list') {
		if (result.collection === 'rules') {
			if (result.entries.length === 0) return 'No lint rule documents are installed.';
			return `${renderDocList(result.entries, theme, 'Lint rules')}\n\n${theme.dim('Show one: docker-helper explain <rule id or slug>')}`;
		}
		const parts = [renderDocList(result.entries, theme, 'Topics')];
		if (result.guides.length > 0) parts.push(renderDocList(result.guides, theme, 'Guides'));
		parts.push(theme.dim('Show one: docker-helper explain <topic>   ·   every topic: docker-helper explain all   ·   rule docs: --list --rules'));
		return parts.join('\n\n');
	}
	const rule = theme.dim('─'.repeat(Math.min(width, 60)));
	return result.docs.map((d) => renderDoc(d, theme, {width})).join(`\n\n${rule}\n\n`);
}

/** --json: a document's front matter, its Markdown body and its plain-text rendering. */
export function explainJson(result: ExplainResult): unknown {
	if (result.mode === 'list') return result;
	return {mode: 'docs', docs: result.docs.map((d) => ({...d, text: plainDoc(d)}))};
}
