/** Processes and signals: worker timeouts, workers that fail to boot, stale PID files, privilege drops, pool limits. */
import type {SignatureFamily} from './types.js';

export const processes: SignatureFamily = {
	id: 'process',
	description: "Workers killed by the server's own timeout, workers that never boot, stale PID files after a restart, gosu/su-exec failures, pool limits.",
	signatures: [
		{
			id: 'gunicorn-worker-timeout',
			runtime: 'gunicorn',
			pattern: /\[CRITICAL\] WORKER TIMEOUT \(pid:(\d+)\)/,
			severity: 'warning',
			title: 'Gunicorn killed worker {1}: a request took longer than its --timeout',
			explanation:
				"Gunicorn's arbiter kills a sync worker that has not checked in for --timeout seconds (30 by default) and starts a new one. The request it was serving fails. Slow requests (a slow database, an external API) or a CPU-starved container (a low --cpus) cause it; so does a sync worker doing long-polling.",
			fixes: [
				{
					description: 'Raise the timeout for slow endpoints, or use threaded/async workers',
					command: 'gunicorn app:app --timeout 120 --worker-class gthread --threads 4',
				},
				{description: 'Check whether the container is CPU-throttled', command: 'docker stats --no-stream {name}'},
			],
			cases: {
				fires: [
					{
						log: ['[2024-05-01 10:00:00 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:9)', '[2024-05-01 10:00:00 +0000] [9] [INFO] Worker exiting (pid: 9)'],
						facts: {running: true},
					},
				],
				silent: [{log: ['[2024-05-01 10:00:00 +0000] [9] [INFO] Booting worker with pid: 9'], facts: {running: true}}],
			},
		},
		{
			id: 'gunicorn-worker-sigkill',
			runtime: 'gunicorn',
			pattern: /\[(?:ERROR|WARNING)\] Worker \(pid:(\d+)\) was sent SIGKILL! Perhaps out of memory\?/,
			title: 'A Gunicorn worker (pid {1}) was SIGKILLed: most likely out of memory',
			explanation:
				'Gunicorn saw its worker die of SIGKILL, which it did not send itself. In a container that is the kernel OOM killer acting on the memory limit while the master survives, so the container is not marked OOMKilled.',
			fixes: [
				{description: 'Give the container more memory, or run fewer workers', command: 'docker update --memory 1g --memory-swap 1g {name}'},
				{description: 'Recycle workers before they grow', command: 'gunicorn app:app --max-requests 1000 --max-requests-jitter 100'},
			],
			cases: {
				fires: [{log: ['[2024-05-01 10:00:00 +0000] [1] [ERROR] Worker (pid:12) was sent SIGKILL! Perhaps out of memory?'], facts: {running: true}}],
				silent: [{log: ['[2024-05-01 10:00:00 +0000] [1] [INFO] Handling signal: term'], facts: {running: true}}],
			},
		},
		{
			id: 'gunicorn-worker-boot-failed',
			runtime: 'gunicorn',
			pattern: /(?:Reason: Worker failed to boot\.|Worker failed to boot\.)/,
			title: 'Gunicorn gave up: its workers fail to boot',
			explanation:
				'Each worker imports the application and crashed while doing so; Gunicorn stops after the first workers fail. The real error is the traceback printed just before (an import error, a missing setting, a database call at import time).',
			fixes: [
				{description: 'Import the app by hand to see the error', command: 'docker run --rm {image} python -c "import app"'},
				{description: 'Show the full traceback', command: 'docker logs --tail 200 {name}'},
			],
			cases: {
				fires: [
					{
						log: [
							'[2024-05-01 10:00:00 +0000] [7] [ERROR] Exception in worker process',
							'[2024-05-01 10:00:01 +0000] [1] [INFO] Shutting down: Master',
							'[2024-05-01 10:00:01 +0000] [1] [INFO] Reason: Worker failed to boot.',
						],
					},
				],
				silent: [{log: ['[2024-05-01 10:00:00 +0000] [1] [INFO] Shutting down: Master']}],
			},
		},
		{
			id: 'gunicorn-app-not-found',
			runtime: 'gunicorn',
			pattern: /Failed to find (?:attribute|application object) '([\w.]+)' in '([\w.]+)'/,
			title: 'Gunicorn cannot find "{1}" in the module {2}',
			explanation: 'The WSGI target module:variable names a variable that the module does not define (for a factory, use module:create_app()).',
			fixes: [{description: 'Name the real variable or factory', edit: {file: 'Dockerfile', change: 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "{2}:app"]'}}],
			cases: {
				fires: [{log: ["Failed to find attribute 'app' in 'main'.", '[2024-05-01 10:00:00 +0000] [7] [INFO] Worker exiting (pid: 7)']}],
				silent: [{log: ['[2024-05-01 10:00:00 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)']}],
			},
		},
		{
			id: 'asgi-app-load-failed',
			runtime: 'uvicorn',
			pattern: /Error loading ASGI app\. (Could not import module "([^"]+)"|Attribute "([^"]+)" not found in module "([^"]+)")/,
			title: 'Uvicorn cannot load the app: {1}',
			explanation:
				'uvicorn module:attribute names a module that is not importable from the working directory (WORKDIR, PYTHONPATH, a package without __init__.py) or an attribute it does not have.',
			fixes: [{description: 'Run from the directory that holds the module, or give --app-dir', command: 'uvicorn main:app --host 0.0.0.0 --app-dir /app'}],
			cases: {
				fires: [
					{log: ['ERROR:    Error loading ASGI app. Could not import module "main".']},
					{log: ['ERROR:    Error loading ASGI app. Attribute "app" not found in module "main".']},
				],
				silent: [{log: ['INFO:     Application startup complete.']}],
			},
		},
		{
			id: 'puma-worker-timeout',
			runtime: 'ruby',
			pattern: /! Terminating timed out worker(?: \(worker failed to check in within (\d+) seconds\))?/,
			severity: 'warning',
			title: 'Puma killed a worker that stopped checking in',
			explanation:
				"Puma's master terminates a worker that has not checked in within worker_timeout (60 s): a request blocked the worker (slow I/O, an infinite loop) or the container is starved of CPU.",
			fixes: [{description: 'Find the slow requests; raise the timeout only for real long work', edit: {file: 'config/puma.rb', change: 'worker_timeout 120'}}],
			cases: {
				fires: [{log: ['[1] ! Terminating timed out worker (worker failed to check in within 60 seconds): 42'], facts: {running: true}}],
				silent: [{log: ['[1] - Worker 0 (PID: 42) booted in 1.2s, phase: 0'], facts: {running: true}}],
			},
		},
		{
			id: 'php-fpm-request-timeout',
			runtime: 'php',
			pattern: /child (\d+), script '([^']+)' \(request: "([^"]+)"\) execution timed out \(([\d.]+) sec\), terminating/,
			severity: 'warning',
			title: 'php-fpm killed a request to {2} after {4} s (request_terminate_timeout)',
			explanation:
				'php-fpm terminates a child that runs a request longer than request_terminate_timeout; the client gets a 502 from the proxy. The script was slow, blocked on I/O, or the pool is overloaded.',
			fixes: [{description: 'Raise the limit for genuinely long requests', edit: {file: 'www.conf', change: 'request_terminate_timeout = 120s'}}],
			cases: {
				fires: [
					{
						log: [
							'[01-May-2024 10:00:00] WARNING: [pool www] child 17, script \'/var/www/html/index.php\' (request: "GET /index.php") execution timed out (30.012 sec), terminating',
						],
						facts: {running: true},
					},
				],
				silent: [{log: ['[01-May-2024 10:00:00] NOTICE: ready to handle connections'], facts: {running: true}}],
			},
		},
		{
			id: 'php-fpm-max-children',
			runtime: 'php',
			pattern: /\[pool ([\w-]+)\] server reached (?:pm\.)?max_children setting \((\d+)\), consider raising it/,
			severity: 'warning',
			title: 'php-fpm pool {1} is saturated at pm.max_children = {2}',
			explanation:
				'All php-fpm children are busy, so new requests queue and time out at the web server. Raise max_children only as far as memory allows (children × per-child memory must fit the container limit).',
			fixes: [{description: 'Size the pool to the container memory', edit: {file: 'www.conf', change: 'pm = dynamic\npm.max_children = 20'}}],
			cases: {
				fires: [{log: ['[01-May-2024 10:00:00] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it'], facts: {running: true}}],
				silent: [{log: ['[01-May-2024 10:00:00] NOTICE: fpm is running, pid 1'], facts: {running: true}}],
			},
		},
		{
			id: 'rails-stale-pid',
			runtime: 'ruby',
			pattern: /A server is already running(?: \(pid: \d+, file: ([^)]+)\)\.|\. Check (\S+server\.pid)\.)/,
			title: 'Rails refuses to start: a stale {1}{2} from the previous run',
			explanation:
				"Rails writes tmp/pids/server.pid and refuses to start while it exists. When the container was killed (or restarted by its policy), the file survived in the container's file system or a mounted volume, so every restart fails.",
			fixes: [
				{
					description: 'Remove the PID file in the entrypoint before starting',
					edit: {file: 'entrypoint.sh', change: 'rm -f /app/tmp/pids/server.pid\nexec "$@"'},
				},
				{description: 'Or start Rails with the PID file somewhere that does not survive', command: 'bin/rails server -b 0.0.0.0 -P /tmp/server.pid'},
			],
			cases: {
				fires: [
					{log: ['A server is already running (pid: 1, file: /app/tmp/pids/server.pid).', 'Exiting']},
					{log: ['A server is already running. Check /myapp/tmp/pids/server.pid.']},
				],
				silent: [{log: ['* Listening on http://0.0.0.0:3000']}],
			},
		},
		{
			id: 'stale-pid-file',
			runtime: 'any',
			pattern:
				/(?:httpd \(pid (\d+)\) already running|ERROR: Pid file "?([^"\s]+)"? already exists|pid file (\S+) (?:already exists|exists) ?(?:and|,|but|-)? ?(?:is )?(?:stale|in use)?|FATAL:\s+lock file "postmaster\.pid" already exists)/,
			title: 'A PID or lock file from the previous run blocks the start',
			explanation:
				'The server found its PID (or lock) file and believes another instance runs. In a container restarted after a crash or kill, the file is left over, and the PID it names is often 1 again, this very process.',
			fixes: [
				{
					description: 'Delete the stale file in the entrypoint before the server starts',
					edit: {file: 'entrypoint.sh', change: 'rm -f /usr/local/apache2/logs/httpd.pid\nexec "$@"'},
				},
			],
			cases: {
				fires: [
					{log: ['httpd (pid 1) already running']},
					{
						log: [
							'2024-05-01 10:00:00.000 UTC [1] FATAL:  lock file "postmaster.pid" already exists',
							'2024-05-01 10:00:00.000 UTC [1] HINT:  Is another postmaster (PID 1) running in data directory "/var/lib/postgresql/data"?',
						],
					},
				],
				silent: [{log: ["AH00094: Command line: 'httpd -D FOREGROUND'"]}],
			},
		},
		{
			id: 'privilege-drop-failed',
			runtime: 'shell',
			pattern:
				/(?:error: failed switching to "([^"]+)": operation not permitted|su-exec: setgroups: Operation not permitted|setpriv: setresuid failed: Operation not permitted|chroot: cannot change root directory to '?\/'?: Operation not permitted)/,
			title: 'The entrypoint cannot switch to the app user{1}: it is not root',
			explanation:
				'The entrypoint uses gosu/su-exec/setpriv to drop from root to an app user. That needs root (CAP_SETUID/CAP_SETGID); the container already runs as a non-root user (--user, USER) or with those capabilities dropped (cap_drop: ALL) or no-new-privileges.',
			fixes: [
				{
					description: 'Either start as root and let the entrypoint drop privileges, or skip the switch when not root',
					edit: {file: 'entrypoint.sh', change: 'if [ "$(id -u)" = 0 ]; then exec gosu app "$@"; fi\nexec "$@"'},
				},
				{description: 'Or give back the two capabilities', command: 'docker run --cap-drop ALL --cap-add SETUID --cap-add SETGID {image}'},
			],
			cases: {
				fires: [{log: ['error: failed switching to "redis": operation not permitted']}],
				silent: [{log: ['1:C 01 May 2024 10:00:00.000 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo']}],
			},
		},
		{
			id: 'chown-not-permitted',
			runtime: 'shell',
			pattern: /chown: (?:changing ownership of|cannot access) '([^']+)': (Operation not permitted|Read-only file system|Invalid argument)/,
			title: 'The entrypoint cannot chown {1}: {2}',
			explanation:
				'Official images chown their data directory at start. That fails when the container is not root, when CAP_CHOWN is dropped, on a read-only mount, or on file systems that do not support ownership (NFS with root_squash, SMB, some Docker Desktop mounts).',
			fixes: [
				{description: 'Prepare the ownership on the host (or the volume) instead', command: 'sudo chown -R 999:999 ./data'},
				{description: 'Or use a named volume, which supports ownership', command: 'docker volume create app-data'},
			],
			cases: {
				fires: [{log: ["chown: changing ownership of '/var/lib/postgresql/data': Operation not permitted"]}],
				silent: [{log: ['fixing permissions on existing directory /var/lib/postgresql/data ... ok']}],
			},
		},
		{
			id: 'node-unhandled-rejection',
			runtime: 'node',
			pattern:
				/(?:\[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block|triggerUncaughtException\(err, true \/\* fromPromise \*\/\))/,
			kind: 'fallback',
			confidence: 'medium',
			title: 'Node.js exited on an unhandled promise rejection',
			explanation:
				'Since Node.js 15 an unhandled promise rejection ends the process (exit code 1). The rejected error printed above the stack is the real cause; the fix is to handle it, or to let the app log and retry.',
			fixes: [
				{description: 'Read the error that was rejected', command: 'docker logs --tail 100 {name}'},
				{
					description: 'Catch the rejection (or add a process-level handler that logs and exits cleanly)',
					edit: {file: 'index.js', change: "process.on('unhandledRejection', (e) => { console.error(e); process.exit(1); });"},
				},
			],
			cases: {
				fires: [{log: ['node:internal/process/promises:289', '            triggerUncaughtException(err, true /* fromPromise */);', '            ^']}],
				silent: [{log: ['(node:1) Warning: Accessing non-existent property of module exports inside circular dependency']}],
			},
		},
		{
			id: 'python-uncaught-exception',
			runtime: 'python',
			pattern: /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)): (.{1,160})$/,
			kind: 'fallback',
			confidence: 'medium',
			when: (f) => f.logs.lines.some((l) => l.text === 'Traceback (most recent call last):'),
			title: 'Python exited on an uncaught {1}: {2}',
			explanation:
				'The program raised an exception nothing caught, printed the traceback and exited with code 1. No more specific cause is known for this exception; the frames above it in the log show where it was raised.',
			fixes: [
				{description: 'Read the whole traceback', command: 'docker logs --tail 100 {name}'},
				{description: 'Reproduce with the same image interactively', command: 'docker run --rm -it --entrypoint sh {image}'},
			],
			cases: {
				fires: [
					{
						log: [
							'Traceback (most recent call last):',
							'  File "/app/main.py", line 3, in <module>',
							'    int(os.environ.get("WORKERS", "four"))',
							"ValueError: invalid literal for int() with base 10: 'four'",
						],
					},
				],
				silent: [{log: ["ValueError: invalid literal for int() with base 10: 'four'"]}],
			},
		},
		{
			id: 'java-uncaught-exception',
			runtime: 'jvm',
			pattern: /^Exception in thread "main" ([\w.$]+(?:Exception|Error))(?:: (.{0,160}))?$/,
			kind: 'fallback',
			confidence: 'medium',
			title: 'Java exited on an uncaught {1}',
			explanation:
				'The main thread threw an exception that nothing caught, so the JVM exited with code 1. The "Caused by:" lines further down the stack trace usually name the root cause.',
			fixes: [{description: 'Read the full stack trace, including the Caused by lines', command: 'docker logs --tail 200 {name}'}],
			cases: {
				fires: [{log: ['Exception in thread "main" java.lang.IllegalStateException: config not loaded', '\tat com.example.App.main(App.java:12)']}],
				silent: [{log: ['Exception in thread "http-nio-8080-exec-1" java.lang.IllegalStateException: config not loaded']}],
			},
		},
		{
			id: 'go-panic',
			runtime: 'go',
			pattern: /^panic: (.{1,160})$/,
			kind: 'fallback',
			confidence: 'medium',
			unless: /^\[recovered\]/,
			title: 'The Go program panicked: {1}',
			explanation:
				'A panic that no recover() handled ends a Go program with exit code 2 and a goroutine dump. "invalid memory address or nil pointer dereference" is a nil pointer, often a value not initialised because an earlier error was ignored.',
			fixes: [{description: 'Read the goroutine trace: the first frame in your package is where it happened', command: 'docker logs --tail 100 {name}'}],
			cases: {
				fires: [
					{
						log: [
							'panic: runtime error: invalid memory address or nil pointer dereference',
							'[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6c4b2a]',
							'',
							'goroutine 1 [running]:',
						],
					},
				],
				silent: [{log: ['http: panic serving 172.17.0.1:53412: boom']}],
			},
		},
		{
			id: 'go-deadlock',
			runtime: 'go',
			pattern: /^fatal error: (all goroutines are asleep - deadlock!|concurrent map (?:writes|read and map write))/,
			title: 'The Go runtime stopped the program: {1}',
			explanation:
				'A fatal runtime error, not a panic: it cannot be recovered. "all goroutines are asleep" means every goroutine waits on a channel or lock nobody will release; "concurrent map writes" is a data race on a map.',
			fixes: [{description: 'Run the tests with the race detector', command: 'go test -race ./...'}],
			cases: {
				fires: [{log: ['fatal error: all goroutines are asleep - deadlock!', '', 'goroutine 1 [chan receive]:']}],
				silent: [{log: ['fatal error: runtime: out of memory']}],
			},
		},
		{
			id: 'rust-panic',
			runtime: 'rust',
			pattern: /^thread '([^']+)' panicked at (?:'([^']{0,160})', )?([^\s:]+:\d+:\d+)/,
			kind: 'fallback',
			confidence: 'medium',
			title: 'The Rust program panicked in thread {1} at {3}',
			explanation:
				'A panic unwound the thread; in the main thread that ends the process with exit code 101. Panics from unwrap() or expect() on an Err carry the underlying error in the message.',
			fixes: [{description: 'Get a backtrace', command: 'docker run -e RUST_BACKTRACE=1 {image}'}],
			cases: {
				fires: [
					{
						log: [
							"thread 'main' panicked at src/main.rs:14:35:",
							'called `Result::unwrap()` on an `Err` value: Os { code: 2, kind: NotFound, message: "No such file or directory" }',
						],
					},
					{log: ["thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', src/main.rs:9:10"]},
				],
				silent: [{log: ['note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace']}],
			},
		},
		{
			id: 'dotnet-unhandled-exception',
			runtime: 'dotnet',
			pattern: /^Unhandled exception\. ([\w.]+(?:Exception))(?:: (.{0,160}))?$/,
			kind: 'fallback',
			confidence: 'medium',
			title: '.NET exited on an unhandled {1}',
			explanation:
				'An exception reached the top of the main thread, so the runtime ended the process (exit code 134 with a core dump on Linux, after SIGABRT). The inner exception lines name the root cause.',
			fixes: [{description: 'Read the full exception', command: 'docker logs --tail 100 {name}'}],
			cases: {
				fires: [
					{log: ["Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'IRepo' while attempting to activate 'Worker'."]},
				],
				silent: [
					{
						log: [
							'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
							'      Connection id "0HN1", Request id "0HN1:00000001": An unhandled exception was thrown by the application.',
						],
					},
				],
			},
		},
	],
};
