/**
 * verify: run the image for real, as a throwaway container with a generated name that is always
 * removed (also on Ctrl-C), and check what production needs. The image's files and config are
 * judged from its export (analyze's reader); start, health, HTTP and SIGTERM from the engine.
 */
import {randomBytes} from 'node:crypto';
import type {Engine} from '../adapters/docker.js';
import {httpGet} from '../adapters/http-probe.js';
import {removeOnExit} from '../adapters/last-resort.js';
import {report} from '../core/diagnose/report.js';
import {HelperError, usageError} from '../core/errors.js';
import {
	finalFiles,
	gateChecks,
	leftoverChecks,
	progressLine,
	secretsCheck,
	sizeCheck,
	summarize,
	tagCheck,
	userCheck,
	type VerifyCheck,
	type VerifyResult,
} from '../core/images/verify.js';
import {redactText} from '../core/redact.js';
import {verifyText} from '../output/verify.js';
import {analyzeRef, gatesFor} from './analyze.js';
import {DEFAULT_TAIL, gatherDiagnosisFacts, gatherHostFacts} from './diagnose-facts.js';
import {buildIfAsked} from './image-build.js';
import {imageArg} from './image-arg.js';
import {IMAGE_GATE_FLAGS} from './image-gate-flags.js';
import {flagBool, flagNumber, flagString, type Command, type Context, type Input} from './types.js';

const LABEL = 'com.docker-helper.verify';
const SETTLE_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Options {
	readonly timeoutMs: number;
	readonly graceMs: number;
	readonly http: {port: number; path: string} | null;
	readonly readOnly: boolean;
	readonly tmpfs: readonly string[];
	readonly namePrefix: string;
}

function options(input: Input): Options {
	const timeout = flagNumber(input, 'timeout') ?? 30;
	const grace = flagNumber(input, 'grace') ?? 10;
	if (!(timeout > 0 && timeout <= 3600)) throw usageError(`--timeout must be 1 to 3600 seconds; got ${timeout}.`, 'Example: --timeout 60');
	if (!(grace > 0 && grace <= 600)) throw usageError(`--grace must be 1 to 600 seconds; got ${grace}.`, 'Example: --grace 10');
	let http: Options['http'] = null;
	const raw = flagString(input, 'http');
	if (raw !== undefined) {
		const m = /^(\d{1,5})(\/.*)?$/.exec(raw);
		if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535)
			throw usageError(`--http ${raw}: expected PORT or PORT/path.`, 'Example: --http 8080/health (the container port; it is published on 127.0.0.1 only)');
		http = {port: Number(m[1]), path: m[2] ?? '/health'};
	}
	const tmpfsFlag = input.flags['tmpfs'];
	const tmpfs = (Array.isArray(tmpfsFlag) ? tmpfsFlag : typeof tmpfsFlag === 'string' ? [tmpfsFlag] : []).filter((t) => t !== '');
	for (const t of tmpfs) if (!t.startsWith('/')) throw usageError(`--tmpfs ${t}: not an absolute path.`, 'Example: --read-only --tmpfs /tmp');
	const namePrefix = flagString(input, 'namePrefix') ?? 'docker-helper-verify-';
	if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(namePrefix))
		throw usageError(`--name-prefix ${namePrefix}: not a container name prefix.`, 'Letters, digits, _ . - only.');
	return {timeoutMs: timeout * 1000, graceMs: grace * 1000, http, readOnly: flagBool(input, 'readOnly'), tmpfs, namePrefix};
}

/** Remove the container whatever happens: at the end, on an error, and when main.ts aborts on Ctrl-C or SIGTERM. */
function guard(engine: Engine, id: string, signal: AbortSignal): {release: () => Promise<boolean>} {
	let removed: Promise<boolean> | null = null;
	const remove = () =>
		(removed ??= engine.removeThrowaway(id).then(
			() => true,
			() => false,
		));
	// The Ink app ends with process.exit on Ctrl-C: no engine call can finish then.
	const offExit = engine.endpoint.transport.kind === 'ssh' ? () => undefined : removeOnExit(engine.endpoint.host, id);
	const onAbort = () => void remove();
	signal.addEventListener('abort', onAbort, {once: true});
	return {
		release: async () => {
			const ok = await remove();
			offExit();
			signal.removeEventListener('abort', onAbort);
			return ok;
		},
	};
}

