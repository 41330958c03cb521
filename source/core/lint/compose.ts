/**
 * lint on a compose file: the tag rules for the images its services run or build (the user's own
 * images, not only FROM): from-latest, from-untagged and registry-allowlist, with the same ids,
 * config (ignored, severity overrides, trustedRegistries) and output as for Dockerfiles.
 * Pure: takes the file's text; `parse` is the yaml package's parseDocument, passed in so that
 * lint's start-up does not load it for Dockerfiles.
 */
import type {LintConfig} from './config.js';
import {codeMatches} from './engine.js';
import fromLatest from './rules/from-latest.js';
import fromUntagged from './rules/from-untagged.js';
import registryAllowlist, {allowed} from './rules/registry-allowlist.js';
import {parseReference} from '../images/tags.js';
import type {Finding, Rule} from './types.js';

export function isComposeFileName(name: string): boolean {
	return /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/i.test(name);
}

interface YamlNode {
	readonly range?: readonly [number, number, number];
	toJSON?(): unknown;
}
interface YamlDocument {
	readonly errors: ReadonlyArray<{readonly message: string; readonly linePos?: ReadonlyArray<{line: number; col: number}>}>;
	getIn(path: readonly unknown[], keepScalar?: boolean): unknown;
	toJS(): unknown;
}
export type ParseDocument = (source: string) => YamlDocument;

function lineOf(source: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
	return line;
}

function registryOf(image: string): {registry: string; repository: string} {
	const parts = image.split('@')[0]!.split('/');
	const first = parts[0]!;
	const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
	return {registry: hasHost ? first : 'docker.io', repository: (hasHost ? parts.slice(1) : parts).join('/').replace(/:[^/]*$/, '')};
}

export function lintCompose(
	source: string,
	file: string,
	config: LintConfig,
	parse: ParseDocument,
): {findings: Finding[]; parseErrors: number; problems: string[]} {
	const doc = parse(source);
	if (doc.errors.length > 0) {
		const e = doc.errors[0]!;
		return {
			findings: [
				{
					file,
					line: e.linePos?.[0]?.line ?? 1,
					id: 'DH0000',
					slug: 'parse-error',
					severity: 'error',
					message: `not valid YAML: ${e.message.split('\n')[0]}`,
					equivalents: {},
					origin: 'file',
				},
			],
			parseErrors: 1,
			problems: [],
		};
	}
	const js = doc.toJS() as {services?: Record<string, {image?: unknown}>} | null;
	const findings: Finding[] = [];
	const emit = (rule: Rule, line: number, message: string) => {
		if (config.ignored.some((c) => codeMatches(rule, c))) return;
		const override = Object.entries(config.overrides).find(([c]) => codeMatches(rule, c))?.[1];
		if (override === 'off') return;
		findings.push({file, line, id: rule.id, slug: rule.slug, severity: override ?? rule.severity, message, equivalents: rule.equivalents, origin: 'file'});
	};
	for (const [service, spec] of Object.entries(js?.services ?? {})) {
		const image = spec?.image;
		if (typeof image !== 'string' || image.includes('${')) continue;
		const node = doc.getIn(['services', service, 'image'], true) as YamlNode | undefined;
		const line = node?.range ? lineOf(source, node.range[0]) : 1;
		const ref = parseReference(image);
		if (ref.digest === null && ref.tag === null)
			emit(fromUntagged, line, `service ${service}: image ${image} has no tag, so it means latest; pin the version you tested (${image}:1.2.3).`);
		else if (ref.digest === null && ref.tag?.toLowerCase() === 'latest')
			emit(fromLatest, line, `service ${service}: image ${image} uses the latest tag, which moves; pin the version you tested.`);
		if (config.trustedRegistries.length > 0) {
			const r = registryOf(image);
			if (!allowed(r, config.trustedRegistries))
				emit(
					registryAllowlist,
					line,
					`service ${service}: ${image} comes from ${r.registry}, which is not a trusted registry (${config.trustedRegistries.join(', ')}).`,
				);
		}
	}
	return {findings, parseErrors: 0, problems: []};
}
