import {loadCatalog} from '../adapters/knowledge.js';
import {HelperError} from '../core/errors.js';
import {type DocListEntry, type DocResult, inCollection, resolve, suggestDocs, toDocResult, toListEntry} from '../core/knowledge/catalog.js';
import {didYouMean} from '../core/suggest.js';
import {plainDoc, printWidth, renderDoc, renderDocList} from '../output/knowledge.js';
import type {Theme} from '../output/theme.js';
import {flagBool, type Command} from './types.js';

export type ExplainResult =
	| {readonly mode: 'list'; readonly collection: 'topics' | 'rules'; readonly entries: readonly DocListEntry[]; readonly guides: readonly DocListEntry[]}
	| {readonly mode: 'docs'; readonly docs: readonly DocResult[]};

export const explain: Command<ExplainResult> = {
	name: 'explain',
	summary: 'Explain a Docker concept: layers, volumes, networking, PID 1, OOM, …',
	description:
		'Prints a topic written for people who run containers in production: what happens, why, and the exact\ncommands to see it for yourself. Topic names accept aliases (cow → copy-on-write), and lint rule ids or\nslugs (DH1001) show that rule\'s documentation. In a terminal, with no topic, opens a topic menu.\nExit code 2 for an unknown topic (with suggestions).',
	usage: 'docker-helper explain [<topic>… | all] [--list [--rules]]',
	examples: ['docker-helper explain copy-on-write', 'docker-helper explain cow', 'docker-helper explain all | less -R', 'docker-helper explain --list', 'docker-helper explain pid1 --json | jq -r .result.docs[0].text'],
	group: 'knowledge',
	args: [
		{
			name: 'topic',
			description: "A topic id or alias, a lint rule id, or 'all'",
			variadic: true,
			choices: async () => {
				const catalog = await loadCatalog();
				const topics = inCollection(catalog, 'topics');
				const width = Math.max(...topics.map((t) => t.title.length)) + 1;
				return [...topics.map((t) => ({label: t.title.padEnd(width), value: t.id, hint: t.summary})), {label: 'All topics'.padEnd(width), value: 'all', hint: 'every topic, one after the other'}];
			},
		},
	],
	flags: {
		list: {type: 'boolean', description: 'List topic ids and summaries'},
		rules: {type: 'boolean', description: 'With --list: list the lint rule documents instead of the topics'},
	},
	opensApp: (input) => input.args.length === 0 && !flagBool(input, 'list') && !flagBool(input, 'rules'),
	async run(_ctx, input) {
		const catalog = await loadCatalog();
		if (flagBool(input, 'rules') && input.args.length === 0) {
			return {mode: 'list', collection: 'rules', entries: inCollection(catalog, 'rules').map(toListEntry), guides: []};
		}
		if (input.args.length === 0 || flagBool(input, 'list')) {
			if (input.args.length > 0) throw new HelperError('USAGE', '--list takes no topic.', 'Use docker-helper explain --list, or docker-helper explain <topic>.');
			return {mode: 'list', collection: 'topics', entries: inCollection(catalog, 'topics').map(toListEntry), guides: inCollection(catalog, 'guides').map(toListEntry)};
		}
		if (input.args.length === 1 && input.args[0]!.toLowerCase() === 'all') {
			return {mode: 'docs', docs: inCollection(catalog, 'topics').map((d) => toDocResult(catalog, d))};
		}
		const docs = input.args.map((query) => {
			const doc = resolve(catalog, query);
			if (doc) return toDocResult(catalog, doc);
			const close = suggestDocs(catalog, query);
			throw new HelperError('UNKNOWN_TOPIC', `No topic '${query}'.`, `${didYouMean(close)} See: docker-helper explain --list`.trim(), {topic: query, suggestions: close});
		});
		return {mode: 'docs', docs};
	},
	text: (result, theme) => explainText(result, theme, printWidth(process.stdout.isTTY ? process.stdout.columns : undefined)),
	json: (result) => explainJson(result),
	view: () => import('../ui/views/ExplainView.js'),
};

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

/** A guide command: the guide document from content/guides, shown like a topic. */
export function guideCommand(id: string, spec: {summary: string; description: string; examples: string[]}): Command<ExplainResult> {
	return {
		name: id,
		summary: spec.summary,
		description: spec.description,
		usage: `docker-helper ${id}`,
		examples: spec.examples,
		group: 'knowledge',
		args: [],
		flags: {},
		async run() {
			const catalog = await loadCatalog();
			const doc = catalog.docs.find((d) => d.collection === 'guides' && d.id === id);
			if (!doc) throw new Error(`docker-helper is missing content/guides/${id}.md`);
			return {mode: 'docs', docs: [toDocResult(catalog, doc)]};
		},
		text: (result, theme) => explainText(result, theme, printWidth(process.stdout.isTTY ? process.stdout.columns : undefined)),
		json: (result) => explainJson(result),
		view: () => import('../ui/views/GuideView.js'),
	};
}