async function state(engine: Engine, id: string) {
	const c = await engine.inspectContainer(id);
	return {running: c.state.running, status: c.state.status, exitCode: c.state.exitCode, doc: c.document};
}

/** Says what verify is doing, with the verdicts so far. */
type Say = (doing: string) => void;

/** The checks on the running container, pushed to `checks` as each is judged. */
async function runtimeChecks(
	say: Say,
	engine: Engine,
	ref: string,
	id: string,
	opts: Options,
	healthcheck: readonly string[] | null,
	checks: VerifyCheck[],
): Promise<{failed: boolean; uid: number | null}> {
	const startedAt = Date.now();
	say('starting the container…');
	try {
		await engine.startContainer(id);
	} catch (error) {
		const message = error instanceof HelperError ? error.message : String(error);
		checks.push({
			id: 'starts',
			title: 'Starts and keeps running',
			status: 'fail',
			evidence: [redactText(message)],
			message: 'The engine could not start the container.',
			fix: 'See the error: a missing entrypoint, a user the image lacks, or a read-only path the process writes at start.',
			command: `docker run --rm ${ref}`,
		});
		return {failed: true, uid: null};
	}
	await sleep(SETTLE_MS);
	let s = await state(engine, id);
	const logsCmd = `docker run --rm ${ref}   # and watch it: docker logs -f <container>`;
	if (!s.running) {
		const tail = await engine.containerLogTail(id, 5, false).catch(() => []);
		checks.push({
			id: 'starts',
			title: 'Starts and keeps running',
			status: 'fail',
			evidence: [`State.Status = ${s.status}, ExitCode = ${s.exitCode}`, ...tail.map((l) => `[${l.stream}] ${redactText(l.text)}`)],
			message: `The container stopped ${((Date.now() - startedAt) / 1000).toFixed(1)} s after start.`,
			fix: 'A server must stay in the foreground as PID 1: exec-form CMD ["app", "--serve"], no `&` at the end, no daemon mode.',
			command: logsCmd,
		});
		return {failed: true, uid: null};
	}
	let uid: number | null = null;
	try {
		const top = await engine.containerTop(id);
		const col = top.titles.findIndex((t) => t.toUpperCase() === 'UID');
		const pidCol = top.titles.findIndex((t) => t.toUpperCase() === 'PID');
		const first = [...top.processes].sort((a, b) => Number(a[pidCol]) - Number(b[pidCol]))[0];
		if (first && col >= 0 && /^\d+$/.test(first[col] ?? '')) uid = Number(first[col]);
	} catch {
		// docker top needs ps on the engine's host; without it the uid comes from the image alone.
	}
	checks.push({
		id: 'starts',
		title: 'Starts and keeps running',
		status: 'pass',
		evidence: [`running ${(SETTLE_MS / 1000).toFixed(0)} s after start`],
		message: 'started and kept running',
	});

	let failed = false;
	// Health: the image's HEALTHCHECK, probed every second (its own command, timeout, retries and start period).
	if (healthcheck && healthcheck.length > 0 && healthcheck[0] !== 'NONE') {
		say('waiting for the health check…');
		const deadline = startedAt + opts.timeoutMs;
		let health: string;
		let log: Array<{ExitCode?: number; Output?: string}>;
		for (;;) {
			s = await state(engine, id);
			health = s.doc.State?.Health?.Status ?? '';
			log = s.doc.State?.Health?.Log ?? [];
			if (health === 'healthy' || health === 'unhealthy' || !s.running || Date.now() > deadline) break;
			await sleep(500);
		}
		const evidence = [
			`State.Health.Status = ${health || 'none'} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
			`HEALTHCHECK ${healthcheck.join(' ')}`,
			...log.slice(-3).map((l) => `probe exit ${l.ExitCode}: ${redactText((l.Output ?? '').trim()).slice(0, 200) || '(no output)'}`),
		];
		if (health === 'healthy')
			checks.push({id: 'healthcheck', title: `Healthy within ${opts.timeoutMs / 1000} s`, status: 'pass', evidence, message: 'the HEALTHCHECK passed'});
		else {
			failed = true;
			checks.push({
				id: 'healthcheck',
				title: `Healthy within ${opts.timeoutMs / 1000} s`,
				status: 'fail',
				evidence,
				message:
					health === 'unhealthy'
						? 'The HEALTHCHECK failed its retries: the health log above is what the probe said.'
						: `Not healthy within ${opts.timeoutMs / 1000} s.`,
				fix: 'Run the probe by hand (docker exec <container> <probe>) and check it tests something the app really serves; give a slow start --start-period, or raise --timeout.',
				command: `docker inspect --format '{{json .State.Health}}' <container>`,
			});
		}
	}
	if (opts.http) {
		say(`waiting for http ${opts.http.port}${opts.http.path}…`);
		s = await state(engine, id);
		const hostPort = Number(s.doc.NetworkSettings?.Ports?.[`${opts.http.port}/tcp`]?.find((b) => b.HostIp === '127.0.0.1')?.HostPort ?? 0);
		const deadline = startedAt + opts.timeoutMs;
		let last = {status: null as number | null, body: '', error: 'not tried' as string | null};
		let tries = 0;
		while (hostPort > 0) {
			tries++;
			last = await httpGet(hostPort, opts.http.path, 2000);
			if (last.status !== null && last.status >= 200 && last.status < 300) break;
			if (Date.now() > deadline || !(await state(engine, id)).running) break;
			await sleep(500);
		}
		const evidence = [
			`GET http://127.0.0.1:${hostPort}${opts.http.path} (container port ${opts.http.port}) → ${last.status ?? last.error} after ${tries} tr${tries === 1 ? 'y' : 'ies'}, ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
			...(last.body ? [`body: ${redactText(last.body.trim()).slice(0, 120)}`] : []),
		];
		if (last.status !== null && last.status >= 200 && last.status < 300)
			checks.push({id: 'http', title: `${opts.http.path} answers 2xx`, status: 'pass', evidence, message: `answered ${last.status}`});
		else {
			failed = true;
			checks.push({
				id: 'http',
				title: `${opts.http.path} answers 2xx`,
				status: 'fail',
				evidence,
				message: hostPort === 0 ? `Port ${opts.http.port} was not published.` : `No 2xx from ${opts.http.path} within ${opts.timeoutMs / 1000} s.`,
				fix: 'The app must listen on 0.0.0.0 (not 127.0.0.1) inside the container, on the port you named, and answer the path with 2xx once ready.',
				command: `docker run --rm -p 127.0.0.1::${opts.http.port} ${ref}   # then curl the port docker port shows`,
			});
		}
	}
	if (opts.readOnly) {
		s = await state(engine, id);
		checks.push(
			s.running
				? {
						id: 'read-only',
						title: 'Runs with a read-only root filesystem',
						status: 'pass',
						evidence: [`ReadonlyRootfs = true, tmpfs: ${opts.tmpfs.join(', ') || 'none'}`],
						message: 'kept running read-only',
					}
				: {
						id: 'read-only',
						title: 'Runs with a read-only root filesystem',
						status: 'fail',
						evidence: [`stopped with exit code ${s.exitCode} under --read-only`],
						message: 'The container does not survive a read-only root filesystem.',
						fix: 'Give the paths it writes a tmpfs (--tmpfs /tmp) or a volume, and keep the rest read-only.',
					},
		);
		if (!s.running) failed = true;
	}
	return {failed, uid};
}

