import {runChecks, summarize, type ValidateResult} from '../core/setup/validate.js';
import {PROFILE_IDS, PROFILES, type Profile} from '../core/setup/profiles.js';
import {EXIT} from '../core/errors.js';
import {validateText} from '../output/validate.js';
import {gatherSetupFacts} from './setup-facts.js';
import {flagBool, flagString, type Command} from './types.js';

export const validate: Command<ValidateResult> = {
	name: 'validate',
	summary: 'Check that this machine and its Docker Engine can run your workload',
	description:
		'Runs every check against the real engine and host: engine and API version, socket permission,\nmemory, CPUs, swap, free disk on the Docker data root, what the engine itself can use,\nGPU runtime, storage and cgroup drivers, log rotation, shared memory and reclaimable disk.\nExit code 1 when a check fails (with --strict also on warnings), 3 when the engine is unreachable.',
	usage: 'docker-helper validate [--profile ai|general] [--strict]',
	examples: [
		'docker-helper validate',
		'docker-helper validate --profile general --strict',
		'docker-helper validate --json | jq \'.result.checks[] | select(.status != "ok")\'',
	],
	group: 'setup',
	args: [],
	flags: {
		profile: {type: 'string', default: 'ai', choices: PROFILE_IDS, placeholder: 'name', description: 'Thresholds to check against'},
		strict: {type: 'boolean', description: 'Fail (exit 1) on warnings too'},
	},
	menuOptions: ['profile'],
	async run(ctx, input) {
		const profile = PROFILES[(flagString(input, 'profile') ?? 'ai') as Profile['id']];
		const facts = await gatherSetupFacts(ctx);
		const checks = runChecks(facts, profile);
		return {
			profile: profile.id,
			strict: flagBool(input, 'strict'),
			endpoint: facts.endpoint,
			checks,
			summary: summarize(checks),
			engineUnreachable: facts.engine === null && facts.engineError !== null && /^ENGINE_/.test(facts.engineError.code),
		};
	},
	exitCode(result) {
		if (result.engineUnreachable) return EXIT.engine;
		if (result.summary.fail > 0) return EXIT.failure;
		if (result.strict && result.summary.warn > 0) return EXIT.failure;
		return EXIT.ok;
	},
	text: (result, theme) => validateText(result, theme),
};
