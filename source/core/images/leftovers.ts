/**
 * What a production image should not carry, judged from the files in its layers (never by asking
 * a shell that may not exist): compilers and build tools, package-manager caches, test frameworks.
 * One unit per kind, each with the paths that must and must not match.
 */

export interface LeftoverKind {
	readonly id: 'build-tools' | 'package-caches' | 'test-frameworks';
	readonly title: string;
	/** Matches an absolute path in the final filesystem; `label` names what it found. */
	readonly patterns: ReadonlyArray<{readonly re: RegExp; readonly label: string}>;
	readonly fix: string;
	readonly cases: {readonly hit: readonly string[]; readonly miss: readonly string[]};
}

const BIN = '(?:/usr/local/bin|/usr/bin|/bin|/usr/sbin|/sbin)';

export const LEFTOVER_KINDS: readonly LeftoverKind[] = [
	{
		id: 'build-tools',
		title: 'compilers and build tools',
		patterns: [
			{re: new RegExp(`^${BIN}/(gcc|cc|g\\+\\+|c\\+\\+|clang|clang\\+\\+|make|gmake|cmake|ld|as)(-[\\d.]+)?$`), label: 'compiler or build tool'},
			{re: new RegExp(`^${BIN}/(x86_64|aarch64)-linux-gnu-(gcc|g\\+\\+|ld)(-[\\d.]+)?$`), label: 'cross compiler'},
			{re: /^\/usr\/share\/doc\/build-essential\//, label: 'build-essential'},
			{re: /^\/var\/lib\/dpkg\/info\/build-essential\.list$/, label: 'build-essential'},
			{re: /^\/usr\/include\/(stdio|stdlib|linux\/[^/]+)\.h$/, label: 'C headers'},
			{re: /^\/usr\/lib\/gcc\/[^/]+\/[^/]+\/cc1(plus)?$/, label: 'gcc backend'},
		],
		fix: 'Build in a first stage (FROM ... AS build) and COPY --from=build only the artefacts; or remove the toolchain in the RUN that used it (apt-get purge -y build-essential && apt-get autoremove -y).',
		cases: {
			hit: [
				'/usr/bin/gcc',
				'/usr/bin/gcc-12',
				'/usr/bin/make',
				'/usr/local/bin/g++',
				'/usr/share/doc/build-essential/copyright',
				'/usr/include/stdio.h',
				'/usr/lib/gcc/x86_64-linux-gnu/12/cc1',
			],
			miss: ['/usr/bin/gcc-ar-notes.txt', '/usr/lib/libgcc_s.so.1', '/usr/bin/makedepend-doc', '/usr/include/python3.11/Python.h', '/app/make'],
		},
	},
	{
		id: 'package-caches',
		title: 'package manager caches',
		patterns: [
			{re: /^\/var\/cache\/apt\/archives\/[^/]+\.deb$/, label: 'apt archives'},
			{re: /^\/var\/lib\/apt\/lists\/[^/]+_(InRelease|Packages(\.\w+)?|Release)$/, label: 'apt lists'},
			{re: /^\/var\/cache\/apk\/[^/]+$/, label: 'apk cache'},
			{re: /^(\/root|\/home\/[^/]+)\/\.cache\/pip\//, label: 'pip cache'},
			{re: /^(\/root|\/home\/[^/]+)\/\.npm\/_cacache\//, label: 'npm cache'},
			{re: /^(\/usr\/local\/share|\/root|\/home\/[^/]+)\/\.cache\/yarn\//, label: 'yarn cache'},
			{re: /^\/var\/cache\/(yum|dnf)\//, label: 'yum/dnf cache'},
		],
		fix: 'Clean caches in the RUN that fills them (rm -rf /var/lib/apt/lists/*, apk add --no-cache, pip install --no-cache-dir), or use RUN --mount=type=cache so they never land in a layer.',
		cases: {
			hit: [
				'/var/cache/apt/archives/curl_8.0_amd64.deb',
				'/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease',
				'/root/.cache/pip/http/a',
				'/home/node/.npm/_cacache/index-v5/x',
				'/var/cache/apk/APKINDEX.abc.tar.gz',
			],
			miss: ['/var/lib/apt/lists/lock', '/var/cache/apt/archives/partial', '/usr/lib/node_modules/npm/lib/cache.js'],
		},
	},
	{
		id: 'test-frameworks',
		title: 'test frameworks',
		patterns: [
			{re: /\/site-packages\/(pytest|_pytest|nose|tox|hypothesis)\/__init__\.py$/, label: 'Python test framework'},
			{re: /\/node_modules\/(jest|mocha|vitest|jasmine|ava|@playwright\/test|cypress)\/package\.json$/, label: 'JavaScript test framework'},
			{re: /\/gems\/(rspec-core|minitest)-[\d.]+\/lib\//, label: 'Ruby test framework'},
		],
		fix: 'Install only production dependencies in the final stage (npm ci --omit=dev, pip install -r requirements.txt without the dev extras, bundle config set without test).',
		cases: {
			hit: [
				'/usr/local/lib/python3.12/site-packages/pytest/__init__.py',
				'/app/node_modules/jest/package.json',
				'/app/node_modules/@playwright/test/package.json',
			],
			miss: ['/app/node_modules/jest-worker-docs/README.md', '/usr/lib/python3/dist-packages/unittest_helpers/x.py', '/app/tests/test_app.py'],
		},
	},
];

/** For each kind, what it found (label -> example paths), in the final filesystem's paths. */
export function findLeftovers(paths: Iterable<string>): Array<{kind: LeftoverKind; found: Array<{label: string; path: string}>}> {
	const hits = new Map<LeftoverKind, Array<{label: string; path: string}>>();
	for (const path of paths) {
		for (const kind of LEFTOVER_KINDS) {
			const p = kind.patterns.find((x) => x.re.test(path));
			if (!p) continue;
			const list = hits.get(kind) ?? [];
			list.push({label: p.label, path});
			hits.set(kind, list);
		}
	}
	return LEFTOVER_KINDS.map((kind) => ({kind, found: hits.get(kind) ?? []}));
}
