/** Resource limits seen from inside: pids, open files, /dev/shm, GPU memory, child processes OOM-killed, disk. */
import type {SignatureFamily} from './types.js';

const PIDS_FIX = {description: 'Raise the pids limit (or find the process that forks without end)', command: 'docker update --pids-limit 1024 {name}'};
const NOFILE_FIX = {description: 'Raise the open-files limit for the container', command: 'docker run --ulimit nofile=65536:65536 {image}'};
const SHM_FIX = {description: "Give /dev/shm more room (Docker's default is 64 MiB)", command: 'docker run --shm-size=2g {image}'};

export const resources: SignatureFamily = {
	id: 'resources',
	description: 'Limits hit at run time: the pids limit (fork failures), open files, /dev/shm, GPU memory, a child process killed for memory.',
	signatures: [
		{
			id: 'fork-failed',
			runtime: 'shell',
			pattern: /(?:fork: (?:retry: )?Resource temporarily unavailable|can't fork|Cannot fork)/,
			title: 'Could not start a new process: the pids limit or the process table is full',
			explanation:
				"fork() failed with EAGAIN: the container reached its pids limit (--pids-limit, pids_limit: in compose) or the user's process limit. Every thread counts as a pid, so a thread pool or a fork bomb reaches it quickly.",
			fixes: [PIDS_FIX, {description: 'See how many processes and threads it runs', command: 'docker top {name} -eLf | wc -l'}],
			cases: {
				fires: [{log: ['/entrypoint.sh: fork: retry: Resource temporarily unavailable']}, {log: ["sh: can't fork: Resource temporarily unavailable"]}],
				silent: [{log: ['curl: (7) Failed to connect: Resource temporarily unavailable']}],
			},
		},
		{
			id: 'python-thread-limit',
			runtime: 'python',
			pattern: /RuntimeError: can't start new thread/,
			title: 'Python could not start a thread: the pids limit is reached',
			explanation:
				'Threads are processes to the kernel\'s pids limit. A container with --pids-limit (or a low default in some orchestrators) refuses new threads once it is reached, and Python raises "can\'t start new thread".',
			fixes: [PIDS_FIX, {description: 'Or size the thread/worker pool to fit', edit: {file: 'gunicorn.conf.py', change: 'threads = 4'}}],
			cases: {
				fires: [
					{
						log: [
							'  File "/usr/local/lib/python3.11/threading.py", line 957, in start',
							'    _start_new_thread(self._bootstrap, ())',
							"RuntimeError: can't start new thread",
						],
					},
				],
				silent: [{log: ['INFO Started thread pool with 8 workers']}],
			},
		},
		{
			id: 'jvm-native-thread',
			runtime: 'jvm',
			pattern: /java\.lang\.OutOfMemoryError: unable to create (?:new )?native thread/,
			title: 'The JVM could not create a thread: the pids limit, not the heap',
			explanation:
				'Despite the name, "unable to create native thread" is not about heap memory: the kernel refused a new thread, almost always because the container\'s pids limit (or the user\'s nproc ulimit) is reached.',
			fixes: [
				PIDS_FIX,
				{
					description: 'Bound the thread pools (for Spring Boot: server.tomcat.threads.max)',
					edit: {file: 'application.properties', change: 'server.tomcat.threads.max=100'},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'Exception in thread "main" java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached',
						],
					},
				],
				silent: [{log: ['Exception in thread "main" java.lang.OutOfMemoryError: Java heap space']}],
			},
		},
		{
			id: 'go-thread-limit',
			runtime: 'go',
			pattern: /runtime: failed to create new OS thread|runtime\/cgo: pthread_create failed: Resource temporarily unavailable/,
			title: 'The Go runtime could not create an OS thread: the pids limit is reached',
			explanation: 'The Go runtime needs OS threads for blocking system calls and cgo. The kernel refused one (EAGAIN), so the container hit its pids limit.',
			fixes: [PIDS_FIX],
			cases: {
				fires: [
					{
						log: [
							'runtime: failed to create new OS thread (have 1026 already; errno=11)',
							'runtime: may need to increase max user processes (ulimit -u)',
							'fatal error: newosproc',
						],
					},
				],
				silent: [{log: ['runtime: goroutine stack exceeds 1000000000-byte limit']}],
			},
		},
		{
			id: 'node-spawn-eagain',
			runtime: 'node',
			pattern: /Error: spawn (\S+) EAGAIN/,
			title: 'Node.js could not spawn {1}: the pids limit is reached',
			explanation: 'child_process.spawn failed with EAGAIN: the kernel refused a new process, so the container reached its pids limit.',
			fixes: [PIDS_FIX],
			cases: {
				fires: [{log: ['Error: spawn /bin/sh EAGAIN', '    at Process.ChildProcess._handle.onexit (node:internal/child_process:284:19)']}],
				silent: [{log: ['Error: spawn git ENOENT']}],
			},
		},
		{
			id: 'too-many-open-files',
			runtime: 'any',
			pattern: /(?:EMFILE|[Tt]oo many open files|\(24: Too many open files\))/,
			title: 'Ran out of file descriptors (the open-files ulimit)',
			explanation:
				'Every socket, file and pipe takes a file descriptor, and the process reached its RLIMIT_NOFILE. A server under load, a file watcher or a descriptor leak does this; the default in containers is whatever the engine passes on (often 1048576, but 1024 on some hosts and with some init systems).',
			fixes: [NOFILE_FIX, {description: 'Check the limit inside the container', command: 'docker exec {name} sh -c "ulimit -n"'}],
			cases: {
				fires: [
					{log: ['2024/05/01 10:00:00 http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 1s']},
					{log: ["Error: EMFILE: too many open files, watch '/app/src'"]},
					{log: ['2024/05/01 10:00:01 [crit] 29#29: accept4() failed (24: Too many open files)']},
					{log: ["OSError: [Errno 24] Too many open files: '/app/data/part-0001.csv'"]},
				],
				silent: [{log: ['INFO  Opened 24 files for indexing']}],
			},
		},
		{
			id: 'shm-bus-error',
			runtime: 'python',
			pattern: /(?:Unexpected bus error encountered in worker|insufficient shared memory \(shm\))/,
			title: 'DataLoader workers ran out of /dev/shm (shared memory)',
			explanation:
				'PyTorch DataLoader workers pass batches through /dev/shm. Docker gives a container 64 MiB of it by default, so the workers hit a bus error as soon as the batches are larger.',
			fixes: [
				SHM_FIX,
				{description: "Or share the host's IPC namespace", command: 'docker run --ipc=host {image}'},
				{description: 'Or use fewer workers', edit: {file: 'train.py', change: 'DataLoader(dataset, num_workers=0)'}},
			],
			cases: {
				fires: [{log: ['ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).']}],
				silent: [{log: ['Bus 002 Device 001: ID 1d6b:0003 Linux Foundation 3.0 root hub']}],
			},
		},
		{
			id: 'postgres-shm-exhausted',
			runtime: 'postgres',
			pattern: /could not resize shared memory segment "([^"]+)" to (\d+) bytes: No space left on device/,
			title: 'Postgres ran out of /dev/shm for a parallel query',
			explanation:
				"Parallel query workers exchange data through dynamic shared memory in /dev/shm. The container has Docker's default 64 MiB, which a large sort or hash join exceeds: the disk is not full.",
			fixes: [SHM_FIX, {description: 'In compose', edit: {file: 'compose.yaml', change: 'shm_size: 1g'}}],
			cases: {
				fires: [
					{
						log: [
							'2024-05-01 10:00:00.000 UTC [87] ERROR:  could not resize shared memory segment "/PostgreSQL.1234567" to 8388608 bytes: No space left on device',
						],
					},
				],
				silent: [{log: ['2024-05-01 10:00:00.000 UTC [1] LOG:  database system is ready to accept connections']}],
			},
		},
		{
			id: 'chrome-shm',
			runtime: 'chromium',
			pattern: /(?:Creating shared memory in \/dev\/shm\/[^ ]+ failed|session deleted because of page crash|Target crashed)/,
			title: 'Chromium crashed for lack of /dev/shm',
			explanation: "Headless Chrome keeps renderer memory in /dev/shm. With Docker's 64 MiB default, pages crash under load.",
			fixes: [SHM_FIX, {description: 'Or tell Chrome not to use /dev/shm', command: 'chromium --headless --disable-dev-shm-usage'}],
			cases: {
				fires: [
					{
						log: [
							'[0501/100000.000:ERROR:platform_shared_memory_region_posix.cc(217)] Creating shared memory in /dev/shm/.org.chromium.Chromium.abc failed: No space left on device (28)',
						],
					},
				],
				silent: [{log: ['DevTools listening on ws://127.0.0.1:9222/devtools/browser/abc']}],
			},
		},
		{
			id: 'cuda-out-of-memory',
			runtime: 'python',
			pattern: /(?:torch\.(?:cuda\.)?OutOfMemoryError: |RuntimeError: )?CUDA out of memory\. Tried to allocate ([\d.]+ [KMG]iB)(?: \(GPU (\d+)[^)]*\))?/,
			title: "The GPU ran out of memory (tried to allocate {1}): this is GPU memory, not the container's",
			explanation:
				"PyTorch could not allocate {1} on the GPU. GPU memory is separate from the container's memory limit and from host RAM: raising --memory does not help. Another process on the same GPU (another container, a notebook) may hold memory too.",
			fixes: [
				{description: "See who uses the GPU's memory", command: 'nvidia-smi'},
				{
					description: 'Use a smaller batch size or model, mixed precision, or spread over GPUs',
					edit: {file: 'train.py', change: 'batch_size = 8\nmodel.half()'},
				},
				{description: 'Reduce fragmentation', command: 'docker run -e PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True {image}'},
			],
			cases: {
				fires: [
					{log: ['torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 23.65 GiB of which 1.12 GiB is free.']},
					{
						log: [
							'RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 7.79 GiB total capacity; 6.21 GiB already allocated; 3.31 MiB free; 6.44 GiB reserved in total by PyTorch)',
						],
					},
				],
				silent: [{log: ['INFO: Using CUDA device 0 (NVIDIA A10G) with 23.65 GiB memory']}],
			},
		},
		{
			id: 'tensorflow-oom',
			runtime: 'python',
			pattern: /ResourceExhaustedError: (?:\{\{function_node [^}]+\}\} )?OOM when allocating tensor with shape\[([\d,]+)\]/,
			title: 'TensorFlow ran out of GPU memory allocating a tensor of shape [{1}]',
			explanation: "The device (usually the GPU) has no room for the tensor. This is accelerator memory, not the container's memory limit.",
			fixes: [
				{
					description: 'Use a smaller batch, or let TensorFlow grow memory instead of reserving it all',
					command: 'docker run -e TF_FORCE_GPU_ALLOW_GROWTH=true {image}',
				},
			],
			cases: {
				fires: [
					{
						log: [
							'tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[256,512,28,28] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc',
						],
					},
				],
				silent: [
					{log: ['I tensorflow/core/common_runtime/gpu/gpu_device.cc:1635] Created device /job:localhost/replica:0/task:0/device:GPU:0 with 21000 MB memory']},
				],
			},
		},
		{
			id: 'child-oom-killed',
			runtime: 'shell',
			pattern: /^(?:\/[\w/.-]+|sh|bash)?:? ?(?:line \d+: )?\s*(\d+) Killed\s+(.+)$/,
			title: 'A child process ({2}) was SIGKILLed, likely by the kernel OOM killer',
			explanation:
				"The shell reports that a process it started was killed with SIGKILL. In a container with a memory limit that is almost always the kernel OOM killer picking the biggest process, while PID 1 (the shell) survives to print this line, so the container's exit code may not be 137.",
			fixes: [
				{description: 'Give the container more memory, or make the job use less', command: 'docker update --memory 2g --memory-swap 2g {name}'},
				{description: 'Check the kernel log on the host', command: "dmesg -T | grep -i 'killed process'"},
			],
			cases: {
				fires: [{log: ['/entrypoint.sh: line 12:    57 Killed                  python train.py --epochs 10']}],
				silent: [{log: ['Killed 3 idle connections']}],
			},
		},
		{
			id: 'worker-sigkill',
			runtime: 'python',
			pattern: /(?:WorkerLostError: Worker exited prematurely: signal 9 \(SIGKILL\)|DataLoader worker \(pid \d+\) is killed by signal: Killed)/,
			title: 'A worker process was SIGKILLed: most likely the memory limit',
			explanation:
				'A worker process (a Celery worker, a PyTorch DataLoader worker) died of SIGKILL while the main process lives on. In a container this is almost always the kernel OOM killer reacting to the memory limit.',
			fixes: [
				{description: 'Give it more memory', command: 'docker update --memory 4g --memory-swap 4g {name}'},
				{description: 'Or recycle Celery workers before they grow', command: 'celery -A app worker --max-memory-per-child=500000'},
			],
			cases: {
				fires: [
					{log: ['billiard.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: 12.']},
					{log: ['RuntimeError: DataLoader worker (pid 1234) is killed by signal: Killed. ']},
				],
				silent: [{log: ['[2024-05-01 10:00:00,000: INFO/MainProcess] Connected to redis://redis:6379/0']}],
			},
		},
		{
			id: 'jvm-heap-above-limit',
			runtime: 'jvm',
			pattern: /(?:Could not reserve enough space for (?:object heap|[\d]+KB object heap)|Initial heap size set to a larger value than the maximum heap size)/,
			title: 'The JVM heap setting does not fit the container',
			explanation:
				'The JVM could not reserve the heap that -Xmx/-Xms ask for: the value is above what the container (or the 32-bit JVM) can give. Size the heap from the container limit instead.',
			fixes: [{description: 'Size the heap as a share of the container limit', command: 'docker run -e JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" {image}'}],
			cases: {
				fires: [
					{
						log: [
							'Error occurred during initialization of VM',
							'Could not reserve enough space for object heap',
							'Error: Could not create the Java Virtual Machine.',
						],
					},
				],
				silent: [{log: ['Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75']}],
			},
		},
		{
			id: 'jvm-metaspace',
			runtime: 'jvm',
			pattern: /java\.lang\.OutOfMemoryError: (Metaspace|Compressed class space|Direct buffer memory|GC overhead limit exceeded)/,
			title: 'The JVM ran out of {1}',
			explanation:
				'This OutOfMemoryError is not the heap being too small in general: Metaspace holds class metadata (class loader leaks, many redeploys), direct buffer memory is off-heap (Netty, NIO), and GC overhead means the heap is nearly full of live data.',
			fixes: [
				{
					description: 'Raise the specific pool, or find the leak with a heap dump',
					command: 'docker run -e JAVA_TOOL_OPTIONS="-XX:MaxMetaspaceSize=512m -XX:MaxDirectMemorySize=512m -XX:+HeapDumpOnOutOfMemoryError" {image}',
				},
			],
			cases: {
				fires: [{log: ['Exception in thread "http-nio-8080-exec-1" java.lang.OutOfMemoryError: Metaspace']}],
				silent: [{log: ['Exception in thread "main" java.lang.OutOfMemoryError: Java heap space']}],
			},
		},
		{
			id: 'php-memory-limit',
			runtime: 'php',
			pattern: /(?:PHP )?Fatal error:\s+Allowed memory size of (\d+) bytes exhausted/,
			title: "PHP hit its memory_limit ({1} bytes), not the container's",
			explanation: "PHP stops a script that uses more than memory_limit from php.ini. This is PHP's own cap, independent of the container memory limit.",
			fixes: [
				{description: 'Raise memory_limit (keep it under the container limit)', edit: {file: 'php.ini', change: 'memory_limit = 512M'}},
				{description: 'For Composer', command: 'docker run -e COMPOSER_MEMORY_LIMIT=-1 {image} composer install'},
			],
			cases: {
				fires: [
					{
						log: [
							'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/html/vendor/x.php on line 12',
						],
					},
				],
				silent: [{log: ['PHP Warning:  Undefined variable $size in /var/www/html/index.php on line 3']}],
			},
		},
		{
			id: 'redis-maxmemory',
			runtime: 'redis',
			pattern: /OOM command not allowed when used memory > 'maxmemory'/,
			title: 'Redis is full: used memory is above maxmemory and the policy refuses writes',
			explanation:
				'Redis refuses writes once maxmemory is reached and the eviction policy is noeviction. Either the data set outgrew the cap or keys never expire.',
			fixes: [
				{
					description: 'Evict old keys instead of refusing writes (for a cache)',
					command: 'docker exec {name} redis-cli CONFIG SET maxmemory-policy allkeys-lru',
				},
				{description: 'See the memory use', command: 'docker exec {name} redis-cli INFO memory'},
			],
			cases: {
				fires: [{log: ["redis.exceptions.ResponseError: OOM command not allowed when used memory > 'maxmemory'."]}],
				silent: [{log: ['1:M 01 May 2024 10:00:00.000 * Ready to accept connections tcp']}],
			},
		},
		{
			id: 'elasticsearch-disk-watermark',
			runtime: 'elasticsearch',
			pattern: /flood stage disk watermark \[([\d.%]+)\] exceeded/,
			title: 'Elasticsearch made its indices read-only: the disk is above the flood-stage watermark ({1})',
			explanation:
				"When the data path's disk is more than 95% full, Elasticsearch blocks writes to every index on that node (index.blocks.read_only_allow_delete). Freeing space lifts the block in recent versions.",
			fixes: [
				{description: 'See the disk use per node', command: 'curl -s localhost:9200/_cat/allocation?v'},
				{description: 'Free space (or grow the volume), then check the blocks are gone', command: 'docker system df -v'},
			],
			cases: {
				fires: [
					{
						log: [
							'{"@timestamp":"2024-05-01T10:00:00.000Z", "log.level": "WARN", "message":"flood stage disk watermark [95%] exceeded on [abc][es01][/usr/share/elasticsearch/data] free: 1.2gb[4.1%], all indices on this node will be marked read-only", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[es01][management][T#1]","log.logger":"org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor"}',
						],
					},
				],
				silent: [
					{log: ['{"@timestamp":"2024-05-01T10:00:00.000Z", "log.level": "INFO", "message":"low disk watermark [85%] no longer exceeded on [abc][es01]"}']},
				],
			},
		},
	],
};
