import {HelperError} from '../core/errors.js';
import type {ExplainResult} from '../core/knowledge/catalog.js';
import {didYouMean} from '../core/suggest.js';
import {flagBool, type Command} from './types.js';
import type {Theme} from '../output/theme.js';

export type {ExplainResult};

/**
 * The YAML and Markdown libraries cost start-up time for every command, so the loader and the
 * renderer are imported on first use. run() always precedes text() and json().
 */
type Rendering = typeof import('../output/knowledge.js');
let rendering: Rendering | undefined;
async function knowledge() {
	const [adapter, catalog, output] = await Promise.all([
		import('../adapters/knowledge.js'),
		import('../core/knowledge/catalog.js'),
		import('../output/knowledge.js'),
	]);
	rendering = output;
	return {catalog: await adapter.loadCatalog(), ...catalog};
}
function rendered(): Rendering {
	if (!rendering) throw new Error('docker-helper: explain output requested before the knowledge was loaded');
	return rendering;
}
function width(theme: Theme): number {
	return rendered().printWidth(theme.width);
}

export const explain: Command<ExplainResult> = {
	name: 'explain',
	summary: 'Explain a Docker concept (layers, networking, OOM, …)',
	description:
		"Prints a topic written for people who run containers in production: what happens, why, and the exact\ncommands to see it for yourself. Topic names accept aliases (cow → copy-on-write), and lint rule ids or\nslugs (DH1001), hadolint codes (DL3008) and BuildKit check names (JSONArgsRecommended) show the\nmatching rule's documentation. In a terminal, with no topic, opens a topic menu.\nExit code 2 for an unknown topic (with suggestions).",
	usage: 'docker-helper explain [<topic>… | all] [--list [--rules]]',
	examples: [
		'docker-helper explain copy-on-write',
		'docker-helper explain cow',
		'docker-helper explain all | less -R',
		'docker-helper explain --list',
		'docker-helper explain pid1 --json | jq -r .result.docs[0].text',
	],
	group: 'knowledge',
	args: [
		{
			name: 'topic',
			description: "A topic id or alias, a lint rule id, or 'all'",
			variadic: true,
			choices: async (ctx) => {
				const {catalog, inCollection} = await knowledge();
				const topics = inCollection(catalog, 'topics');
				const width = Math.max(...topics.map((t) => t.title.length)) + 1;
				// One row per topic: the summary is cut to what the terminal has left beside the title.
				const room = Math.max(10, (ctx.width() ?? 80) - width - 6);
				const fit = (text: string) => (text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`);
				return [
					...topics.map((t) => ({label: t.title.padEnd(width), value: t.id, hint: fit(t.summary)})),
					{label: 'All topics'.padEnd(width), value: 'all', hint: fit('every topic, one after the other')},
				];
			},
		},
	],
	flags: {
		list: {type: 'boolean', description: 'List topic ids and summaries'},
		rules: {type: 'boolean', description: 'With --list: list the lint rule documents instead of the topics'},
	},
	opensApp: (input) => input.args.length === 0 && !flagBool(input, 'list') && !flagBool(input, 'rules'),
	async run(_ctx, input) {
		const {catalog, inCollection, toListEntry, toDocResult, resolveAll, suggestDocs, mentions} = await knowledge();
		if (flagBool(input, 'rules') && input.args.length === 0) {
			return {mode: 'list', collection: 'rules', entries: inCollection(catalog, 'rules').map(toListEntry), guides: []};
		}
		if (input.args.length === 0 || flagBool(input, 'list')) {
			if (input.args.length > 0)
				throw new HelperError('USAGE', '--list takes no topic.', 'Use docker-helper explain --list, or docker-helper explain <topic>.');
			return {
				mode: 'list',
				collection: 'topics',
				entries: inCollection(catalog, 'topics').map(toListEntry),
				guides: inCollection(catalog, 'guides').map(toListEntry),
			};
		}
		if (input.args.length === 1 && input.args[0]!.toLowerCase() === 'all') {
			return {mode: 'docs', docs: inCollection(catalog, 'topics').map((d) => toDocResult(catalog, d))};
		}
		const docs = input.args.flatMap((query) => {
			const found = resolveAll(catalog, query);
			if (found.length > 0) return found.map((doc) => toDocResult(catalog, doc));
			const close = suggestDocs(catalog, query);
			const mentioned = close.length === 0 ? mentions(catalog, query) : [];
			const hint = close.length > 0 ? didYouMean(close) : mentioned.length > 0 ? `Topics that mention '${query}': ${mentioned.join(', ')}.` : '';
			throw new HelperError('UNKNOWN_TOPIC', `No topic '${query}'.`, `${hint} See: docker-helper explain --list`.trim(), {
				topic: query,
				suggestions: close,
				mentions: mentioned,
			});
		});
		return {mode: 'docs', docs};
	},
	text: (result, theme) => rendered().explainText(result, theme, width(theme)),
	json: (result) => rendered().explainJson(result),
};

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
			const {catalog, toDocResult} = await knowledge();
			const doc = catalog.docs.find((d) => d.collection === 'guides' && d.id === id);
			if (!doc) throw new Error(`docker-helper is missing content/guides/${id}.md`);
			return {mode: 'docs', docs: [toDocResult(catalog, doc)]};
		},
		text: (result, theme) => rendered().explainText(result, theme, width(theme)),
		json: (result) => rendered().explainJson(result),
	};
}
