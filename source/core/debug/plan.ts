/**
 * debug: the throwaway toolbox container for a target, as data. A running target's PID and network
 * namespaces are joined (its processes, its localhost, and its root filesystem under /proc/1/root);
 * a stopped one has none to join, so only its volumes are mounted and the banner says what cannot be
 * done. Nothing is ever committed. Pure.
 */
export interface DebugTarget {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly running: boolean;
	readonly status: string;
}

export interface ToolboxSpec {
	readonly name: string;
	readonly image: string;
	/** Empty: the image's default (a shell in a toolbox image). */
	readonly cmd: readonly string[];
	readonly tty: boolean;
	readonly stdin: boolean;
	/** container:<id> when the target runs; null otherwise. */
	readonly pidMode: string | null;
	readonly networkMode: string | null;
	readonly volumesFrom: readonly string[];
	readonly capAdd: readonly string[];
	readonly labels: Readonly<Record<string, string>>;
}

export interface DebugPlan {
	readonly target: DebugTarget;
	readonly toolbox: ToolboxSpec;
	/** The docker command that starts the same toolbox. */
	readonly equivalent: string;
	/** Shown before the shell or command starts. */
	readonly banner: readonly string[];
	/** What cannot be done for this target (a stopped one): said plainly. */
	readonly limits: readonly string[];
}

export const TARGET_LABEL = 'docker-helper.debug.target';

const quote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

export function debugPlan(target: DebugTarget, options: {image: string; cmd: readonly string[]; interactive: boolean; name: string}): DebugPlan {
	const running = target.running;
	const shell = options.cmd.length === 0;
	const toolbox: ToolboxSpec = {
		name: options.name,
		image: options.image,
		cmd: shell ? ['sh'] : [...options.cmd],
		tty: shell || options.interactive,
		stdin: shell || options.interactive,
		pidMode: running ? `container:${target.id}` : null,
		networkMode: running ? `container:${target.id}` : null,
		// A stopped container has no namespaces to join; its volumes are still there to look at.
		volumesFrom: running ? [] : [`${target.id}:ro`],
		// ptrace reading of /proc/1/root and /proc/<pid>/ of the target's processes (as docker debug does).
		capAdd: running ? ['SYS_PTRACE'] : [],
		labels: {[TARGET_LABEL]: target.id, 'docker-helper.debug': 'toolbox'},
	};
	const flags = [
		'--rm',
		toolbox.tty ? '-it' : '',
		`--name ${toolbox.name}`,
		toolbox.pidMode ? `--pid ${toolbox.pidMode.replace(target.id, target.name)}` : '',
		toolbox.networkMode ? `--network ${toolbox.networkMode.replace(target.id, target.name)}` : '',
		...toolbox.capAdd.map((c) => `--cap-add ${c}`),
		...toolbox.volumesFrom.map((v) => `--volumes-from ${v.replace(target.id, target.name)}`),
	].filter(Boolean);
	const equivalent = `docker run ${flags.join(' ')} ${toolbox.image}${shell ? '' : ` ${toolbox.cmd.map(quote).join(' ')}`}`;
	const limits = running
		? []
		: [
				`${target.name} is ${target.status}: it has no processes and no network to join, so ps, its localhost and /proc/1/root are not available.`,
				`Its volumes are mounted read-only at their usual paths. Its own files: docker cp ${target.name}:/path .  or  docker export ${target.name} | tar -t`,
				`To debug it running, start it (docker start ${target.name}) and run docker-helper debug ${target.name} again.`,
			];
	const banner = running
		? [
				`Toolbox ${toolbox.image} beside ${target.name} (${target.image}): its processes (ps) and its network (localhost) are shared.`,
				`Its root filesystem is under /proc/1/root (e.g. ls /proc/1/root/). The toolbox is removed when you leave.`,
				`Same as: ${equivalent}`,
			]
		: [`Toolbox ${toolbox.image} for stopped ${target.name}: nothing is committed.`, ...limits, `Same as: ${equivalent}`];
	return {target, toolbox, equivalent, banner, limits};
}

/** debug's Result: what ran, how it ended, and that the toolbox is gone. */
export interface DebugResult {
	readonly target: string;
	readonly toolbox: string;
	readonly image: string;
	readonly command: readonly string[];
	readonly exitCode: number;
	/** True once the engine confirmed the toolbox is gone. */
	readonly removed: boolean;
	readonly equivalent: string;
	readonly limits: readonly string[];
	/** Captured output with --json. */
	readonly stdout?: string;
	readonly stderr?: string;
	/** Set when the session ended because of a signal (SIGINT, SIGTERM, SIGHUP). */
	readonly interruptedBy?: string;
}
