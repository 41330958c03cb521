import {hasFailure, recommend as recommendFor, type RecommendResult} from '../core/setup/recommend.js';
import {WORKLOAD_IDS, WORKLOADS, type WorkloadId} from '../core/setup/workloads.js';
import {EXIT} from '../core/errors.js';
import {recommendText} from '../output/recommend.js';
import {gatherSetupFacts} from './setup-facts.js';
import {flagString, type Command, type Input} from './types.js';

export const workloadFlag = {
	type: 'string',
	default: 'ai-inference',
	choices: WORKLOAD_IDS,
	placeholder: 'kind',
	description: `What will run: ${WORKLOAD_IDS.map((id) => `${id} (${WORKLOADS[id].summary})`).join('; ')}`,
} as const;

export function workloadOf(input: Input): WorkloadId {
	return (flagString(input, 'workload') ?? 'ai-inference') as WorkloadId;
}

export const recommend: Command<RecommendResult> = {
	name: 'recommend',
	summary: 'Recommend memory, CPUs, swap, disk, shm and container limits for this machine',
	description:
		"Measures this host (and the engine's view of it: under Docker Desktop that is the VM) and derives,\nfor the chosen workload, the memory and CPUs to give Docker, swap, free disk, shm_size and the\nmain container's limits (memory, CPUs, pids), each with the reason behind it, and shows how to apply\nthem: Docker Desktop settings, daemon.json, docker run flags and a compose deploy.resources snippet.\nWhen the machine cannot meet the workload's minimum it says so and exits 1 instead of guessing.",
	usage: 'docker-helper recommend [--workload ai-inference|ai-training|web]',
	examples: [
		'docker-helper recommend',
		'docker-helper recommend --workload ai-training',
		"docker-helper recommend --workload web --json | jq '.result.settings.containerMemory'",
	],
	group: 'setup',
	args: [],
	flags: {workload: workloadFlag},
	menuOptions: ['workload'],
	async run(ctx, input) {
		const facts = await gatherSetupFacts(ctx, {diskUsage: false});
		const rec = recommendFor(facts, WORKLOADS[workloadOf(input)]);
		return {
			...rec,
			endpoint: facts.endpoint,
			measured: {
				host: {
					memory: facts.host.memory.total,
					cpus: facts.host.cpus.logical,
					swap: facts.host.memory.swapTotal,
					platform: facts.host.os.platform,
					wsl: facts.host.os.wsl,
				},
				engine: facts.engine
					? {
							version: facts.engine.version,
							memory: facts.engine.memTotal,
							cpus: facts.engine.cpus,
							desktop: facts.engine.desktop,
							operatingSystem: facts.engine.operatingSystem,
						}
					: null,
			},
		};
	},
	exitCode: (result) => (hasFailure(result) ? EXIT.failure : EXIT.ok),
	text: (result, theme) => recommendText(result, theme),
};
