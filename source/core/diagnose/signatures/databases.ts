/** Postgres, MySQL/MariaDB and MongoDB server-side failures: data directories, versions, credentials, locks. */
import type {SignatureFamily} from './types.js';

const PG_UPGRADE = {
	description: 'Pin the major version the data was created with, or upgrade the data (pg_dumpall, or pg_upgrade)',
	edit: {file: 'compose.yaml', change: 'image: postgres:{1}'},
};

export const databases: SignatureFamily = {
	id: 'databases',
	description: 'Postgres, MySQL/MariaDB and MongoDB: data directories from other versions, non-empty data dirs, credentials, locks, connections.',
	signatures: [
		{
			id: 'postgres-version-mismatch',
			runtime: 'postgres',
			pattern: /DETAIL:\s+The data directory was initialized by PostgreSQL version (\d+), which is not compatible with this version ([\d.]+)/,
			title: 'The data volume holds Postgres {1} data, but the image is Postgres {2}',
			explanation:
				'Postgres data files are not compatible across major versions. The image tag moved (postgres:latest, or a bump in compose) while the volume still has the old cluster. Nothing is lost: start the old version to dump it.',
			fixes: [
				PG_UPGRADE,
				{
					description: 'Dump with the old version, restore into a fresh volume with the new one',
					command: 'docker run --rm -v pgdata:/var/lib/postgresql/data postgres:{1} pg_dumpall -U postgres > all.sql',
				},
			],
			cases: {
				fires: [
					{
						log: [
							'2024-05-01 10:00:00.000 UTC [1] FATAL:  database files are incompatible with server',
							'2024-05-01 10:00:00.000 UTC [1] DETAIL:  The data directory was initialized by PostgreSQL version 13, which is not compatible with this version 16.2 (Debian 16.2-1.pgdg120+2).',
						],
					},
				],
				silent: [{log: ['PostgreSQL Database directory appears to contain a database; Skipping initialization']}],
			},
		},
		{
			id: 'postgres-datadir-not-empty',
			runtime: 'postgres',
			pattern: /initdb: error: directory "([^"]+)" exists but is not empty/,
			title: 'initdb refuses: {1} is not empty',
			explanation:
				'On first start the entrypoint runs initdb, which needs an empty directory. A mount point at the root of a file system has lost+found, or the volume holds files from something else. Use a subdirectory via PGDATA.',
			fixes: [
				{
					description: 'Put the cluster in a subdirectory of the mount',
					command: 'docker run -e PGDATA=/var/lib/postgresql/data/pgdata -v pgdata:/var/lib/postgresql/data {image}',
				},
			],
			cases: {
				fires: [
					{
						log: [
							'initdb: error: directory "/var/lib/postgresql/data" exists but is not empty',
							'initdb: detail: It contains a lost+found directory, perhaps due to it being a mount point.',
						],
					},
				],
				silent: [{log: ['The files belonging to this database system will be owned by user "postgres".']}],
			},
		},
		{
			id: 'postgres-auth-failed',
			runtime: 'postgres',
			pattern: /FATAL:\s+password authentication failed for user "([^"]+)"/,
			title: 'Postgres rejected the password for user "{1}"',
			explanation:
				'POSTGRES_PASSWORD only takes effect when the data directory is created. If the volume already existed, the password inside it is the old one, whatever the environment now says; or the app is configured with a different password than the database.',
			fixes: [
				{
					description: 'Change the password inside the existing cluster',
					command: 'docker exec -it db psql -U postgres -c "ALTER USER {1} PASSWORD \'new-password\'"',
				},
				{description: 'Or, for a throwaway database, recreate the volume (deletes the data)', command: 'docker compose down -v && docker compose up -d'},
			],
			cases: {
				fires: [
					{
						log: [
							'2024-05-01 10:00:00.000 UTC [64] FATAL:  password authentication failed for user "app"',
							'2024-05-01 10:00:00.000 UTC [64] DETAIL:  Connection matched pg_hba.conf line 100: "host all all all scram-sha-256"',
						],
					},
				],
				silent: [{log: ['2024-05-01 10:00:00.000 UTC [1] LOG:  database system is ready to accept connections']}],
			},
		},
		{
			id: 'postgres-role-or-db-missing',
			runtime: 'postgres',
			pattern: /FATAL:\s+(role|database) "([^"]+)" does not exist/,
			title: 'Postgres has no {1} "{2}"',
			explanation:
				'POSTGRES_USER and POSTGRES_DB are only applied when the data directory is first created, and init scripts run only then. A volume created earlier, or a client default (the OS user name as the database), explains a missing role or database.',
			fixes: [{description: 'Create it in the running cluster', command: 'docker exec -it db createdb -U postgres {2}'}],
			cases: {
				fires: [
					{log: ['2024-05-01 10:00:00.000 UTC [70] FATAL:  database "app" does not exist']},
					{log: ['psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist']},
				],
				silent: [{log: ['CREATE DATABASE', 'CREATE ROLE']}],
			},
		},
		{
			id: 'postgres-too-many-clients',
			runtime: 'postgres',
			pattern: /FATAL:\s+(sorry, too many clients already|remaining connection slots are reserved)/,
			title: 'Postgres is out of connections: {1}',
			explanation:
				'Every connection slot (max_connections, 100 by default) is in use. Several app replicas each with a connection pool, or connections leaked by the app, add up quickly.',
			fixes: [
				{
					description: 'See who holds the connections',
					command: 'docker exec db psql -U postgres -c "select usename, application_name, state, count(*) from pg_stat_activity group by 1,2,3"',
				},
				{
					description: 'Pool connections (pgbouncer) or shrink the app pools; raise max_connections only with memory to spare',
					command: 'docker run postgres:16 -c max_connections=200',
				},
			],
			cases: {
				fires: [{log: ['psycopg2.OperationalError: connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  sorry, too many clients already']}],
				silent: [{log: ['2024-05-01 10:00:00.000 UTC [1] LOG:  checkpoint complete']}],
			},
		},
		{
			id: 'mysql-datadir-not-empty',
			runtime: 'mysql',
			pattern: /\[MY-010457\] \[Server\] --initialize specified but the data directory has files in it\. Aborting\./,
			title: 'MySQL refuses to initialise: the data directory is not empty',
			explanation:
				'On first start MySQL initialises /var/lib/mysql and needs it empty. A mount point with lost+found, or a volume with files from another program or a half-finished earlier start, stops it.',
			fixes: [{description: 'Use an empty volume, or a subdirectory of the mount', command: 'docker run -v mysql-data:/var/lib/mysql {image}'}],
			cases: {
				fires: [
					{
						log: [
							'2024-05-01T10:00:00.000000Z 0 [ERROR] [MY-010457] [Server] --initialize specified but the data directory has files in it. Aborting.',
							'2024-05-01T10:00:00.000000Z 0 [ERROR] [MY-013236] [Server] The designated data directory /var/lib/mysql/ is unusable. You can remove all files that the server added to it.',
						],
					},
				],
				silent: [
					{
						log: [
							'2024-05-01T10:00:00.000000Z 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld 8.0.36) initializing of server in progress as process 80',
						],
					},
				],
			},
		},
		{
			id: 'mysql-access-denied',
			runtime: 'mysql',
			pattern: /Access denied for user '([^']+)'@'([^']+)' \(using password: (YES|NO)\)/,
			title: 'MySQL rejected user {1} from {2}',
			explanation:
				"MYSQL_ROOT_PASSWORD, MYSQL_USER and MYSQL_PASSWORD only apply when the data directory is first initialised; a volume created before keeps its old accounts. Also, a user created for localhost cannot log in from another container's address.",
			fixes: [
				{
					description: 'Check the accounts and the hosts they may connect from',
					command: 'docker exec -it mysql mysql -uroot -p -e "select user, host from mysql.user"',
				},
				{description: 'For a throwaway database, recreate the volume (deletes the data)', command: 'docker compose down -v && docker compose up -d'},
			],
			cases: {
				fires: [{log: ["ERROR 1045 (28000): Access denied for user 'app'@'172.18.0.3' (using password: YES)"]}],
				silent: [{log: ['2024-05-01T10:00:00.000000Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.']}],
			},
		},
		{
			id: 'mysql-innodb-lock',
			runtime: 'mysql',
			pattern:
				/(?:\[ERROR\] (?:\[MY-012574\] \[InnoDB\] )?(?:InnoDB: )?Unable to lock \.\/ibdata1(?:,)? error: 11|Another process with pid \d+ is using unix socket file)/,
			title: 'The MySQL data directory is in use by another server',
			explanation:
				'Two MySQL servers are pointed at the same data directory (two containers sharing one volume, or a scaled service), and InnoDB refuses the second. A data directory belongs to exactly one server.',
			fixes: [{description: 'Find the other container on the volume', command: 'docker ps -a --filter volume=mysql-data'}],
			cases: {
				fires: [{log: ['2024-05-01T10:00:00.000000Z 1 [ERROR] [MY-012574] [InnoDB] Unable to lock ./ibdata1 error: 11']}],
				silent: [{log: ['2024-05-01T10:00:00.000000Z 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.']}],
			},
		},
		{
			id: 'mariadb-upgrade-needed',
			runtime: 'mariadb',
			pattern: /(?:InnoDB: Upgrade after a crash is not supported|\[ERROR\] Incorrect definition of table mysql\.\w+|Table '(mysql\.\w+)' doesn't exist)/,
			title: 'MariaDB/MySQL data from another version needs an upgrade',
			explanation:
				'The data directory was written by another major version (or by MySQL, read by MariaDB). Crash recovery across versions is not supported, and the system tables need mariadb-upgrade.',
			fixes: [
				{
					description: 'Start the old version once and shut it down cleanly, then let the new one upgrade',
					command: 'docker run -e MARIADB_AUTO_UPGRADE=1 -v db-data:/var/lib/mysql mariadb:11',
				},
			],
			cases: {
				fires: [{log: ['2024-05-01 10:00:00 0 [ERROR] InnoDB: Upgrade after a crash is not supported. The redo log was created with MariaDB 10.5.23.']}],
				silent: [{log: ['2024-05-01 10:00:00 0 [Note] mariadbd: ready for connections.']}],
			},
		},
		{
			id: 'mongodb-dbpath-locked',
			runtime: 'mongodb',
			pattern: /DBPathInUse: Unable to lock the lock file: ([^\s]+) \(Resource temporarily unavailable\)/,
			title: "MongoDB's data directory is locked by another mongod",
			explanation: 'Another mongod (another container on the same volume) holds /data/db. Two servers cannot share one data directory.',
			fixes: [{description: 'Find the other container on the volume', command: 'docker ps -a --filter volume=mongo-data'}],
			cases: {
				fires: [
					{
						log: [
							'{"t":{"$date":"2024-05-01T10:00:00.000+00:00"},"s":"E",  "c":"STORAGE",  "id":20557,   "ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"DBPathInUse: Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory"}}',
						],
					},
				],
				silent: [
					{
						log: [
							'{"t":{"$date":"2024-05-01T10:00:00.000+00:00"},"s":"I",  "c":"STORAGE",  "id":22297,   "ctx":"initandlisten","msg":"Using the XFS filesystem is strongly recommended with the WiredTiger storage engine"}',
						],
					},
				],
			},
		},
		{
			id: 'mongodb-fcv-too-new',
			runtime: 'mongodb',
			pattern:
				/(?:UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document|This version of MongoDB is too recent to start up on the existing data files|Wrong mongod version)/,
			title: 'The MongoDB data files are from a version this image cannot open',
			explanation:
				'MongoDB upgrades one major version at a time, and only after setFeatureCompatibilityVersion was raised on the old one. Jumping several versions (mongo:latest on an old volume), or going back, stops mongod.',
			fixes: [
				{
					description: 'Go back to the previous version, raise the FCV, then step up one major version at a time',
					command: 'docker exec mongo mongosh --eval \'db.adminCommand({setFeatureCompatibilityVersion: "6.0"})\'',
				},
			],
			cases: {
				fires: [
					{
						log: [
							'{"t":{"$date":"2024-05-01T10:00:00.000+00:00"},"s":"F",  "c":"CONTROL",  "id":20573,   "ctx":"initandlisten","msg":"Wrong mongod version","attr":{"error":"UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document (ERROR: Location4926900: Invalid featureCompatibilityVersion document in admin.system.version: { _id: \\"featureCompatibilityVersion\\", version: \\"4.4\\" }."}}',
						],
					},
				],
				silent: [{log: ['{"t":{"$date":"2024-05-01T10:00:00.000+00:00"},"s":"I",  "c":"CONTROL",  "id":23403,   "ctx":"initandlisten","msg":"Build Info"}']}],
			},
		},
		{
			id: 'mongodb-avx-missing',
			runtime: 'mongodb',
			pattern: /MongoDB 5\.0\+ requires a CPU with AVX support/,
			title: 'MongoDB 5.0+ needs a CPU with AVX, which this host lacks',
			explanation:
				'The official MongoDB 5.0+ binaries use AVX instructions. On older CPUs and on some virtual machines that hide AVX, mongod dies with an illegal instruction (exit 132).',
			fixes: [{description: 'Use MongoDB 4.4, or expose AVX to the VM', edit: {file: 'compose.yaml', change: 'image: mongo:4.4'}}],
			cases: {
				fires: [{log: ['WARNING: MongoDB 5.0+ requires a CPU with AVX support, and your current system does not appear to have that!']}],
				silent: [
					{
						log: [
							'{"t":{"$date":"2024-05-01T10:00:00.000+00:00"},"s":"I",  "c":"NETWORK",  "id":23015,   "ctx":"listener","msg":"Listening on","attr":{"address":"0.0.0.0"}}',
						],
					},
				],
			},
		},
		{
			id: 'mongodb-auth-failed',
			runtime: 'mongodb',
			pattern: /(?:MongoServerError: Authentication failed\.|pymongo\.errors\.OperationFailure: Authentication failed\.|"msg":"Authentication failed")/,
			title: 'MongoDB rejected the credentials',
			explanation:
				'MONGO_INITDB_ROOT_USERNAME/PASSWORD create the root user only on an empty /data/db; an existing volume keeps the old user. The user also lives in the admin database, so the client needs authSource=admin.',
			fixes: [
				{
					description: 'Authenticate against the admin database',
					command: 'docker run -e MONGO_URL="mongodb://root:PASSWORD@mongo:27017/app?authSource=admin" {image}',
				},
			],
			cases: {
				fires: [{log: ['MongoServerError: Authentication failed.']}],
				silent: [
					{log: ['{"t":{"$date":"2024-05-01T10:00:00.000+00:00"},"s":"I",  "c":"ACCESS",   "id":20250,   "ctx":"conn3","msg":"Authentication succeeded"}']},
				],
			},
		},
	],
};
