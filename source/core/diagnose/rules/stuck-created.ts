import {field} from '../helpers.js';
import type {Rule} from '../types.js';

/** Runtime messages we can explain, for containers that never started. */
const KNOWN: ReadonlyArray<{pattern: RegExp; meaning: string; fix: {description: string; command?: string}}> = [
	{
		pattern: /Requested CPUs are not available|cpuset/i,
		meaning: 'The container is pinned to CPUs (--cpuset-cpus) that this machine does not have.',
		fix: {description: 'Pin to CPUs that exist (see nproc), or drop --cpuset-cpus', command: 'docker update --cpuset-cpus 0 <container>'},
	},
	{
		pattern: /could not select device driver .* capabilities: \[\[gpu\]\]/i,
		meaning: 'The container asks for GPUs, but the engine has no GPU runtime (NVIDIA Container Toolkit) configured.',
		fix: {
			description: 'Install the NVIDIA Container Toolkit and restart Docker',
			command: 'sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker',
		},
	},
	{
		pattern: /error gathering device information|no such device|error creating device nodes/i,
		meaning: 'A --device that the container needs does not exist on this host.',
		fix: {description: 'Check the device path on the host', command: 'ls -l /dev'},
	},
	{
		pattern: /not a directory|Are you trying to mount a directory onto a file/i,
		meaning:
			'A bind mount puts a file onto a directory or a directory onto a file (often because the host path did not exist and Docker created a directory instead).',
		fix: {description: 'Make the host path the same kind (file or directory) as the path in the container'},
	},
	{
		pattern: /unknown or invalid runtime name/i,
		meaning: 'The container asks for a runtime (--runtime) the engine does not know.',
		fix: {description: 'List the runtimes the engine has', command: "docker info --format '{{json .Runtimes}}'"},
	},
	{
		pattern: /network .* not found/i,
		meaning: 'The network the container was attached to no longer exists.',
		fix: {description: 'Reconnect it to an existing network', command: 'docker network ls'},
	},
	{
		pattern: /cgroup|memory\.|pids\./i,
		meaning: 'The runtime could not apply a resource limit in the kernel cgroups.',
		fix: {description: 'Check the limits and the host cgroup setup', command: 'docker info --format "{{.CgroupVersion}} {{.CgroupDriver}}"'},
	},
];

export const stuckCreated: Rule = {
	id: 'stuck-created',
	description: 'The container is stuck in "created": the runtime failed to start it; the runtime message explained.',
	kind: 'fallback',
	basis: 'state',
	/** Recordings in test/fixtures/diagnose/ it must fire on, and must stay silent on. */
	cases: {fires: ['stuck-created', 'stuck-created-device', 'host-port-allocated'], silent: ['healthy-running', 'unexplained-exit']},
	diagnose(f) {
		if (f.state.status !== 'created') return null;
		const err = f.state.error;
		const known = KNOWN.find((k) => k.pattern.test(err));
		if (!err) {
			return {
				title: 'Created but never started',
				severity: 'info',
				confidence: 'high',
				evidence: [field(f, 'State.Status', 'created'), field(f, 'State.StartedAt', f.state.startedAt ?? '(never)')],
				explanation: 'The container exists (docker create, or docker compose create) but nobody started it. There is no error.',
				fixes: [{description: 'Start it', command: `docker start -a ${f.container.name}`}],
			};
		}
		const runtime = /OCI runtime (?:create|start) failed|container_linux\.go|starting container process/i.test(err);
		return {
			title: `Stuck in "created": ${known ? known.meaning.split(':')[0]!.replace(/\.$/, '') : 'the runtime failed to start it'}`,
			severity: 'error',
			confidence: known ? 'high' : 'medium',
			evidence: [field(f, 'State.Status', 'created'), field(f, 'State.Error', err), field(f, 'State.ExitCode', f.state.exitCode)],
			explanation:
				`Docker created the container, but ${runtime ? 'the OCI runtime (runc) failed while setting it up' : 'starting it failed'}, so its process never ran and there are no logs. The message above is the runtime's own. ` +
				(known ? known.meaning : 'Read it from the end: the last clause is usually the real cause.'),
			fixes: [
				...(known ? [{...known.fix, ...(known.fix.command ? {command: known.fix.command.replace('<container>', f.container.name)} : {})}] : []),
				{description: 'Try starting it again to see the error directly', command: `docker start -a ${f.container.name}`},
			],
		};
	},
};
