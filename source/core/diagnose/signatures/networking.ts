/** Networking: listening on loopback behind a published port, dependencies not ready, unix-socket defaults, start order. */
import type {DiagnosisFacts} from '../facts.js';
import type {SignatureFamily} from './types.js';

const published = (f: DiagnosisFacts) => f.ports.length > 0;
const P = ['8000:8000'];
const LOOPBACK =
	'Inside a container, 127.0.0.1 is the container itself. A published port (-p) forwards traffic to the container\'s own network interface, not to its loopback, so a server bound to 127.0.0.1 or localhost looks up in its logs but no request from outside ever reaches it (curl says "connection reset" or "empty reply").';
const READY = {
	description: 'Start it only once the dependency is healthy (compose)',
	edit: {file: 'compose.yaml', change: 'depends_on:\n  db:\n    condition: service_healthy'},
};
const RETRY = {
	description: 'And let the app retry its first connection for a while instead of exiting',
	edit: {file: 'app', change: 'retry the connection with back-off for ~30 s at start-up'},
};

export const networking: SignatureFamily = {
	id: 'networking',
	description: 'Listening on loopback behind a published port, dependencies that are not up yet, localhost meaning the container itself.',
	signatures: [
		{
			id: 'listen-loopback-uvicorn',
			runtime: 'uvicorn',
			pattern: /Uvicorn running on https?:\/\/(127\.0\.0\.1|localhost):(\d+)/,
			when: published,
			title: 'Uvicorn listens on {1}:{2}, which a published port cannot reach',
			explanation: LOOPBACK,
			fixes: [{description: 'Bind to all interfaces', edit: {file: 'Dockerfile', change: 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "{2}"]'}}],
			cases: {
				fires: [
					{
						log: ['INFO:     Started server process [1]', 'INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)'],
						facts: {running: true, ports: P},
					},
				],
				silent: [
					{log: ['INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)'], facts: {running: true, ports: P}},
					{log: ['INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)'], facts: {running: true}},
				],
			},
		},
		{
			id: 'listen-loopback-flask',
			runtime: 'flask',
			pattern: /^ \* Running on https?:\/\/(127\.0\.0\.1|localhost):(\d+)/,
			unless: /^ \* Running on https?:\/\/(?!127\.0\.0\.1|localhost)/,
			when: published,
			title: 'Flask listens on {1}:{2} only, which a published port cannot reach',
			explanation: LOOPBACK + " Flask's development server binds to 127.0.0.1 unless told otherwise.",
			fixes: [{description: 'Bind to all interfaces', edit: {file: 'Dockerfile', change: 'CMD ["flask", "run", "--host=0.0.0.0", "--port={2}"]'}}],
			cases: {
				fires: [
					{log: [" * Serving Flask app 'app'", ' * Debug mode: off', ' * Running on http://127.0.0.1:5000'], facts: {running: true, ports: ['5000:5000']}},
				],
				silent: [
					{
						log: [' * Running on all addresses (0.0.0.0)', ' * Running on http://127.0.0.1:5000', ' * Running on http://172.17.0.2:5000'],
						facts: {running: true, ports: ['5000:5000']},
					},
				],
			},
		},
		{
			id: 'listen-loopback-django',
			runtime: 'django',
			pattern: /Starting development server at https?:\/\/(127\.0\.0\.1|localhost):(\d+)\//,
			when: published,
			title: 'The Django development server listens on {1}:{2} only',
			explanation: LOOPBACK + ' manage.py runserver binds to 127.0.0.1:8000 by default.',
			fixes: [{description: 'Bind to all interfaces', edit: {file: 'Dockerfile', change: 'CMD ["python", "manage.py", "runserver", "0.0.0.0:{2}"]'}}],
			cases: {
				fires: [
					{
						log: [
							"Django version 5.0.4, using settings 'app.settings'",
							'Starting development server at http://127.0.0.1:8000/',
							'Quit the server with CONTROL-C.',
						],
						facts: {running: true, ports: P},
					},
				],
				silent: [{log: ['Starting development server at http://0.0.0.0:8000/'], facts: {running: true, ports: P}}],
			},
		},
		{
			id: 'listen-loopback-vite',
			runtime: 'node',
			pattern: /➜\s+Local:\s+https?:\/\/(localhost|127\.0\.0\.1):(\d+)\//,
			unless: /➜\s+Network:\s+https?:\/\/\d/,
			when: published,
			title: 'The Vite dev server listens on {1}:{2} only',
			explanation: LOOPBACK + ' Vite prints "Network: use --host to expose" when it is bound to loopback.',
			fixes: [{description: 'Expose it on all interfaces', edit: {file: 'package.json', change: '"dev": "vite --host 0.0.0.0"'}}],
			cases: {
				fires: [
					{
						log: ['  VITE v5.2.10  ready in 312 ms', '', '  ➜  Local:   http://localhost:5173/', '  ➜  Network: use --host to expose'],
						facts: {running: true, ports: ['5173:5173']},
					},
				],
				silent: [{log: ['  ➜  Local:   http://localhost:5173/', '  ➜  Network: http://172.17.0.2:5173/'], facts: {running: true, ports: ['5173:5173']}}],
			},
		},
		{
			id: 'listen-loopback-dotnet',
			runtime: 'dotnet',
			pattern: /Now listening on: https?:\/\/(localhost|127\.0\.0\.1):(\d+)/,
			unless: /Now listening on: https?:\/\/(?:\[::\]|0\.0\.0\.0|\+|\*)/,
			when: published,
			title: 'ASP.NET Core listens on {1}:{2} only',
			explanation: LOOPBACK + ' Kestrel binds to localhost when ASPNETCORE_URLS (or ASPNETCORE_HTTP_PORTS) is not set for the container.',
			fixes: [{description: 'Listen on all interfaces', command: 'docker run -e ASPNETCORE_URLS=http://+:{2} {image}'}],
			cases: {
				fires: [{log: ['info: Microsoft.Hosting.Lifetime[14]', '      Now listening on: http://localhost:5000'], facts: {running: true, ports: ['5000:5000']}}],
				silent: [{log: ['info: Microsoft.Hosting.Lifetime[14]', '      Now listening on: http://[::]:8080'], facts: {running: true, ports: ['8080:8080']}}],
			},
		},
		{
			id: 'listen-loopback-generic',
			runtime: 'any',
			pattern:
				/\b(?:[Ll]istening|[Ss]erving|[Ss]erver (?:is )?(?:running|started|listening)) (?:on|at) (?:https?:\/\/|tcp:\/\/)?(127\.0\.0\.1|localhost|\[::1\]):(\d{2,5})\b/,
			when: published,
			severity: 'warning',
			confidence: 'medium',
			title: 'The server says it listens on {1}:{2}: unreachable through the published port',
			explanation: LOOPBACK,
			fixes: [
				{description: 'Configure the server to bind 0.0.0.0 (all interfaces) inside the container', command: 'docker run -e HOST=0.0.0.0 {image}'},
				{description: 'Check what it listens on', command: 'docker exec {name} netstat -tln'},
			],
			cases: {
				fires: [
					{log: ['Server listening on http://localhost:3000'], facts: {running: true, ports: ['3000:3000']}},
					{log: ['2024/05/01 10:00:00 listening on 127.0.0.1:8080'], facts: {running: true, ports: ['8080:8080']}},
				],
				silent: [
					{log: ['Server listening on http://0.0.0.0:3000'], facts: {running: true, ports: ['3000:3000']}},
					{log: ['Server listening on http://localhost:3000'], facts: {running: true}},
				],
			},
		},
		{
			id: 'postgres-not-ready',
			runtime: 'postgres',
			pattern:
				/(?:FATAL:\s+the database system is (starting up|shutting down|in recovery mode)|connection to server at "([\w.-]+)" \([\d.]+\), port (\d+) failed: Connection refused)/,
			title: 'Postgres was not ready when the app connected',
			explanation:
				'The app tried to reach Postgres while it was still starting (initdb and recovery take seconds, more on first start). Container start order is not readiness: depends_on without a health condition only waits for the container to be created.',
			fixes: [
				READY,
				{
					description: 'Give the database a health check',
					edit: {file: 'compose.yaml', change: 'healthcheck:\n  test: ["CMD-SHELL", "pg_isready -U postgres"]\n  interval: 2s\n  retries: 30'},
				},
				RETRY,
			],
			cases: {
				fires: [
					{
						log: [
							'psycopg2.OperationalError: connection to server at "db" (172.18.0.2), port 5432 failed: Connection refused',
							'\tIs the server running on that host and accepting TCP/IP connections?',
						],
					},
					{log: ['sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATAL:  the database system is starting up']},
				],
				silent: [{log: ['2024-05-01 10:00:00.000 UTC [1] LOG:  database system is ready to accept connections']}],
			},
		},
		{
			id: 'postgres-unix-socket-default',
			runtime: 'postgres',
			pattern: /connection to server on socket "([^"]+)" failed: No such file or directory|could not connect to server: No such file or directory\s*$/,
			title: 'The Postgres client looked for a local socket: the host is not set',
			explanation:
				'With no host (or host=localhost in some drivers), the Postgres client connects to a unix socket in the container itself, where no database runs. In a container the database is another container: set the host to its service name.',
			fixes: [
				{description: 'Point the client at the database service', command: 'docker run -e PGHOST=db -e DATABASE_URL=postgres://user:pass@db:5432/app {image}'},
			],
			cases: {
				fires: [
					{
						log: [
							'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory',
							'\tIs the server running locally and accepting connections on that socket?',
						],
					},
				],
				silent: [{log: ['2024-05-01 10:00:00.000 UTC [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"']}],
			},
		},
		{
			id: 'mysql-not-ready',
			runtime: 'mysql',
			pattern:
				/(?:Can't connect to MySQL server on '([\w.-]+)(?::\d+)?' \((?:111|115|113)(?: "Connection refused")?\)|SQLSTATE\[HY000\] \[2002\] Connection refused|Communications link failure)/,
			title: 'MySQL was not accepting connections when the app connected',
			explanation:
				'The app reached the MySQL host, but nothing listened yet: MySQL takes several seconds to initialise, much longer on first start with an empty data directory. Start order is not readiness.',
			fixes: [
				READY,
				{
					description: 'Give MySQL a health check',
					edit: {file: 'compose.yaml', change: 'healthcheck:\n  test: ["CMD", "mysqladmin", "ping", "-h", "127.0.0.1"]\n  interval: 2s\n  retries: 30'},
				},
				RETRY,
			],
			cases: {
				fires: [
					{
						log: [
							"pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on 'mysql' ([Errno 111] Connection refused)\")".replace(
								'([Errno 111] Connection refused)',
								'(111)',
							),
						],
					},
					{log: ['SQLSTATE[HY000] [2002] Connection refused (SQL: select * from information_schema.tables)']},
					{log: ['com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure']},
				],
				silent: [
					{
						log: [
							"2024-05-01T10:00:00.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.36'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
						],
					},
				],
			},
		},
		{
			id: 'mysql-localhost-socket',
			runtime: 'php',
			pattern: /SQLSTATE\[HY000\] \[2002\] No such file or directory|Can't connect to local MySQL server through socket '([^']+)'/,
			title: 'MySQL host "localhost" means a unix socket inside this container',
			explanation:
				'MySQL clients (PDO, mysqli, the mysql CLI) treat the host name "localhost" as "use the local unix socket", not TCP. Inside the app container there is no MySQL socket: the database is another container.',
			fixes: [
				{
					description: 'Use the database service name (or 127.0.0.1 only if MySQL really runs in this container)',
					command: 'docker run -e DB_HOST=mysql {image}',
				},
			],
			cases: {
				fires: [
					{log: ['SQLSTATE[HY000] [2002] No such file or directory (Connection: mysql, SQL: select * from `users`)']},
					{log: ["ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"]},
				],
				silent: [{log: ['SQLSTATE[HY000] [2002] Connection refused']}],
			},
		},
		{
			id: 'redis-not-ready',
			runtime: 'redis',
			pattern:
				/(?:Error (?:111|99) connecting to ([\w.-]+):(\d+)\. (?:Connection refused|Cannot assign requested address)|Could not connect to Redis at ([\w.-]+):(\d+): Connection refused|ECONNREFUSED [\d.]+:6379)/,
			title: 'Redis was not reachable when the app connected',
			explanation:
				'The app could not open a connection to Redis: Redis was not up yet, or runs on a different host name than the one configured. A Redis started at the same time needs a moment before it accepts connections.',
			fixes: [
				READY,
				{description: 'Give Redis a health check', edit: {file: 'compose.yaml', change: 'healthcheck:\n  test: ["CMD", "redis-cli", "ping"]\n  interval: 2s'}},
				RETRY,
			],
			cases: {
				fires: [
					{log: ['redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.']},
					{log: ['Could not connect to Redis at cache:6379: Connection refused']},
				],
				silent: [{log: ['1:M 01 May 2024 10:00:00.000 * Ready to accept connections tcp']}],
			},
		},
		{
			id: 'mongodb-server-selection',
			runtime: 'mongodb',
			pattern: /(?:MongoServerSelectionError|ServerSelectionTimeoutError|MongoTimeoutException): ?(.{0,120})/,
			title: 'The app could not reach MongoDB (server selection timed out)',
			explanation:
				'The MongoDB driver tried every host in the connection string and found no usable server within its timeout: MongoDB is not up yet, the host name is wrong, or (a replica set) the members advertise names the app cannot resolve.',
			fixes: [READY, {description: "Check the connection string's hosts from inside the app container", command: 'docker exec {name} getent hosts mongo'}],
			cases: {
				fires: [
					{log: ['MongoServerSelectionError: connect ECONNREFUSED 172.18.0.3:27017']},
					{
						log: [
							'pymongo.errors.ServerSelectionTimeoutError: mongo:27017: [Errno 111] Connection refused, Timeout: 30s, Topology Description: <TopologyDescription id: 1, topology_type: Unknown>',
						],
					},
				],
				silent: [
					{
						log: [
							'{"t":{"$date":"2024-05-01T10:00:00.000+00:00"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}',
						],
					},
				],
			},
		},
		{
			id: 'kafka-broker-unavailable',
			runtime: 'kafka',
			pattern: /Connection to node (-?\d+) \(([\w.-]+)\/([\d.]+):(\d+)\) could not be established\. (?:Broker|Node) may not be available/,
			unless: /\] started \(kafka\.server\.KafkaServer\)|\[KafkaServer id=\d+\] started/,
			title: 'The Kafka client cannot reach broker {2}:{4}',
			explanation:
				"The client got the broker's address ({2}:{4}) from the bootstrap server's metadata and could not connect to it. When that address is localhost or 127.0.0.1, the broker advertises a listener that only works on its own machine: other containers need it to advertise its service name (KAFKA_ADVERTISED_LISTENERS).",
			fixes: [
				{
					description: 'Advertise a listener other containers can reach',
					edit: {file: 'compose.yaml', change: 'KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092'},
				},
				READY,
			],
			cases: {
				fires: [
					{
						log: [
							'[2024-05-01 10:00:00,000] WARN [AdminClient clientId=adminclient-1] Connection to node 1 (localhost/127.0.0.1:9092) could not be established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)',
						],
					},
				],
				silent: [{log: ['[2024-05-01 10:00:00,000] INFO [KafkaServer id=1] started (kafka.server.KafkaServer)']}],
			},
		},
		{
			id: 'elasticsearch-not-ready',
			runtime: 'elasticsearch',
			pattern:
				/(?:elasticsearch\.exceptions\.ConnectionError|elastic_transport\.ConnectionError|ConnectionError\(<urllib3\.connection\.HTTPConnection object at 0x[\da-f]+>: Failed to establish a new connection: \[Errno 111\] Connection refused\)).{0,240}(?:9200|Connection refused)/,
			title: 'Elasticsearch was not accepting connections yet',
			explanation:
				'Elasticsearch needs 10-60 s to start (JVM, plugins, cluster formation). An app that connects once at start-up fails unless it waits for the cluster health to be at least yellow.',
			fixes: [
				READY,
				{
					description: 'Health check for Elasticsearch',
					edit: {
						file: 'compose.yaml',
						change: 'healthcheck:\n  test: ["CMD-SHELL", "curl -fs localhost:9200/_cluster/health?wait_for_status=yellow"]\n  interval: 5s\n  retries: 30',
					},
				},
			],
			cases: {
				fires: [
					{
						log: [
							'elasticsearch.exceptions.ConnectionError: ConnectionError(<urllib3.connection.HTTPConnection object at 0x7f0e1c2b3d60>: Failed to establish a new connection: [Errno 111] Connection refused) caused by: NewConnectionError(<urllib3.connection.HTTPConnection object at 0x7f0e1c2b3d60>: Failed to establish a new connection: [Errno 111] Connection refused)',
						],
					},
				],
				silent: [{log: ['{"@timestamp":"2024-05-01T10:00:00.000Z", "log.level": "INFO", "message":"started", "service.name":"ES_ECS"}']}],
			},
		},
		{
			id: 'wait-for-timeout',
			runtime: 'shell',
			pattern:
				/(?:wait-for-it\.sh: timeout occurred after waiting (\d+) seconds for ([\w.-]+:\d+)|Operation timed out(?: after \d+ seconds)? waiting for ([\w.-]+:\d+)|dockerize: Timeout after ([\w.]+) waiting on)/,
			title: 'Gave up waiting for {2}{3} after {1} s',
			explanation:
				"The entrypoint waits for a dependency's port (wait-for-it, wait-for, dockerize) and the port never opened in time: the dependency failed to start, listens on another port, is on another network, or needs longer than the timeout.",
			fixes: [{description: 'Look at the dependency first', command: 'docker compose ps; docker compose logs --tail 50 db'}, READY],
			cases: {
				fires: [{log: ['wait-for-it.sh: waiting 15 seconds for db:5432', 'wait-for-it.sh: timeout occurred after waiting 15 seconds for db:5432']}],
				silent: [{log: ['wait-for-it.sh: waiting 15 seconds for db:5432', 'wait-for-it.sh: db:5432 is available after 3 seconds']}],
			},
		},
		{
			id: 'proxy-connect-failed',
			runtime: 'any',
			pattern:
				/(?:ProxyError\('Cannot connect to proxy\.'|proxyconnect tcp: (?:dial tcp [^:]+:\d+: )?(.{0,60})|Received HTTP code 407 from proxy after CONNECT|407 Proxy Authentication Required|tunneling socket could not be established)/,
			title: 'The HTTP proxy configured in the container is unreachable or refuses it',
			explanation:
				"HTTP_PROXY/HTTPS_PROXY are set (in the image, the container, or copied from the Docker client's proxy settings), and the proxy cannot be reached from the container or wants authentication. A proxy at localhost on the host is not localhost inside the container. Calls to other containers also go through it unless NO_PROXY lists them.",
			fixes: [
				{
					description: 'See the proxy variables the container has',
					command: "docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' {name} | grep -i proxy",
				},
				{
					description: 'Exclude internal names, or unset the proxy',
					command: 'docker run -e NO_PROXY=localhost,127.0.0.1,db,redis -e HTTPS_PROXY=http://proxy.corp:3128 {image}',
				},
			],
			cases: {
				fires: [
					{
						log: [
							"requests.exceptions.ProxyError: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /simple/ (Caused by ProxyError('Cannot connect to proxy.', NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused')))",
						],
					},
					{log: ['Get "https://api.example.com/v1": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused']},
				],
				silent: [{log: ['INFO using proxy settings from environment']}],
			},
		},
	],
};
