/** Run the built CLI (dist/cli.js) as a user would, without a TTY. */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliRun {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

export function runCli(
	args: readonly string[],
	options: {env?: Record<string, string | undefined>; cwd?: string; input?: string; timeout?: number} = {},
): CliRun {
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries({...process.env, NO_COLOR: '1', ...options.env})) if (v !== undefined) env[k] = v;
	const r = spawnSync(process.execPath, [CLI, ...args], {
		encoding: 'utf8',
		env,
		cwd: options.cwd ?? ROOT,
		input: options.input ?? '',
		timeout: options.timeout ?? 60_000,
	});
	if (r.error) throw r.error;
	return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr};
}

export function runJson<T = any>(args: readonly string[], options: Parameters<typeof runCli>[1] = {}): {code: number; doc: T; stderr: string} {
	const r = runCli([...args, '--json'], options);
	let doc: T;
	try {
		doc = JSON.parse(r.stdout) as T;
	} catch {
		throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr.slice(0, 500)}`);
	}
	return {code: r.code, doc, stderr: r.stderr};
}
