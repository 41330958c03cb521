/**
 * The lint contract. Rules (source/core/lint/rules/<slug>.ts) see a parsed
 * Dockerfile model and return line-numbered findings; everything else
 * (suppressions, severity overrides, thresholds, output) lives in the engine
 * (engine.ts) and never inside a rule.
 *
 * Lines and columns are 1-based everywhere (editors, SARIF, gnu format).
 */

export type Severity = 'error' | 'warning' | 'info' | 'style';
/** Most to least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** Reserved id for a file (or instruction) that cannot be parsed. Rules never use it. */
export const PARSE_ERROR_ID = 'DH0000';
export const PARSE_ERROR_SLUG = 'parse-error';
/** Reserved id for a file that parses but cannot build (no FROM, an instruction without arguments, no instructions). */
export const STRUCTURE_ERROR_ID = 'DH0001';
export const STRUCTURE_ERROR_SLUG = 'invalid-dockerfile';

export interface Equivalents {
	/** hadolint code(s), e.g. 'DL3008' — `# hadolint ignore=DL3008` then suppresses this rule too. */
	readonly hadolint?: string | readonly string[];
	/** BuildKit build-check name, e.g. 'JSONArgsRecommended'. */
	readonly buildkit?: string;
}

/** What a rule's check returns: where, and the specific message (built with the rule's message()). */
export interface RuleFinding {
	readonly line: number;
	readonly column?: number;
	readonly endLine?: number;
	readonly endColumn?: number;
	readonly message: string;
	/**
	 * Only for a rule that knows it is less sure in this case (e.g. "never sets USER" when the base
	 * image could not be checked). Config overrides still win over this.
	 */
	readonly severity?: Severity;
	/** 'inherited': the problem comes from the base image's config (seen through the engine). Default 'file'. */
	readonly origin?: 'file' | 'inherited';
}

// `any[]` (not unknown[]): a registry of rules with different message arguments must accept each of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Rule<A extends unknown[] = any[]> {
	/** Stable id used in ignore pragmas, config and JSON: DH1001... (DH0000 is reserved). */
	readonly id: string;
	/** Kebab-case; equals the rule's file name and its doc page content/rules/<slug>.md. */
	readonly slug: string;
	readonly severity: Severity;
	/** One line, generic. */
	readonly description: string;
	readonly equivalents: Equivalents;
	/** The message for one specific case. */
	readonly message: (...args: A) => string;
	/** Pure: no I/O. */
	check(ctx: RuleContext): RuleFinding[];
}

/** Identity helper so a rule file gets its message() argument types inferred. */
export function defineRule<A extends unknown[]>(rule: Rule<A>): Rule<A> {
	return rule;
}

/* ------------------------------------------------------------------ model */

export interface Directive {
	/** Lower-cased: 'syntax' | 'escape' | 'check' | other. */
	readonly name: string;
	readonly value: string;
	readonly line: number;
}

export interface Comment {
	readonly line: number;
	/** Text after '#', trimmed. */
	readonly text: string;
	/** True for a comment line inside a `\` continuation (Docker drops it). */
	readonly inContinuation: boolean;
}

export interface Flag {
	/** Without dashes, lower-cased: 'mount', 'from', 'chown', 'platform', 'link'... */
	readonly name: string;
	/** null for a bare `--link`. */
	readonly value: string | null;
	readonly line: number;
	readonly column: number;
}

/** `--mount=type=cache,target=/var/cache/apt,sharing=locked` parsed into key/values. */
export interface Mount {
	readonly type: string;
	readonly target: string | undefined;
	readonly options: Readonly<Record<string, string>>;
	readonly line: number;
}

export interface Heredoc {
	/** The delimiter word, e.g. EOF. */
	readonly name: string;
	/** Body without the closing delimiter line. Lines joined with '\n'. */
	readonly body: string;
	/** Line of the first body line (the line after the instruction's first line(s)). */
	readonly line: number;
	/** Line of the closing delimiter. */
	readonly endLine: number;
	/** `<<-EOF`: leading tabs are stripped. */
	readonly stripTabs: boolean;
	/** `<<'EOF'` / `<<"EOF"`: no variable expansion in the body. */
	readonly quoted: boolean;
	/** For COPY/ADD heredocs: the destination it is written to is the last argument. */
}

/** One argument word of an instruction (after flags, continuations joined, comments dropped). */
export interface Word {
	readonly value: string;
	readonly line: number;
	readonly column: number;
}

/** A shell word with its origin. `value` has quotes removed; `raw` is as written. */
export interface ShellWord {
	readonly value: string;
	readonly raw: string;
	readonly line: number;
	readonly column: number;
	/** Contains $VAR / ${VAR} / $(...) / `...` outside single quotes. */
	readonly dynamic: boolean;
}

