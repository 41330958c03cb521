/**
 * Container and image references checked before they reach the Engine API, so that '', '..',
 * 'a/../b' or 'rel%2dsecrets' are the user's typo (a usage error) and never a path the engine
 * cleans, redirects or decodes into another object. Pure.
 */

/** Longest reference accepted: the registry grammar's own limit on a whole reference. */
export const MAX_REF_LENGTH = 255;

export type RefCheck = {readonly ok: true; readonly ref: string} | {readonly ok: false; readonly reason: string};

/** docker's container name grammar ([a-zA-Z0-9][a-zA-Z0-9_.-]*, an optional leading slash), which also covers ids and id prefixes. */
const CONTAINER = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function checkContainerRef(ref: string): RefCheck {
	if (ref === '') return {ok: false, reason: 'the container name is empty'};
	if (ref.length > MAX_REF_LENGTH) return {ok: false, reason: `the container name is longer than ${MAX_REF_LENGTH} characters`};
	if (!CONTAINER.test(ref)) {
		return {ok: false, reason: `'${printable(ref)}' is not a container name or id (letters, digits, and _ . - after the first character)`};
	}
	return {ok: true, ref: ref.replace(/^\//, '')};
}

// The distribution/reference grammar (what `docker pull` accepts), plus image ids.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const IMAGE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
const IMAGE_ID = /^(?:sha256:)?[0-9a-f]{1,64}$/;

export function checkImageRef(ref: string): RefCheck {
	if (ref === '') return {ok: false, reason: 'the image reference is empty'};
	if (ref.length > MAX_REF_LENGTH) return {ok: false, reason: `the image reference is longer than ${MAX_REF_LENGTH} characters`};
	if (IMAGE_ID.test(ref) || IMAGE.test(ref)) return {ok: true, ref};
	const hint = /[A-Z]/.test(ref.split('/').pop()!.split(':')[0]!) ? ' (repository names are lowercase)' : '';
	return {ok: false, reason: `'${printable(ref)}' is not an image reference${hint}: expected [registry/]name[:tag][@digest] or an image id`};
}

/** One path segment for the API, encoded: nothing in it can end the segment or start a query. */
export function pathSegment(value: string): string {
	return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%40/g, '@');
}

/** An image reference for /images/{name}: each '/'-separated part encoded, the slashes kept (the route takes them). */
export function imagePath(ref: string): string {
	return ref.split('/').map(pathSegment).join('/');
}

/** For messages: control characters shown escaped, long values cut. */
function printable(value: string): string {
	const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
	return shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