async function stopCheck(say: Say, engine: Engine, id: string, graceMs: number, stopSignal: string): Promise<VerifyCheck> {
	say(`sending ${stopSignal}…`);
	const s = await state(engine, id);
	if (!s.running)
		return {
			id: 'stops-on-sigterm',
			title: `Stops on ${stopSignal} within ${graceMs / 1000} s`,
			status: 'skip',
			evidence: [`State.Status = ${s.status}`],
			message: 'not verified: the container was no longer running',
		};
	const sent = Date.now();
	await engine.signalContainer(id, stopSignal);
	for (;;) {
		const now = await state(engine, id);
		if (!now.running) {
			const secs = ((Date.now() - sent) / 1000).toFixed(1);
			return {
				id: 'stops-on-sigterm',
				title: `Stops on ${stopSignal} within ${graceMs / 1000} s`,
				status: 'pass',
				evidence: [`exited ${secs} s after ${stopSignal}, exit code ${now.exitCode}`],
				message: `stopped cleanly in ${secs} s`,
			};
		}
		if (Date.now() - sent > graceMs) break;
		await sleep(200);
	}
	const top = await engine.containerTop(id, '-o pid,comm,args').catch(() => ({titles: [], processes: [] as string[][]}));
	const pid1 = top.processes[0]?.slice(1).join(' ') ?? '';
	await engine.signalContainer(id, 'SIGKILL').catch(() => undefined);
	return {
		id: 'stops-on-sigterm',
		title: `Stops on ${stopSignal} within ${graceMs / 1000} s`,
		status: 'fail',
		evidence: [
			`still running ${graceMs / 1000} s after ${stopSignal}: docker stop would SIGKILL it`,
			...(pid1 ? [`PID 1: ${redactText(pid1).slice(0, 120)}`] : []),
		],
		message: 'PID 1 ignores SIGTERM: every stop waits the whole grace period and then kills it, with no clean shutdown.',
		fix: 'Make the app PID 1 and let it handle SIGTERM: exec-form CMD ["app"] (a shell-form CMD runs it under sh, which ignores SIGTERM as PID 1), `exec` in entrypoint scripts, or run with --init (tini) / ENTRYPOINT ["tini", "--"].',
		command: `docker stop -t ${graceMs / 1000} <container>   # takes the full ${graceMs / 1000} s`,
	};
}

