/**
 * Real failures for diagnose: each scenario MAKES one cause happen on a real engine.
 * Shared by scripts/record-diagnose-fixtures.mjs (records the facts as fixtures) and
 * test/commands/diagnose.engine.test.ts (asserts the top finding on a live engine).
 *
 * `simulated` marks scenarios whose engine facts are real but whose log lines are printed
 * by the busybox fixture on behalf of a runtime it does not contain (Python, Node, JVM).
 */
import {execFile, execFileSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const FIXTURE = 'docker-helper-fixture/busybox:1';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGES_DIR = path.join(ROOT, 'test', 'fixtures', 'diagnose', 'images');

/** Extra fixture images, each built from test/fixtures/diagnose/images/<name>/Dockerfile with the legacy builder. */
export const IMAGES = ['noexec', 'crlf', 'foreign-arch', 'health-curl', 'bash-interp', 'no-shebang'];
export const imageTag = (name) => `docker-helper-fixture/diag-${name}:1`;

export function docker(args, {allowFail = false, input} = {}) {
	try {
		return execFileSync('docker', args, {
			encoding: 'utf8',
			input,
			stdio: ['pipe', 'pipe', 'pipe'],
			timeout: 120_000,
			env: {...process.env, DOCKER_BUILDKIT: '0'},
		}).trim();
	} catch (error) {
		if (allowFail) return '';
		throw new Error(`docker ${args.join(' ')} failed: ${error.stderr ?? error.message}`, {cause: error});
	}
}

/** The same, without blocking the event loop: scenarios run in parallel. */
export function dockerAsync(args, {allowFail = false} = {}) {
	return new Promise((resolve, reject) => {
		execFile('docker', args, {encoding: 'utf8', timeout: 120_000}, (error, stdout, stderr) => {
			if (error && !allowFail) reject(new Error(`docker ${args.join(' ')} failed: ${stderr || error.message}`));
			else resolve(error ? '' : stdout.trim());
		});
	});
}

export function buildImages(names = IMAGES) {
	for (const name of names) docker(['build', '-q', '-t', imageTag(name), path.join(IMAGES_DIR, name)]);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function inspect(name) {
	const out = await dockerAsync(['inspect', name], {allowFail: true});
	return out ? JSON.parse(out)[0] : null;
}

/** Poll until the container reaches the state the scenario needs. */
export async function waitFor(name, until, timeoutMs = 30_000) {
	const start = Date.now();
	for (;;) {
		const doc = await inspect(name);
		if (doc && until(doc)) return doc;
		if (Date.now() - start > timeoutMs)
			throw new Error(
				`${name}: did not reach the expected state in ${timeoutMs / 1000} s (status ${doc?.State?.Status}, exit ${doc?.State?.ExitCode}, health ${doc?.State?.Health?.Status})`,
			);
		await sleep(250);
	}
}

const exited = (d) => d.State.Status === 'exited';
const running = (d) => d.State.Running === true;
const run = (name, args) => dockerAsync(['run', '-d', '--name', name, '--label', 'docker-helper-test=diagnose', ...args]);
/** docker run fails when the start fails; create + start keeps the container for diagnosis. */
const createAndStart = async (name, args) => {
	await dockerAsync(['create', '--name', name, '--label', 'docker-helper-test=diagnose', ...args]);
	await dockerAsync(['start', name], {allowFail: true});
};

/**
 * Every scenario: id, the rule expected as the top finding (null: no error-severity finding at all),
 * start(name, track) which makes it happen, and until(inspect) for when it has happened.
 * track({network|volume|container: name}) registers extra things to remove.
 */
export const SCENARIOS = [
	{
		id: 'oom-killed',
		expect: 'oom-killed',
		start: (n) =>
			run(n, ['--memory', '16m', '--memory-swap', '16m', FIXTURE, 'sh', '-c', 'echo "loading dataset"; x=$(head -c 100m /dev/zero | tr "\\0" a); echo done']),
		until: exited,
	},
	{
		id: 'sigkill-docker-kill',
		expect: 'sigkill',
		async start(n) {
			await run(n, [FIXTURE, 'sleep', '3600']);
			await waitFor(n, running);
			await dockerAsync(['kill', n]);
		},
		until: exited,
	},
	{
		id: 'sigkill-stop-timeout',
		expect: 'sigkill',
		async start(n) {
			// sleep as PID 1 has no SIGTERM handler, so the kernel ignores SIGTERM; docker stop kills it after 1 s.
			await run(n, [FIXTURE, 'sleep', '3600']);
			await waitFor(n, running);
			await dockerAsync(['stop', '-t', '1', n]);
		},
		until: exited,
	},
	{
		id: 'sigkill-stop-timeout-flooded',
		expect: 'sigkill',
		// The same stop timeout, diagnosed after hundreds of other events pushed its own out of the engine's buffer.
		flood: true,
		async start(n) {
			await run(n, [FIXTURE, 'sleep', '3600']);
			await waitFor(n, running);
			await dockerAsync(['stop', '-t', '1', n]);
			await floodEvents(`${n}-flood`);
		},
		until: exited,
	},
	{
		id: 'stopped-clean-exit',
		expect: null,
		// A service that handles SIGTERM and exits 0, stopped after running for 11 s.
		timeoutMs: 60_000,
		async start(n) {
			await run(n, ['-p', '127.0.0.1::8080', FIXTURE, 'sh', '-c', 'trap "echo bye; exit 0" TERM; echo "listening on :8080"; while :; do sleep 0.2; done']);
			await waitFor(n, running);
			await sleep(11_000);
			await dockerAsync(['stop', '-t', '10', n]);
		},
		until: exited,
	},
	{
		id: 'stopped-sigterm',
		expect: 'stopped-sigterm',
		async start(n) {
			await run(n, [FIXTURE, 'sh', '-c', 'trap "echo shutting down; exit 143" TERM; echo ready; while :; do sleep 0.2; done']);
			await waitFor(n, running);
			await sleep(300);
			await dockerAsync(['stop', '-t', '10', n]);
		},
		until: exited,
	},
	{
		id: 'segfault',
		expect: 'fatal-signal',
		// The child shell dies of SIGSEGV; PID 1 passes its status on (139 = 128 + 11).
		start: (n) => run(n, [FIXTURE, 'sh', '-c', 'echo "processing frame 1"; sh -c "kill -SEGV \\$\\$"; exit $?']),
		until: exited,
	},
	{
		id: 'exit-zero-daemon',
		expect: 'exit-zero-service',
		// busybox httpd forks into the background unless given -f.
		start: (n) => run(n, ['-p', '127.0.0.1::8080', FIXTURE, 'httpd', '-p', '8080', '-h', '/tmp']),
		until: exited,
	},
	{
		id: 'exit-zero-restart-always',
		expect: 'exit-zero-service',
		// The daemonising entrypoint under --restart always: each run exits 0 at once and is started again. Not a crash loop.
		start: (n) => run(n, ['--restart', 'always', FIXTURE, 'httpd', '-p', '8080', '-h', '/tmp']),
		until: (d) => d.RestartCount >= 3,
	},
	{
		id: 'on-failure-exhausted',
		expect: 'crash-loop',
		start: (n) => run(n, ['--restart', 'on-failure:3', FIXTURE, 'sh', '-c', 'echo "connecting to broker"; exit 2']),
		until: (d) => d.RestartCount >= 3 && d.State.Status === 'exited',
	},
	{
		id: 'command-not-found',
		expect: 'command-not-found',
		start: (n) => createAndStart(n, [FIXTURE, 'gunicorn', 'app:app']),
		until: (d) => d.State.Error !== '',
	},
	{
		id: 'entrypoint-path-missing',
		expect: 'command-not-found',
		start: (n) => createAndStart(n, ['--entrypoint', '/app/docker-entrypoint.sh', FIXTURE]),
		until: (d) => d.State.Error !== '',
	},
	{
		id: 'shell-command-not-found',
		expect: 'command-not-found',
		start: (n) => run(n, [FIXTURE, 'sh', '-c', 'echo "migrating"; flask db upgrade']),
		until: exited,
	},
	{
		id: 'interpreter-missing',
		expect: 'command-not-found',
		images: ['bash-interp'],
		start: (n) => createAndStart(n, [imageTag('bash-interp')]),
		until: (d) => exited(d) || d.State.Error !== '',
	},
	{
		id: 'not-executable',
		expect: 'not-executable',
		images: ['noexec'],
		start: (n) => createAndStart(n, [imageTag('noexec')]),
		until: (d) => exited(d) || d.State.Error !== '',
	},
	{
		id: 'exec-format-error',
		expect: 'exec-format-error',
		images: ['foreign-arch'],
		start: (n) => createAndStart(n, [imageTag('foreign-arch')]),
		until: (d) => exited(d) || d.State.Error !== '',
	},
	{
		id: 'no-shebang',
		expect: 'exec-format-error',
		images: ['no-shebang'],
		start: (n) => createAndStart(n, [imageTag('no-shebang')]),
		until: (d) => exited(d) || d.State.Error !== '',
	},
	{
		id: 'crlf-entrypoint',
		expect: 'crlf-script',
		images: ['crlf'],
		start: (n) => createAndStart(n, [imageTag('crlf')]),
		until: (d) => exited(d) || d.State.Error !== '',
	},
	{
		id: 'host-port-allocated',
		expect: 'host-port-allocated',
		async start(n, track) {
			const holder = `${n}-holder`;
			track({container: holder});
			await run(holder, ['-p', '127.0.0.1::80', FIXTURE, 'sleep', '3600']);
			const port = (await dockerAsync(['port', holder, '80/tcp'])).split('\n')[0].split(':').pop();
			await createAndStart(n, ['-p', `127.0.0.1:${port}:80`, FIXTURE, 'httpd', '-f', '-p', '80']);
		},
		until: (d) => d.State.Error !== '',
	},
	{
		id: 'app-port-in-use',
		expect: 'app-port-bind',
		start: (n) => run(n, [FIXTURE, 'sh', '-c', 'nc -l -p 8080 & sleep 0.5; echo "listening on :8080"; exec nc -l -p 8080']),
		until: exited,
	},
	{
		id: 'app-port-privileged',
		expect: 'app-port-bind',
		// Docker 20.10+ lets containers bind low ports; this sysctl restores the classic rule so the failure is real.
		start: (n) => run(n, ['--user', '1000', '--sysctl', 'net.ipv4.ip_unprivileged_port_start=1024', FIXTURE, 'nc', '-l', '-p', '80']),
		until: exited,
	},
	{
		id: 'python-module-missing',
		expect: 'python-module-missing',
		simulated: 'Python traceback printed by the busybox fixture (no Python in the image); state, exit code and timestamps are real.',
		start: (n) =>
			run(n, [
				'-w',
				'/app',
				FIXTURE,
				'sh',
				'-c',
				`printf 'Traceback (most recent call last):\\n  File "/app/main.py", line 3, in <module>\\n    import yaml\\nModuleNotFoundError: No module named '"'"'yaml'"'"'\\n' >&2; exit 1`,
			]),
		until: exited,
	},
	{
		id: 'node-module-missing',
		expect: 'node-module-missing',
		simulated: 'Node.js error printed by the busybox fixture (no Node.js in the image); state, exit code and timestamps are real.',
		start: (n) =>
			run(n, [
				'-w',
				'/usr/src/app',
				FIXTURE,
				'sh',
				'-c',
				`printf "node:internal/modules/cjs/loader:1228\\n  throw err;\\n  ^\\n\\nError: Cannot find module 'express'\\nRequire stack:\\n- /usr/src/app/server.js\\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15) {\\n  code: 'MODULE_NOT_FOUND',\\n  requireStack: [ '/usr/src/app/server.js' ]\\n}\\n" >&2; exit 1`,
			]),
		until: exited,
	},
	{
		id: 'node-heap-oom',
		expect: 'app-oom',
		simulated: 'V8 heap message printed by the busybox fixture (no Node.js in the image); exit 134 as Node aborts.',
		start: (n) =>
			run(n, [
				'--memory',
				'512m',
				FIXTURE,
				'sh',
				'-c',
				`printf '<--- Last few GCs --->\\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n' >&2; exit 134`,
			]),
		until: exited,
	},
	{
		id: 'jvm-heap-oom',
		expect: 'app-oom',
		simulated: 'JVM exception printed by the busybox fixture (no JVM in the image).',
		start: (n) =>
			run(n, [
				FIXTURE,
				'sh',
				'-c',
				`printf 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\\n\\tat com.example.Loader.load(Loader.java:42)\\n' >&2; exit 1`,
			]),
		until: exited,
	},
	{
		id: 'missing-env-var',
		expect: 'missing-env-var',
		// A real shell check: ${VAR:?message} aborts when VAR is unset.
		start: (n) =>
			run(n, [
				'-e',
				'API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
				FIXTURE,
				'sh',
				'-c',
				'echo "checking configuration"; : "${DATABASE_URL:?DATABASE_URL is required}"; echo ok',
			]),
		until: exited,
	},
	{
		id: 'connection-refused-localhost',
		expect: 'connection-refused',
		start: (n) => run(n, [FIXTURE, 'sh', '-c', 'echo "connecting to postgres at localhost:5432"; wget -q -O- http://localhost:5432/ || exit 1']),
		until: exited,
	},
	{
		id: 'dns-failure',
		expect: 'dns-failure',
		async start(n, track) {
			const net = `${n}-net`;
			track({network: net});
			await dockerAsync(['network', 'create', net]);
			await run(n, ['--network', net, FIXTURE, 'sh', '-c', 'echo "fetching http://db:5432/"; wget -q -O- http://db:5432/ || exit 1']);
		},
		until: exited,
	},
	{
		id: 'healthcheck-failing',
		expect: 'healthcheck-failing',
		start: (n) =>
			run(n, [
				'--health-cmd',
				'wget -q -O- http://localhost:8080/health',
				'--health-interval',
				'1s',
				'--health-timeout',
				'2s',
				'--health-retries',
				'2',
				FIXTURE,
				'sleep',
				'3600',
			]),
		until: (d) => d.State.Health?.Status === 'unhealthy',
	},
	{
		id: 'healthcheck-probe-missing',
		expect: 'healthcheck-probe-missing',
		images: ['health-curl'],
		start: (n) => run(n, [imageTag('health-curl')]),
		until: (d) => d.State.Health?.Status === 'unhealthy',
	},
	{
		id: 'crash-loop',
		expect: 'crash-loop',
		start: (n) => run(n, ['--restart', 'always', FIXTURE, 'sh', '-c', 'echo "worker starting"; sleep 0.1; exit 3']),
		until: (d) => d.RestartCount >= 3,
	},
	{
		id: 'volume-permission',
		expect: 'volume-permission',
		async start(n, track) {
			const vol = `${n}-data`;
			track({volume: vol});
			await dockerAsync(['volume', 'create', vol]);
			await run(n, ['--user', '1000:1000', '-v', `${vol}:/data`, FIXTURE, 'sh', '-c', 'echo "saving state to /data/state.json"; echo "{}" > /data/state.json']);
		},
		until: exited,
	},
	{
		id: 'no-space',
		expect: 'no-space',
		start: (n) => run(n, ['--tmpfs', '/cache:size=64k', FIXTURE, 'sh', '-c', 'echo "writing cache"; dd if=/dev/zero of=/cache/blob bs=1k count=1000']),
		until: exited,
	},
	{
		id: 'read-only-fs',
		expect: 'read-only-fs',
		start: (n) => run(n, ['--read-only', FIXTURE, 'sh', '-c', 'echo "writing pid file"; echo $$ > /app.pid']),
		until: exited,
	},
	{
		id: 'stuck-created',
		// Stuck in "created", and the runtime's error names the cause: a more specific finding than the state.
		expect: 'bind-mount-type-mismatch',
		// A host file bind-mounted onto a directory: runc fails while setting up the container.
		start: (n) => createAndStart(n, ['-v', '/etc/hosts:/etc', FIXTURE, 'sleep', '3600']),
		until: (d) => d.State.Error !== '',
	},
	{
		id: 'stuck-created-device',
		expect: 'device-missing',
		start: (n) => createAndStart(n, ['--device', '/dev/docker-helper-missing-device', FIXTURE, 'sleep', '3600']),
		until: (d) => d.State.Error !== '',
	},
	{
		id: 'memory-near-limit',
		expect: 'memory-near-limit',
		// 60 MiB written to the container's own /dev/shm (tmpfs, charged to its cgroup, not reclaimable) under a 64 MiB limit.
		start: (n) =>
			run(n, [
				'--memory',
				'64m',
				'--memory-swap',
				'64m',
				'--shm-size',
				'80m',
				FIXTURE,
				'sh',
				'-c',
				'dd if=/dev/zero of=/dev/shm/cache bs=1M count=59 2>/dev/null; echo "cache warmed"; exec sleep 3600',
			]),
		until: (d) => d.State.Running === true,
		settleMs: 1500,
	},
	{
		id: 'pids-near-limit',
		expect: 'pids-near-limit',
		start: (n) => run(n, ['--pids-limit', '20', FIXTURE, 'sh', '-c', 'for i in $(seq 1 18); do sleep 3600 & done; echo "workers started"; wait']),
		until: (d) => d.State.Running === true,
		settleMs: 1500,
	},
	{
		id: 'cpu-throttled',
		expect: 'cpu-throttled',
		// A busy loop under --cpus 0.05: throttled in nearly every 100 ms period.
		start: (n) => run(n, ['--cpus', '0.05', FIXTURE, 'sh', '-c', 'echo "busy"; while :; do :; done']),
		until: (d) => d.State.Running === true,
		settleMs: 3500,
	},
	{
		id: 'healthcheck-slow',
		expect: 'healthcheck-slow',
		start: (n) => run(n, ['--health-cmd', 'sleep 1.3', '--health-interval', '1s', '--health-timeout', '2s', FIXTURE, 'sleep', '3600']),
		until: (d) => (d.State.Health?.Log?.length ?? 0) >= 2 && d.State.Health.Status === 'healthy',
	},
	{
		id: 'listening-loopback',
		expect: 'listening-loopback',
		start: (n) => run(n, ['-p', '127.0.0.1::8080', FIXTURE, 'httpd', '-f', '-v', '-p', '127.0.0.1:8080']),
		until: (d) => d.State.Running === true,
		settleMs: 500,
	},
	{
		id: 'published-port-not-listening',
		expect: 'published-port-not-listening',
		start: (n) => run(n, ['-p', '127.0.0.1::8080', FIXTURE, 'httpd', '-f', '-v', '-p', '9090']),
		until: (d) => d.State.Running === true,
		settleMs: 6000,
	},
	{
		id: 'published-port-all-addresses',
		expect: null,
		start: (n) => run(n, ['-p', '127.0.0.1::8080', FIXTURE, 'httpd', '-f', '-v', '-p', '8080']),
		until: (d) => d.State.Running === true,
		settleMs: 6000,
	},
	// --- start-time errors from the runtime (State.Error), each a distinct cause
	{
		id: 'unknown-user',
		expect: 'unknown-user',
		start: (n) => createAndStart(n, ['--user', 'appuser', FIXTURE, 'sleep', '3600']),
		until: (d) => d.State.Error !== '' || exited(d),
	},
	{
		id: 'network-missing',
		expect: 'network-missing',
		async start(n) {
			const net = `${n}-net`;
			await dockerAsync(['network', 'create', net]);
			await dockerAsync(['create', '--name', n, '--label', 'docker-helper-test=diagnose', '--network', net, FIXTURE, 'sleep', '3600']);
			await dockerAsync(['network', 'rm', net]);
			await dockerAsync(['start', n], {allowFail: true});
		},
		until: (d) => d.State.Error !== '',
	},

	{
		id: 'join-stopped-container',
		expect: 'join-stopped-container',
		async start(n, track) {
			const peer = `${n}-peer`;
			track({container: peer});
			await dockerAsync(['create', '--name', peer, '--label', 'docker-helper-test=diagnose', FIXTURE, 'sleep', '3600']);
			await createAndStart(n, ['--network', `container:${peer}`, FIXTURE, 'sleep', '3600']);
		},
		until: (d) => d.State.Error !== '',
	},

	// --- resource limits
	{
		id: 'fork-failed',
		expect: 'fork-failed',
		start: (n) => run(n, ['--pids-limit', '8', FIXTURE, 'sh', '-c', 'echo "starting 20 workers"; for i in $(seq 1 20); do sleep 30 & done; wait']),
		until: (d) => exited(d) || d.State.Running === true,
		settleMs: 1500,
	},
	{
		id: 'too-many-open-files',
		expect: 'too-many-open-files',
		start: (n) =>
			run(n, [
				'--ulimit',
				'nofile=12:12',
				FIXTURE,
				'sh',
				'-c',
				'echo "opening cache shards"; for i in $(seq 3 40); do eval "exec $i</etc/passwd" || exit 1; done',
			]),
		until: exited,
	},
	{
		id: 'child-oom-killed',
		// The kernel kills the child that grew and PID 1 survives; the engine still flags the container OOMKilled (any OOM kill in its cgroup).
		expect: 'oom-killed',
		start: (n) =>
			run(n, [
				'--memory',
				'24m',
				'--memory-swap',
				'24m',
				FIXTURE,
				'sh',
				'-c',
				'echo "worker 1 loading batch"; sh -c "x=$(head -c 200m /dev/zero | tr "\\0" a)"; echo "worker exited with status $?"; exit 1',
			]),
		until: exited,
	},
	// --- files and mounts
	{
		id: 'secret-not-mounted',
		expect: 'secret-not-mounted',
		start: (n) => run(n, [FIXTURE, 'sh', '-c', 'echo "reading database password"; cat /run/secrets/db_password']),
		until: exited,
	},
	{
		id: 'script-not-found-in-workdir',
		expect: 'script-not-found-in-workdir',
		start: (n) => run(n, ['-w', '/app', FIXTURE, 'sh', './start.sh']),
		until: exited,
	},
	{
		id: 'bind-mount-became-directory',
		expect: 'is-a-directory',
		// -v with a host path that does not exist: the engine creates a directory there, the app expected a file.
		start: (n, track) => (
			track({path: `/tmp/${n}-missing.conf`}),
			run(n, ['-v', `/tmp/${n}-missing.conf:/etc/app.conf`, FIXTURE, 'sh', '-c', 'echo "loading /etc/app.conf"; cat /etc/app.conf'])
		),
		until: exited,
	},
	{
		id: 'healthy-running',
		expect: null,
		start: (n) => run(n, [FIXTURE, 'sh', '-c', 'echo "server ready on :8080"; exec sleep 3600']),
		until: running,
	},
	{
		id: 'healthy-healthcheck',
		expect: null,
		start: (n) => run(n, ['--health-cmd', 'true', '--health-interval', '1s', FIXTURE, 'sleep', '3600']),
		until: (d) => d.State.Health?.Status === 'healthy',
	},
	{
		id: 'healthy-healthcheck-exited',
		expect: null,
		// Every probe passed, then the job ended with 0: the engine marks the health "unhealthy" when a container stops.
		start: (n) => run(n, ['--health-cmd', 'true', '--health-interval', '1s', FIXTURE, 'sh', '-c', 'echo "batch started"; sleep 4; echo "batch done"']),
		until: (d) => d.State.Status === 'exited' && (d.State.Health?.Log ?? []).length > 0,
	},
	{
		id: 'one-shot-exit-zero',
		expect: null,
		start: (n) => run(n, [FIXTURE, 'sh', '-c', 'echo "migration complete"']),
		until: exited,
	},
	{
		id: 'unexplained-exit',
		expect: null,
		start: (n) => run(n, [FIXTURE, 'sh', '-c', 'echo "step 3 of 5"; echo "giving up" >&2; exit 42']),
		until: exited,
	},
];

/**
 * Push more events through the engine than its history holds (256 on Docker 20.10+): `cycles` containers
 * created and removed (a create and a destroy event each), named `${prefix}-<i>`.
 */
export async function floodEvents(prefix, cycles = 160, concurrency = 8) {
	const names = Array.from({length: cycles}, (_, i) => `${prefix}-${i}`);
	let next = 0;
	const worker = async () => {
		while (next < names.length) {
			const name = names[next++];
			await dockerAsync(['create', '--name', name, '--label', 'docker-helper-test=diagnose-flood', '--network', 'none', FIXTURE, 'true']);
			await dockerAsync(['rm', name]);
		}
	};
	try {
		await Promise.all(Array.from({length: concurrency}, worker));
	} finally {
		await dockerAsync(['rm', '-f', ...names], {allowFail: true});
	}
}

/** Start scenarios in parallel and wait for each to reach its state. Returns what to clean up. */
/** Scenarios that flood the engine's event history run last, one at a time, so they cannot evict the others' events. */
/** `onReady` runs as soon as each one is ready, so its engine events are still in the engine's short event buffer. */
export async function startScenarios(list, nameFor, onReady = async () => undefined, concurrency = 12) {
	const extra = [];
	const track = (x) => extra.push(x);
	const results = new Array(list.length);
	const order = [...list.keys()].filter((i) => !list[i].flood);
	const flooding = [...list.keys()].filter((i) => list[i].flood);
	let next = 0;
	const worker = async () => {
		while (next < order.length) {
			const i = order[next++];
			const s = list[i];
			try {
				const name = nameFor(s);
				await s.start(name, track);
				await waitFor(name, s.until, s.timeoutMs ?? 40_000);
				// Running scenarios whose evidence builds up (memory, throttling, time up) need a moment more.
				if (s.settleMs) await sleep(s.settleMs);
				results[i] = {status: 'fulfilled', value: await onReady(s, name)};
			} catch (reason) {
				results[i] = {status: 'rejected', reason};
			}
		}
	};
	await Promise.all(Array.from({length: Math.min(concurrency, order.length)}, worker));
	for (const i of flooding) {
		order.push(i);
		await worker();
	}
	return {results, extra};
}

export function cleanup(names, extra) {
	const containers = [...names, ...extra.filter((x) => x.container).map((x) => x.container)];
	if (containers.length > 0) docker(['rm', '-f', '-v', ...containers], {allowFail: true});
	for (const x of extra) {
		if (x.network) docker(['network', 'rm', x.network], {allowFail: true});
		if (x.volume) docker(['volume', 'rm', '-f', x.volume], {allowFail: true});
		// A directory the engine created for a missing bind-mount source (empty; root-owned like the engine).
		if (x.path) rmSync(x.path, {recursive: true, force: true});
	}
}
