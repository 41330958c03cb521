/**
 * verify's Result and its pure checks: each check is a finding with evidence and a fix, like
 * diagnose. A check that could not run says why and is not a pass. The checks that need the
 * running container (start, health, HTTP, SIGTERM) are judged by the command from engine facts;
 * the ones here judge the image's config and files.
 */
import type {AnalyzeResult} from './analysis.js';
import type {ResolvedImage} from './archive.js';
import {stackLayers, walkFiles, type FsNode} from './fs-tree.js';
import {findLeftovers} from './leftovers.js';
import {isSecretEnvName} from '../redact.js';
import {formatBytes} from '../units.js';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface VerifyCheck {
	readonly id: string;
	readonly title: string;
	readonly status: CheckStatus;
	/** What was seen: fields, files, probe output, timings. Never a secret's value. */
	readonly evidence: readonly string[];
	/** Why it failed, or why it could not run. */
	readonly message: string;
	readonly fix?: string;
	/** The docker command that shows the same fact. */
	readonly command?: string;
}

export interface VerifyResult {
	readonly image: {readonly ref: string; readonly id: string; readonly user: string; readonly size: number};
	readonly container: {readonly name: string; readonly removed: boolean} | null;
	readonly checks: readonly VerifyCheck[];
	/** The diagnose rules' top finding on the container when a runtime check failed. */
	readonly diagnosis: {
		readonly id: string;
		readonly title: string;
		readonly severity: string;
		readonly evidence: readonly string[];
		readonly fixes: readonly string[];
	} | null;
	readonly summary: {readonly passed: number; readonly failed: number; readonly skipped: number};
}

export function summarize(checks: readonly VerifyCheck[]): VerifyResult['summary'] {
	return {
		passed: checks.filter((c) => c.status === 'pass').length,
		failed: checks.filter((c) => c.status === 'fail').length,
		skipped: checks.filter((c) => c.status === 'skip').length,
	};
}

/**
 * The final filesystem's files and the content of /etc/passwd as the top layer that wrote it left it.
 * `root` is the final tree when the caller has it already (the analysis stacks it), so it is not stacked twice.
 */
export function finalFiles(
	resolved: ResolvedImage,
	root: FsNode = stackLayers(resolved.layers.map((l) => l.blob.entries)),
): {paths: string[]; passwd: string | null} {
	const paths = [...walkFiles(root, '/')].map(([p]) => p);
	let passwd: string | null = null;
	for (const l of resolved.layers) if (l.blob.contents['/etc/passwd'] !== undefined) passwd = l.blob.contents['/etc/passwd']!;
	if (!paths.includes('/etc/passwd')) passwd = null;
	return {paths, passwd};
}

/** USER from the image config -> the uid it means, through the image's own /etc/passwd. */
export function resolveUser(user: string, passwd: string | null): {name: string; uid: number | null; known: boolean} {
	const spec = user.split(':')[0] ?? '';
	if (spec === '') return {name: 'root', uid: 0, known: true};
	if (/^\d+$/.test(spec)) {
		const uid = Number(spec);
		const row = passwd?.split('\n').find((l) => l.split(':')[2] === spec);
		return {name: row ? row.split(':')[0]! : spec, uid, known: true};
	}
	const row = passwd?.split('\n').find((l) => l.split(':')[0] === spec);
	return row ? {name: spec, uid: Number(row.split(':')[2]), known: true} : {name: spec, uid: null, known: false};
}

/** The image's USER: not root, and a name the image's /etc/passwd knows. `observedUid` is PID 1's uid in the running container. */
export function userCheck(ref: string, user: string, passwd: string | null, observedUid: number | null): VerifyCheck {
	const r = resolveUser(user, passwd);
	const evidence = [
		`Config.User = ${user === '' ? '(unset: root)' : user}`,
		...(r.uid !== null ? [`/etc/passwd: ${r.name} has uid ${r.uid}`] : []),
		...(observedUid !== null ? [`running PID 1 has uid ${observedUid}`] : []),
	];
	const command = `docker image inspect --format '{{.Config.User}}' ${ref}`;
	const fix =
		'Add a user and switch to it at the end of the Dockerfile: RUN useradd --uid 1000 --no-log-init -r app (or adduser -D -u 1000 app on Alpine), then USER 1000:1000.';
	if (!r.known)
		return {
			id: 'non-root-user',
			title: 'Runs as a non-root user',
			status: 'fail',
			evidence,
			message: `USER ${user} is not in the image's /etc/passwd: the container cannot start as that user.`,
			fix: `Create the user in the image (RUN adduser -D -u 1000 ${r.name}) or use a numeric USER 1000:1000.`,
			command,
		};
	if (r.uid === 0)
		return {
			id: 'non-root-user',
			title: 'Runs as a non-root user',
			status: 'fail',
			evidence,
			message: 'The image runs as root: a process that escapes the application owns the container.',
			fix,
			command,
		};
	if (observedUid !== null && observedUid !== r.uid)
		return {
			id: 'non-root-user',
			title: 'Runs as a non-root user',
			status: 'fail',
			evidence,
			message: `The image says uid ${r.uid}, but PID 1 runs as uid ${observedUid}.`,
			fix: 'Check the ENTRYPOINT script: it must not switch users (su, gosu) to another uid than USER says.',
			command,
		};
	return {id: 'non-root-user', title: 'Runs as a non-root user', status: 'pass', evidence, message: `runs as ${r.name} (uid ${r.uid})`, command};
}

