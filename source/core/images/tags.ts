/**
 * Tag rules for the user's own images (the guide's "no latest in production, semver tags"):
 * the reference given, or the tags the image carries when it was named by id.
 */

export interface TagFinding {
	readonly id: 'image-latest' | 'image-untagged';
	readonly message: string;
	readonly fix: string;
}

/** Split "registry:5000/team/app:1.2@sha256:..." into its name, tag and digest. */
export function parseReference(ref: string): {name: string; tag: string | null; digest: string | null} {
	let rest = ref;
	let digest: string | null = null;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
	}
	const slash = rest.lastIndexOf('/');
	const colon = rest.lastIndexOf(':');
	if (colon > slash) return {name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest};
	return {name: rest, tag: null, digest};
}

const ID = /^(sha256:)?[0-9a-f]{12,64}$/;

/**
 * The reference the engine looks up for `ref`: a name with neither tag nor digest means `name:latest`
 * (as `docker run foo` does); an id, an id prefix, a tagged name or a digest is looked up as given.
 */
export function impliedReference(ref: string): string {
	if (ID.test(ref) || /^[0-9a-f]{1,11}$/.test(ref)) return ref;
	const parsed = parseReference(ref);
	return parsed.tag === null && parsed.digest === null ? `${ref}:latest` : ref;
}

/**
 * `ref` is what the user named; `repoTags` what the engine says the image carries. Named by id
 * or digest, the image's own tags are judged; named by name, the tag in the name (none = latest).
 */
export function checkTags(ref: string, repoTags: readonly string[]): TagFinding[] {
	const byId = ID.test(ref) || /^[^:@]*@sha256:/.test(ref);
	const tags = byId ? repoTags.filter((t) => t !== '<none>:<none>').map((t) => parseReference(t).tag) : [parseReference(ref).tag];
	if (byId && tags.length === 0) {
		return [
			{
				id: 'image-untagged',
				message: 'The image has no tag: nothing says which release it is.',
				fix: 'Tag it with a version before shipping: docker tag <id> app:1.4.2 (semver, or the git sha).',
			},
		];
	}
	if (!byId && tags[0] === null) {
		return [
			{
				id: 'image-latest',
				message: `${ref} has no tag, which means :latest: a moving name, not a release.`,
				fix: `Tag the build with a version and run that: docker tag ${ref} ${ref}:1.0.0`,
			},
		];
	}
	if (tags.length > 0 && tags.every((t) => t === 'latest')) {
		return [
			{
				id: 'image-latest',
				message: 'The image is tagged only latest: a moving name, not a release.',
				fix: 'Tag it with a version (semver, or the git sha) and deploy that tag: docker tag app:latest app:1.4.2',
			},
		];
	}
	return [];
}
