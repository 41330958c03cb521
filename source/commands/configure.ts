import path from 'node:path';
import {checkWriteTarget, readText, writeFileSafe} from '../adapters/files.js';
import {
	CONFIG_FILES,
	configure as configureFor,
	detectPlatform,
	PLATFORMS,
	type ConfigFileId,
	type ConfigureResult,
	type Platform,
} from '../core/setup/configure.js';
import {recommend} from '../core/setup/recommend.js';
import {WORKLOADS} from '../core/setup/workloads.js';
import {EXIT, HelperError} from '../core/errors.js';
import {configureText} from '../output/configure.js';
import {workloadFlag, workloadOf} from './recommend.js';
import {gatherSetupFacts} from './setup-facts.js';
import {flagBool, flagString, type Command} from './types.js';

export const configure: Command<ConfigureResult> = {
	name: 'configure',
	summary: 'Show the Docker Desktop / engine configuration for this platform (daemon.json, .wslconfig)',
	description:
		"Turns recommend's numbers into configuration for the detected platform: Docker Desktop Resources\nsettings on macOS and Windows, the .wslconfig limits for WSL 2, and for a Linux engine a daemon.json\nwith log rotation, default ulimits, storage driver, live-restore and default shm size. An existing\ndaemon.json is merged, never replaced: your keys stay, and every change is listed. Files are shown,\nnot written, unless --write <path> is given (an existing file is replaced only with --force; the old\none is kept as a numbered backup, <path>.bak, .bak.2 ...; a symbolic link is never written through).",
	usage: 'docker-helper configure [--platform auto|linux|macos|windows] [--workload <kind>] [--write <path> [--file daemon.json|.wslconfig] [--force]]',
	examples: [
		'docker-helper configure',
		'docker-helper configure --platform windows --workload ai-training',
		'docker-helper configure --write ./daemon.json && sudo cp ./daemon.json /etc/docker/daemon.json',
		'sudo docker-helper configure --write /etc/docker/daemon.json --force',
	],
	group: 'setup',
	args: [],
	flags: {
		platform: {
			type: 'string',
			default: 'auto',
			choices: ['auto', ...PLATFORMS],
			placeholder: 'name',
			description: 'Platform to configure for (auto: detected from this host and engine)',
		},
		workload: workloadFlag,
		write: {type: 'string', placeholder: 'path', description: 'Write the file to this path instead of only showing it'},
		file: {
			type: 'string',
			choices: CONFIG_FILES,
			placeholder: 'name',
			description: 'Which file --write writes (default: .wslconfig on Windows, daemon.json elsewhere)',
		},
		force: {type: 'boolean', description: 'With --write: replace an existing file (kept as a numbered backup, <path>.bak ...); its mode is kept'},
	},
	async run(ctx, input) {
		const facts = await gatherSetupFacts(ctx, {diskUsage: false});
		const detected = detectPlatform(facts);
		const chosen = flagString(input, 'platform') ?? 'auto';
		const platform =
			chosen === 'auto'
				? detected
				: {platform: chosen as Platform, why: `--platform ${chosen}`, wsl: chosen === 'windows' || (chosen === 'linux' && detected.wsl)};
		const rec = recommend(facts, WORKLOADS[workloadOf(input)]);
		const target = flagString(input, 'write');
		const fileId = (flagString(input, 'file') as ConfigFileId | undefined) ?? (platform.platform === 'windows' ? '.wslconfig' : 'daemon.json');
		if (flagString(input, 'file') && !target)
			throw new HelperError('USAGE', '--file only says which file --write writes.', 'Add --write <path>, or leave --file out to see every file.');
		if (flagBool(input, 'force') && !target) throw new HelperError('USAGE', '--force only applies with --write <path>.', 'Add --write <path>.');

		// Merge into what is there: the --write target if it exists, else the local engine's daemon.json.
		let existingDaemon: {path: string; raw: Record<string, unknown> | null} | null = null;
		let existingWslConfig: {path: string; text: string} | null = null;
		const resolved = target ? path.resolve(ctx.cwd, target) : null;
		if (resolved && (await checkWriteTarget(resolved, '--write'))) {
			const text = await readText(resolved);
			if (fileId === 'daemon.json') existingDaemon = {path: resolved, raw: parseJsonObject(text)};
			else existingWslConfig = {path: resolved, text};
		} else if (facts.daemonConfig) {
			existingDaemon = {path: facts.daemonConfig.path, raw: facts.daemonConfig.raw ? {...facts.daemonConfig.raw} : null};
		}
		const out = configureFor({facts, recommendation: rec, platform, existingDaemon, existingWslConfig});

		let written: ConfigureResult['written'] = null;
		if (resolved) {
			const file = out.files.find((f) => f.id === fileId);
			if (!file && fileId === 'daemon.json' && existingDaemon?.raw === null) {
				throw new HelperError(
					'FILE_UNREADABLE',
					`${existingDaemon.path} is not a valid JSON object; nothing can be merged into it, and it was left untouched.`,
					`Fix it first (python3 -m json.tool ${existingDaemon.path} shows where), then run configure again.`,
					{path: existingDaemon.path},
				);
			}
			const failure = out.findings.find((f) => f.severity === 'fail');
			if (!file && !failure) {
				throw new HelperError(
					'USAGE',
					`There is no ${fileId} to write for ${platform.platform}.`,
					`Choose --file ${out.files.map((f) => f.id).join(' or ')}, or another --platform.`,
				);
			}
			// Without numbers (the machine is below the workload's minimum) nothing is written: the findings say why, exit 1.
			if (file) {
				const outcome = await writeFileSafe(resolved, file.content, {
					force: flagBool(input, 'force'),
					outputFlag: '--write',
					flagHint: `Pass --force to replace it with the merged result (see: docker-helper configure; the old file is kept as a numbered backup, ${target}.bak ...).`,
				});
				written = {...outcome, file: fileId};
			}
		}
		return {platform: platform.platform, platformWhy: platform.why, workload: rec.workload, feasible: rec.feasible, endpoint: facts.endpoint, ...out, written};
	},
	exitCode: (result) => (result.findings.some((f) => f.severity === 'fail') ? EXIT.failure : EXIT.ok),
	text: (result, theme) => configureText(result, theme),
};

function parseJsonObject(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}
