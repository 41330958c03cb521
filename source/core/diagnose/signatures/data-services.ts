/** Redis, Kafka and Elasticsearch server-side failures. */
import type {SignatureFamily} from './types.js';

export const dataServices: SignatureFamily = {
	id: 'data-services',
	description: 'Redis persistence and config, Kafka listeners and cluster ids, Elasticsearch bootstrap checks and node locks.',
	signatures: [
		{
			id: 'redis-misconf-persist',
			runtime: 'redis',
			pattern: /MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk/,
			title: 'Redis refuses writes: it cannot save its snapshot to disk',
			explanation:
				'A background save (BGSAVE) failed, and with stop-writes-on-bgsave-error on, Redis refuses writes. The data directory is not writable for the redis user, the disk is full, or fork() failed for lack of memory (vm.overcommit_memory=0 on the host).',
			fixes: [
				{description: 'Read why the save failed', command: 'docker logs --tail 50 redis 2>&1 | grep -i -E "background saving|Failed opening"'},
				{description: 'Allow fork under memory pressure on the host', command: 'sudo sysctl vm.overcommit_memory=1'},
			],
			cases: {
				fires: [
					{
						log: [
							"redis.exceptions.ResponseError: MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.",
						],
					},
				],
				silent: [{log: ['1:M 01 May 2024 10:00:00.000 * Background saving terminated with success']}],
			},
		},
		{
			id: 'redis-rdb-unwritable',
			runtime: 'redis',
			pattern: /Failed opening the (?:RDB|temp RDB) file ([^\s]+) \(in server root dir ([^)]+)\) for saving: ([\w ]+)/,
			title: 'Redis cannot write {1} in {2}: {3}',
			explanation:
				'Redis saves its snapshot into its working directory. That directory (usually a mounted volume at /data) is not writable for the redis user, is read-only, or is full.',
			fixes: [{description: 'Give the redis user (uid 999 in the official image) the data directory', command: 'sudo chown -R 999:999 ./redis-data'}],
			cases: {
				fires: [{log: ['1:M 01 May 2024 10:00:00.000 # Failed opening the temp RDB file temp-1.rdb (in server root dir /data) for saving: Permission denied']}],
				silent: [{log: ['1:M 01 May 2024 10:00:00.000 * DB saved on disk']}],
			},
		},
		{
			id: 'redis-config-error',
			runtime: 'redis',
			pattern: /\*\*\* FATAL CONFIG FILE ERROR \(Redis ([\d.]+)\) \*\*\*/,
			title: 'Redis {1} rejects its configuration file',
			explanation:
				'redis-server stops on the first unknown or malformed directive; the lines after this one show the line number and the offending directive. A config written for a newer Redis is the usual case.',
			fixes: [{description: 'Check the directive against the Redis version in the image', command: 'docker run --rm {image} redis-server --version'}],
			cases: {
				fires: [
					{
						log: [
							'*** FATAL CONFIG FILE ERROR (Redis 7.2.4) ***',
							'Reading the configuration file, at line 2',
							">>> 'maxmemory-policy allkeys-lfu2'",
							'argument(s) must be one of the following: volatile-lru, allkeys-lru',
						],
					},
				],
				silent: [{log: ['1:C 01 May 2024 10:00:00.000 # Configuration loaded']}],
			},
		},
		{
			id: 'redis-rdb-version',
			runtime: 'redis',
			pattern: /Can't handle RDB format version (\d+)/,
			title: 'The Redis data file is from a newer Redis (RDB version {1})',
			explanation:
				'The dump.rdb in the volume was written by a newer Redis than this image runs. Redis can read older snapshots but not newer ones: the image was downgraded.',
			fixes: [{description: 'Run the Redis version that wrote the data', edit: {file: 'compose.yaml', change: 'image: redis:7.2'}}],
			cases: {
				fires: [
					{
						log: [
							"1:M 01 May 2024 10:00:00.000 # Can't handle RDB format version 11",
							'1:M 01 May 2024 10:00:00.000 # Fatal error loading the DB: Invalid argument. Exiting.',
						],
					},
				],
				silent: [{log: ['1:M 01 May 2024 10:00:00.000 * DB loaded from disk: 0.001 seconds']}],
			},
		},
		{
			id: 'redis-auth-required',
			runtime: 'redis',
			pattern: /(NOAUTH Authentication required|WRONGPASS invalid username-password pair(?: or user is disabled)?)/,
			title: 'Redis rejected the client: {1}',
			explanation: 'The Redis server requires a password (requirepass, or ACL users), and the client sends none or the wrong one.',
			fixes: [{description: "Put the password in the client's URL", command: 'docker run -e REDIS_URL=redis://:PASSWORD@redis:6379/0 {image}'}],
			cases: {
				fires: [
					{log: ['redis.exceptions.AuthenticationError: NOAUTH Authentication required.']},
					{log: ['ReplyError: WRONGPASS invalid username-password pair or user is disabled.']},
				],
				silent: [{log: ['1:M 01 May 2024 10:00:00.000 * Ready to accept connections tcp']}],
			},
		},
		{
			id: 'kafka-cluster-id-mismatch',
			runtime: 'kafka',
			pattern: /InconsistentClusterIdException: The Cluster ID (\S+) doesn't match stored clusterId (\S+) in meta\.properties/,
			title: "Kafka's data belongs to another cluster (stored cluster id {2})",
			explanation:
				"The broker's log directory was formatted for a different cluster: ZooKeeper was recreated (its volume is gone) while the Kafka volume stayed, or a KRaft CLUSTER_ID changed. The broker refuses to join.",
			fixes: [
				{
					description: "Keep ZooKeeper's data on a volume too, or, for a disposable cluster, wipe the Kafka volume",
					command: 'docker compose down && docker volume rm PROJECT_kafka-data && docker compose up -d',
				},
			],
			cases: {
				fires: [
					{
						log: [
							'[2024-05-01 10:00:00,000] ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)',
							"kafka.common.InconsistentClusterIdException: The Cluster ID Xq1 doesn't match stored clusterId Some(Ab2) in meta.properties. The broker is trying to join the wrong cluster. Configured zookeeper.connect may be wrong.",
						],
					},
				],
				silent: [{log: ['[2024-05-01 10:00:00,000] INFO Cluster ID = Xq1 (kafka.server.KafkaServer)']}],
			},
		},
		{
			id: 'kafka-listener-config',
			runtime: 'kafka',
			pattern:
				/(?:advertised\.listeners listener names must be equal to or a subset of the ones defined in listeners|No security protocol defined for listener ([\w_]+)|Each listener must have a different (?:name|port)|requirement failed: (?:inter\.broker\.listener\.name|controller\.listener\.names)[^\n]{0,120})/,
			title: 'Kafka listener configuration is inconsistent',
			explanation:
				'Every name in KAFKA_ADVERTISED_LISTENERS must also be in KAFKA_LISTENERS and have a protocol in KAFKA_LISTENER_SECURITY_PROTOCOL_MAP. Internal clients (other containers) need a listener advertised with the service name, host clients one advertised as localhost.',
			fixes: [
				{
					description: 'A working two-listener setup',
					edit: {
						file: 'compose.yaml',
						change:
							'KAFKA_LISTENERS: INTERNAL://0.0.0.0:29092,EXTERNAL://0.0.0.0:9092\nKAFKA_ADVERTISED_LISTENERS: INTERNAL://kafka:29092,EXTERNAL://localhost:9092\nKAFKA_LISTENER_SECURITY_PROTOCOL_MAP: INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT\nKAFKA_INTER_BROKER_LISTENER_NAME: INTERNAL',
					},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'java.lang.IllegalArgumentException: requirement failed: advertised.listeners listener names must be equal to or a subset of the ones defined in listeners. Found PLAINTEXT_HOST. The valid options based on currently configured listeners are PLAINTEXT',
						],
					},
					{log: ['java.lang.IllegalArgumentException: No security protocol defined for listener PLAINTEXT_HOST']},
				],
				silent: [{log: ['[2024-05-01 10:00:00,000] INFO Awaiting socket connections on 0.0.0.0:9092. (kafka.network.DataPlaneAcceptor)']}],
			},
		},
		{
			id: 'kafka-zookeeper-unreachable',
			runtime: 'kafka',
			pattern:
				/(?:Timed out waiting for connection while in state: CONNECTING|Unable to resolve address: ([\w.-]+)(?::\d+)?|Opening socket connection to server ([\w.-]+)\/[\d.]+:2181)/,
			unless: /Session establishment complete on server/,
			title: 'Kafka cannot reach ZooKeeper',
			explanation:
				'The broker needs ZooKeeper at start (or KRaft controllers). ZooKeeper is not up yet, has another host name than KAFKA_ZOOKEEPER_CONNECT, or is on another network.',
			fixes: [
				{
					description: 'Start Kafka after ZooKeeper is healthy',
					edit: {file: 'compose.yaml', change: 'depends_on:\n  zookeeper:\n    condition: service_healthy'},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'[2024-05-01 10:00:00,000] ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)',
							'kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING',
						],
					},
				],
				silent: [
					{
						log: [
							'[2024-05-01 10:00:00,000] INFO Opening socket connection to server zookeeper/172.18.0.2:2181.',
							'[2024-05-01 10:00:00,100] INFO Session establishment complete on server zookeeper/172.18.0.2:2181, session id = 0x1000, negotiated timeout = 18000',
						],
					},
				],
			},
		},
		{
			id: 'elasticsearch-max-map-count',
			runtime: 'elasticsearch',
			pattern: /max virtual memory areas vm\.max_map_count \[(\d+)\] is too low, increase to at least \[(\d+)\]/,
			title: 'Elasticsearch needs vm.max_map_count ≥ {2} on the host (it is {1})',
			explanation:
				'In production mode (bound to a non-loopback address), Elasticsearch enforces bootstrap checks. vm.max_map_count is a host kernel setting: it cannot be set from inside the container.',
			fixes: [
				{description: 'Set it on the host (and persist it in /etc/sysctl.d)', command: 'sudo sysctl -w vm.max_map_count=262144'},
				{description: 'Or, for a single dev node, skip the production checks', command: 'docker run -e discovery.type=single-node {image}'},
			],
			cases: {
				fires: [
					{
						log: [
							'ERROR: [1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.',
							'bootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]',
						],
					},
				],
				silent: [
					{
						log: [
							'{"@timestamp":"2024-05-01T10:00:00.000Z", "log.level": "INFO", "message":"bound or publishing to a non-loopback address, enforcing bootstrap checks"}',
						],
					},
				],
			},
		},
		{
			id: 'elasticsearch-discovery-unconfigured',
			runtime: 'elasticsearch',
			pattern:
				/the default discovery settings are unsuitable for production use; at least one of \[discovery\.seed_hosts, discovery\.seed_providers, cluster\.initial_master_nodes\] must be configured/,
			title: 'Elasticsearch has no discovery settings for production mode',
			explanation:
				'Bound to a non-loopback address, Elasticsearch requires discovery settings. A single container for development should say discovery.type=single-node.',
			fixes: [{description: 'Single node', command: 'docker run -e discovery.type=single-node {image}'}],
			cases: {
				fires: [
					{
						log: [
							'bootstrap check failure [1] of [1]: the default discovery settings are unsuitable for production use; at least one of [discovery.seed_hosts, discovery.seed_providers, cluster.initial_master_nodes] must be configured',
						],
					},
				],
				silent: [{log: ['{"@timestamp":"2024-05-01T10:00:00.000Z", "log.level": "INFO", "message":"master node changed {previous [], current [{es01}]}"}']}],
			},
		},
		{
			id: 'elasticsearch-node-lock',
			runtime: 'elasticsearch',
			pattern: /failed to obtain node locks, tried \[([^\]]+)\]/,
			title: 'Elasticsearch cannot lock its data path {1}',
			explanation:
				'Another node holds the data path (two containers on one volume), or the path is not writable for the elasticsearch user (uid 1000) so the lock file cannot be created.',
			fixes: [{description: 'Give uid 1000 the data directory, and one node per volume', command: 'sudo chown -R 1000:0 ./esdata'}],
			cases: {
				fires: [
					{
						log: [
							'java.lang.IllegalStateException: failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?',
						],
					},
				],
				silent: [
					{
						log: [
							'{"@timestamp":"2024-05-01T10:00:00.000Z", "log.level": "INFO", "message":"using [1] data paths, mounts [[/usr/share/elasticsearch/data (/dev/sda1)]]"}',
						],
					},
				],
			},
		},
		{
			id: 'elasticsearch-memory-lock',
			runtime: 'elasticsearch',
			pattern: /memory locking requested for elasticsearch process but memory is not locked/,
			title: 'bootstrap.memory_lock is set, but the container may not lock memory',
			explanation: 'With bootstrap.memory_lock=true the process needs an unlimited memlock ulimit; containers get a small default.',
			fixes: [{description: 'Allow memory locking', command: 'docker run --ulimit memlock=-1:-1 -e bootstrap.memory_lock=true {image}'}],
			cases: {
				fires: [{log: ['bootstrap check failure [1] of [1]: memory locking requested for elasticsearch process but memory is not locked']}],
				silent: [{log: ['{"@timestamp":"2024-05-01T10:00:00.000Z", "log.level": "INFO", "message":"JVM arguments [-Xms1g, -Xmx1g]"}']}],
			},
		},
	],
};