export async function verifyImage(ctx: Context, input: Input): Promise<VerifyResult> {
	const ref = input.args[0]!;
	const opts = options(input);
	const {gates, notes} = await gatesFor(ctx, input);
	await buildIfAsked(ctx, input, ref, 'verify');
	const engine = await ctx.engine();
	const {analysis, resolved, facts, finalTree} = await analyzeRef(ctx, ref, gates, notes);
	const files = finalFiles(resolved, finalTree);
	// The checks on the image's files and config are known before the container runs: said first.
	const fromFiles = [...leftoverChecks(files.paths), secretsCheck(facts.config.env, analysis), tagCheck(analysis)];
	const runtime: VerifyCheck[] = [];
	const say: Say = (doing) => ctx.progress(progressLine([...fromFiles, ...runtime], doing));

	const doc = facts.document as {
		Config?: {StopSignal?: string; Healthcheck?: {Test?: string[]; Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number}};
	};
	const hc = doc.Config?.Healthcheck;
	const stopSignal = doc.Config?.StopSignal || 'SIGTERM';
	const name = `${opts.namePrefix}${randomBytes(4).toString('hex')}`;
	say(`creating ${name}…`);
	const id = await engine.createThrowaway({
		name,
		image: facts.id,
		labels: {[LABEL]: '1'},
		...(opts.http ? {publish: [opts.http.port]} : {}),
		readOnly: opts.readOnly,
		tmpfs: opts.tmpfs,
		...(hc?.Test && hc.Test.length > 0 && hc.Test[0] !== 'NONE'
			? {healthcheck: {Test: hc.Test, Interval: 1e9, Timeout: hc.Timeout || 30e9, Retries: hc.Retries || 3, StartPeriod: hc.StartPeriod || 0}}
			: {}),
	});
	const cleanup = guard(engine, id, ctx.signal);
	let removed: boolean;
	let diagnosis: VerifyResult['diagnosis'] = null;
	let uid: number | null;
	try {
		const r = await runtimeChecks(say, engine, ref, id, opts, facts.config.healthcheck, runtime);
		uid = r.uid;
		if (r.failed) {
			say('a check failed: running the diagnose rules on the container…');
			const host = gatherHostFacts(ctx, engine);
			host.catch(() => undefined);
			const d = report(await gatherDiagnosisFacts(engine, id, {tail: DEFAULT_TAIL, host}));
			const top = d.findings[0];
			if (top)
				diagnosis = {
					id: top.id,
					title: top.title,
					severity: top.severity,
					evidence: top.evidence.map((e) => `${e.label}: ${e.value}`.slice(0, 200)),
					fixes: top.fixes.map((f) => f.description + (f.command ? ` (${f.command})` : '')),
				};
		}
		runtime.push(await stopCheck(say, engine, id, opts.graceMs, stopSignal));
	} finally {
		removed = await cleanup.release();
	}

	const checks: VerifyCheck[] = [userCheck(ref, facts.config.user, files.passwd, uid), ...fromFiles, ...runtime];
	if (!runtime.some((c) => c.id === 'healthcheck') && !opts.http) {
		checks.push({
			id: 'healthcheck',
			title: 'Health',
			status: 'skip',
			evidence: ['no HEALTHCHECK in the image, no --http'],
			message: 'health not verified: the image has no HEALTHCHECK and no --http PORT[/path] was given',
			fix: 'Add a HEALTHCHECK to the Dockerfile, or pass --http 8080/health.',
		});
	}
	checks.push(sizeCheck(analysis), ...gateChecks(analysis));
	return {
		image: {ref, id: facts.id, user: facts.config.user, size: analysis.image.size},
		container: {name, removed},
		checks,
		diagnosis,
		summary: summarize(checks),
	};
}

