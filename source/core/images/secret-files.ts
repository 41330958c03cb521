/**
 * Secret-looking files in image layers: private keys, .env files, credentials files, registry
 * tokens in package-manager configs. Judged from the path, and for config files that may or may
 * not hold a token, from their content (the adapter reads only the files `wantsContent` asks for,
 * bounded in size). Values are never reported: a finding names the file and the kind of secret.
 */

export interface SecretFileKind {
	readonly id: string;
	readonly title: string;
	/** Matches the absolute path inside the image. */
	readonly path: RegExp;
	/** When set, the file is a secret only if its content matches (a config file without a token is fine). */
	readonly content?: RegExp;
	readonly fix: string;
	/** Paths that must and must not be reported, with content where the kind reads it. */
	readonly cases: {readonly hit: ReadonlyArray<readonly [string, string?]>; readonly miss: ReadonlyArray<readonly [string, string?]>};
}

const BUILD_SECRET =
	'Pass it at build time with a secret mount (RUN --mount=type=secret,id=...), never COPY it: a later rm does not remove it from the earlier layer.';

export const SECRET_FILE_KINDS: readonly SecretFileKind[] = [
	{
		id: 'private-key',
		title: 'private key',
		path: /\/(id_rsa|id_dsa|id_ecdsa|id_ed25519)$|\.(pem|key)$/,
		content: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/,
		fix: BUILD_SECRET,
		cases: {
			hit: [
				['/root/.ssh/id_rsa', '-----BEGIN OPENSSH PRIVATE KEY-----\nabc'],
				['/app/server.key', '-----BEGIN RSA PRIVATE KEY-----\n'],
				['/app/tls.pem', '-----BEGIN PRIVATE KEY-----'],
			],
			miss: [
				['/etc/ssl/certs/ca.pem', '-----BEGIN CERTIFICATE-----'],
				['/root/.ssh/id_rsa.pub', 'ssh-rsa AAAA'],
				['/app/key.txt', '-----BEGIN PRIVATE KEY-----'],
			],
		},
	},
	{
		id: 'dotenv',
		title: '.env file',
		path: /\/\.env(\.(?!example$|sample$|template$|dist$|defaults$)[\w.-]+)?$/,
		fix: 'Keep .env out of the build context (.dockerignore: .env*) and pass settings at run time (docker run --env-file, compose env_file).',
		cases: {hit: [['/app/.env'], ['/srv/.env.production']], miss: [['/app/.env.example'], ['/app/env.js'], ['/app/.envrc.d']]},
	},
	{
		id: 'cloud-credentials',
		title: 'cloud credentials file',
		path: /\/\.aws\/credentials$|\/application_default_credentials\.json$|\/\.azure\/accessTokens\.json$|\/\.kube\/config$|\/\.git-credentials$|\/\.netrc$/,
		fix: BUILD_SECRET,
		cases: {
			hit: [
				['/root/.aws/credentials'],
				['/home/app/.config/gcloud/application_default_credentials.json'],
				['/root/.git-credentials'],
				['/root/.netrc'],
				['/root/.kube/config'],
			],
			miss: [['/root/.aws/config'], ['/usr/share/doc/netrc']],
		},
	},
	{
		id: 'npm-token',
		title: 'npm or yarn registry token',
		path: /\/\.npmrc$|\/\.yarnrc(\.yml)?$/,
		content: /_authToken\s*[=:]|_auth\s*=|npmAuthToken\s*:/,
		fix: 'Use a secret mount for the token (RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci), never COPY .npmrc with a token.',
		cases: {
			hit: [
				['/app/.npmrc', '//registry.npmjs.org/:_authToken=npm_abc\n'],
				['/root/.yarnrc.yml', 'npmAuthToken: "x"'],
			],
			miss: [['/app/.npmrc', 'registry=https://registry.npmjs.org/\n']],
		},
	},
	{
		id: 'pypi-token',
		title: 'PyPI or pip index credentials',
		path: /\/\.pypirc$|\/pip\.conf$|\/pip\.ini$/,
		content: /^\s*password\s*=|https?:\/\/[^\s/:@]+:[^\s/@]+@/m,
		fix: 'Use a secret mount for index credentials (RUN --mount=type=secret,id=pip,target=/etc/pip.conf pip install ...).',
		cases: {
			hit: [
				['/root/.pypirc', '[pypi]\nusername = __token__\npassword = pypi-abc\n'],
				['/etc/pip.conf', '[global]\nindex-url = https://u:p@pkgs.example.com/simple\n'],
			],
			miss: [['/etc/pip.conf', '[global]\nno-cache-dir = true\n']],
		},
	},
	{
		id: 'docker-auth',
		title: 'registry login (docker config.json)',
		path: /\/\.docker\/config\.json$/,
		content: /"auth"\s*:\s*"[^"]+"|"identitytoken"\s*:/,
		fix: 'Never copy ~/.docker/config.json into an image; use a secret mount when a build step needs a registry login.',
		cases: {
			hit: [['/root/.docker/config.json', '{"auths":{"r.io":{"auth":"dXNlcjpwYXNz"}}}']],
			miss: [['/root/.docker/config.json', '{"auths":{"r.io":{}},"credsStore":"desktop"}']],
		},
	},
];

/** Largest file whose content is read for a check: config files are small, and this bounds memory. */
export const MAX_CONTENT_BYTES = 64 * 1024;

/** Whether the adapter should read this regular file's content for secretKinds(). */
export function wantsContent(path: string, size: number): boolean {
	return size > 0 && size <= MAX_CONTENT_BYTES && SECRET_FILE_KINDS.some((k) => k.content !== undefined && k.path.test(path));
}

/** The secret kinds a file is, from its path and (where the kind reads it) its content. */
export function secretKind(path: string, content: string | undefined): SecretFileKind | undefined {
	return SECRET_FILE_KINDS.find((k) => k.path.test(path) && (k.content === undefined || (content !== undefined && k.content.test(content))));
}