/**
 * One simple command inside a RUN (or a heredoc fed to a shell), e.g. `apt-get install -y curl`.
 * Leading VAR=value assignments and wrappers (sudo, env, nice, time, exec, command, xargs...) are
 * stripped into `assignments` / `wrappers`; `sh -c "..."` bodies are parsed as commands too.
 */
export interface ShellCommand {
	/** Basename of the program: '/usr/bin/apt-get' → 'apt-get'. */
	readonly name: string;
	/** The program word as written. */
	readonly program: ShellWord;
	/** Every word after the program (flags and operands, in order), redirections removed. */
	readonly args: readonly ShellWord[];
	/** The args that start with '-' (as written, e.g. '-y', '--no-install-recommends', '-qy'). */
	readonly flags: readonly string[];
	/** The args that do not start with '-' ('install', 'curl=7.*'). Values of flags are included. */
	readonly operands: readonly string[];
	/** First operand, commonly the subcommand: 'install' for apt-get install. */
	readonly subcommand: string | undefined;
	readonly assignments: readonly string[];
	readonly wrappers: readonly string[];
	readonly line: number;
	readonly column: number;
	/** Operator that joins this command to the previous one ('&&', '||', ';', '|', '&', '\n'); undefined for the first. */
	readonly before: string | undefined;
	/** Operator after this command; undefined for the last. */
	readonly after: string | undefined;
	/** Part of a pipeline (`a | b`): true for both sides. */
	readonly piped: boolean;
	/** Redirection targets, e.g. ['/dev/null'] for `> /dev/null`. */
	readonly redirects: readonly string[];
	/**
	 * True if any of the given flags is present. Short flags match inside clusters:
	 * hasFlag('-y', '--yes') matches '-y', '-qy', '--yes', '--yes=true'.
	 */
	hasFlag(...names: string[]): boolean;
	/** Value of an option: '--target=x', '--target x', '-t x', '-tx'. */
	flagValue(...names: string[]): string | undefined;
	/** Operands after the subcommand (e.g. package names for `apt-get install`), flag values excluded when known. */
	readonly packages: readonly string[];
}

export interface ShellScript {
	readonly commands: readonly ShellCommand[];
	/** `set -o pipefail` (or `set -euo pipefail`) runs before a pipe, or the SHELL instruction sets it. */
	readonly pipefail: boolean;
	/** Shell syntax problems found while splitting (unterminated quote...). Rules may ignore these. */
	readonly problems: readonly string[];
}

export interface Instruction {
	/** Upper-cased keyword: 'RUN'. */
	readonly keyword: string;
	/** As written: 'run'. */
	readonly original: string;
	readonly line: number;
	readonly endLine: number;
	/** 1-based column of the keyword. */
	readonly column: number;
	/** Every source line of the instruction (including heredoc bodies and comment lines), verbatim. */
	readonly raw: string;
	/** Arguments text after the flags: continuations joined with a space, comment lines dropped, heredoc bodies excluded. */
	readonly args: string;
	/** Argument words split at whitespace (flags excluded, heredoc bodies excluded). */
	readonly words: readonly Word[];
	readonly flags: readonly Flag[];
	flag(name: string): Flag | undefined;
	/** RUN --mount flags, parsed. */
	readonly mounts: readonly Mount[];
	/** RUN/CMD/ENTRYPOINT/SHELL/COPY/ADD/VOLUME/HEALTHCHECK CMD: 'json' when a valid JSON array, else 'shell'. */
	readonly form: 'json' | 'shell';
	/** The JSON array when form === 'json'. */
	readonly json: readonly string[] | undefined;
	readonly heredocs: readonly Heredoc[];
	/** -1 for instructions before the first FROM (global ARGs). */
	readonly stageIndex: number;
	/** Lower-cased stage name, if the stage is named. */
	readonly stageName: string | undefined;
	/** ONBUILD's trigger, parsed as an instruction of its own (same line numbers). */
	readonly onbuild: Instruction | undefined;
	/** For RUN in shell form (and ONBUILD RUN): the commands, incl. heredoc scripts fed to a shell. */
	readonly shell: ShellScript | undefined;
	/** Variables in scope at this instruction (ARG and ENV), for substitution. */
	readonly scope: VariableScope;
	/** `args` with variables substituted from `scope`. */
	readonly expanded: string;
}

export interface VariableScope {
	/** Names in scope; value undefined = declared (ARG X) without a value / default. Built on first use (costs the number of names). */
	readonly vars: ReadonlyMap<string, string | undefined>;
	/** Substitute $X, ${X}, ${X:-default}, ${X:+alt}, ${X-default}. Unknown variables are listed. */
	expand(text: string): {readonly value: string; readonly unresolved: readonly string[]};
	has(name: string): boolean;
	/** The value of one variable (undefined: not in scope, or declared without a value). Cheap: prefer it to `vars`. */
	get(name: string): string | undefined;
}

