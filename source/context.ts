/** Builds the Context a command runs with: lazy engine and host adapters, sinks, progress. */
import {Engine} from './adapters/docker.js';
import {dockerConfigDir, listContextNames, lookupContext, readCurrentContext} from './adapters/docker-config.js';
import {createHostAdapter, type HostAdapter} from './adapters/host.js';
import {askYesNo} from './adapters/terminal.js';
import type {Context, Sink} from './commands/types.js';
import {resolveEndpoint, type Endpoint} from './core/endpoint.js';
import {HelperError, usageError} from './core/errors.js';
import {makeTheme, type Theme} from './output/theme.js';
import {textWidth} from './output/wrap.js';

export interface EngineSelection {
	readonly host?: string;
	readonly context?: string;
}

export function endpointFor(env: Readonly<Record<string, string | undefined>>, selection: EngineSelection): Endpoint {
	const configDir = dockerConfigDir(env);
	const current = readCurrentContext(configDir);
	const result = resolveEndpoint({
		...(selection.host ? {flagHost: selection.host} : {}),
		...(selection.context ? {flagContext: selection.context} : {}),
		env,
		...(current ? {currentContext: current} : {}),
		configDir,
		platform: process.platform,
		lookupContext: (name) => lookupContext(configDir, name),
		contextNames: () => listContextNames(configDir),
	});
	if (!result.ok) throw new HelperError(result.code, result.message, result.hint);
	return result.endpoint;
}

/** DOCKER_HELPER_TIMEOUT: seconds every engine call may take (default: the adapter's own deadlines). */
export function engineOptions(env: Readonly<Record<string, string | undefined>>): {deadlineMs?: number} {
	const raw = env['DOCKER_HELPER_TIMEOUT'];
	if (raw === undefined || raw === '') return {};
	const seconds = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
	if (!(seconds > 0 && seconds <= 3600))
		throw usageError(
			`DOCKER_HELPER_TIMEOUT must be a number of seconds from 0.1 to 3600; got '${raw}'.`,
			'Example: DOCKER_HELPER_TIMEOUT=30 docker-helper diagnose --all',
		);
	return {deadlineMs: Math.max(100, Math.round(seconds * 1000))};
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createContext(
	io: {env: Readonly<Record<string, string | undefined>>; cwd: string; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; stdinIsTTY: boolean},
	selection: EngineSelection,
	options: {interactive: boolean; progress: boolean; theme?: Theme; signal?: AbortSignal},
): Context {
	let endpoint: Endpoint | undefined;
	let connectedTo: Endpoint | undefined;
	let engine: Promise<Engine> | undefined;
	let host: HostAdapter | undefined;
	let frame = 0;
	let shown = false;
	const showProgress = options.progress && !options.interactive && io.stderr.isTTY === true;
	const sink = (stream: NodeJS.WriteStream): Sink => ({
		write: (chunk) => void stream.write(chunk),
		isTTY: stream.isTTY === true,
		drained: () => (stream.writableNeedDrain ? new Promise((resolve) => stream.once('drain', () => resolve())) : Promise.resolve()),
	});
	return {
		cwd: io.cwd,
		env: io.env,
		async endpoint() {
			endpoint ??= endpointFor(io.env, selection);
			return endpoint;
		},
		engine() {
			engine ??= (async () => {
				endpoint ??= endpointFor(io.env, selection);
				const connected = await Engine.connect(endpoint, engineOptions(io.env));
				connectedTo = endpoint;
				return connected;
			})();
			return engine;
		},
		connectedEndpoint: () => connectedTo,
		async host() {
			host ??= createHostAdapter();
			return host;
		},
		stdout: sink(io.stdout),
		stderr: sink(io.stderr),
		stdinIsTTY: io.stdinIsTTY,
		confirm: (question: string) => askYesNo(question),
		progress(message: string) {
			if (!showProgress) return;
			if (message === '') {
				if (shown) io.stderr.write('\r\u001B[K');
				shown = false;
				return;
			}
			shown = true;
			io.stderr.write(`\r\u001B[K${SPINNER[frame++ % SPINNER.length]} ${message}`);
		},
		width: () => textWidth(io.env, io.stdout),
		signal: options.signal ?? new AbortController().signal,
		interactive: options.interactive,
		theme: options.theme ?? makeTheme(false),
	};
}
