import {candidate, layer, type WasteRule} from './types.js';

/** Package-manager caches: directory prefix -> the cache mount target and the flag that avoids it. */
const CACHES: ReadonlyArray<{readonly re: RegExp; readonly tool: string; readonly avoid: string}> = [
	{re: /^(\/root|\/home\/[^/]+)\/\.cache\/pip\//, tool: 'pip', avoid: 'pip install --no-cache-dir'},
	{re: /^(\/root|\/home\/[^/]+)\/\.cache\/uv\//, tool: 'uv', avoid: 'UV_NO_CACHE=1'},
	{re: /^(\/root|\/home\/[^/]+)\/\.npm\/_cacache\//, tool: 'npm', avoid: 'npm ci && npm cache clean --force'},
	{re: /^(\/usr\/local\/share|\/root|\/home\/[^/]+)\/\.cache\/yarn\//, tool: 'yarn', avoid: 'yarn install --frozen-lockfile && yarn cache clean'},
	{re: /^(\/root|\/home\/[^/]+)\/\.cache\/go-build\//, tool: 'go', avoid: 'a multi-stage build that copies only the binary'},
	{re: /^(\/root|\/home\/[^/]+)\/\.cargo\/registry\//, tool: 'cargo', avoid: 'a multi-stage build that copies only the binary'},
	{re: /^(\/root|\/home\/[^/]+)\/\.m2\/repository\//, tool: 'maven', avoid: 'a multi-stage build that copies only the jar'},
	{re: /^(\/root|\/home\/[^/]+)\/\.gradle\/caches\//, tool: 'gradle', avoid: 'a multi-stage build that copies only the jar'},
	{re: /^\/var\/cache\/apk\//, tool: 'apk', avoid: 'apk add --no-cache'},
	{re: /^\/var\/cache\/apt\/archives\/.*\.deb$/, tool: 'apt', avoid: 'apt-get clean in the same RUN'},
];

function cache(path: string) {
	return CACHES.find((c) => c.re.test(path));
}

export const packageCache: WasteRule = {
	id: 'package-cache',
	title: 'package manager cache',
	match: (c) => cache(c.path) !== undefined,
	message: (c) => {
		const tool = cache(c.path)!.tool;
		return c.laterBy?.how === 'deleted'
			? `the ${tool} cache written by layer ${c.addedBy.index} was deleted in a later layer (${c.laterBy.index}): the bytes stay in layer ${c.addedBy.index}`
			: `the ${tool} cache from layer ${c.addedBy.index} was left behind in the image`;
	},
	fix: (c) => {
		const hit = cache(c.path)!;
		const dir = hit.re.exec(c.path)![0].replace(/\/$/, '');
		return `Use a cache mount so the cache never lands in a layer: RUN --mount=type=cache,target=${dir} ... (or ${hit.avoid})`;
	},
	cases: {
		hit: [
			candidate('/root/.cache/pip/http-v2/a/b', layer(3, 'RUN pip install -r requirements.txt')),
			candidate('/home/app/.npm/_cacache/index-v5/00/aa', layer(4, 'RUN npm ci')),
			candidate('/var/cache/apk/APKINDEX.tar.gz', layer(1, 'RUN apk add curl')),
			candidate('/var/cache/apt/archives/curl_8.0_amd64.deb', layer(1, 'RUN apt-get install -y curl'), {...layer(2, 'RUN apt-get clean'), how: 'deleted'}),
		],
		miss: [
			candidate('/usr/lib/python3/site-packages/pip/cache.py', layer(1, 'RUN pip install x')),
			candidate('/var/cache/apt/pkgcache.bin', layer(1, 'RUN apt-get update')),
		],
	},
};
