/**
 * Tag hygiene for local images, from the rules the linter applies to FROM: a `latest`-only tag
 * (DH1002 from-latest), no tag at all (DH1001 from-untagged), a registry outside the configured
 * allowlist (DH1004 registry-allowlist), and one the linter cannot see: a tag that is not semver
 * in a repository whose other local tags are. Pure.
 */
import {allowed} from '../lint/rules/registry-allowlist.js';
import fromLatest from '../lint/rules/from-latest.js';
import fromUntagged from '../lint/rules/from-untagged.js';
import registryAllowlist from '../lint/rules/registry-allowlist.js';

export interface TagFinding {
	/** The lint rule id it shares (DH1001, DH1002, DH1004), or 'tag-not-semver'. */
	readonly rule: string;
	readonly slug: string;
	readonly message: string;
}

export interface ParsedTag {
	readonly registry: string;
	/** The repository without registry and tag: library names keep their short form (nginx). */
	readonly repository: string;
	readonly tag: string;
}

/** `ghcr.io/org/app:1.2` → {ghcr.io, org/app, 1.2}; `nginx:latest` → {docker.io, nginx, latest}. */
export function parseTag(ref: string): ParsedTag {
	const at = ref.lastIndexOf(':');
	const slash = ref.lastIndexOf('/');
	const name = at > slash ? ref.slice(0, at) : ref;
	const tag = at > slash ? ref.slice(at + 1) : 'latest';
	const parts = name.split('/');
	const first = parts[0]!;
	const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
	return {registry: hasHost ? first : 'docker.io', repository: (hasHost ? parts.slice(1) : parts).join('/'), tag};
}

const SEMVER = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function isSemver(tag: string): boolean {
	return SEMVER.test(tag);
}

/**
 * Findings for one image's tags. `semverRepos` are the repositories (registry/repository) where at
 * least one local tag is semver; `trusted` is the registry allowlist (empty: not checked).
 */
export function tagHygiene(tags: readonly string[], context: {readonly semverRepos: ReadonlySet<string>; readonly trusted: readonly string[]}): TagFinding[] {
	if (tags.length === 0) {
		return [
			{
				rule: fromUntagged.id,
				slug: fromUntagged.slug,
				message: 'No tag: nothing names this image, so nothing can pin it (tag it, or remove it if it is left over from a build).',
			},
		];
	}
	const out: TagFinding[] = [];
	const parsed = tags.map(parseTag);
	if (parsed.every((t) => t.tag === 'latest')) {
		out.push({
			rule: fromLatest.id,
			slug: fromLatest.slug,
			message: `Only the latest tag (${tags.join(', ')}): it moves with every build; tag the version too (e.g. ${parsed[0]!.repository}:1.0.0).`,
		});
	}
	for (const t of parsed) {
		const repo = `${t.registry}/${t.repository}`;
		if (t.tag !== 'latest' && !isSemver(t.tag) && context.semverRepos.has(repo)) {
			out.push({
				rule: 'tag-not-semver',
				slug: 'tag-not-semver',
				message: `${t.repository}:${t.tag} is not a semver tag, while other tags of ${t.repository} are (MAJOR.MINOR.PATCH).`,
			});
		}
	}
	if (context.trusted.length > 0) {
		const outside = [...new Set(parsed.filter((t) => !allowed(t, context.trusted)).map((t) => t.registry))];
		for (const registry of outside) {
			out.push({
				rule: registryAllowlist.id,
				slug: registryAllowlist.slug,
				message: `From ${registry}, which is not in the trusted registries (${context.trusted.join(', ')}).`,
			});
		}
	}
	return out;
}

/** The repositories (registry/repository) with at least one semver tag among these. */
export function semverRepositories(allTags: readonly string[]): Set<string> {
	const out = new Set<string>();
	for (const ref of allTags) {
		const t = parseTag(ref);
		if (isSemver(t.tag)) out.add(`${t.registry}/${t.repository}`);
	}
	return out;
}
