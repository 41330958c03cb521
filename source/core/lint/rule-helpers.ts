/**
 * Small pure helpers shared by rules (engineer L2). Rules stay one file each; what several rules
 * need to agree on (which RUNs to look at, what counts as a version pin, which cache mount
 * satisfies a cleanup rule) lives here so it is decided once.
 */
import type {DockerfileModel, Instruction, ShellCommand, Stage} from './types.js';

/** Every RUN, including ONBUILD RUN triggers (reported at the ONBUILD line). */
export function runInstructions(file: DockerfileModel): Instruction[] {
	const out: Instruction[] = [];
	for (const ins of file.instructions) {
		if (ins.keyword === 'RUN') out.push(ins);
		else if (ins.keyword === 'ONBUILD' && ins.onbuild?.keyword === 'RUN') out.push(ins.onbuild);
	}
	return out;
}

export interface RunCommand {
	readonly instruction: Instruction;
	readonly command: ShellCommand;
	/** Index of the command inside its RUN. */
	readonly index: number;
}

/** Computed once per parsed file: most rules ask for it (L1: halves lint time over the corpus). */
const runCommandsCache = new WeakMap<DockerfileModel, RunCommand[]>();

/** Every simple shell command of every RUN (and ONBUILD RUN). The array is shared: do not mutate it. */
export function runCommands(file: DockerfileModel): RunCommand[] {
	const cached = runCommandsCache.get(file);
	if (cached) return cached;
	const out: RunCommand[] = [];
	runCommandsCache.set(file, out);
	for (const instruction of runInstructions(file)) {
		const cmds = instruction.shell?.commands ?? [];
		cmds.forEach((command, index) => out.push({instruction, command, index}));
	}
	return out;
}

/** Commands of one RUN. */
export function commandsOf(instruction: Instruction): readonly ShellCommand[] {
	return instruction.shell?.commands ?? [];
}

/** Normalise a path for comparison: no trailing slash, `~` is root's home. */
function normPath(p: string): string {
	let s = p.trim().replace(/^~(?=\/|$)/, '/root');
	while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
	return s;
}

/**
 * True if the RUN has a cache (or tmpfs) mount whose target is one of `paths` or a parent of one
 * of them: `--mount=type=cache,target=/var/cache/apt` satisfies `/var/cache/apt/archives`.
 */
export function hasCacheMount(instruction: Instruction, paths: readonly string[]): boolean {
	return instruction.mounts.some((m) => {
		if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) return false;
		const target = normPath(m.target);
		return paths.some((p) => {
			const want = normPath(p);
			return want === target || want.startsWith(target + '/') || target.startsWith(want + '/');
		});
	});
}