export interface ImageRef {
	/** As written in FROM (before substitution). */
	readonly raw: string;
	/** After ARG substitution. */
	readonly expanded: string;
	/** Variables in FROM that have no value (undefined ARG / empty). */
	readonly unresolved: readonly string[];
	/** 'docker.io' when none is written. */
	readonly registry: string;
	/** Without registry and tag: 'library/node' is shown as 'node'. */
	readonly repository: string;
	readonly tag: string | undefined;
	readonly digest: string | undefined;
	/** 'scratch' */
	readonly scratch: boolean;
	/** The FROM names an earlier stage: its index. */
	readonly stageIndex: number | undefined;
}

export interface Stage {
	readonly index: number;
	/** Lower-cased `AS` name. */
	readonly name: string | undefined;
	/** `AS` name as written. */
	readonly nameOriginal: string | undefined;
	readonly from: Instruction;
	readonly base: ImageRef;
	/** `--platform` value, if any. */
	readonly platform: string | undefined;
	/** Instructions of the stage after FROM (FROM excluded). */
	readonly instructions: readonly Instruction[];
	readonly line: number;
	readonly endLine: number;
	/** True for the last stage (the image `docker build` produces without --target). */
	readonly final: boolean;
}

export interface ParseProblem {
	readonly line: number;
	readonly column?: number;
	readonly message: string;
	/** 'syntax' (DH0000): the parser rejects it; 'structure' (DH0001): it parses but cannot build. */
	readonly kind: 'syntax' | 'structure';
}

export interface DockerfileModel {
	readonly path: string;
	readonly source: string;
	/** Source lines without line endings (CRLF handled). lines[0] is line 1. */
	readonly lines: readonly string[];
	readonly escape: '\\' | '`';
	readonly directives: readonly Directive[];
	readonly comments: readonly Comment[];
	/** Every instruction in order, including global ARGs before the first FROM. */
	readonly instructions: readonly Instruction[];
	/** Instructions before the first FROM. */
	readonly globals: readonly Instruction[];
	readonly stages: readonly Stage[];
	/** Unparseable parts; each becomes a DH0000 finding. */
	readonly problems: readonly ParseProblem[];
	/** Instructions of a keyword (case-insensitive), in order, across stages. ONBUILD triggers excluded. */
	byKeyword(keyword: string): Instruction[];
	/** The stage an instruction belongs to. */
	stageOf(instruction: Instruction): Stage | undefined;
	/** A stage by name (case-insensitive) or index string. */
	findStage(nameOrIndex: string): Stage | undefined;
}

/* ------------------------------------------------------------ rule context */

/** A base image's config as the engine reports it (docker image inspect). */
export interface BaseImageInfo {
	readonly ref: string;
	readonly id: string;
	readonly user: string;
	readonly healthcheck: readonly string[] | undefined;
	readonly entrypoint: readonly string[] | undefined;
	readonly cmd: readonly string[] | undefined;
	readonly exposedPorts: readonly string[];
	readonly architecture: string;
	readonly os: string;
	readonly env: readonly string[];
	readonly workingDir: string;
	/** The engine's own architecture (docker version: Server.Arch), when known: a base of another one needs emulation. */
	readonly engineArchitecture?: string;
}

export interface LintOptions {
	/** Allowed registries for FROM (empty = no restriction). From .hadolint.yaml trustedRegistries or .docker-helper.yaml. */
	readonly trustedRegistries: readonly string[];
	/** Required labels and their schema kind, e.g. {maintainer: 'text', 'org.opencontainers.image.created': 'rfc3339'}. */
	readonly labelSchema: Readonly<Record<string, string>>;
	/** hadolint's strict-labels: labels outside labelSchema are reported too. */
	readonly strictLabels?: boolean;
	/** Other rule settings by rule slug, from config: lint.settings.<slug>: {...}. */
	readonly settings: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface RuleContext {
	readonly file: DockerfileModel;
	readonly options: LintOptions;
	/**
	 * The base image config of a stage, resolved through the engine:
	 * a BaseImageInfo when checked, null when the engine was asked but does not have it,
	 * undefined when no engine was used (the base image was not checked).
	 * For a stage built FROM another stage this follows the chain to the external image.
	 */
	base(stage: Stage): BaseImageInfo | null | undefined;
}

/* ----------------------------------------------------------------- results */

/** A finding after the engine applied suppressions and overrides: what outputs render. */
export interface Finding {
	readonly file: string;
	readonly line: number;
	readonly column?: number;
	readonly endLine?: number;
	readonly endColumn?: number;
	readonly id: string;
	readonly slug: string;
	readonly severity: Severity;
	readonly message: string;
	readonly equivalents: Equivalents;
	readonly origin: 'file' | 'inherited';
}