export function leftoverChecks(paths: readonly string[]): VerifyCheck[] {
	return findLeftovers(paths).map(({kind, found}) => {
		const labels = [...new Set(found.map((f) => f.label))];
		return found.length === 0
			? {
					id: `no-${kind.id}`,
					title: `No ${kind.title}`,
					status: 'pass' as const,
					evidence: [`${paths.length} files checked`],
					message: `no ${kind.title} in the image's files`,
				}
			: {
					id: `no-${kind.id}`,
					title: `No ${kind.title}`,
					status: 'fail' as const,
					evidence: found.slice(0, 8).map((f) => `${f.path} (${f.label})`),
					message: `${found.length} file${found.length === 1 ? '' : 's'} of ${labels.join(', ')} left in the image.`,
					fix: kind.fix,
				};
	});
}

/** Secrets: env names that look like credentials with a value baked in, and secret files in any layer. */
export function secretsCheck(env: readonly string[], analysis: AnalyzeResult): VerifyCheck {
	const baked = env.filter((e) => {
		const eq = e.indexOf('=');
		return eq > 0 && e.slice(eq + 1) !== '' && isSecretEnvName(e.slice(0, eq));
	});
	const files = analysis.findings.filter((f) => f.id.startsWith('secret-'));
	const evidence = [...baked.map((e) => `ENV ${e.slice(0, e.indexOf('='))}=[redacted]`), ...files.map((f) => f.evidence.join('; '))];
	if (evidence.length === 0)
		return {
			id: 'no-secrets',
			title: 'No secrets in env or layers',
			status: 'pass',
			evidence: [`${env.length} env entries, ${analysis.summary.files} files checked`],
			message: 'no credential-looking env values or files',
		};
	return {
		id: 'no-secrets',
		title: 'No secrets in env or layers',
		status: 'fail',
		evidence,
		message: `${baked.length} secret-looking env value${baked.length === 1 ? '' : 's'} and ${files.length} secret file${files.length === 1 ? '' : 's'} are baked into the image: anyone who can pull it can read them.`,
		fix: 'Pass secrets at run time (docker run -e / --env-file, compose secrets) or at build time with RUN --mount=type=secret; never ENV or COPY them.',
		command: `docker image inspect --format '{{json .Config.Env}}' ${analysis.image.ref}`,
	};
}

export function tagCheck(analysis: AnalyzeResult): VerifyCheck {
	const f = analysis.findings.find((x) => x.id === 'image-latest' || x.id === 'image-untagged');
	return f
		? {id: 'versioned-tag', title: 'Versioned tag', status: 'fail', evidence: [...f.evidence], message: f.message, fix: f.fix}
		: {id: 'versioned-tag', title: 'Versioned tag', status: 'pass', evidence: [`tags: ${analysis.image.tags.join(', ')}`], message: 'tagged with a version'};
}

/**
 * The image size: judged only against a limit that was given (--max-size, analyze.maxSize), else
 * shown and not counted as a pass.
 */
export function sizeCheck(analysis: AnalyzeResult): VerifyCheck {
	const evidence = [
		`${formatBytes(analysis.image.size)} (docker images), efficiency ${(analysis.summary.efficiency * 100).toFixed(1)}%, wasted ${formatBytes(analysis.summary.wastedBytes)}`,
	];
	const gate = analysis.gates.find((g) => g.name === 'maxSize');
	if (!gate)
		return {
			id: 'size',
			title: 'Image size',
			status: 'skip',
			evidence,
			message: `${formatBytes(analysis.image.size)}, not judged: no --max-size given`,
			fix: 'Give a limit: --max-size 300MB, or maxSize under analyze: in .docker-helper.yaml.',
		};
	const title = `Image size within ${formatBytes(gate.limit)}`;
	return gate.pass
		? {id: 'size', title, status: 'pass', evidence: [...evidence, gate.message], message: gate.message}
		: {
				id: 'size',
				title,
				status: 'fail',
				evidence: [...evidence, gate.message],
				message: gate.message,
				fix: `See docker-helper analyze ${analysis.image.ref} for what the bytes are and how to shed them (a smaller base, a multi-stage build).`,
				command: `docker history ${analysis.image.ref}`,
			};
}

/** The analyze gates other than the size (the size check carries that one). */
export function gateChecks(analysis: AnalyzeResult): VerifyCheck[] {
	return analysis.gates
		.filter((g) => g.name !== 'maxSize')
		.map((g) => ({
			id: `gate-${g.name}`,
			title: `Gate ${g.name}`,
			status: g.pass ? ('pass' as const) : ('fail' as const),
			evidence: [g.message],
			message: g.message,
			...(g.pass ? {} : {fix: `See docker-helper analyze ${analysis.image.ref} for what the bytes are and how to shed them.`}),
		}));
}

/**
 * The progress line while verify runs (stderr, or the app's progress line): the step under way and
 * the verdicts so far, so a slow health check or SIGTERM wait shows what has already passed or failed.
 */
export function progressLine(done: readonly VerifyCheck[], doing: string): string {
	if (done.length === 0) return `verify: ${doing}`;
	const {passed, failed, skipped} = summarize(done);
	const failedIds = done.filter((c) => c.status === 'fail').map((c) => c.id);
	const parts = [`${passed} ok`, ...(failed > 0 ? [`${failed} failed (${failedIds.join(', ')})`] : []), ...(skipped > 0 ? [`${skipped} not verified`] : [])];
	return `verify: ${doing} · so far ${parts.join(', ')}`;
}