/** A value is a pin when it is a literal version or comes through a variable ($VERSION, ${PY_VER}). */
export function isDynamic(value: string): boolean {
	return /\$\{?[A-Za-z_]|\$\(|`/.test(value);
}

/** Operands that look like local files or paths, not package names. */
export function isPathLike(value: string): boolean {
	return /^(\.{1,2}\/|\/|~\/)/.test(value) || /\.(deb|rpm|apk|whl|tar\.gz|tgz|zip|gem|tar\.bz2)$/i.test(value);
}

/** The final stage (the image `docker build` produces without --target). */
export function finalStage(file: DockerfileModel): Stage | undefined {
	return file.stages.find((s) => s.final) ?? file.stages[file.stages.length - 1];
}

/** A stage and the stages it is built FROM, nearest first (FROM <stage> chains). */
export function stageChain(file: DockerfileModel, stage: Stage): Stage[] {
	const chain: Stage[] = [];
	const seen = new Set<Stage>();
	let cur: Stage | undefined = stage;
	while (cur && !seen.has(cur)) {
		chain.push(cur);
		seen.add(cur);
		const idx: number | undefined = cur.base.stageIndex;
		cur = idx === undefined ? undefined : file.stages[idx];
	}
	return chain;
}

/** Instructions of a stage of one keyword (ONBUILD triggers excluded). */
export function stageInstructions(stage: Stage, keyword: string): Instruction[] {
	return stage.instructions.filter((i) => i.keyword === keyword);
}

/** Last instruction of a keyword across the FROM <stage> chain, nearest stage first. */
export function lastInChain(file: DockerfileModel, stage: Stage, keyword: string): Instruction | undefined {
	for (const s of stageChain(file, stage)) {
		const found = stageInstructions(s, keyword);
		if (found.length > 0) return found[found.length - 1];
	}
	return undefined;
}

/** The stage whose FROM names the external image. */
export function externalBase(file: DockerfileModel, stage: Stage): Stage {
	const chain = stageChain(file, stage);
	return chain[chain.length - 1]!;
}

/** Each instruction of a keyword that replaces an earlier one in its stage, with the line it replaces. */
export function replacedInStage(file: DockerfileModel, keyword: string): Array<{line: number; replaces: number}> {
	const out: Array<{line: number; replaces: number}> = [];
	for (const s of file.stages) {
		const xs = stageInstructions(s, keyword);
		for (let k = 1; k < xs.length; k++) out.push({line: xs[k]!.line, replaces: xs[k - 1]!.line});
	}
	return out;
}

/** Split a `user[:group]` value. */
export function splitUser(value: string): {user: string; group: string | undefined} {
	const i = value.indexOf(':');
	return i < 0 ? {user: value, group: undefined} : {user: value.slice(0, i), group: value.slice(i + 1)};
}

/** Variable references in a text: $X, ${X}, ${X:-d}; `withDefault` tells whether a fallback is given. */
export function variableRefs(text: string, escape = '\\'): {name: string; withDefault: boolean; index: number}[] {
	const out: {name: string; withDefault: boolean; index: number}[] = [];
	const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		if (m.index > 0 && text[m.index - 1] === escape) continue;
		const name = m[1] ?? m[3]!;
		const mod = m[2] ?? '';
		out.push({name, withDefault: /^:?[-]/.test(mod), index: m.index});
	}
	return out;
}

/** Docker's predefined proxy ARGs, in both cases: usable in any stage without declaration. */
export const PROXY_ARGS: readonly string[] = [
	'HTTP_PROXY',
	'http_proxy',
	'HTTPS_PROXY',
	'https_proxy',
	'FTP_PROXY',
	'ftp_proxy',
	'NO_PROXY',
	'no_proxy',
	'ALL_PROXY',
	'all_proxy',
];

/** BuildKit's automatic platform ARGs (available in FROM without declaration). */
export const PREDEFINED_PLATFORM_ARGS: ReadonlySet<string> = new Set([
	'BUILDPLATFORM',
	'BUILDOS',
	'BUILDARCH',
	'BUILDVARIANT',
	'TARGETPLATFORM',
	'TARGETOS',
	'TARGETARCH',
	'TARGETVARIANT',
	'TARGETSTAGE',
]);

/** Docker's predefined proxy ARGs and BuildKit's build-time args usable without declaration. */
export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
	...PREDEFINED_PLATFORM_ARGS,
	...PROXY_ARGS,
	'BUILDKIT_SBOM_SCAN_STAGE',
	'BUILDKIT_SBOM_SCAN_CONTEXT',
	'SOURCE_DATE_EPOCH',
]);

/** Stages whose layers end up in the final image: the final stage and the stages it is built FROM. Shared per model: do not mutate. */
const shippedCache = new WeakMap<DockerfileModel, Set<number>>();
export function shippedStages(file: DockerfileModel): Set<number> {
	const cached = shippedCache.get(file);
	if (cached) return cached;
	const last = finalStage(file);
	const set = new Set(last ? stageChain(file, last).map((s) => s.index) : []);
	shippedCache.set(file, set);
	return set;
}

/** True if the instruction's layers ship in the final image (for cache-cleanup rules). */
export function isShipped(file: DockerfileModel, instruction: Instruction): boolean {
	return shippedStages(file).has(instruction.stageIndex);
}

/**
 * Where a command runs a package tool, normalised: `python3 -m pip install x`, `pip3 install x`,
 * `uv pip install x` all give {tool: 'pip', args: ['install', 'x']}.
 */
export function toolInvocation(c: ShellCommand): {tool: string; args: readonly string[]} | undefined {
	const values = c.args.map((a) => a.value);
	const name = c.name;
	if (/^pip(\d(\.\d+)?)?$/.test(name)) return {tool: 'pip', args: values};
	if (/^python(\d(\.\d+)?)?$/.test(name)) {
		const m = values.indexOf('-m');
		if (m >= 0 && /^pip\d?$/.test(values[m + 1] ?? '')) return {tool: 'pip', args: values.slice(m + 2)};
		return undefined;
	}
	if (name === 'uv' && values[0] === 'pip') return {tool: 'uv-pip', args: values.slice(1)};
	return {tool: name, args: values};
}

/** Flags of a tool that take a separate value, so that value is not mistaken for a package name. */
export function operandsOf(args: readonly string[], valueFlags: ReadonlySet<string>, startAfter = 1): string[] {
	const out: string[] = [];
	let skip = false;
	let seen = 0;
	for (const a of args) {
		if (skip) {
			skip = false;
			continue;
		}
		if (a.startsWith('-')) {
			if (!a.includes('=') && valueFlags.has(a)) skip = true;
			continue;
		}
		if (seen < startAfter) {
			seen++;
			continue;
		}
		out.push(a);
	}
	return out;
}

/** True if any command of the RUN is `rm` (or `find -delete`) of a path under one of `paths`. */
export function removesPath(instruction: Instruction, paths: readonly string[]): boolean {
	return commandsOf(instruction).some((c) => {
		if (c.name !== 'rm' && c.name !== 'find' && c.name !== 'rmdir') return false;
		return c.args.some((a) => paths.some((p) => a.value.replace(/^~/, '/root').startsWith(p)));
	});
}

/**
 * The first word after the program that is not an option. Unlike ShellCommand.subcommand this
 * never treats an option as taking the next word (`zypper -n install x` → 'install').
 */
export function firstOperand(c: ShellCommand): string | undefined {
	return c.args.find((a) => !a.value.startsWith('-'))?.value;
}
