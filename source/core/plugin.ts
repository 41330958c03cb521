/**
 * docker-helper as a Docker CLI plugin (`docker helper ...`): the metadata the docker CLI asks for,
 * the shim it runs, and the translation of the docker CLI's own global options, which it passes to
 * a plugin in front of the plugin's name: `docker --context X helper validate` runs
 * `docker-helper --context X helper validate` with DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND set.
 */

export const PLUGIN_NAME = 'helper';
export const PLUGIN_FILE = 'docker-helper';
/** The line that marks a shim as docker-helper's own: only such a file is replaced or removed. */
export const SHIM_MARKER = '# docker-helper CLI plugin shim';

export interface PluginMetadata {
	readonly SchemaVersion: '0.1.0';
	readonly Vendor: string;
	readonly Version: string;
	readonly ShortDescription: string;
	readonly URL: string;
}

export function pluginMetadata(version: string): PluginMetadata {
	return {
		SchemaVersion: '0.1.0',
		Vendor: 'docker-helper',
		Version: version,
		ShortDescription: 'Docker expert assistant: validate, diagnose, lint, analyze',
		URL: 'https://www.npmjs.com/package/docker-helper',
	};
}

/** A POSIX sh shim that runs this install of docker-helper with the Node that installed it. */
export function shimScript(nodePath: string, cliPath: string): string {
	const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
	return `#!/bin/sh\n${SHIM_MARKER}: written by \`docker-helper plugin install\`, removed by \`docker-helper plugin uninstall\`.\nexec ${q(nodePath)} ${q(cliPath)} "$@"\n`;
}

export function isOwnShim(text: string): boolean {
	return text.split('\n', 3).some((line) => line.startsWith(SHIM_MARKER));
}

export type PluginArgv =
	| {readonly ok: true; readonly argv: readonly string[]; readonly env: Readonly<Record<string, string>>}
	| {readonly ok: false; readonly message: string; readonly hint: string};

/** The docker CLI's global options that take a value (docker --help), short and long. */
const VALUED: Readonly<Record<string, string>> = {
	'--config': 'config',
	'-c': 'context',
	'--context': 'context',
	'-H': 'host',
	'--host': 'host',
	'-l': 'log-level',
	'--log-level': 'log-level',
	'--tlscacert': 'tlscacert',
	'--tlscert': 'tlscert',
	'--tlskey': 'tlskey',
};
const SWITCHES: Readonly<Record<string, string>> = {'-D': 'debug', '--debug': 'debug', '--tls': 'tls', '--tlsverify': 'tlsverify'};

/**
 * The docker CLI's argv for the plugin → docker-helper's argv and the environment it implies.
 * Global options before the plugin name become docker-helper's --context/--host or the variables
 * the docker CLI itself reads (DOCKER_CONFIG, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH).
 */
export function pluginArgv(argv: readonly string[], dirname: (file: string) => string = defaultDirname): PluginArgv {
	const out: string[] = [];
	const env: Record<string, string> = {};
	const tlsFiles: Record<string, string> = {};
	let i = 0;
	for (; i < argv.length; i++) {
		const token = argv[i]!;
		if (token === PLUGIN_NAME) break;
		const eq = token.indexOf('=');
		const name = token.startsWith('--') && eq > 0 ? token.slice(0, eq) : token;
		const what = VALUED[name];
		if (what) {
			const value = name !== token ? token.slice(eq + 1) : argv[++i];
			if (value === undefined) return {ok: false, message: `${name} needs a value.`, hint: `Give it as docker ${name} <value> helper ...`};
			if (what === 'context') out.push('--context', value);
			else if (what === 'host') out.push('--host', value);
			else if (what === 'config') env['DOCKER_CONFIG'] = value;
			else if (what.startsWith('tls')) tlsFiles[what] = value;
			continue;
		}
		const flag = SWITCHES[name];
		if (flag) {
			if (flag === 'tlsverify') env['DOCKER_TLS_VERIFY'] = '1';
			else if (flag === 'tls') env['DOCKER_TLS'] = '1';
			continue;
		}
		return {
			ok: false,
			message: `docker-helper does not know the docker option ${token} in front of "helper".`,
			hint: 'Put docker-helper\'s own options after "helper": docker helper <command> [options]',
		};
	}
	if (i >= argv.length)
		return {ok: false, message: 'The docker CLI ran docker-helper as a plugin without the plugin name.', hint: 'Run it as: docker helper <command>'};
	// The docker CLI takes the three files one by one; docker-helper, like DOCKER_CERT_PATH, takes their directory.
	const files = Object.entries(tlsFiles);
	if (files.length > 0) {
		const dirs = new Set(files.map(([, f]) => dirname(f)));
		const standard = files.every(([k, f]) => f.endsWith(k === 'tlscacert' ? '/ca.pem' : k === 'tlscert' ? '/cert.pem' : '/key.pem'));
		if (dirs.size !== 1 || !standard) {
			return {
				ok: false,
				message: 'docker-helper reads TLS files as ca.pem, cert.pem and key.pem from one directory.',
				hint: 'Put them in one directory under those names and pass: DOCKER_CERT_PATH=<dir> docker --tlsverify helper ...',
			};
		}
		env['DOCKER_CERT_PATH'] = [...dirs][0]!;
		if (!env['DOCKER_TLS']) env['DOCKER_TLS_VERIFY'] = '1';
	}
	return {ok: true, argv: [...out, ...argv.slice(i + 1)], env};
}

function defaultDirname(file: string): string {
	const at = file.lastIndexOf('/');
	return at <= 0 ? (at === 0 ? '/' : '.') : file.slice(0, at);
}

/** What `plugin install` / `plugin uninstall` did. */
export interface PluginResult {
	readonly action: 'install' | 'uninstall';
	/** The shim's path: <cli-plugins dir>/docker-helper. */
	readonly path: string;
	readonly outcome: 'installed' | 'updated' | 'unchanged' | 'replaced-foreign' | 'removed' | 'not-installed';
	/** The foreign file kept when --force replaced it. */
	readonly backup?: string;
	/** What the shim runs. */
	readonly runs?: {readonly node: string; readonly cli: string};
}