export const verify: Command<VerifyResult> = {
	name: 'verify',
	summary: 'Run an image as a throwaway container and prove it is production-ready',
	description: [
		'Checks, each with evidence and a fix: the user is not root and its uid is what the image says;',
		'no compilers/build tools, package caches or test frameworks in its files; no secrets in env or',
		'layers; a versioned tag; it starts and keeps running; its HEALTHCHECK passes within --timeout',
		'(probed every second); with --http PORT[/path] (default /health) the endpoint answers 2xx through',
		'a port published on 127.0.0.1; it stops on SIGTERM within --grace; with --read-only it runs on a',
		'read-only root (plus the --tmpfs paths). Analyse gates (--max-size, --lowest-efficiency, ...) too.',
		"A failing container gets the diagnose rules' top finding before it is removed. The container",
		'always goes, also on Ctrl-C. A check that cannot run says why and is not a pass.',
		'Exit 0 when no check fails, 1 when one does, 3 when the engine is unreachable.',
	].join('\n'),
	usage: 'docker-helper verify <image> [--http PORT[/path]] [--timeout s] [--grace s] [--read-only [--tmpfs /tmp]] [gates] [--json]',
	examples: [
		'docker-helper verify myapp:1.2 --http 8080/health',
		'docker-helper verify myapp:1.2 --read-only --tmpfs /tmp --max-size 300MB',
		'docker-helper verify myapp:1.2 --json | jq \'.result.checks[] | select(.status != "pass")\'',
	],
	group: 'build',
	args: [imageArg],
	flags: {
		...IMAGE_GATE_FLAGS,
		http: {
			type: 'string',
			placeholder: 'PORT[/path]',
			description: 'Check that this container port answers 2xx (default path /health), from the host via 127.0.0.1',
		},
		timeout: {type: 'number', default: 30, placeholder: 's', description: 'Seconds to become healthy / answer HTTP'},
		grace: {type: 'number', default: 10, placeholder: 's', description: "Seconds PID 1 gets to exit after SIGTERM (the image's STOPSIGNAL if set)"},
		readOnly: {type: 'boolean', description: 'Run with a read-only root filesystem'},
		tmpfs: {
			type: 'string',
			isMultiple: true,
			placeholder: 'path',
			description: 'A tmpfs mount for --read-only, path[:options] as docker run --tmpfs (repeatable)',
		},
		namePrefix: {type: 'string', placeholder: 'prefix', description: 'Prefix of the generated container name (default docker-helper-verify-)'},
	},
	onInterrupt: 'removing the throwaway container',
	run: (ctx, input) => verifyImage(ctx, input),
	exitCode: (r) => (r.summary.failed > 0 ? 1 : 0),
	text: (r, theme) => verifyText(r, theme, theme.width ?? 100),
};
